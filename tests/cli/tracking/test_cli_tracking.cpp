// End-to-end tests of `par-audit plan` and `par-audit track` on the Quỳnh Lưu sample: making
// actions, export → respond → import (and again), a tampered response, inspectors' verification,
// extension, locks and revision conflicts, and the register's formats.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "TestSupport.hpp"

using namespace par::test;

namespace {
// `track` keeps a cache in the user's cache folder: the tests' goes to a scratch folder, which
// the par-audit processes they start inherit.
const ScratchDir& cacheHome() {
    static ScratchDir dir("par-test-cache");
    static const bool set = ::setenv("XDG_CACHE_HOME", dir.path().c_str(), 1) == 0;
    (void)set;
    return dir;
}
const bool cacheHomeSet = !cacheHome().path().empty();

std::string cli() {
    return binaryPath("par-audit");
}
std::string q(const std::string& s) {
    return "'" + s + "'";
}

// A copy of the sample with its findings and actions made, in dir/ws/.
std::string preparedAudit(const ScratchDir& dir) {
    std::filesystem::create_directories(dir.file("ws"));
    std::string a = dir.file("ws/quynh-luu-2018.audit.xml");
    for (const char* f : {"quynh-luu-2018.audit.xml", "thu-tuc.xml", "van-ban-bo-sung.xml"})
        std::filesystem::copy_file(sourcePath(std::string("samples/quynh-luu-2018/") + f),
                                   dir.file(std::string("ws/") + f));
    // The copy sits one level deeper than samples/quynh-luu-2018: point its form at the source
    // tree.
    std::string text = readText(a);
    auto p = text.find("href=\"../../forms/cchc-huyen.xml\"");
    REQUIRE(p != std::string::npos);
    text.replace(p, 33, "href=\"" + sourcePath("forms/cchc-huyen.xml") + "\"");
    writeText(a, text);
    auto f = run(cli() + " findings --save " + a);
    INFO(f.out << f.err);
    REQUIRE(f.exitCode == 0);
    auto m = run(cli() + " plan make " + a);
    INFO(m.out << m.err);
    REQUIRE(m.exitCode == 0);
    return a;
}

nlohmann::json track(const std::string& args) {
    auto r = run(cli() + " track " + args + " --format json");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return nlohmann::json::parse(r.out);
}
}  // namespace

TEST_CASE("plan make on the sample, and again", "[cli][tracking]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    auto again = run(cli() + " plan make " + a);
    CHECK(again.exitCode == 0);
    CHECK_THAT(again.out, Catch::Contains("0 hành động mới"));
    auto j = track(dir.file("ws") + " --as-of 2019-01-31");
    REQUIRE(j["actions"].size() >= 3);
    for (const auto& x : j["actions"]) {
        CHECK(x["audit"] == "NA-SNV-2018-QL");
        CHECK(x["status"] == "open");
    }
    CHECK(run(cli() + " plan --help").out.find("export") != std::string::npos);
    CHECK(run(cli() + " track --help").out.find("--due-within") != std::string::npos);
}

