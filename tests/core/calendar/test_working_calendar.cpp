// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"

using namespace par;
using namespace par::cal;
using boost::gregorian::days;
using boost::posix_time::hours;
using boost::posix_time::minutes;
using boost::posix_time::ptime;

namespace {
const WorkingCalendar& standardCalendar() {
    static const WorkingCalendar c = WorkingCalendar::standard();
    return c;
}
const WorkingCalendar& rulesOnly() {
    static const WorkingCalendar c(HolidayRules::load(dataPath("calendars/rules.xml")));
    return c;
}
std::vector<std::string> offDays(const WorkingCalendar& c, int year) {
    std::vector<std::string> out;
    for (const auto& [d, note] : c.exceptions(year))
        out.push_back(isoDate(d) + (note.working ? " work " : " off ") + note.name);
    return out;
}
}  // namespace

TEST_CASE("2025: Tết and the 30/4 swap as announced (6150/TB-BLĐTBXH), Quốc khánh and its adjacent day",
          "[calendar]") {
    const auto& c = standardCalendar();
    std::vector<std::string> expected = {
        "2025-01-01 off Tết Dương lịch",    "2025-01-27 off Tết Nguyên đán",
        "2025-01-28 off Tết Nguyên đán",    "2025-01-29 off Tết Nguyên đán",
        "2025-01-30 off Tết Nguyên đán",    "2025-01-31 off Tết Nguyên đán",
        "2025-04-07 off Giỗ Tổ Hùng Vương", "2025-04-30 off Ngày Chiến thắng",
        "2025-05-01 off Quốc tế Lao động",  "2025-09-01 off Quốc khánh",
        "2025-09-02 off Quốc khánh"};
    // The practice rule places Tết 2025 where the announcement did; the swap is not a rule.
    CHECK(offDays(rulesOnly(), 2025) == expected);
    expected.insert(expected.begin() + 7, "2025-04-26 work Làm bù cho thứ Sáu 2/5/2025");
    expected.insert(expected.begin() + 10, "2025-05-02 off Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)");
    CHECK(offDays(c, 2025) == expected);
    CHECK(c.note(Date(2025, 1, 27)).source == "6150/TB-BLĐTBXH [M]");
    CHECK(c.note(Date(2025, 5, 2)).source == "6150/TB-BLĐTBXH [M]");
    CHECK(c.isWorkingDay(Date(2025, 4, 26)));
    CHECK_FALSE(c.isWorkingDay(Date(2025, 5, 2)));
    CHECK(c.hasAnnouncedSchedule(2025));
}

TEST_CASE("2026: the 2/1 swap (12729/VPCP-KGVX) and 24/11, Ngày Văn hóa Việt Nam, from the rules", "[calendar]") {
    const auto& c = standardCalendar();
    CHECK_FALSE(c.isWorkingDay(Date(2026, 1, 2)));
    CHECK(c.isWorkingDay(Date(2026, 1, 10)));  // a Saturday worked
    CHECK(c.note(Date(2026, 1, 2)).source == "12729/VPCP-KGVX [M]");
    CHECK(c.workingDaysBetween(Date(2025, 12, 31), Date(2026, 1, 5)) == 1);  // only Monday 5/1
    // The day the Politburo chose; its legal text is unverified, hence [L] in the rules.
    CHECK_FALSE(c.isWorkingDay(Date(2026, 11, 24)));
    CHECK(c.note(Date(2026, 11, 24)).name == "Ngày Văn hóa Việt Nam");
    CHECK_THAT(c.note(Date(2026, 11, 24)).source, Catch::Contains("80-NQ/TW") && Catch::Contains("[L]"));
    CHECK(c.isWorkingDay(Date(2025, 11, 24)));  // not before its effective year
}

