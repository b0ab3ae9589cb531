// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `par-audit dossiers analyze|apply`: the JSON shape exactly, the table, CSV
// and list outputs, bad input (exit 2 naming file:line), and apply → findings on a copy of the
// Quỳnh Lưu sample with the one-stop log of samples/mot-cua.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "TestSupport.hpp"
#include "core/model/ModelFixtures.hpp"

using namespace par::test;
namespace fs = std::filesystem;

namespace {
std::string cli() {
    return binaryPath("par-audit");
}
std::string sampleLog() {
    return sourcePath("samples/mot-cua/quynh-luu-2018.csv");
}
std::string sampleCatalog() {
    return sourcePath("samples/quynh-luu-2018/thu-tuc.xml");
}

const char* kCatalog = R"(<procedures format-version="1">
  <procedure code="1.001612" name="Đăng ký thành lập hộ kinh doanh" working-days="3"/>
  <procedure code="2.000815" name="Chứng thực bản sao" working-days="1" cutoff="15:00"/>
</procedures>)";

const char* kLog =
    "\xEF\xBB\xBF"
    "Mã hồ sơ;Mã thủ tục;Tên thủ tục;Cơ quan tiếp nhận;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết "
    "quả\r\n"
    "HS-1;1.001612;\"Đăng ký; thành lập\";UBND xã Ngọc Sơn;04/03/2024 "
    "08:00;07/03/2024;06/03/2024\r\n"
    "HS-2;1.001612;x;UBND xã Ngọc Sơn;05/03/2024;08/03/2024;11/03/2024 10:00\r\n"
    "HS-3;2.000815;x;UBND xã Quỳnh Châu;11/03/2024 15:30;13/03/2024;\r\n"
    "HS-4;2.000815;x;UBND xã Quỳnh Châu;01/04/2024 09:00;02/04/2024;\r\n"
    "HS-5;9.9;x;UBND xã Quỳnh Châu;01/04/2024 09:00;02/04/2024;\r\n"
    "HS-6;2.000815;x;UBND xã Quỳnh Châu;31/04/2024 09:00;02/05/2024;\r\n";

struct Fixture {
    ScratchDir dir{"par-cli-dossier"};
    Fixture() {
        writeText(dir.file("cat.xml"), kCatalog);
        writeText(dir.file("log.csv"), kLog);
    }
    std::string analyze(const std::string& extra) const {
        return cli() + " dossiers analyze " + dir.file("log.csv") + " --catalog " +
               dir.file("cat.xml") + " --as-of 2024-04-03 " + extra;
    }
};
}  // namespace

TEST_CASE("dossiers analyze --json: exactly the documented shape", "[cli][dossier]") {
    Fixture f;
    auto r = run(f.analyze("--json"));
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    const auto j = nlohmann::ordered_json::parse(r.out);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items())
        keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"header_line", "rows_total", "rows_invalid",
                                           "rows_unknown_procedure", "totals", "on_time_rate",
                                           "on_time_rate_766", "by_unit", "by_procedure",
                                           "by_month", "unknown_procedures", "invalid_rows"});
    const std::vector<std::string> counts = {
        "received",        "finished_early",  "finished_on_time",  "finished_late",
        "pending_in_time", "pending_overdue", "wrong_appointment", "late_working_days_sum"};
    std::vector<std::string> totalKeys;
    for (const auto& [k, v] : j["totals"].items())
        totalKeys.push_back(k);
    CHECK(totalKeys == counts);
    CHECK(j["header_line"] == 1);
    CHECK(j["rows_total"] == 6);
    // HS-5's procedure 9.9 is not in the catalog: counted, listed as unknown (issue 16; it used
    // to be an invalid row).
    CHECK(j["rows_invalid"] == 1);
    CHECK(j["rows_unknown_procedure"] == 1);
    CHECK(j["unknown_procedures"] ==
          nlohmann::ordered_json::parse(R"([{"procedure_code":"9.9","rows":1}])"));
    // HS-1 early; HS-2 late 1 day; HS-3 after the cut-off, due 13/03 = statutory, overdue
    // (13/03, 03/04] = 15 working days; HS-4 and HS-5 overdue 1 day.
    CHECK(j["totals"] ==
          nlohmann::ordered_json::parse(
              R"({"received":5,"finished_early":1,"finished_on_time":0,"finished_late":1,
                                 "pending_in_time":0,"pending_overdue":3,"wrong_appointment":0,
                                 "late_working_days_sum":18})"));
    // Ours: (early + on time) / resolved = 1/2; Decision 766's: (early + on time + pending in
    // time) / received = 1/5.
    CHECK(j["on_time_rate"] == 50.0);
    CHECK(j["on_time_rate_766"] == 20.0);
    REQUIRE(j["by_unit"].size() == 2);
    std::vector<std::string> unitKeys;
    for (const auto& [k, v] : j["by_unit"][0].items())
        unitKeys.push_back(k);
    std::vector<std::string> expected = {"unit"};
    expected.insert(expected.end(), counts.begin(), counts.end());
    CHECK(unitKeys == expected);
    CHECK(j["by_unit"][0]["unit"] == "UBND xã Ngọc Sơn");
    CHECK(j["by_procedure"][0]["procedure_code"] == "1.001612");
    CHECK(j["by_month"][0]["month"] == "2024-03");
    CHECK(j["by_month"][1]["month"] == "2024-04");
    CHECK(j["by_month"][1]["received"] == 2);
    REQUIRE(j["invalid_rows"].size() == 1);
    CHECK(j["invalid_rows"][0]["line"] == 7);
    CHECK_THAT(j["invalid_rows"][0]["reason"].get<std::string>(), Catch::Contains("31/04/2024"));
    CHECK_THAT(r.err, Catch::Contains("1"));  // the note about invalid rows
}

