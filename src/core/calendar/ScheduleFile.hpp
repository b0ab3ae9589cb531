// SPDX-License-Identifier: Apache-2.0
// ScheduleFile.hpp - an announced holiday schedule as data: the days the Government Office, the
// Ministry of Home Affairs (or a province, in a local overrides file) fixed for a year, each with
// the announcing document's number. Bundled files live in calendars/announced/*.xml; users add
// their own with --overrides. The reader for that file kind (format in docs/calendar.md) is here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/Dates.hpp"
#include "core/common/Error.hpp"

namespace par {
class XmlReader;
}

namespace par::cal {

// A holiday's announced period: every day in [from, to] is off, and it replaces the rules'
// placement of the holiday with the same name in `year` (with the compensatory days that placement
// gave).
struct ScheduledHoliday {
    std::string name;
    int year = 0;
    par::Date from, to;
    std::string source;  // "9441/TB-BNV [M]"
    SourceLocation where;
};

// One day made a day off (working = false) or a working day (a swapped Saturday).
struct ScheduledDay {
    par::Date date;
    bool working = false;
    std::string name;
    std::string source;
    SourceLocation where;
};

struct ScheduleFile {
    std::string file;
    std::vector<ScheduledHoliday> holidays;
    std::vector<ScheduledDay> days;

    // Throws IoError or ParseError (file:line).
    static ScheduleFile load(const std::string& path);
    static ScheduleFile parse(std::string_view xml, const std::string& name);

private:
    static ScheduleFile read(const XmlReader& x);
};

}  // namespace par::cal