TEST_CASE("export → respond → import, re-import, tampering", "[cli][tracking]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    auto j = track(dir.file("ws") + " --as-of 2019-01-31");
    std::string unit = j["actions"][0]["responsible"];
    std::string id = j["actions"][0]["id"];

    auto ex =
        run(cli() + " plan export " + a + " --unit " + q(unit) + " -o " + dir.file("plan.xml"));
    INFO(ex.out << ex.err);
    REQUIRE(ex.exitCode == 0);
    auto noUnit = run(cli() + " plan export " + a + " --unit " + q("UBND xã Không Có") + " -o " +
                      dir.file("x.xml"));
    CHECK(noUnit.exitCode == 2);
    CHECK_THAT(noUnit.err, Catch::Contains(unit));

    auto re = run(cli() + " plan respond " + dir.file("plan.xml") + " " + id +
                  " --status reported --date 2018-12-14 --doc 15/BC-UBND --note " +
                  q("Đã khắc phục") + " --evidence qd-15.pdf");
    INFO(re.out << re.err);
    REQUIRE(re.exitCode == 0);
    REQUIRE(std::filesystem::exists(dir.file("plan.response.xml")));
    auto accepted = run(cli() + " plan respond " + dir.file("plan.xml") + " " + id +
                        " --status accepted --date 2019-01-10");
    CHECK(accepted.exitCode == 2);

    // A tampered copy: the deadline pushed back. Refused, nothing merged.
    std::string response = readText(dir.file("plan.response.xml"));
    std::string tampered = response;
    auto p = tampered.find(" deadline=\"");
    REQUIRE(p != std::string::npos);
    tampered.replace(p + 11, 10, "2030-12-31");
    writeText(dir.file("tampered.xml"), tampered);
    std::string before = readText(a);
    auto bad = run(cli() + " plan import " + a + " " + dir.file("tampered.xml"));
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.err, Catch::Contains("2030-12-31") && Catch::Contains("thời hạn"));
    CHECK(readText(a) == before);

    auto im = run(cli() + " plan import " + a + " " + dir.file("plan.response.xml"));
    INFO(im.out << im.err);
    REQUIRE(im.exitCode == 0);
    CHECK_THAT(im.out, Catch::Contains(id));
    std::string merged = readText(a);
    CHECK_THAT(merged, Catch::Contains("15/BC-UBND") && Catch::Contains("qd-15.pdf"));
    auto twice = run(cli() + " plan import " + a + " " + dir.file("plan.response.xml"));
    CHECK(twice.exitCode == 0);
    CHECK_THAT(twice.out, Catch::Contains("Không có gì mới"));
    CHECK(readText(a) == merged);

    auto reported = track(dir.file("ws") + " --as-of 2019-01-31 --status reported");
    REQUIRE(reported["actions"].size() == 1);
    CHECK(reported["actions"][0]["report"]["doc"] == "15/BC-UBND");

    // The inspectors verify: accept; a second accept is refused (exit 2), reopen needs a note.
    auto acceptedOut = run(cli() + " plan accept " + a + " " + id + " --note " + q("Đã kiểm tra"));
    CHECK(acceptedOut.exitCode == 0);
    CHECK_THAT(acceptedOut.out, Catch::Contains("Công nhận hoàn thành " + id));  // says what it did
    CHECK(run(cli() + " plan accept " + a + " " + id).exitCode == 2);
    CHECK(run(cli() + " plan reopen " + a + " " + id).exitCode != 0);
    auto done = track(dir.file("ws") + " --as-of 2019-01-31 --status accepted");
    REQUIRE(done["actions"].size() == 1);
    CHECK(done["total"]["accepted_on_time"] == 1);
    // Stored as a code and its values, not a sentence of the session's language.
    CHECK_THAT(readText(a), Catch::Contains("code=\"action.accept\"") && Catch::Contains("<arg>" + id + "</arg>"));
}

TEST_CASE("extend, overdue and due-within", "[cli][tracking]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    auto all = track(dir.file("ws") + " --as-of 2025-01-01");
    auto overdue = track(dir.file("ws") + " --as-of 2025-01-01 --overdue");
    CHECK(overdue["actions"].size() == all["actions"].size());  // every deadline long past
    std::string id = all["actions"][0]["id"];
    auto ext = run(cli() + " plan extend " + a + " " + id + " --deadline 2025-01-15 --reason " +
                   q("Chờ sáp nhập"));
    INFO(ext.out << ext.err);
    REQUIRE(ext.exitCode == 0);
    auto after = track(dir.file("ws") + " --as-of 2025-01-01 --overdue");
    CHECK(after["actions"].size() == all["actions"].size() - 1);
    auto soon = track(dir.file("ws") + " --as-of 2025-01-01 --due-within 10");
    REQUIRE(soon["actions"].size() == 1);
    CHECK(soon["actions"][0]["deadline"] == "2025-01-15");
    CHECK(track(dir.file("ws") + " --as-of 2025-01-01 --due-within 9")["actions"].empty());
    auto table = run(cli() + " track " + dir.file("ws") + " --as-of 2025-01-01");
    CHECK(table.exitCode == 0);
    CHECK_THAT(table.out, Catch::Contains("quá hạn") && Catch::Contains("Tổng hợp theo đơn vị"));
}

