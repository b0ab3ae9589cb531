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
    CHECK(r.out == "2025-01-29\n");
    CHECK(calendar("tet 1985").out == "1985-01-21\n");
    CHECK(calendar("tet 1968").out == "1968-01-29\n");
    CHECK(calendar("lunar 2025-07-25").out == "1/6/2025 (nhuận)\n");
    CHECK(calendar("lunar 2025-01-29").out == "1/1/2025\n");
    CHECK(calendar("lunar 28/11/2018").out == "22/10/2018\n");
}

TEST_CASE("calendar off lists weekdays off and weekends worked", "[calendar][cli]") {
    auto r = calendar("off 2019");
    CHECK(r.exitCode == 0);
    CHECK(r.out ==
          "2019-01-01\toff\tTết Dương lịch\n"
          "2019-01-05\twork\tLàm bù\n"
          "2019-02-04\toff\tTết Nguyên đán\n"
          "2019-02-05\toff\tTết Nguyên đán\n"
          "2019-02-06\toff\tTết Nguyên đán\n"
          "2019-02-07\toff\tTết Nguyên đán\n"
          "2019-02-08\toff\tTết Nguyên đán\n"
          "2019-04-15\toff\tNghỉ bù (Giỗ Tổ Hùng Vương)\n"
          "2019-04-29\toff\tNghỉ bù\n"
          "2019-04-30\toff\tNgày Chiến thắng\n"
          "2019-05-01\toff\tQuốc tế Lao động\n"
          "2019-05-04\twork\tLàm bù\n"
          "2019-09-02\toff\tQuốc khánh\n");
    CHECK(r.err.empty());
    // A year without an announced schedule says so, on standard error only.
    auto later = calendar("off 2030");
    CHECK(later.exitCode == 0);
    CHECK_THAT(later.err,
               Catch::Contains("2030") && Catch::Contains("chưa có lịch nghỉ được công bố"));
    CHECK_THAT(later.out, Catch::StartsWith("2030-01-01\toff\tTết Dương lịch\n"));
}

TEST_CASE("calendar add and between", "[calendar][cli]") {
    CHECK(calendar("add 2025-01-24 1").out == "2025-02-03\n");
    CHECK(calendar("add 24/1/2025 0").out == "2025-01-24\n");
    CHECK(calendar("add 2024-12-31 250").out == "2025-12-31\n");
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
    CHECK_THAT(off.out, Catch::Contains("2025-03-07\toff\tNghỉ theo quyết định của tỉnh\n"));
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
