// SPDX-License-Identifier: Apache-2.0
#include "core/calendar/WorkingCalendar.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"

namespace par::cal {

namespace {

using boost::gregorian::days;

bool inRange(par::Date d) {
    return !d.is_special() && d >= WorkingCalendar::firstDate() && d <= WorkingCalendar::lastDate();
}

void checkInRange(const SourceLocation& where, par::Date d) {
    if (!inRange(d))
        throw ParseError(where,
                         fmt(tr("ngày {} nằm ngoài khoảng lịch làm việc được hỗ trợ ({} đến {})",
                                "date {} is outside the supported working calendar ({} to {})"),
                             isoDate(d), isoDate(WorkingCalendar::firstDate()),
                             isoDate(WorkingCalendar::lastDate())));
}

}  // namespace

void WorkingCalendar::outOfRange(par::Date d) {
    throw UsageError(fmt(tr("ngày {} nằm ngoài khoảng lịch làm việc được hỗ trợ ({} đến {})",
                            "date {} is outside the supported working calendar ({} to {})"),
                         d.is_special() ? std::string("?") : isoDate(d), isoDate(firstDate()),
                         isoDate(lastDate())));
}

namespace {

// folder + "/" + name, both UTF-8 (std::filesystem would join with '\\' on Windows; the names
// shown and compared keep the folder as given and '/', which Windows takes too).
std::string joinPath(const std::string& folder, const std::string& name) {
    if (!folder.empty() && folder.find_last_of(platform::kPathSeparators) == folder.size() - 1)
        return folder + name;
    return folder + "/" + name;
}

// The *.xml files of a folder (UTF-8), by file name; none when it does not exist.
std::vector<std::string> xmlFiles(const std::string& folder, bool skipRules) {
    std::vector<std::string> files;
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::u8path(folder);
    if (!std::filesystem::is_directory(dir, ec))
        return files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".xml" &&
            !(skipRules && entry.path().filename() == "rules.xml"))
            files.push_back(joinPath(folder, entry.path().filename().u8string()));
    if (ec)
        throw IoError(
            fmt(tr("{}: không đọc được thư mục lịch", "{}: cannot read the calendar folder"),
                folder));
    std::sort(files.begin(), files.end());
    return files;
}

// "H", "M" or "L" from the last "[X]" mark of a source, "" without one.
std::string confidenceOf(const std::string& source) {
    const size_t open = source.rfind('[');
    if (open == std::string::npos || source.size() < open + 3 || source[open + 2] != ']')
        return "";
    const char c = source[open + 1];
    return (c == 'H' || c == 'M' || c == 'L') ? std::string(1, c) : std::string();
}

}  // namespace

std::string WorkingCalendar::userCalendarFolder() {
    const std::string user = par::userDataDirectory();
    return user.empty() ? std::string() : user + "/calendars";
}

std::string WorkingCalendar::workspaceCalendarFolder(const std::string& workspace) {
    if (workspace.empty())
        return "";
    std::filesystem::path p = std::filesystem::u8path(workspace);  // UTF-8 also on Windows
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec))  // an audit file: the folder it lies in
        p = p.parent_path();
    if (p.empty())
        p = ".";
    return joinPath(p.u8string(), "calendars");
}

const char* WorkingCalendar::layerName(Layer layer) {
    switch (layer) {
        case Layer::Installation:
            return tr("cài đặt", "installation");
        case Layer::User:
            return tr("người dùng", "user");
        case Layer::Workspace:
            return tr("thư mục kiểm tra", "workspace");
        case Layer::Overrides:
            return tr("--overrides", "--overrides");
    }
    return "";
}

WorkingCalendar WorkingCalendar::standard(const std::string& workspace) {
    const std::string rulesPath = par::dataPath("calendars/rules.xml");
    WorkingCalendar c(HolidayRules::load(rulesPath), rulesPath);
    c.files_.push_back({rulesPath, Layer::Installation, true});
    for (const auto& f : xmlFiles(par::dataPath("calendars/announced"), false)) {
        c.schedules_.push_back(ScheduleFile::load(f));
        c.files_.push_back({f, Layer::Installation, false});
    }
    c.addFolder(userCalendarFolder(), Layer::User);
    c.addFolder(workspaceCalendarFolder(workspace), Layer::Workspace);
    c.rebuild();
    return c;
}