TEST_CASE("dossiers analyze: a report's title above the table is skipped, and said so",
          "[cli][dossier]") {
    Fixture f;
    // What a one-stop system's "export report" gives: a title, the unit, a blank line.
    writeText(f.dir.file("log.csv"), std::string("\xEF\xBB\xBF") +
                                         "SỔ THEO DÕI HỒ SƠ\r\nUBND huyện Quỳnh Lưu\r\n\r\n" +
                                         std::string(kLog).substr(3));
    auto t = run(f.analyze(""));
    INFO(t.out << t.err);
    REQUIRE(t.exitCode == 0);
    CHECK_THAT(t.out, Catch::Contains("Dòng tiêu đề của bảng: dòng 4") &&
                          Catch::Contains("Số dòng: 6; hợp lệ: 5; lỗi: 1"));
    auto j = run(f.analyze("--json"));
    REQUIRE(j.exitCode == 0);
    const auto json = nlohmann::ordered_json::parse(j.out);
    CHECK(json["header_line"] == 4);
    REQUIRE(json["invalid_rows"].size() == 1);
    CHECK(json["invalid_rows"][0]["line"] == 10);  // HS-6, on line 10 of the file
}

TEST_CASE("dossiers analyze: a row of column numbers under the header is skipped, and said so",
          "[cli][dossier]") {
    Fixture f;
    const std::string log = kLog;
    const size_t afterHeader = log.find("\r\n") + 2;
    writeText(
        f.dir.file("log.csv"),
        log.substr(0, afterHeader) + "(1);(2);(3);(4);(5);(6);(7)\r\n" + log.substr(afterHeader));
    auto t = run(f.analyze(""));
    INFO(t.out << t.err);
    REQUIRE(t.exitCode == 0);
    CHECK_THAT(t.out,
               Catch::Contains("Bỏ qua 1 dòng đánh số cột ((1), (2), …): không phải hồ sơ") &&
                   Catch::Contains("Số dòng: 6; hợp lệ: 5; lỗi: 1"));
    auto j = run(f.analyze("--json"));
    REQUIRE(j.exitCode == 0);
    const auto json = nlohmann::ordered_json::parse(j.out);
    CHECK(json["rows_total"] == 6);
    CHECK(json["rows_column_numbers"] == 1);
    REQUIRE(json["invalid_rows"].size() == 1);
    CHECK(json["invalid_rows"][0]["line"] == 8);  // HS-6, a line further down
}

