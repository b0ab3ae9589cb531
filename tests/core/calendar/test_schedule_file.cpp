// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "TestSupport.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"

using namespace par;
using namespace par::cal;

TEST_CASE("a local overrides file changes days without rebuilding", "[calendar][schedule]") {
    test::ScratchDir dir;
    const std::string file = dir.file("nghe-an.xml");
    test::writeText(file, R"(<?xml version="1.0" encoding="UTF-8"?>
<calendar-schedule format-version="1">
  <announcement document="123/QĐ-UBND" confidence="H">
    <off date="2025-03-07" name="Nghỉ theo quyết định của tỉnh"/>
    <work date="2025-03-08" name="Làm bù"/>
    <holiday name="Tết Nguyên đán" year="2030" from="2030-01-31" to="2030-02-08"/>
  </announcement>
</calendar-schedule>)");
    WorkingCalendar c = WorkingCalendar::standard();
    CHECK(c.isWorkingDay(Date(2025, 3, 7)));
    CHECK_FALSE(c.hasAnnouncedSchedule(2030));
    c.addOverrides(file);
    CHECK_FALSE(c.isWorkingDay(Date(2025, 3, 7)));
    CHECK(c.isWorkingDay(Date(2025, 3, 8)));
    CHECK(c.note(Date(2025, 3, 7)).source == "123/QĐ-UBND [H]");
    CHECK(c.workingDaysBetween(Date(2025, 3, 6), Date(2025, 3, 10)) == 2);  // Sat 8 and Mon 10
    CHECK(c.hasAnnouncedSchedule(2030));
    // The announced Tết 2030 replaces the rules' placement (Tết 2030 is Saturday 2/2).
    CHECK_FALSE(c.isWorkingDay(Date(2030, 2, 8)));
    CHECK_FALSE(c.isWorkingDay(Date(2030, 1, 31)));
    CHECK(c.isWorkingDay(Date(2030, 2, 11)));
}

TEST_CASE("bundled announced schedules all load", "[calendar][schedule]") {
    for (const char* year : {"2019", "2024", "2025", "2026"}) {
        const auto f =
            ScheduleFile::load(dataPath(std::string("calendars/announced/") + year + ".xml"));
        CHECK(f.holidays.size() + f.days.size() > 0);
    }
}

TEST_CASE("malformed overrides report file:line", "[calendar][schedule]") {
    CHECK_THROWS_WITH(ScheduleFile::parse(R"(<calendar-schedule format-version="1">
  <announcement document="1/TB">
    <off date="2025-02-30" name="x"/>
  </announcement>
</calendar-schedule>)",
                                          "o.xml"),
                      Catch::Contains("o.xml:3") && Catch::Contains("2025-02-30"));
    CHECK_THROWS_WITH(ScheduleFile::parse(R"(<calendar-schedule format-version="1">
  <announcement>
  </announcement>
</calendar-schedule>)",
                                          "o.xml"),
                      Catch::Contains("o.xml:2") && Catch::Contains("document"));
    CHECK_THROWS_WITH(ScheduleFile::parse(R"(<calendar-schedule format-version="1">
  <announcement document="1/TB">
    <holiday name="x" from="2025-02-10" to="2025-02-01"/>
  </announcement>
</calendar-schedule>)",
                                          "o.xml"),
                      Catch::Contains("o.xml:3"));
    CHECK_THROWS_WITH(ScheduleFile::parse(R"(<calendar-schedule format-version="1">
  <announcement document="1/TB"><swap date="2025-02-10"/></announcement>
</calendar-schedule>)",
                                          "o.xml"),
                      Catch::Contains("o.xml:2") && Catch::Contains("swap"));
    CHECK_THROWS_WITH(
        ScheduleFile::parse("<calendar-schedule format-version='1'>\n<announcement", "o.xml"),
        Catch::Contains("o.xml:"));
    // A date outside the working range: ParseError with the line, when it is applied.
    WorkingCalendar c = WorkingCalendar::standard();
    CHECK_THROWS_WITH(c.addSchedule(ScheduleFile::parse(R"(<calendar-schedule format-version="1">
  <announcement document="1/TB">
    <off date="1995-01-02" name="x"/>
  </announcement>
</calendar-schedule>)",
                                                        "o.xml")),
                      Catch::Contains("o.xml:3") && Catch::Contains("1995-01-02"));
}
