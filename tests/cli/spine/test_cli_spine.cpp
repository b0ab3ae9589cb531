// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of the core-spine commands: validate, new, answer, findings, show, on the
// shipped forms and the Quỳnh Lưu sample, good input and bad.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "TestSupport.hpp"

using namespace par::test;

namespace {
std::string cli() { return binaryPath("par-audit"); }
std::string sample() { return sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"); }
}  // namespace

TEST_CASE("validate accepts the shipped forms, reference data and sample", "[cli]") {
    auto r = run(cli() + " validate " + sourcePath("forms/cchc-xa.xml") + " " + sourcePath("forms/cchc-so.xml") + " " +
                 sourcePath("forms/cchc-huyen.xml") + " " + sourcePath("reference/van-ban.xml") + " " +
                 sourcePath("reference/thu-tuc-mau.xml") + " " + sample());
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("✓") && Catch::Contains("cchc-huyen"));
}

TEST_CASE("validate reports problems with file:line and exit 1", "[cli]") {
    ScratchDir dir;
    writeText(dir.file("f.xml"),
              "<form format-version='1' id='x'>\n<title>T</title>\n<areas><area id='a'>A</area></areas>\n"
              "<section id='s' area='a'><label>S</label>\n<question id='q1' type='integer'><label>Q</label></question>\n"
              "<question id='q1' type='colour'><label>Q</label></question>\n</section>\n</form>");
    auto r = run(cli() + " validate " + dir.file("f.xml"));
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.out, Catch::Contains(dir.file("f.xml") + ":6") && Catch::Contains("'q1'") && Catch::Contains("'colour'"));
}

TEST_CASE("validate: unreadable or malformed files exit 2", "[cli]") {
    ScratchDir dir;
    writeText(dir.file("bad.xml"), "<form>\n<section>\n</form>");
    auto r = run(cli() + " validate " + dir.file("bad.xml"));
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.out + r.err, Catch::Contains(dir.file("bad.xml") + ":2"));
    auto missing = run(cli() + " validate " + dir.file("nothing.xml"));
    CHECK(missing.exitCode == 2);
    writeText(dir.file("v.audit.xml"), "<audit format-version='3'><unit name='x'/><form id='cchc-xa'/></audit>");
    auto newer = run(cli() + " validate " + dir.file("v.audit.xml"));
    CHECK(newer.exitCode == 2);
    CHECK_THAT(newer.out, Catch::Contains("format-version 3"));
}

TEST_CASE("findings on the sample lists all three core categories", "[cli][sample]") {
    auto r = run(cli() + " findings " + sample());
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("Thừa thành phần hồ sơ"));
    CHECK_THAT(r.out, Catch::Contains("quy định cũ"));
    CHECK_THAT(r.out, Catch::Contains("quá hạn"));
    auto j = run(cli() + " findings --json " + sample());
    REQUIRE(j.exitCode == 0);
    auto doc = nlohmann::json::parse(j.out);
    std::set<std::string> categories;
    for (const auto& f : doc["findings"]) {
        CHECK(f["origin"] == "rule");
        categories.insert(f["category"].get<std::string>());
    }
    CHECK(categories.count("surplus-components") == 1);
    CHECK(categories.count("outdated-mandate") == 1);
    CHECK(categories.count("late-handling") == 1);
}

