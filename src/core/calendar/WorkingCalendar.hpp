// SPDX-License-Identifier: Apache-2.0
// WorkingCalendar.hpp - which days are working days for Vietnamese state agencies, and the deadline
// arithmetic every finding depends on: adding and counting working days, a dossier's due date, and
// periods in calendar days (Civil Code 2015 Art. 147-148).
//
// A day's status comes from three layers, later ones winning:
//   1. the rules (calendars/rules.xml): weekly rest, the holidays of the Labour Code in force, the
//      adjacent Quốc khánh day, compensatory days (a holiday on a weekly rest day gives the next
//      working day off);
//   2. the announced schedules (calendars/announced/*.xml, in file-name order): a holiday's
//   announced
//      period replaces the rules' placement of that holiday that year; single days off and swapped
//      working Saturdays apply last;
//   3. local overrides files (addOverrides), in the order added, with the same meaning.
// A year without an announced schedule uses the rules (hasAnnouncedSchedule says which).
//
// Where the data comes from (standard()), later sources winning as above:
//   installation  calendars/rules.xml and calendars/announced/*.xml (par::dataPath);
//   user          $XDG_DATA_HOME/par-audit/calendars/ (par::userDataDirectory);
//   workspace     calendars/ beside the audits (the audit's folder, the tracked folder);
//   overrides     --overrides FILE, addOverrides().
// In each folder, rules.xml (when present) replaces the rules read so far, whole; every other
// *.xml there and in its announced/ sub-folder is a schedule, in file-name order. conflicts()
// lists the days a later file set differently from an earlier one.
//
// Forecasts: a year after the last one whose Tết holiday is announced (lastAnnouncedYear) follows
// the rules only, as the Prime Minister has not placed its days yet; every date computed in such a
// year must be shown with forecastNote ("dự kiến: lịch nghỉ Tết 2027 chưa công bố").
//
// Definitions (docs/calendar.md has the examples):
//   - workingDaysBetween(a, b) = the number of working days d with a < d <= b; negative if b < a.
//   - addWorkingDays(d, n) = the date e with exactly n working days in (d, e] and e a working day;
//     n = 0 gives d itself (working or not).
//   - dueDate(receipt, N, cutoff): the start day is the receipt date, or the next working day when
//   the
//     receipt date is not a working day or the receipt time is later than the cut-off (a receipt at
//     exactly the cut-off counts that day). due = addWorkingDays(start, N): N working days counted
//     after the start day. N = 0 gives the start day.
//   - addCalendarDays(start, n): the period's first day is the day after `start` (Art. 147), its
//   last
//     day start + n; when that is not a working day the period ends on the next working day (Art.
//     148).
//
// Supported range: 2000-01-01 .. 2199-12-31 (kWorkFirstYear..kWorkLastYear); outside it every
// function throws UsageError. Tables are built at construction, so isWorkingDay is a byte lookup
// and workingDaysBetween / addWorkingDays are O(1). A WorkingCalendar is immutable once built
// (apart from addOverrides), so several threads may read one.
#pragma once

#include <algorithm>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar/HolidayRules.hpp"
#include "core/calendar/ScheduleFile.hpp"
#include "core/common/Dates.hpp"

namespace par::cal {

constexpr int kWorkFirstYear = 2000;
constexpr int kWorkLastYear = 2199;

class WorkingCalendar {
public:
    // Why a day is what it is.
    struct DayNote {
        bool working = true;
        std::string name;  // "Tết Nguyên đán", "Nghỉ bù (Ngày Chiến thắng)", "Làm bù", ...
        std::string source;  // "Bộ luật Lao động 2019, Điều 112 [H]", "9441/TB-BNV [M]", ...
        std::string confidence;  // "H", "M", "L" (from the source's mark), "" when unmarked
        std::string file;        // the data file that decided the day ("" for a plain weekday)
        bool forecast = false;   // its year is after lastAnnouncedYear()
    };

    // Where a data file was found (the layers of standard(), in precedence order).
    enum class Layer { Installation, User, Workspace, Overrides };
    struct LoadedFile {
        std::string path;
        Layer layer = Layer::Installation;
        bool rules = false;  // a rules.xml (replaces the rules) rather than a schedule
    };
    // A day that a later schedule file set differently from an earlier one (the later one wins).
    struct Conflict {
        par::Date date;
        std::string earlier, later;  // "Tết Nguyên đán (9441/TB-BNV [M])"
        std::string earlierFile, laterFile;
    };