TEST_CASE("2026: Tết 14/2-22/2 (9441/TB-BNV)", "[calendar]") {
    const auto& c = standardCalendar();
    for (Date d(2026, 2, 14); d <= Date(2026, 2, 22); d += days(1))
        CHECK_FALSE(c.isWorkingDay(d));
    CHECK(c.isWorkingDay(Date(2026, 2, 13)));
    CHECK(c.isWorkingDay(Date(2026, 2, 23)));
    CHECK(c.note(Date(2026, 2, 14)).name == "Tết Nguyên đán");
    CHECK(c.note(Date(2026, 2, 14)).source == "9441/TB-BNV [M]");
    CHECK(c.workingDaysBetween(Date(2026, 2, 13), Date(2026, 2, 23)) == 1);
}

TEST_CASE("published swaps: 2018-19 New Year, 30/4 of 2019 and 2024", "[calendar]") {
    const auto& c = standardCalendar();
    CHECK_FALSE(c.isWorkingDay(Date(2018, 12, 31)));
    CHECK(c.isWorkingDay(Date(2019, 1, 5)));  // Saturday worked back
    CHECK(c.note(Date(2019, 1, 5)).name == "Làm bù");
    CHECK_FALSE(c.isWorkingDay(Date(2019, 4, 29)));
    CHECK(c.isWorkingDay(Date(2019, 5, 4)));
    CHECK_FALSE(c.isWorkingDay(Date(2024, 4, 29)));
    CHECK(c.isWorkingDay(Date(2024, 5, 4)));
    CHECK(c.note(Date(2024, 4, 29)).source == "2450/VPCP-KGVX [M]");
    // Without the announcements those are ordinary days.
    CHECK(rulesOnly().isWorkingDay(Date(2024, 4, 29)));
    CHECK_FALSE(rulesOnly().isWorkingDay(Date(2024, 5, 4)));
    const std::vector<std::string> expected2019 = {
        "2019-01-01 off Tết Dương lịch",   "2019-01-05 work Làm bù",
        "2019-02-04 off Tết Nguyên đán",   "2019-02-05 off Tết Nguyên đán",
        "2019-02-06 off Tết Nguyên đán",   "2019-02-07 off Tết Nguyên đán",
        "2019-02-08 off Tết Nguyên đán",   "2019-04-15 off Nghỉ bù (Giỗ Tổ Hùng Vương)",
        "2019-04-29 off Nghỉ bù",          "2019-04-30 off Ngày Chiến thắng",
        "2019-05-01 off Quốc tế Lao động", "2019-05-04 work Làm bù",
        "2019-09-02 off Quốc khánh"};
    CHECK(offDays(c, 2019) == expected2019);
}

TEST_CASE("compensatory days when a holiday falls on a weekly rest day", "[calendar]") {
    const auto& c = standardCalendar();
    // 2022: 1/1 Saturday → Monday 3/1; 30/4 Saturday and 1/5 Sunday → 2/5 and 3/5.
    CHECK_FALSE(c.isWorkingDay(Date(2022, 1, 3)));
    CHECK(c.note(Date(2022, 1, 3)).name == "Nghỉ bù (Tết Dương lịch)");
    CHECK(c.note(Date(2022, 1, 3)).source == "Bộ luật Lao động 2019, Điều 111.3 [H]");
    CHECK_FALSE(c.isWorkingDay(Date(2022, 5, 2)));
    CHECK_FALSE(c.isWorkingDay(Date(2022, 5, 3)));
    CHECK(c.isWorkingDay(Date(2022, 5, 4)));
    // 2023: Giỗ Tổ on Saturday 29/4, 30/4 Sunday, 1/5 Monday → 2/5 and 3/5 off.
    CHECK(c.note(Date(2023, 5, 2)).name == "Nghỉ bù (Giỗ Tổ Hùng Vương)");
    CHECK(c.note(Date(2023, 5, 3)).name == "Nghỉ bù (Ngày Chiến thắng)");
    CHECK(c.isWorkingDay(Date(2023, 5, 4)));
    // 2023: 2/9 Saturday → adjacent day Friday 1/9, compensatory Monday 4/9.
    CHECK_FALSE(c.isWorkingDay(Date(2023, 9, 1)));
    CHECK_FALSE(c.isWorkingDay(Date(2023, 9, 4)));
    CHECK(c.isWorkingDay(Date(2023, 9, 5)));
    // 2021: 2/9 Thursday → Friday 3/9; 2024: 2/9 Monday → Tuesday 3/9.
    CHECK_FALSE(c.isWorkingDay(Date(2021, 9, 3)));
    CHECK_FALSE(c.isWorkingDay(Date(2024, 9, 3)));
    CHECK(c.isWorkingDay(Date(2024, 8, 30)));
    // Labour Code 2012: one day for 2/9 (2018: Sunday → Monday 3/9 compensatory).
    CHECK(c.note(Date(2018, 9, 3)).name == "Nghỉ bù (Quốc khánh)");
    CHECK(c.isWorkingDay(Date(2018, 9, 4)));
    CHECK(c.isWorkingDay(Date(2019, 9, 3)));
}

