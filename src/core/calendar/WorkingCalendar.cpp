#include "core/calendar/WorkingCalendar.hpp"

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"
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

WorkingCalendar WorkingCalendar::standard() {
    WorkingCalendar c(HolidayRules::load(par::dataPath("calendars/rules.xml")));
    std::vector<std::string> files;
    const std::filesystem::path dir = std::filesystem::u8path(par::dataPath("calendars/announced"));
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".xml")
            files.push_back(entry.path().u8string());
    if (ec)
        throw IoError(fmt(tr("{}: không đọc được thư mục lịch công bố",
                             "{}: cannot read the announced calendars"),
                          dir.u8string()));
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
        c.schedules_.push_back(ScheduleFile::load(f));
    c.rebuild();
    return c;
}

WorkingCalendar::WorkingCalendar(HolidayRules rules) : rules_(std::move(rules)) {
    rebuild();
}

void WorkingCalendar::addOverrides(const std::string& file) {
    addSchedule(ScheduleFile::load(file));
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
    };
    std::map<std::pair<int, std::string>, Placed> holidays;
    for (int y = kWorkFirstYear; y <= kWorkLastYear; ++y)
        for (auto& occ : rules_.holidaysOf(y))
            holidays[{y, occ.name}] =
                Placed{std::move(occ.days), std::move(occ.source), occ.compensable, false};

    // 2. Announced periods replace them.
    announcedYears_.clear();
    for (const auto& s : schedules_) {
        for (const auto& h : s.holidays) {
            Placed p{{}, h.source, false, true};
            for (par::Date d = h.from; d <= h.to; d += days(1)) {
                p.days.push_back(d);
                announcedYears_.insert(d.year());
            }
            holidays[{h.year, h.name}] = std::move(p);
        }
    }

    notes_.clear();
    for (const auto& [key, p] : holidays)
        for (par::Date d : p.days)
            if (inRange(d))
                notes_[d] = DayNote{false, key.second, p.source};

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
        if (inRange(e))
            notes_[e] = DayNote{false, "Nghỉ bù (" + name + ")", source};
    }

    // 4. Single announced days, in load order.
    for (const auto& s : schedules_)
        for (const auto& d : s.days) {
            notes_[d.date] = DayNote{d.working, d.name, d.source};
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
    auto it = notes_.find(d);
    if (it != notes_.end())
        return it->second;
    if (rules_.isWeeklyRest(d))
        return DayNote{false, "Nghỉ hằng tuần", rules_.weeklyRestSource()};
    return DayNote{true, "", ""};
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