void WorkingCalendar::addFolder(const std::string& folder, Layer layer) {
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::u8path(folder);
    if (folder.empty() || !std::filesystem::is_directory(dir, ec))
        return;
    // The installation's own folder (an audit kept in the source tree) is read once only.
    if (std::filesystem::equivalent(dir, std::filesystem::u8path(par::dataPath("calendars")), ec))
        return;
    if (std::filesystem::is_regular_file(dir / "rules.xml", ec)) {
        rulesFile_ = joinPath(folder, "rules.xml");
        rules_ = HolidayRules::load(rulesFile_);
        files_.push_back({rulesFile_, layer, true});
    }
    std::vector<std::string> files = xmlFiles(folder, true);
    for (const auto& f : xmlFiles(joinPath(folder, "announced"), false))
        files.push_back(f);
    for (const auto& f : files) {
        ScheduleFile schedule = ScheduleFile::load(f);
        for (const auto& h : schedule.holidays) {
            checkInRange(h.where, h.from);
            checkInRange(h.where, h.to);
        }
        for (const auto& d : schedule.days)
            checkInRange(d.where, d.date);
        schedules_.push_back(std::move(schedule));
        files_.push_back({f, layer, false});
    }
}

WorkingCalendar::WorkingCalendar(HolidayRules rules) : rules_(std::move(rules)) {
    rebuild();
}

WorkingCalendar::WorkingCalendar(HolidayRules rules, std::string rulesFile)
    : rules_(std::move(rules)), rulesFile_(std::move(rulesFile)) {}

void WorkingCalendar::addOverrides(const std::string& file) {
    addSchedule(ScheduleFile::load(file));
    files_.push_back({file, Layer::Overrides, false});
}

void WorkingCalendar::addSchedule(ScheduleFile schedule) {
    for (const auto& h : schedule.holidays) {
        checkInRange(h.where, h.from);
        checkInRange(h.where, h.to);
    }
    for (const auto& d : schedule.days)
        checkInRange(d.where, d.date);
    schedules_.push_back(std::move(schedule));
    rebuild();
}

