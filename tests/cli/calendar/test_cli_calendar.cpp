// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "TestSupport.hpp"

using namespace par::test;

namespace {
CommandResult calendar(const std::string& args) {
    return run("PAR_AUDIT_DATA='" + sourcePath("") + "' LANG=C.UTF-8 '" + binaryPath("par-audit") +
               "' calendar " + args);
}
}  // namespace

TEST_CASE("calendar tet and lunar print the fixed forms", "[calendar][cli]") {
    auto r = calendar("tet 2025");
    CHECK(r.exitCode == 0);
    CHECK(r.out == "29/01/2025\n");
    CHECK(calendar("tet 1985").out == "21/01/1985\n");
    CHECK(calendar("tet 1968").out == "29/01/1968\n");
    CHECK(calendar("lunar 2025-07-25").out == "1/6/2025 (nhuận)\n");
    CHECK(calendar("lunar 2025-01-29").out == "1/1/2025\n");
    CHECK(calendar("lunar 28/11/2018").out == "22/10/2018\n");
}

TEST_CASE("calendar off lists weekdays off and weekends worked", "[calendar][cli]") {
    auto r = calendar("off 2019");
    CHECK(r.exitCode == 0);
    CHECK(r.out ==
          "01/01/2019\tnghỉ\tTết Dương lịch\n"
          "05/01/2019\tlàm việc\tLàm bù\n"
          "04/02/2019\tnghỉ\tTết Nguyên đán\n"
          "05/02/2019\tnghỉ\tTết Nguyên đán\n"
          "06/02/2019\tnghỉ\tTết Nguyên đán\n"
          "07/02/2019\tnghỉ\tTết Nguyên đán\n"
          "08/02/2019\tnghỉ\tTết Nguyên đán\n"
          "15/04/2019\tnghỉ\tNghỉ bù (Giỗ Tổ Hùng Vương)\n"
          "29/04/2019\tnghỉ\tNghỉ bù\n"
          "30/04/2019\tnghỉ\tNgày Chiến thắng\n"
          "01/05/2019\tnghỉ\tQuốc tế Lao động\n"
          "04/05/2019\tlàm việc\tLàm bù\n"
          "02/09/2019\tnghỉ\tQuốc khánh\n");
    CHECK(r.err.empty());
    // A year without an announced schedule says so, on standard error only.
    auto later = calendar("off 2030");
    CHECK(later.exitCode == 0);
    CHECK_THAT(later.err,
               Catch::Contains("2030") && Catch::Contains("chưa có lịch nghỉ được công bố"));
    // ... and every line of such a year is marked as a forecast, in a last column.
    CHECK_THAT(later.out, Catch::StartsWith("01/01/2030\tnghỉ\tTết Dương lịch\tdự kiến: lịch nghỉ "
                                            "Tết 2030 chưa công bố\n"));
}

TEST_CASE("calendar marks results in a year without an announced Tết schedule",
          "[calendar][cli][forecast]") {
    // 20 working days after 20/12/2026 fall in 2027, whose Tết is not announced: a forecast.
    auto add = calendar("add 2026-12-20 20");
    CHECK(add.exitCode == 0);
    CHECK_THAT(add.out, Catch::Matches("\\d\\d/01/2027\tdự kiến: lịch nghỉ Tết 2027 chưa "
                                       "công bố\n"));
    auto between = calendar("between 2026-12-01 2027-03-01");
    CHECK_THAT(between.out, Catch::EndsWith("\tdự kiến: lịch nghỉ Tết 2027 chưa công bố\n"));
    CHECK(calendar("add 2026-03-02 5").out.find("dự kiến") == std::string::npos);
    auto en = run("PAR_AUDIT_DATA='" + sourcePath("") + "' LANG=C.UTF-8 '" +
                  binaryPath("par-audit") + "' --lang en calendar add 2026-12-20 20");
    CHECK_THAT(en.out, Catch::Contains("forecast: the 2027 Tết holiday schedule has not been"));
}