TEST_CASE("dossiers analyze: the header again further down (logs pasted together) is skipped",
          "[cli][dossier]") {
    Fixture f;
    const std::string log = kLog;
    const size_t header = log.find("\r\n") + 2;
    const size_t afterHs3 = log.find("HS-4;");
    // (The first header has the byte order mark; the pasted one has not.)
    writeText(f.dir.file("log.csv"),
              log.substr(0, afterHs3) + log.substr(3, header - 3) + log.substr(afterHs3));
    auto t = run(f.analyze(""));
    INFO(t.out << t.err);
    REQUIRE(t.exitCode == 0);
    CHECK_THAT(t.out, Catch::Contains("Bỏ qua 1 dòng lặp lại dòng tiêu đề của bảng: không phải "
                                      "hồ sơ, không tính") &&
                          Catch::Contains("Số dòng: 6; hợp lệ: 5; lỗi: 1"));
    auto j = run(f.analyze("--json"));
    REQUIRE(j.exitCode == 0);
    const auto json = nlohmann::ordered_json::parse(j.out);
    CHECK(json["rows_total"] == 6);
    CHECK(json["rows_repeated_header"] == 1);
    CHECK_FALSE(json.contains("rows_column_numbers"));
    REQUIRE(json["invalid_rows"].size() == 1);
    CHECK(json["invalid_rows"][0]["line"] == 8);  // HS-6, a line further down
    // A log that is its header twice: no rows, the note, and the table's total line whole (the
    // first column as wide as its longest label, "Tổng cộng", with no unit to widen it).
    writeText(f.dir.file("log.csv"), log.substr(0, header) + log.substr(3, header - 3));
    auto empty = run(f.analyze(""));
    INFO(empty.out << empty.err);
    REQUIRE(empty.exitCode == 0);
    CHECK_THAT(empty.out, Catch::Contains("Bỏ qua 1 dòng lặp lại dòng tiêu đề") &&
                              Catch::Contains("Số dòng: 0; hợp lệ: 0; lỗi: 0") &&
                              Catch::Contains("Tổng cộng  ") && !Catch::Contains("…"));
    // Without it, the key is left out (the JSON as before).
    writeText(f.dir.file("log.csv"), log);
    auto plain = run(f.analyze("--json"));
    REQUIRE(plain.exitCode == 0);
    CHECK_FALSE(nlohmann::ordered_json::parse(plain.out).contains("rows_repeated_header"));
}

TEST_CASE("dossiers analyze: table, --by, --top, --csv and --list", "[cli][dossier]") {
    Fixture f;
    auto t = run(f.analyze("--top 1"));
    INFO(t.out << t.err);
    REQUIRE(t.exitCode == 0);
    CHECK_THAT(t.out, Catch::Contains("Tổng cộng") && Catch::Contains("Đơn vị") &&
                          Catch::Contains("UBND xã Quỳnh Châu"));
    CHECK_THAT(t.out, !Catch::Contains("UBND xã Ngọc Sơn  "));  // --top 1: the unit with most late
    CHECK_THAT(t.out, Catch::Contains("HS-3") && Catch::Contains("15"));  // worst late dossier
    CHECK_THAT(t.out, Catch::Contains(f.dir.file("log.csv") + ":7"));     // bad rows with file:line
    // Both on-time rates, each named, and the unknown procedure code.
    CHECK_THAT(t.out, Catch::Contains("cách tính của par-audit") && Catch::Contains("50,00%") &&
                          Catch::Contains("Quyết định 766/QĐ-TTg") &&
                          Catch::Contains("20,00%") && Catch::Contains("9.9 (1)"));
    auto m = run(f.analyze("--by month"));
    CHECK_THAT(m.out, Catch::Contains("2024-03") && Catch::Contains("Tháng tiếp nhận"));
    auto c = run(f.analyze("--csv --by procedure"));
    REQUIRE(c.exitCode == 0);
    CHECK(
        c.out.rfind(
            "procedure_code,received,finished_early,finished_on_time,finished_late,pending_in_time,"
            "pending_overdue,wrong_appointment,late_working_days_sum\r\n1.001612,2,1,0,1,0,0,0,"
            "1\r\n",
            0) == 0);
    auto l = run(f.analyze("--json --list " + f.dir.file("late.csv")));
    REQUIRE(l.exitCode == 0);
    const std::string list = readText(f.dir.file("late.csv"));
    CHECK_THAT(list,
               Catch::Contains(
                   "HS-2,UBND xã Ngọc Sơn,1.001612,2024-03-05,2024-03-08,2024-03-08,2024-03-11,"
                   "finished_late,1,0"));
    CHECK_THAT(list, Catch::Contains("HS-3") && Catch::Contains("pending_overdue,15"));
    CHECK_THAT(list, !Catch::Contains("HS-1"));
    // No statutory due date for a procedure not in the catalog.
    CHECK_THAT(list, Catch::Contains(
                         "HS-5,UBND xã Quỳnh Châu,9.9,2024-04-01,2024-04-02,,,pending_overdue,1,0"));
    auto en = run(cli() + " --lang en dossiers analyze " + f.dir.file("log.csv") + " --catalog " +
                  f.dir.file("cat.xml") + " --as-of 2024-04-03");
    CHECK_THAT(en.out, Catch::Contains("Total"));
}