    // Rules and schedules from the installation, the user's folder and, when `workspace` is not
    // empty, its calendars/ folder (see the banner). Throws IoError or ParseError (file:line).
    static WorkingCalendar standard(const std::string& workspace = "");
    // The folder standard() reads for each layer ("" when there is none).
    static std::string userCalendarFolder();
    static std::string workspaceCalendarFolder(const std::string& workspace);

    // Rules only (no announced schedule); tests and tools.
    explicit WorkingCalendar(HolidayRules rules);

    // Adds a schedule file (same format as calendars/announced/*.xml) on top of everything loaded
    // so far. Throws IoError, or ParseError with file:line (also for a date outside the range).
    void addOverrides(const std::string& file);
    void addSchedule(ScheduleFile schedule);

    bool isWorkingDay(par::Date d) const { return working_[index(d)] != 0; }
    par::Date nextWorkingDay(par::Date d) const;              // first working day strictly after d
    par::Date addWorkingDays(par::Date d, int n) const;       // n >= 0; n = 0 → d
    int workingDaysBetween(par::Date a, par::Date b) const {  // working days in (a, b]
        return cumulative_[index(b) + 1] - cumulative_[index(a) + 1];
    }
    par::Date dueDate(boost::posix_time::ptime receipt, int workingDays,
                      std::optional<boost::posix_time::time_duration> cutoff) const;
    par::Date addCalendarDays(par::Date start, int days) const;  // Civil Code 147-148

    // The day's status and its reason (ordinary days: working with an empty name, or "Nghỉ hằng
    // tuần"; both with the weekly-rest rule as their source).
    DayNote note(par::Date d) const;
    // Weekdays that are not working days and weekly rest days that are, in date order.
    std::vector<std::pair<par::Date, DayNote>> exceptions(int year) const;
    // Whether some announced schedule or override sets a day of `year`.
    bool hasAnnouncedSchedule(int year) const { return announcedYears_.count(year) != 0; }

    // The last year whose Tết holiday is set by a schedule (0 when none is).
    int lastAnnouncedYear() const { return lastAnnouncedYear_; }
    // Whether a date, or an interval (either order), depends on a year without an announced
    // schedule; forecastYear gives the first such year of [a, b].
    bool isForecast(par::Date d) const { return d.year() > lastAnnouncedYear_; }
    bool isForecast(par::Date a, par::Date b) const { return isForecast(std::max(a, b)); }
    std::optional<int> forecastYear(par::Date a, par::Date b) const;
    // "dự kiến: lịch nghỉ Tết 2027 chưa công bố" / "forecast: the 2027 Tết holiday schedule has
    // not been announced", in the message language.
    static std::string forecastNote(int year);
    // forecastNote of the first forecast year of [a, b], or "" when none.
    std::string forecastNote(par::Date a, par::Date b) const;

    const std::vector<LoadedFile>& files() const { return files_; }
    const std::vector<Conflict>& conflicts() const { return conflicts_; }
    static const char* layerName(Layer layer);  // "cài đặt" / "installation", ...

    const HolidayRules& rules() const { return rules_; }
    static par::Date firstDate() { return par::Date(kWorkFirstYear, 1, 1); }
    static par::Date lastDate() { return par::Date(kWorkLastYear, 12, 31); }

private:
    // Day index in the tables; throws UsageError outside the range.
    std::size_t index(par::Date d) const {
        const long long i = static_cast<long long>(d.day_number()) - firstDay_;
        if (d.is_special() || i < 0 || i >= static_cast<long long>(working_.size()))
            outOfRange(d);
        return static_cast<std::size_t>(i);
    }
    [[noreturn]] static void outOfRange(par::Date d);
    WorkingCalendar(HolidayRules rules, std::string rulesFile);  // not built yet: rebuild()
    void rebuild();
    void addFolder(const std::string& folder, Layer layer);

    HolidayRules rules_;
    std::string rulesFile_;
    std::vector<ScheduleFile> schedules_;
    std::vector<LoadedFile> files_;
    std::vector<Conflict> conflicts_;
    std::map<par::Date, std::string> noteFiles_;  // the file behind each entry of notes_
    int lastAnnouncedYear_ = 0;
    std::map<par::Date, DayNote> notes_;  // every day whose status has a reason beyond the weekday
    std::set<int> announcedYears_;
    long long firstDay_ = 0;                // day_number() of firstDate()
    std::vector<std::uint8_t> working_;     // 1 = working day, per day of the range
    std::vector<std::int32_t> cumulative_;  // cumulative_[i] = working days among days [0, i)
    std::vector<std::int32_t>
        workingDays_;  // workingDays_[k] = day index of the (k+1)-th working day
};

}  // namespace par::cal