TEST_CASE("calendar days shows each day's source, confidence and file", "[calendar][cli]") {
    auto r = calendar("days 2026-02-13 2026-02-14");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out ==
          "13/02/2026\tlàm việc\tNgày làm việc\tQuyết định 188/1999/QĐ-TTg (tuần làm việc 40 "
          "giờ) [M]\tM\t" +
              sourcePath("") + "/calendars/rules.xml" +  // PAR_AUDIT_DATA + "/" + file
              "\n"
              "14/02/2026\tnghỉ\tTết Nguyên đán\t9441/TB-BNV [M]\tM\t" +
              sourcePath("") + "/calendars/announced/2026.xml" + "\n");
    auto tet2027 = calendar("days 2027-02-08");
    CHECK_THAT(tet2027.out, Catch::StartsWith("08/02/2027\tnghỉ\tTết Nguyên đán\t") &&
                                Catch::EndsWith("\tdự kiến: lịch nghỉ Tết 2027 chưa công bố\n"));
    auto backwards = calendar("days 2026-02-14 2026-02-13");
    CHECK(backwards.exitCode == 2);
    CHECK_THAT(backwards.err, Catch::Contains("đứng trước"));
    auto tooLong = calendar("days 2026-01-01 2027-06-01");
    CHECK(tooLong.exitCode == 2);
    CHECK_THAT(tooLong.err, Catch::Contains("366"));
}

TEST_CASE("calendar reads the user's and the workspace's calendars/ folders",
          "[calendar][cli][sources]") {
    ScratchDir home("par-xdg");
    ScratchDir ws("par-ws");
    run("mkdir -p " + home.file("par-audit/calendars") + " " + ws.file("calendars"));
    const std::string tet2027 =
        "<calendar-schedule format-version=\"1\">\n"
        "  <announcement document=\"1/TB-BNV\" confidence=\"H\">\n"
        "    <holiday name=\"Tết Nguyên đán\" year=\"2027\" from=\"2027-02-04\" "
        "to=\"2027-02-12\"/>\n"
        "  </announcement>\n</calendar-schedule>\n";
    writeText(home.file("par-audit/calendars/2027.xml"), tet2027);
    writeText(ws.file("calendars/tinh.xml"),
              "<calendar-schedule format-version=\"1\">\n"
              "  <announcement document=\"9/QĐ-UBND\" confidence=\"H\">\n"
              "    <work date=\"2027-02-12\" name=\"Làm việc theo tỉnh\"/>\n"
              "  </announcement>\n</calendar-schedule>\n");
    const std::string env = "XDG_DATA_HOME='" + home.path() + "' ";
    auto user = run(env + "PAR_AUDIT_DATA='" + sourcePath("") + "' '" + binaryPath("par-audit") +
                    "' calendar days 2027-02-12");
    REQUIRE(user.exitCode == 0);
    CHECK_THAT(user.out, Catch::StartsWith("12/02/2027\tnghỉ\tTết Nguyên đán\t1/TB-BNV [H]\tH\t" +
                                           home.file("par-audit/calendars/2027.xml") + "\n"));
    auto withWs = run(env + "PAR_AUDIT_DATA='" + sourcePath("") + "' '" + binaryPath("par-audit") +
                      "' calendar days 2027-02-12 --workspace " + ws.path());
    CHECK_THAT(withWs.out, Catch::StartsWith("12/02/2027\tlàm việc\tLàm việc theo tỉnh\t"));
    auto sources = run(env + "PAR_AUDIT_DATA='" + sourcePath("") + "' '" + binaryPath("par-audit") +
                       "' calendar sources --workspace " + ws.path());
    REQUIRE(sources.exitCode == 0);
    CHECK_THAT(
        sources.out,
        Catch::Contains("người dùng\tschedule\t" + home.file("par-audit/calendars/2027.xml")) &&
            Catch::Contains("thư mục kiểm tra\tschedule\t" + ws.file("calendars/tinh.xml")) &&
            Catch::Contains("Năm cuối có lịch nghỉ Tết được công bố: 2027") &&
            Catch::Contains("Mâu thuẫn 2027-02-12"));
    CHECK(sources.out.find("người dùng") < sources.out.find("thư mục kiểm tra"));
}