TEST_CASE("dossiers: bad input exits 2 naming the file and line", "[cli][dossier]") {
    Fixture f;
    auto missing = run(cli() + " dossiers analyze " + f.dir.file("nope.csv") + " --catalog " +
                       f.dir.file("cat.xml") + " --as-of 2024-04-03");
    CHECK(missing.exitCode == 2);
    CHECK_THAT(missing.err, Catch::Contains(f.dir.file("nope.csv")));
    auto asOf = run(cli() + " dossiers analyze " + f.dir.file("log.csv") + " --catalog " +
                    f.dir.file("cat.xml") + " --as-of 31/02/2024");
    CHECK(asOf.exitCode == 2);
    CHECK_THAT(asOf.err, Catch::Contains("31/02/2024"));
    writeText(f.dir.file("broken.csv"),
              "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n"
              "HS-1,1.001612,\"UBND xã A,04/03/2024,07/03/2024,\n");
    auto broken = run(cli() + " dossiers analyze " + f.dir.file("broken.csv") + " --catalog " +
                      f.dir.file("cat.xml") + " --as-of 2024-04-03");
    CHECK(broken.exitCode == 2);
    CHECK_THAT(broken.err, Catch::Contains(f.dir.file("broken.csv") + ":2"));
    writeText(f.dir.file("cols.csv"), "Số,Tên\n1,2\n");
    auto cols = run(cli() + " dossiers analyze " + f.dir.file("cols.csv") + " --catalog " +
                    f.dir.file("cat.xml") + " --as-of 2024-04-03");
    CHECK(cols.exitCode == 2);
    CHECK_THAT(cols.err,
               Catch::Contains(f.dir.file("cols.csv") + ":1") && Catch::Contains("dossier_id"));
    writeText(f.dir.file("map.txt"),
              "dossier_id = Số\nprocedure_code = Tên\nunit = Tên\nreceived_at = Tên\n"
              "due_at = Tên\nfinished_at = Tên\n");
    auto mapped = run(cli() + " dossiers analyze " + f.dir.file("cols.csv") + " --catalog " +
                      f.dir.file("cat.xml") + " --as-of 2024-04-03 --json --mapping " +
                      f.dir.file("map.txt"));
    CHECK(mapped.exitCode == 0);
    CHECK(nlohmann::json::parse(mapped.out)["rows_invalid"] == 1);  // "2" is no date
    auto help = run(cli() + " dossiers analyze --help");
    CHECK_THAT(help.out, Catch::Contains("Ngày tính số liệu") && Catch::Contains("--catalog"));
}