void WorkingCalendar::rebuild() {
    // 1. The rules' holidays of every year, keyed by (year, name) so that an announced period of
    // the
    //    same holiday can replace them.
    struct Placed {
        std::vector<par::Date> days;
        std::string source;
        bool compensable = true;
        bool announced = false;
        std::string file;
    };
    std::map<std::pair<int, std::string>, Placed> holidays;
    for (int y = kWorkFirstYear; y <= kWorkLastYear; ++y)
        for (auto& occ : rules_.holidaysOf(y))
            holidays[{y, occ.name}] = Placed{std::move(occ.days), std::move(occ.source),
                                             occ.compensable, false, rulesFile_};

    // The rules' Tết names: a schedule that places one of them announces its year.
    std::set<std::string> tetNames;
    for (const auto& law : rules_.laws())
        for (const auto& h : law.holidays)
            if (h.kind == HolidayRule::Kind::Tet)
                tetNames.insert(h.name);

    // 2. Announced periods replace them; a period replacing another file's period is a conflict.
    announcedYears_.clear();
    conflicts_.clear();
    lastAnnouncedYear_ = 0;
    for (const auto& s : schedules_) {
        for (const auto& h : s.holidays) {
            Placed p{{}, h.source, false, true, s.file};
            for (par::Date d = h.from; d <= h.to; d += days(1)) {
                p.days.push_back(d);
                announcedYears_.insert(d.year());
            }
            if (tetNames.count(h.name) != 0)
                lastAnnouncedYear_ = std::max(lastAnnouncedYear_, h.year);
            Placed& old = holidays[{h.year, h.name}];
            if (old.announced && old.file != s.file && old.days != p.days)
                conflicts_.push_back(
                    {h.from,
                     h.name + " " + isoDate(old.days.front()) + ".." + isoDate(old.days.back()) +
                         " (" + old.source + ")",
                     h.name + " " + isoDate(h.from) + ".." + isoDate(h.to) + " (" + h.source + ")",
                     old.file, s.file});
            old = std::move(p);
        }
    }

    notes_.clear();
    noteFiles_.clear();
    for (const auto& [key, p] : holidays)
        for (par::Date d : p.days)
            if (inRange(d)) {
                notes_[d] = DayNote{false, key.second, p.source, "", "", false};
                noteFiles_[d] = p.file;
            }

    // 3. Compensatory days, in date order: each rules-placed holiday day on a weekly rest day gives
    //    the next day that is neither a weekly rest day, a holiday nor already a compensatory day.
    //    Announced periods already include whatever compensation the announcement gave.
    std::vector<std::tuple<par::Date, std::string, std::string>> restHolidays;
    for (const auto& [key, p] : holidays) {
        if (!p.compensable)
            continue;
        for (par::Date d : p.days)
            if (inRange(d) && rules_.isWeeklyRest(d)) {
                const LawPeriod* law = rules_.lawAt(d);
                restHolidays.emplace_back(d, key.second, law ? law->compensatorySource : p.source);
            }
    }
    std::sort(restHolidays.begin(), restHolidays.end());
    for (const auto& [d, name, source] : restHolidays) {
        par::Date e = d + days(1);
        while (inRange(e) && (rules_.isWeeklyRest(e) || notes_.count(e) != 0))
            e += days(1);
        if (inRange(e)) {
            notes_[e] = DayNote{false, "Nghỉ bù (" + name + ")", source, "", "", false};
            noteFiles_[e] = rulesFile_;
        }
    }

    // 4. Single announced days, in load order; one that overrules another file's day is a conflict.
    for (const auto& s : schedules_)
        for (const auto& d : s.days) {
            auto old = notes_.find(d.date);
            auto oldFile = noteFiles_.find(d.date);
            if (old != notes_.end() && oldFile != noteFiles_.end() &&
                oldFile->second != rulesFile_ && oldFile->second != s.file &&
                old->second.working != d.working)
                conflicts_.push_back({d.date, old->second.name + " (" + old->second.source + ")",
                                      d.name + " (" + d.source + ")", oldFile->second, s.file});
            notes_[d.date] = DayNote{d.working, d.name, d.source, "", "", false};
            noteFiles_[d.date] = s.file;
            announcedYears_.insert(d.date.year());
        }

    // 5. The tables.
    const par::Date first = firstDate();
    const auto count = static_cast<std::size_t>((lastDate() - first).days() + 1);
    firstDay_ = static_cast<long long>(first.day_number());
    working_.assign(count, 0);
    cumulative_.assign(count + 1, 0);
    workingDays_.clear();
    workingDays_.reserve(count);
    par::Date d = first;
    for (std::size_t i = 0; i < count; ++i, d += days(1)) {
        auto it = notes_.find(d);
        const bool w = it != notes_.end() ? it->second.working : !rules_.isWeeklyRest(d);
        working_[i] = w ? 1 : 0;
        cumulative_[i + 1] = cumulative_[i] + (w ? 1 : 0);
        if (w)
            workingDays_.push_back(static_cast<std::int32_t>(i));
    }
}

par::Date WorkingCalendar::nextWorkingDay(par::Date d) const {
    return addWorkingDays(d, 1);
}

par::Date WorkingCalendar::addWorkingDays(par::Date d, int n) const {
    const std::size_t i = index(d);
    if (n < 0)
        throw UsageError(fmt(tr("số ngày làm việc phải không âm, không phải {}",
                                "the number of working days must not be negative, not {}"),
                             std::to_string(n)));
    if (n == 0)
        return d;
    const long long k = static_cast<long long>(cumulative_[i + 1]) + n;  // 1-based rank overall
    if (k > static_cast<long long>(workingDays_.size()))
        throw UsageError(
            fmt(tr("{} cộng {} ngày làm việc vượt quá khoảng lịch được hỗ trợ (đến {})",
                   "{} plus {} working days goes past the supported calendar (to {})"),
                isoDate(d), std::to_string(n), isoDate(lastDate())));
    return firstDate() + days(workingDays_[static_cast<std::size_t>(k - 1)]);
}