TEST_CASE("calendar add and between", "[calendar][cli]") {
    CHECK(calendar("add 2025-01-24 1").out == "03/02/2025\n");
    CHECK(calendar("add 24/1/2025 0").out == "24/01/2025\n");
    CHECK(calendar("add 2024-12-31 250").out == "31/12/2025\n");
    CHECK(calendar("between 2025-01-24 2025-02-03").out == "1\n");
    CHECK(calendar("between 2025-02-03 2025-01-24").out == "-1\n");
    CHECK(calendar("between 2024-12-31 2025-12-31").out == "250\n");
}

TEST_CASE("calendar --overrides adds a local schedule", "[calendar][cli]") {
    ScratchDir dir;
    writeText(dir.file("tinh.xml"), R"(<calendar-schedule format-version="1">
  <announcement document="45/QĐ-UBND">
    <off date="2025-03-07" name="Nghỉ theo quyết định của tỉnh"/>
  </announcement>
</calendar-schedule>)");
    CHECK(calendar("between 2025-03-06 2025-03-10").out == "2\n");
    auto r = calendar("between 2025-03-06 2025-03-10 --overrides " + dir.file("tinh.xml"));
    CHECK(r.exitCode == 0);
    CHECK(r.out == "1\n");
    auto off = calendar("off 2025 --overrides " + dir.file("tinh.xml"));
    CHECK_THAT(off.out, Catch::Contains("07/03/2025\tnghỉ\tNghỉ theo quyết định của tỉnh\n"));
}

TEST_CASE("calendar bad input: message and exit 2", "[calendar][cli]") {
    struct Case {
        const char* args;
        const char* message;
    };
    const Case cases[] = {
        {"add 2018-02-31 3", "2018-02-31"},
        {"between 31/02/2018 2018-03-01", "31/02/2018"},
        {"lunar 2018-13-01", "2018-13-01"},
        {"tet 2200", "2200"},
        {"tet 1899", "1899"},
        {"tet 20x5", "20x5"},
        {"off 1999", "1999"},
        {"add 2025-01-01 -3", "-3"},
        {"add 2025-01-01 x", "'x'"},
        {"add 2199-12-30 10", "2199-12-31"},
        {"between 2025-01-01 2200-01-01", "2200-01-01"},
        {"lunar 1899-12-31", "1899-12-31"},
        {"add 2025-01-01 3 --overrides /nonexistent/lich.xml", "/nonexistent/lich.xml"},
    };
    for (const auto& c : cases) {
        INFO(c.args);
        auto r = calendar(c.args);
        CHECK(r.exitCode == 2);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Catch::Contains(c.message));
    }
}

TEST_CASE("calendar: a malformed overrides file is reported with file:line", "[calendar][cli]") {
    ScratchDir dir;
    const std::string file = dir.file("hong.xml");
    writeText(
        file,
        "<calendar-schedule format-version=\"1\">\n  <announcement document=\"1/TB\">\n"
        "    <off date=\"2025-02-30\" name=\"x\"/>\n  </announcement>\n</calendar-schedule>\n");
    auto r = calendar("off 2025 --overrides " + file);
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains(file + ":3"));
    writeText(file, "<calendar-schedule format-version=\"1\">\n<announcement document='x'>\n");
    r = calendar("add 2025-01-01 1 --overrides " + file);
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains(file + ":"));
}

TEST_CASE("calendar help is Vietnamese", "[calendar][cli]") {
    auto r = calendar("--help");
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("âm lịch"));
    auto add = calendar("add --help");
    CHECK_THAT(add.out, Catch::Contains("ngày làm việc"));
    auto missing = calendar("add 2025-01-01");
    CHECK(missing.exitCode == 2);
}