TEST_CASE("dossiers apply + findings on a copy of the sample audit", "[cli][dossier][sample]") {
    ScratchDir dir("par-cli-dossier");
    fs::create_directories(dir.file("forms"));
    fs::create_directories(dir.file("samples/q"));
    fs::copy_file(sourcePath("forms/cchc-huyen.xml"), dir.file("forms/cchc-huyen.xml"));
    for (const char* f : {"quynh-luu-2018.audit.xml", "thu-tuc.xml", "van-ban-bo-sung.xml"})
        fs::copy_file(sourcePath(std::string("samples/quynh-luu-2018/") + f),
                      dir.file(std::string("samples/q/") + f));
    const std::string audit = dir.file("samples/q/quynh-luu-2018.audit.xml");

    auto a = run(cli() + " dossiers analyze " + sampleLog() + " --catalog " + sampleCatalog() +
                 " --as-of 2018-10-30 --json");
    INFO(a.out << a.err);
    REQUIRE(a.exitCode == 0);
    const auto stats = nlohmann::json::parse(a.out);
    const long long late = stats["totals"]["finished_late"];
    const long long overdue = stats["totals"]["pending_overdue"];
    REQUIRE(late > 0);
    CHECK(stats["rows_invalid"] == 1);  // the unknown procedure code is counted now
    CHECK(stats["rows_unknown_procedure"] == 1);

    // The sample log lists every one-stop unit of the district; --all-units takes all of it.
    auto applied = run(cli() + " dossiers apply " + sampleLog() + " --audit " + audit +
                       " --as-of 2018-10-30 --all-units");
    INFO(applied.out << applied.err);
    REQUIRE(applied.exitCode == 0);
    CHECK_THAT(applied.out,
               Catch::Contains("năm 2018 (cập nhật)") &&
                   Catch::Contains("tiếp nhận " +
                                   std::to_string(stats["totals"]["received"].get<long long>())) &&
                   Catch::Contains("quá hạn " + std::to_string(late)));
    const std::string saved = readText(audit);
    CHECK_THAT(saved, Catch::Contains("<cell c=\"qua_han\">" + std::to_string(late) + "</cell>"));
    CHECK_THAT(saved, Catch::Contains("<cell c=\"phieu_xin_loi\">12</cell>"));  // kept
    CHECK_THAT(saved, Catch::Contains("17334"));                                // 2017 untouched
    CHECK_THAT(saved, Catch::Contains("code=\"dossiers.apply\""));             // change log, as a code
    CHECK(fs::exists(audit + ".bak"));

    auto findings = run(cli() + " findings --json " + audit);
    INFO(findings.out << findings.err);
    REQUIRE(findings.exitCode == 0);
    const auto fj = nlohmann::json::parse(findings.out);
    bool lateFinding = false, overdueFinding = false;
    for (const auto& x : fj["findings"]) {
        const std::string text = x["text"];
        if (x["category"] == "late-handling" && text.find("Năm 2018") != std::string::npos)
            lateFinding = text.find("còn " + std::to_string(late) + " hồ sơ") != std::string::npos;
        if (x["category"] == "pending-overdue")
            overdueFinding = true;
    }
    CHECK(lateFinding);
    CHECK(overdueFinding == (overdue > 0));
}

TEST_CASE("dossiers apply refuses an audit whose form has no results table", "[cli][dossier]") {
    ScratchDir dir("par-cli-dossier");
    writeText(dir.file("mini.xml"), kSmallForm);
    writeText(dir.file("cat.xml"), kCatalog);
    writeText(dir.file("log.csv"), kLog);
    auto created = run(cli() + " new --form " + dir.file("mini.xml") + " --unit " + q("UBND xã A") +
                       " -o " + dir.file("a.audit.xml"));
    INFO(created.out << created.err);
    REQUIRE(created.exitCode == 0);
    const std::string before = readText(dir.file("a.audit.xml"));
    auto r =
        run(cli() + " dossiers apply " + dir.file("log.csv") + " --audit " +
            dir.file("a.audit.xml") + " --catalog " + dir.file("cat.xml") + " --as-of 2024-04-03");
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains("ket_qua_giai_quyet") && Catch::Contains("không ghi gì"));
    CHECK(readText(dir.file("a.audit.xml")) == before);
}

namespace {
// True once `pid` runs par-audit (not the forked test before exec, which has Catch's handlers) and
// has a handler for SIGINT (bit 2 of SigCgt in /proc/PID/status).
bool catchesSigint(pid_t pid) {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/" + std::to_string(pid) + "/exe", ec);
    if (ec || exe.filename() != "par-audit")
        return false;
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("SigCgt:", 0) == 0)
            return (std::stoull(line.substr(7), nullptr, 16) & (1ull << (SIGINT - 1))) != 0;
    return false;
}
}  // namespace