TEST_CASE("laws by period: Hùng Kings from 2007, Tết of 4 days before May 2013", "[calendar]") {
    const auto& c = standardCalendar();
    CHECK(c.isWorkingDay(Date(2006, 4, 7)));  // 10/3 lunar 2006 (Friday), not yet a holiday
    CHECK_FALSE(c.isWorkingDay(Date(2007, 4, 26)));
    // Tết 2012 (Monday 23/1): 22/1 Sunday, 23-25/1 → compensatory Thursday 26/1.
    CHECK_FALSE(c.isWorkingDay(Date(2012, 1, 26)));
    CHECK(c.isWorkingDay(Date(2012, 1, 27)));
}

TEST_CASE("working-day arithmetic across New Year and Tết", "[calendar]") {
    const auto& c = standardCalendar();
    CHECK(c.addWorkingDays(Date(2024, 12, 31), 1) == Date(2025, 1, 2));
    CHECK(c.addWorkingDays(Date(2025, 1, 24), 1) == Date(2025, 2, 3));
    CHECK(c.addWorkingDays(Date(2025, 1, 25), 0) == Date(2025, 1, 25));
    CHECK(c.nextWorkingDay(Date(2025, 1, 24)) == Date(2025, 2, 3));
    CHECK(c.workingDaysBetween(Date(2025, 1, 24), Date(2025, 2, 3)) == 1);
    CHECK(c.workingDaysBetween(Date(2025, 2, 3), Date(2025, 1, 24)) == -1);
    CHECK(c.workingDaysBetween(Date(2025, 1, 1), Date(2025, 1, 1)) == 0);
    // 2025 has 365 - 104 weekend days - 11 weekday holidays = 250 working days.
    CHECK(c.workingDaysBetween(Date(2024, 12, 31), Date(2025, 12, 31)) == 250);
    CHECK(c.addWorkingDays(Date(2024, 12, 31), 250) == Date(2025, 12, 31));
    CHECK_THROWS_AS(c.addWorkingDays(Date(2025, 1, 1), -1), UsageError);
    // addWorkingDays and workingDaysBetween agree everywhere.
    for (Date d(2015, 1, 1); d < Date(2027, 1, 1); d += days(7)) {
        for (int n : {1, 5, 15, 30}) {
            const Date e = c.addWorkingDays(d, n);
            REQUIRE(c.workingDaysBetween(d, e) == n);
            REQUIRE(c.isWorkingDay(e));
            REQUIRE(c.workingDaysBetween(d, e - days(1)) == n - 1);
        }
    }
}