par::Date WorkingCalendar::dueDate(boost::posix_time::ptime receipt, int workingDays,
                                   std::optional<boost::posix_time::time_duration> cutoff) const {
    if (receipt.is_special())
        throw UsageError(tr("thời điểm tiếp nhận không hợp lệ", "invalid receipt time"));
    if (workingDays < 0)
        throw UsageError(fmt(tr("thời hạn giải quyết phải không âm, không phải {} ngày làm việc",
                                "the processing time must not be negative, not {} working days"),
                             std::to_string(workingDays)));
    const par::Date day = receipt.date();
    const bool late = cutoff && receipt.time_of_day() > *cutoff;
    const par::Date start = (!isWorkingDay(day) || late) ? nextWorkingDay(day) : day;
    return addWorkingDays(start, workingDays);
}

par::Date WorkingCalendar::addCalendarDays(par::Date start, int n) const {
    index(start);
    if (n < 0)
        throw UsageError(fmt(tr("số ngày phải không âm, không phải {}",
                                "the number of days must not be negative, not {}"),
                             std::to_string(n)));
    if (n > (lastDate() - start).days())
        outOfRange(lastDate() + days(1));
    const par::Date end = start + days(n);
    return isWorkingDay(end) ? end : nextWorkingDay(end);
}

WorkingCalendar::DayNote WorkingCalendar::note(par::Date d) const {
    index(d);
    DayNote n;
    auto it = notes_.find(d);
    if (it != notes_.end()) {
        n = it->second;
        auto f = noteFiles_.find(d);
        n.file = f != noteFiles_.end() ? f->second : rulesFile_;
    } else if (rules_.isWeeklyRest(d)) {
        n = DayNote{false, "Nghỉ hằng tuần", rules_.weeklyRestSource(), "", rulesFile_, false};
    } else {  // a working day by the weekly-rest rule
        n = DayNote{true, "", rules_.weeklyRestSource(), "", rulesFile_, false};
    }
    n.confidence = confidenceOf(n.source);
    n.forecast = isForecast(d);
    return n;
}

std::optional<int> WorkingCalendar::forecastYear(par::Date a, par::Date b) const {
    const par::Date hi = std::max(a, b);
    if (!isForecast(hi))
        return std::nullopt;
    return std::max(static_cast<int>(std::min(a, b).year()), lastAnnouncedYear_ + 1);
}

std::string WorkingCalendar::forecastNote(int year) {
    return fmt(tr("dự kiến: lịch nghỉ Tết {} chưa công bố",
                  "forecast: the {} Tết holiday schedule has not been announced"),
               std::to_string(year));
}

std::string WorkingCalendar::forecastNote(par::Date a, par::Date b) const {
    auto y = forecastYear(a, b);
    return y ? forecastNote(*y) : std::string();
}

std::vector<std::pair<par::Date, WorkingCalendar::DayNote>> WorkingCalendar::exceptions(
    int year) const {
    if (year < kWorkFirstYear || year > kWorkLastYear)
        throw UsageError(fmt(tr("năm {} nằm ngoài khoảng lịch làm việc được hỗ trợ ({}-{})",
                                "year {} is outside the supported working calendar ({}-{})"),
                             std::to_string(year), std::to_string(kWorkFirstYear),
                             std::to_string(kWorkLastYear)));
    std::vector<std::pair<par::Date, DayNote>> out;
    const par::Date from(static_cast<unsigned short>(year), 1, 1);
    const par::Date to(static_cast<unsigned short>(year), 12, 31);
    for (auto it = notes_.lower_bound(from); it != notes_.end() && it->first <= to; ++it)
        if (it->second.working == rules_.isWeeklyRest(it->first))
            out.push_back(*it);
    return out;
}

}  // namespace par::cal
