// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/calendar/LunarCalendar.hpp"
#include "core/common/Error.hpp"

using namespace par;
using namespace par::cal;
using boost::gregorian::days;

namespace Catch {
template <>
struct StringMaker<LunarDate> {
    static std::string convert(const LunarDate& l) {
        return std::to_string(l.day) + "/" + std::to_string(l.month) + "/" +
               std::to_string(l.year) + (l.leap ? " leap" : "");
    }
};
}  // namespace Catch

TEST_CASE("Vietnamese Tết dates, including those that differ from China's", "[calendar][lunar]") {
    CHECK(tet(1968) == Date(1968, 1, 29));  // North Vietnam (UTC+7); China and the South: 01-30
    CHECK(tet(1985) == Date(1985, 1, 21));  // China: 02-20
    CHECK(tet(2007) == Date(2007, 2, 17));  // China: 02-18
    CHECK(tet(2030) == Date(2030, 2, 2));   // China: 02-03
    CHECK(tet(2053) == Date(2053, 2, 18));
    CHECK(tet(1965) == Date(1965, 2, 2));  // before 1968: the UTC+8 date (UTC+7 would give 02-01)
    const int expected[][2] = {{1, 28}, {2, 16}, {2, 5},  {1, 25}, {2, 12}, {2, 1},
                               {1, 22}, {2, 10}, {1, 29}, {2, 17}, {2, 6},  {1, 26}};
    for (int y = 2017; y <= 2028; ++y) {
        INFO("year " << y);
        CHECK(tet(y) == Date(static_cast<unsigned short>(y),
                             static_cast<unsigned short>(expected[y - 2017][0]),
                             static_cast<unsigned short>(expected[y - 2017][1])));
    }
}

TEST_CASE("the UTC+7 / UTC+8 rule is what makes the difference", "[calendar][lunar]") {
    // Computed for UTC+8 (China), 1985 and 2030 would fall a month or a day later.
    CHECK(detail::toLunarDirect(Date(1985, 1, 21), 8.0).month == 12);
    CHECK(detail::toLunarDirect(Date(2030, 2, 2), 8.0).day != 1);
    CHECK(detail::toLunarDirect(Date(1965, 2, 1), 7.0).day ==
          1);  // UTC+7 would put Tết 1965 on 02-01
    // Month 11 of Đinh Mùi began 1967-12-02 under UTC+8 (kept) and 12-01 under UTC+7.
    CHECK(toLunar(Date(1967, 12, 1)) == LunarDate{30, 10, 1967, false});
    CHECK(toLunar(Date(1967, 12, 2)) == LunarDate{1, 11, 1967, false});
    CHECK(toLunar(Date(1968, 1, 28)) == LunarDate{29, 12, 1967, false});
    CHECK(lunarTimeZone(1967) == 8.0);
    CHECK(lunarTimeZone(1968) == 7.0);
}

TEST_CASE("known lunar dates and leap months", "[calendar][lunar]") {
    CHECK(toLunar(Date(2023, 3, 22)) == LunarDate{1, 2, 2023, true});  // leap month 2 of Quý Mão
    CHECK(toLunar(Date(2020, 5, 23)) == LunarDate{1, 4, 2020, true});  // leap month 4 of Canh Tý
    CHECK(toLunar(Date(2025, 7, 25)) == LunarDate{1, 6, 2025, true});  // leap month 6 of Ất Tỵ
    CHECK(toLunar(Date(2018, 11, 28)) == LunarDate{22, 10, 2018, false});
    CHECK(fromLunar(LunarDate{10, 3, 2024, false}) == Date(2024, 4, 18));  // Giỗ Tổ 2024
    CHECK(fromLunar(LunarDate{10, 3, 2019, false}) == Date(2019, 4, 14));
    CHECK(toLunar(Date(1900, 1, 1)).year == 1899);
}

TEST_CASE("lunar round trip for every day 1900-2100, months of 29 or 30 days",
          "[calendar][lunar]") {
    const Date first(1900, 1, 1), last(2100, 12, 31);
    LunarDate prev = toLunar(first);
    long failures = 0;
    int leapMonths = 0;
    for (Date d = first + days(1); d <= last; d += days(1)) {
        const LunarDate l = toLunar(d);
        if (fromLunar(l) != d)
            ++failures;
        if (l.day == 1) {
            if (prev.day < 29 || prev.day > 30)
                ++failures;
            if (l.leap) {
                ++leapMonths;
                if (l.month != prev.month || prev.leap)
                    ++failures;
            } else if (l.month != prev.month % 12 + 1) {
                ++failures;
            }
            if (l.month == 1 && !l.leap && l.year != prev.year + 1)
                ++failures;
        } else if (l.day != prev.day + 1 || l.month != prev.month || l.leap != prev.leap) {
            ++failures;
        }
        prev = l;
    }
    CHECK(failures == 0);
    // 7 leap months in 19 years: about 74 in 201 years.
    CHECK(leapMonths >= 72);
    CHECK(leapMonths <= 76);
}

TEST_CASE("the cached month table agrees with the direct algorithm", "[calendar][lunar]") {
    long differences = 0;
    for (Date d(1968, 1, 1); d <= Date(2199, 12, 31); d += days(3))
        if (toLunar(d) != detail::toLunarDirect(d, 7.0))
            ++differences;
    for (Date d(1900, 1, 1); d < Date(1967, 11, 1); d += days(3))
        if (toLunar(d) != detail::toLunarDirect(d, 8.0))
            ++differences;
    CHECK(differences == 0);
}

TEST_CASE("lunar range and impossible lunar dates", "[calendar][lunar]") {
    CHECK_THROWS_AS(toLunar(Date(1899, 12, 31)), UsageError);
    CHECK_THROWS_AS(toLunar(Date(2200, 1, 1)), UsageError);
    CHECK_NOTHROW(toLunar(Date(2199, 12, 31)));
    CHECK_THROWS_AS(tet(1899), UsageError);
    CHECK_THROWS_AS(tet(2200), UsageError);
    CHECK(tet(2199) == Date(2199, 1, 27));
    CHECK_THROWS_WITH(fromLunar(LunarDate{1, 3, 2024, true}), Catch::Contains("1/3/2024 (nhuận)"));
    CHECK_THROWS_AS(fromLunar(LunarDate{31, 1, 2024, false}), UsageError);
    // Month 12 of Giáp Thìn (2024) has 29 days: its day 30 does not exist.
    CHECK(lunarMonthLength(tet(2025) - days(1)) == 29);
    CHECK_THROWS_AS(fromLunar(LunarDate{30, 12, 2024, false}), UsageError);
}