TEST_CASE("due date of a dossier", "[calendar]") {
    const auto& c = standardCalendar();
    const auto cutoff = std::optional<boost::posix_time::time_duration>(hours(15));
    // Monday 9:00, 3 working days → Thursday.
    CHECK(c.dueDate(ptime(Date(2025, 3, 3), hours(9)), 3, std::nullopt) == Date(2025, 3, 6));
    // After the cut-off: counting starts from Tuesday → Friday.
    CHECK(c.dueDate(ptime(Date(2025, 3, 3), hours(16)), 3, cutoff) == Date(2025, 3, 7));
    // Exactly at the cut-off still counts the day.
    CHECK(c.dueDate(ptime(Date(2025, 3, 3), hours(15)), 3, cutoff) == Date(2025, 3, 6));
    // No cut-off for this procedure: late receipt counts the day.
    CHECK(c.dueDate(ptime(Date(2025, 3, 3), hours(16)), 3, std::nullopt) == Date(2025, 3, 6));
    // Saturday: start Monday 6/1, due Thursday 9/1.
    CHECK(c.dueDate(ptime(Date(2025, 1, 4), hours(10)), 3, std::nullopt) == Date(2025, 1, 9));
    // Friday before Tết after 15:00: start Monday 3/2, 1 working day → Tuesday 4/2.
    CHECK(c.dueDate(ptime(Date(2025, 1, 24), hours(16) + minutes(30)), 1, cutoff) ==
          Date(2025, 2, 4));
    // Same-day procedures.
    CHECK(c.dueDate(ptime(Date(2025, 3, 3), hours(9)), 0, std::nullopt) == Date(2025, 3, 3));
    CHECK(c.dueDate(ptime(Date(2025, 3, 8), hours(9)), 0, std::nullopt) == Date(2025, 3, 10));
    CHECK_THROWS_AS(c.dueDate(ptime(Date(2025, 3, 3), hours(9)), -2, std::nullopt), UsageError);
}

TEST_CASE("Civil Code periods in calendar days ending on a rest day or holiday", "[calendar]") {
    const auto& c = standardCalendar();
    // 30 days from 2025-03-10 → 2025-04-09 (Wednesday), a working day.
    CHECK(c.addCalendarDays(Date(2025, 3, 10), 30) == Date(2025, 4, 9));
    // Ends on 2025-04-30 (holiday): 1/5 holiday, 2/5 swapped off, 3-4/5 weekend → Monday 5/5.
    CHECK(c.addCalendarDays(Date(2025, 4, 20), 10) == Date(2025, 5, 5));
    // Ends in Tết 2026 (Saturday 14/2) → Monday 23/2.
    CHECK(c.addCalendarDays(Date(2026, 1, 15), 30) == Date(2026, 2, 23));
    // Ends on Sunday 2024-09-01 → 2/9 and 3/9 are Quốc khánh → Wednesday 4/9.
    CHECK(c.addCalendarDays(Date(2024, 8, 22), 10) == Date(2024, 9, 4));
    CHECK(c.addCalendarDays(Date(2025, 3, 10), 0) == Date(2025, 3, 10));
    CHECK_THROWS_AS(c.addCalendarDays(Date(2025, 3, 10), -1), UsageError);
}

TEST_CASE("out of range and years without an announced schedule", "[calendar]") {
    const auto& c = standardCalendar();
    CHECK_THROWS_AS(c.isWorkingDay(Date(1999, 12, 31)), UsageError);
    CHECK_THROWS_AS(c.workingDaysBetween(Date(2025, 1, 1), Date(2200, 1, 1)), UsageError);
    CHECK_THROWS_AS(c.addWorkingDays(Date(2199, 12, 30), 5), UsageError);
    CHECK_THROWS_AS(c.exceptions(1999), UsageError);
    CHECK_FALSE(c.hasAnnouncedSchedule(2030));
    CHECK(c.hasAnnouncedSchedule(2026));
    CHECK(c.hasAnnouncedSchedule(2018));  // 31/12/2018, announced with New Year 2019
    CHECK(c.note(Date(2030, 1, 1)).source ==
          "Bộ luật Lao động 2019 (Luật số 45/2019/QH14), Điều 112 [H]");
}