TEST_CASE("new → answer → findings --save → show", "[cli]") {
    ScratchDir dir;
    std::string a = dir.file("ngoc-son.audit.xml");
    auto created = run(cli() + " new --form cchc-xa --unit " + q("UBND xã Ngọc Sơn") + " --visit 02/12/2025 -o " + a);
    INFO(created.out << created.err);
    REQUIRE(created.exitCode == 0);

    // Never overwrites.
    auto again = run(cli() + " new --form cchc-xa --unit X -o " + a);
    CHECK(again.exitCode == 2);
    CHECK_THAT(again.err, Catch::Contains("đã tồn tại"));

    auto answered = run(cli() + " answer " + a +
                        " ket_qua_giai_quyet.1.nam=2025 ket_qua_giai_quyet.1.tiep_nhan=1200 ket_qua_giai_quyet.1.dung_han=1190"
                        " ket_qua_giai_quyet.1.qua_han=10 ket_qua_giai_quyet.1.phieu_xin_loi=4");
    INFO(answered.out << answered.err);
    REQUIRE(answered.exitCode == 0);
    std::string before = readText(a);

    // Unknown question: bad usage, nothing written.
    auto unknown = run(cli() + " answer " + a + " khong_co_cau_nay=1");
    CHECK(unknown.exitCode == 2);
    CHECK_THAT(unknown.err, Catch::Contains("khong_co_cau_nay"));
    // Wrong type and impossible date: problems, nothing written.
    auto wrong = run(cli() + " answer " + a + " ket_qua_giai_quyet.1.qua_han=nhiều");
    CHECK(wrong.exitCode == 1);
    CHECK_THAT(wrong.err, Catch::Contains("nhiều"));
    CHECK(readText(a) == before);

    auto found = run(cli() + " findings --save " + a);
    REQUIRE(found.exitCode == 0);
    CHECK_THAT(found.out, Catch::Contains("10 hồ sơ"));
    CHECK_THAT(readText(a), Catch::Contains("origin=\"rule\""));

    auto shown = run(cli() + " show " + a);
    REQUIRE(shown.exitCode == 0);
    CHECK_THAT(shown.out, Catch::Contains("UBND xã Ngọc Sơn") && Catch::Contains("ket_qua_giai_quyet"));
}

TEST_CASE("answer rejects an impossible date and keeps the file", "[cli]") {
    ScratchDir dir;
    std::string a = dir.file("x.audit.xml");
    REQUIRE(run(cli() + " new --form cchc-so --unit " + q("Sở Tư pháp") + " -o " + a).exitCode == 0);
    std::string before = readText(a);
    auto r = run(cli() + " answer " + a + " chuc_nang_nhiem_vu.1.ngay_ban_hanh=31/02/2018");
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("31/02/2018"));
    CHECK(readText(a) == before);
    auto badDate = run(cli() + " new --form cchc-so --unit X --visit 2018-02-31 -o " + dir.file("y.audit.xml"));
    CHECK(badDate.exitCode == 2);
}

TEST_CASE("every command has --help", "[cli]") {
    for (const char* c : {"validate", "new", "answer", "findings", "show"}) {
        auto r = run(cli() + " " + c + " --help");
        INFO(c);
        CHECK(r.exitCode == 0);
        CHECK_FALSE(r.out.empty());
    }
    CHECK(run(cli() + " no-such-command").exitCode == 2);
}

TEST_CASE("an audit copied away from its form still opens with the bundled form", "[cli]") {
    ScratchDir dir;
    REQUIRE(run("cp " + sourcePath("samples/quynh-luu-2018") + "/*.xml " + dir.path()).exitCode == 0);
    auto r = run(cli() + " findings " + dir.file("quynh-luu-2018.audit.xml"));
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("Thừa thành phần hồ sơ"));
    CHECK(run(cli() + " validate " + dir.file("quynh-luu-2018.audit.xml")).exitCode == 0);
}

TEST_CASE("help: descriptions line up in one column, Vietnamese labels included", "[cli]") {
    auto r = run(cli() + " report --help");
    REQUIRE(r.exitCode == 0);
    // Column (in letters, not bytes) where the description starts on each "  -o,--output …" style line.
    auto column = [](const std::string& line) -> size_t {
        size_t letters = 0, i = 0;
        const size_t gap = line.find("   ", 2);
        if (gap == std::string::npos)
            return 0;
        size_t end = line.find_first_not_of(' ', gap);
        for (; i < end; ++i)
            letters += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80 ? 1 : 0;
        return letters;
    };
    std::set<size_t> columns;
    std::istringstream in(r.out);
    std::string line;
    bool sawVietnameseLabel = false;
    while (std::getline(in, line)) {
        if (line.rfind("  -", 0) != 0 && line.rfind("  audit", 0) != 0)
            continue;
        sawVietnameseLabel |= line.find("BẮT BUỘC") != std::string::npos;
        if (size_t c = column(line))
            columns.insert(c);
    }
    INFO(r.out);
    CHECK(sawVietnameseLabel);
    CHECK(columns.size() == 1);
}