TEST_CASE("deadlines in a year without an announced Tết schedule are marked as forecasts",
          "[cli][tracking][forecast]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    // The notice dated 21/12/2026: deadlines counted in working days fall in 2027.
    std::string text = readText(a);
    auto p = text.find("date=\"2018-12-05\"");
    REQUIRE(p != std::string::npos);
    text.replace(p, 18, "date=\"2026-12-21\"");
    writeText(a, text);
    auto make = run(cli() + " plan make " + a);
    INFO(make.out << make.err);
    REQUIRE(make.exitCode == 0);
    CHECK_THAT(make.out, Catch::Contains("cập nhật thời hạn") &&
                             Catch::Contains("/2027 (dự kiến: lịch nghỉ Tết 2027 chưa công bố)"));
    auto j = track(dir.file("ws") + " --as-of 2026-12-28");
    size_t marked = 0;
    for (const auto& x : j["actions"])
        if (!x["forecast"].is_null() && x["forecast"]["year"] == 2027)
            ++marked;
    CHECK(marked > 0);
    auto table = run(cli() + " track " + dir.file("ws") + " --as-of 2026-12-28");
    CHECK_THAT(table.out, Catch::Contains("(dự kiến: lịch nghỉ Tết 2027 chưa công bố)"));
    std::string id = j["actions"][0]["id"];
    auto ext = run(cli() + " plan extend " + a + " " + id + " --deadline 2027-03-15 --reason " +
                   q("Chờ sáp nhập"));
    REQUIRE(ext.exitCode == 0);
    CHECK_THAT(ext.out, Catch::Contains(id + ": hạn 15/03/2027 (dự kiến: lịch nghỉ Tết 2027"));
    // Once the office drops 2027's announced Tết in calendars/ beside the audits, no more marks.
    std::filesystem::create_directories(dir.file("ws/calendars"));
    writeText(dir.file("ws/calendars/2027.xml"),
              "<calendar-schedule format-version=\"1\">\n"
              "  <announcement document=\"1/TB-BNV\" confidence=\"H\">\n"
              "    <holiday name=\"Tết Nguyên đán\" year=\"2027\" from=\"2027-02-04\" "
              "to=\"2027-02-12\"/>\n"
              "  </announcement>\n</calendar-schedule>\n");
    auto announced = track(dir.file("ws") + " --as-of 2026-12-28");
    for (const auto& x : announced["actions"])
        CHECK(x["forecast"].is_null());
}

TEST_CASE("a locked audit is refused; a stale lock is taken over", "[cli][tracking][lock]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    // A live process (this test) on this host holds it.
    writeText(a + ".lock",
              "owner=Trần Thị Bình\nhost=" + std::string(host) +
                  "\npid=" + std::to_string(::getpid()) +
                  "\ntime=2026-11-27T08:00:00\nepoch=" + std::to_string(std::time(nullptr)) + "\n");
    std::string before = readText(a);
    for (const char* cmd : {" plan make ", " findings --save ", " answer "}) {
        std::string extra = std::string(cmd) == " answer " ? " ld_ke_hoach=yes" : "";
        auto r = run(cli() + cmd + a + extra);
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Catch::Contains("Trần Thị Bình") && Catch::Contains(host));
    }
    CHECK(readText(a) == before);
    // Reading is never blocked.
    CHECK(run(cli() + " track " + dir.file("ws") + " --as-of 2019-01-31").exitCode == 0);
    // Thirteen hours old: stale, taken over, and removed afterwards.
    writeText(a + ".lock",
              "owner=Trần Thị Bình\nhost=may-khac\npid=1\ntime=2026-11-26T08:00:00\nepoch=" +
                  std::to_string(std::time(nullptr) - 13 * 3600) + "\n");
    auto r = run(cli() + " plan make " + a);
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.err, Catch::Contains("khoá bỏ dở"));
    CHECK_FALSE(std::filesystem::exists(a + ".lock"));
}