TEST_CASE("dossiers apply: Ctrl-C stops the analysis and writes nothing", "[cli][dossier]") {
    ScratchDir dir("par-cli-dossier");
    writeText(dir.file("cat.xml"), kCatalog);
    // Large enough that the analysis is still running when the signal comes (~400,000 rows).
    {
        std::ofstream log(dir.file("big.csv"), std::ios::binary);
        log << "Mã hồ sơ;Mã thủ tục;Cơ quan tiếp nhận;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả\r\n";
        for (int i = 0; i < 400000; ++i)
            log << "HS-" << i << ";1.001612;UBND xã Ngọc Sơn;04/03/2024 08:00;07/03/2024;06/03/2024\r\n";
    }
    auto created = run(cli() + " new --form cchc-xa --unit " + q("UBND xã Ngọc Sơn") + " -o " +
                       dir.file("a.audit.xml"));
    REQUIRE(created.exitCode == 0);
    const std::string before = readText(dir.file("a.audit.xml"));

    const std::string errPath = dir.file("err.txt");
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        FILE* err = std::freopen(errPath.c_str(), "w", stderr);
        (void)err;
        const std::string exe = cli(), log = dir.file("big.csv"), audit = dir.file("a.audit.xml"),
                          cat = dir.file("cat.xml");
        execl(exe.c_str(), exe.c_str(), "dossiers", "apply", log.c_str(), "--audit", audit.c_str(),
              "--catalog", cat.c_str(), "--as-of", "2024-04-03", static_cast<char*>(nullptr));
        _exit(127);
    }
    // Wait for the handler (installed when the reading starts), then interrupt.
    bool ready = false;
    for (int i = 0; i < 20000 && !ready; ++i) {
        ready = catchesSigint(pid);
        if (!ready)
            usleep(500);
    }
    int status = 0;
    if (ready)
        kill(pid, SIGINT);
    waitpid(pid, &status, 0);
    REQUIRE(ready);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    CHECK_THAT(readText(errPath), Catch::Contains("Ctrl-C") && Catch::Contains("không có gì được ghi"));
    CHECK(readText(dir.file("a.audit.xml")) == before);
}

// Issue 16: `dossiers apply` wrote the whole log into the audit, whoever's rows they were and
// whenever they were received. Now only the audited unit's rows (or --unit's) received within the
// audit's period count; a log with none is refused, listing its units.
TEST_CASE("dossiers apply: only the audited unit's rows in the audit's period", "[cli][dossier]") {
    ScratchDir dir("par-cli-dossier");
    fs::create_directories(dir.file("forms"));
    fs::create_directories(dir.file("samples/q"));
    fs::copy_file(sourcePath("forms/cchc-huyen.xml"), dir.file("forms/cchc-huyen.xml"));
    for (const char* f : {"quynh-luu-2018.audit.xml", "thu-tuc.xml", "van-ban-bo-sung.xml"})
        fs::copy_file(sourcePath(std::string("samples/quynh-luu-2018/") + f),
                      dir.file(std::string("samples/q/") + f));
    const std::string audit = dir.file("samples/q/quynh-luu-2018.audit.xml");
    const std::string before = readText(audit);
    const std::string applyCmd =
        cli() + " dossiers apply " + sampleLog() + " --audit " + audit + " --as-of 2018-10-30";

    // No row of the log is "UBND huyện Quỳnh Lưu": refused, the log's units listed, nothing written.
    auto refused = run(applyCmd);
    INFO(refused.out << refused.err);
    CHECK(refused.exitCode == 2);
    CHECK_THAT(refused.err, Catch::Contains("UBND huyện Quỳnh Lưu") &&
                                Catch::Contains("Sở Kế hoạch và Đầu tư\" (14 dòng)") &&
                                Catch::Contains("--unit") && Catch::Contains("--all-units"));
    CHECK(readText(audit) == before);

    // --unit, matched whatever the case, spacing and tone placement ("Thuỷ" for "Thủy").
    auto json = run(cli() + " dossiers analyze " + sampleLog() + " --catalog " + sampleCatalog() +
                    " --as-of 2018-10-30 --json");
    REQUIRE(json.exitCode == 0);
    long long expected = 0;
    const auto parsed = nlohmann::json::parse(json.out);
    for (const auto& u : parsed["by_unit"])
        if (u["unit"] == "UBND xã Tiến Thủy" || u["unit"] == "UBND xã Quỳnh Châu")
            expected += u["received"].get<long long>();
    REQUIRE(expected > 0);
    auto one = run(applyCmd + " --unit 'ubnd  xã tiến thuỷ' --unit 'UBND xã Quỳnh Châu'");
    INFO(one.out << one.err);
    REQUIRE(one.exitCode == 0);
    CHECK_THAT(one.out, Catch::Contains("tiếp nhận " + std::to_string(expected)) &&
                            Catch::Contains("theo Quyết định 766/QĐ-TTg") &&
                            Catch::Contains("Bỏ qua"));
    const std::string saved = readText(audit);
    CHECK_THAT(saved, Catch::Contains("<cell c=\"tiep_nhan\">" + std::to_string(expected) +
                                      "</cell>"));
    // The change log: a code and its values (log, date, units, years), worded when shown.
    CHECK_THAT(saved, Catch::Contains("code=\"dossiers.apply\"") && Catch::Contains("quynh-luu-2018.csv</arg>"));

    // A unit that differs by a diacritic is another unit.
    auto other = run(applyCmd + " --unit 'UBND xã Tiến Thuy'");
    CHECK(other.exitCode == 2);
}

