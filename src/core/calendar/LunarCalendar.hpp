// SPDX-License-Identifier: Apache-2.0
// LunarCalendar.hpp - the Vietnamese lunisolar calendar (âm lịch) by Hồ Ngọc Đức's astronomical
// algorithm: new moons and the sun's longitude, the month 11 anchor (the month holding the winter
// solstice) and the leap-month rule (the first month without a principal term). Vietnam computes it
// for UTC+7 since 1968; before that the Vietnamese calendar followed the Chinese one (UTC+8), and
// Hồ Ngọc Đức's own tables give the UTC+8 dates then. The rule here: every month that began before
// 1968-01-01 is computed for UTC+8, every later one for UTC+7 (the structure of lunar years up to
// 1967, i.e. month 11 anchors and leap months, also for UTC+8). So every solar date before 1968 has
// its UTC+8 lunar date (month 11 of Đinh Mùi began 1967-12-02, not 12-01), Tết 1965 is 02-02, and
// Tết 1968 is 01-29 (the North's date; the South kept UTC+8 and had 01-30).
// Supported: solar dates 1900-01-01 .. 2199-12-31 (lunar dates that fall in them).
#pragma once

#include "core/common/Dates.hpp"

namespace par::cal {

struct LunarDate {
    int day = 1;        // 1..30
    int month = 1;      // 1..12
    int year = 0;       // the lunar year, numbered as the solar year in which it mostly falls
    bool leap = false;  // a leap month (tháng nhuận), which repeats the number of the month before

    bool operator==(const LunarDate& o) const {
        return day == o.day && month == o.month && year == o.year && leap == o.leap;
    }
    bool operator!=(const LunarDate& o) const { return !(*this == o); }
};

// Solar dates the lunar functions accept.
constexpr int kLunarFirstYear = 1900;
constexpr int kLunarLastYear = 2199;

// Solar → lunar. Throws UsageError outside 1900-01-01 .. 2199-12-31.
LunarDate toLunar(par::Date d);

// Lunar → solar. Throws UsageError for a lunar date that does not exist (day 30 of a 29-day month,
// a leap flag on a month that is not leap that year) or falls outside the supported range.
par::Date fromLunar(const LunarDate& l);

// First day of lunar year `year` (mùng 1 Tết). Throws UsageError outside 1900..2199.
par::Date tet(int year);

// Number of days (29 or 30) of the lunar month that contains d.
int lunarMonthLength(par::Date d);

// The time zone (hours east of UTC) of the structure of lunar year `lunarYear` (its month 11 anchor
// and leap month): 8.0 up to 1967, 7.0 from 1968.
double lunarTimeZone(int lunarYear);

namespace detail {
// Hồ Ngọc Đức's conversion, computed directly without the cached month table, for one time zone.
// Tests compare it with the table.
LunarDate toLunarDirect(par::Date d, double timeZone);
}  // namespace detail

}  // namespace par::cal
