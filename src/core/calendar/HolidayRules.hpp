// SPDX-License-Identifier: Apache-2.0
// HolidayRules.hpp - the statutory holidays as the law sets them, read from calendars/rules.xml:
// which Labour Code is in force on a date, its holidays (solar, lunar, Tết), the adjacent Quốc
// khánh day, the weekly rest days and the compensatory-day rule, each with its legal source and a
// confidence mark. What is uncertain (Tết placement in practice, which side the extra Quốc khánh
// day falls) lives in that file, not in code. The reader for that file kind is here too.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/Dates.hpp"

namespace par {
class XmlReader;
}

namespace par::cal {

// Where a law's Tết days go in a given year.
enum class TetPlacement {
    // `daysBefore` days before mùng 1 (the last days of the old year) then the following days, all
    // consecutive; those on a weekly rest day give compensatory days.
    Lunar,
    // `days` consecutive working weekdays starting on the first weekday on or after
    // mùng 1 + startOffset (practice of the Prime Minister's decisions 2018-2026).
    Weekdays,
};

struct HolidayRule {
    enum class Kind { Solar, Lunar, Tet };
    Kind kind = Kind::Solar;
    std::string name;
    int month = 0;                      // Solar, Lunar
    int day = 0;                        // Solar, Lunar
    std::optional<par::Date> from, to;  // validity inside the law's period (Hùng Kings from 2007)
    // Tết
    int days = 1;
    TetPlacement placement = TetPlacement::Lunar;
    int daysBefore = 1;    // Lunar placement
    int startOffset = -2;  // Weekdays placement
    // Adjacent day (Quốc khánh since 2021): by weekday of the holiday (0 = Sunday), -1 the day
    // before, +1 the day after, 0 none.
    bool hasAdjacent = false;
    std::array<int, 7> adjacentOffset{};
    std::string adjacentSource;
    std::string source;
    std::string confidence;  // H, M or L (DOMAIN.md)
};

struct LawPeriod {
    std::string id;
    std::string source;
    std::string confidence;
    par::Date from;
    std::optional<par::Date> to;  // open-ended when absent
    bool compensatory = true;     // a holiday on a weekly rest day gives the next working day off
    std::string compensatorySource;
    std::vector<HolidayRule> holidays;

    bool covers(par::Date d) const { return d >= from && (!to || d <= *to); }
};

// One holiday of one year placed by the rules.
struct HolidayOccurrence {
    std::string name;
    std::vector<par::Date> days;
    std::string source;       // "Bộ luật Lao động 2019, Điều 112 [H]"
    bool compensable = true;  // whether its days on a weekly rest day give compensatory days
};

class HolidayRules {
public:
    // Reads calendars/rules.xml (format-version 1). Throws ParseError with file:line.
    static HolidayRules load(const std::string& file);
    static HolidayRules parse(std::string_view xml, const std::string& name);

    // Weekly rest day? (Saturday and Sunday for state agencies.)
    bool isWeeklyRest(par::Date d) const { return weeklyRest_[d.day_of_week().as_number()]; }
    const std::string& weeklyRestSource() const { return weeklyRestSource_; }

    // The law in force on d, or nullptr.
    const LawPeriod* lawAt(par::Date d) const;

    // The holidays of solar year `year` as the rules place them (no compensatory days: those depend
    // on the announced schedules too and are placed by WorkingCalendar).
    std::vector<HolidayOccurrence> holidaysOf(int year) const;

    const std::vector<LawPeriod>& laws() const { return laws_; }

private:
    static HolidayRules read(const XmlReader& x);

    std::array<bool, 7> weeklyRest_{};
    std::string weeklyRestSource_;
    std::vector<LawPeriod> laws_;
};

}  // namespace par::cal