TEST_CASE("register formats: csv, xlsx, ics, pdf files", "[cli][tracking][formats]") {
    ScratchDir dir;
    preparedAudit(dir);
    writeText(dir.file("ws/broken.audit.xml"), "<audit format-version='1'>\n</audit>");
    std::string ws = dir.file("ws");
    auto csv =
        run(cli() + " track " + ws + " --as-of 2019-01-31 --format csv -o " + dir.file("r.csv"));
    CHECK(csv.exitCode == 1);  // the broken file is reported, the rest still written
    CHECK_THAT(csv.err, Catch::Contains("broken.audit.xml"));
    CHECK(readText(dir.file("r.csv")).find("NA-SNV-2018-QL") != std::string::npos);
    std::filesystem::remove(dir.file("ws/broken.audit.xml"));
    auto xlsx =
        run(cli() + " track " + ws + " --as-of 2019-01-31 --format xlsx -o " + dir.file("r.xlsx"));
    INFO(xlsx.err);
    CHECK(xlsx.exitCode == 0);
    CHECK(readText(dir.file("r.xlsx")).substr(0, 2) == "PK");
    CHECK(run(cli() + " track " + ws + " --format xlsx").exitCode == 2);  // needs -o
    auto ics = run(cli() + " track " + ws + " --as-of 2019-01-31 --format ics");
    CHECK(ics.exitCode == 0);
    CHECK_THAT(ics.out, Catch::Contains("BEGIN:VEVENT") && Catch::Contains("DTSTART;VALUE=DATE:"));
    auto pdf =
        run(cli() + " track " + ws + " --as-of 2019-01-31 --format pdf -o " + dir.file("r.pdf"));
    INFO(pdf.err);
    REQUIRE(pdf.exitCode == 0);
    auto text = run("pdftotext -layout " + dir.file("r.pdf") + " -");
    if (text.exitCode == 0) {
        CHECK_THAT(text.out, Catch::Contains("BÁO CÁO") &&
                                 Catch::Contains("TỔNG HỢP THEO ĐƠN VỊ") &&
                                 Catch::Contains("SỞ NỘI VỤ"));
    } else {
        WARN("pdftotext not available: PDF text not checked");
    }
}

TEST_CASE("track: the cache in $XDG_CACHE_HOME, and --no-cache", "[cli][tracking][cache]") {
    ScratchDir dir;
    preparedAudit(dir);
    std::string ws = dir.file("ws");
    std::string home = dir.file("home");
    for (const auto& e : std::filesystem::directory_iterator(ws))  // fresh files are not cached
        std::filesystem::last_write_time(
            e.path(), std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
    std::string env = "XDG_CACHE_HOME=" + q(home) + " ";
    auto none = run(env + cli() + " track " + ws + " --as-of 2019-01-31 --format json --no-cache");
    REQUIRE(none.exitCode == 0);
    CHECK_FALSE(std::filesystem::exists(home + "/par-audit"));
    auto first = run(env + cli() + " track " + ws + " --as-of 2019-01-31 --format json");
    REQUIRE(first.exitCode == 0);
    REQUIRE(std::filesystem::exists(home + "/par-audit"));
    CHECK(std::distance(std::filesystem::directory_iterator(home + "/par-audit"),
                        std::filesystem::directory_iterator()) == 1);
    auto warm = run(env + cli() + " track " + ws + " --as-of 2019-01-31 --format json");
    REQUIRE(warm.exitCode == 0);
    CHECK(first.out == none.out);
    CHECK(warm.out == none.out);
    CHECK(run(cli() + " track --help").out.find("--no-cache") != std::string::npos);
}