TEST_CASE("dossiers apply: a log outside the audit's period is refused", "[cli][dossier]") {
    ScratchDir dir("par-cli-dossier");
    fs::create_directories(dir.file("forms"));
    fs::create_directories(dir.file("samples/q"));
    fs::copy_file(sourcePath("forms/cchc-huyen.xml"), dir.file("forms/cchc-huyen.xml"));
    for (const char* f : {"quynh-luu-2018.audit.xml", "thu-tuc.xml", "van-ban-bo-sung.xml"})
        fs::copy_file(sourcePath(std::string("samples/quynh-luu-2018/") + f),
                      dir.file(std::string("samples/q/") + f));
    const std::string audit = dir.file("samples/q/quynh-luu-2018.audit.xml");
    const std::string before = readText(audit);
    // The audit covers 01/01/2017 - 30/10/2018; this log is of 2024.
    writeText(dir.file("2024.csv"),
              "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n"
              "HS-1,1.001612,UBND huyện Quỳnh Lưu,04/03/2024,07/03/2024,07/03/2024\n"
              "HS-2,1.001612,UBND HUYỆN QUỲNH LƯU,05/03/2024,08/03/2024,\n");
    auto r = run(cli() + " dossiers apply " + dir.file("2024.csv") + " --audit " + audit +
                 " --as-of 2024-04-01");
    INFO(r.out << r.err);
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains("04/03/2024") && Catch::Contains("05/03/2024") &&
                          Catch::Contains("01/01/2017") && Catch::Contains("thời kỳ kiểm tra"));
    CHECK(readText(audit) == before);
}

// Issue 19, item 1: `dossiers apply` and `answer` run side by side used to lose the answer (both
// saved from what they had loaded). Through the core's transaction both take the audit's lock: each
// run either waits its turn or is refused with the lock's holder, and a recorded answer is never lost.
TEST_CASE("dossiers apply and answer side by side never lose an answer", "[cli][dossier][lock]") {
    ScratchDir dir;
    fs::create_directories(dir.file("forms"));
    fs::create_directories(dir.file("samples/q"));
    fs::copy_file(sourcePath("forms/cchc-huyen.xml"), dir.file("forms/cchc-huyen.xml"));
    for (const char* f : {"quynh-luu-2018.audit.xml", "thu-tuc.xml", "van-ban-bo-sung.xml"})
        fs::copy_file(sourcePath(std::string("samples/quynh-luu-2018/") + f),
                      dir.file(std::string("samples/q/") + f));
    const std::string audit = dir.file("samples/q/quynh-luu-2018.audit.xml");
    int answered = 0;
    for (int i = 1; i <= 40; ++i) {
        const std::string value = std::to_string(300 + i);
        const std::string both = "( " + cli() + " dossiers apply " + sampleLog() + " --audit " + audit +
                                 " --as-of 2018-10-30 --all-units > " + dir.file("apply.out") + " 2>&1 & " + cli() +
                                 " answer " + audit + " tthc_so_thu_tuc=" + value + " > " + dir.file("answer.out") +
                                 " 2>&1; echo $? > " + dir.file("answer.rc") + "; wait )";
        run(both);
        const std::string rc = readText(dir.file("answer.rc"));
        const std::string out = readText(dir.file("answer.out"));
        INFO(i << ": " << out << readText(dir.file("apply.out")));
        if (rc.rfind("0", 0) == 0) {
            ++answered;
            // Whatever the apply did, the answer that was reported as recorded is in the file.
            CHECK_THAT(readText(audit), Catch::Contains("<answer q=\"tthc_so_thu_tuc\">" + value + "</answer>") ||
                                            Catch::Contains(">" + value + "<"));
        } else {
            CHECK_THAT(out, Catch::Contains(".lock") || Catch::Contains("khoá") || Catch::Contains("đang mở"));
        }
    }
    CHECK(answered > 0);
}
