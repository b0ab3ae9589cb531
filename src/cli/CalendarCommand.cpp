// SPDX-License-Identifier: Apache-2.0
// CalendarCommand.cpp - `par-audit calendar`: the lunar calendar and working days from the command
// line. Output forms are fixed (scripts parse them; see docs/calendar.md):
//   calendar tet YEAR            → YYYY-MM-DD
//   calendar lunar DATE          → D/M/YYYY, plus " (nhuận)" in a leap month
//   calendar off YEAR            → YYYY-MM-DD<TAB>off|work<TAB>name, in date order
//   calendar add DATE N          → YYYY-MM-DD
//   calendar between A B         → the number of working days in (A, B]
//   calendar days A [B]          → one line per day: date, work|off, name, source, confidence, file
//   calendar sources             → the data files read, in precedence order, and their conflicts
// A result in a year without an announced Tết schedule gets a last tab-separated column
// "dự kiến: lịch nghỉ Tết 2027 chưa công bố" (scripts read the first columns). Other notes (a year
// without any announced schedule) go to standard error.
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/Command.hpp"
#include "core/calendar/LunarCalendar.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Dates.hpp"
#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::cli::calendar_command {

namespace {

// Dates and day kinds as a user reads them: DD/MM/YYYY and "nghỉ" / "làm việc" in Vietnamese;
// ISO dates and "off" / "work" in English (the columns stay tab-separated for scripts).
std::string shownDate(const Date& d) { return language() == Language::English ? isoDate(d) : vietnameseDate(d); }
const char* dayKind(bool working) { return working ? tr("làm việc", "work") : tr("nghỉ", "off"); }


struct CalendarArgs {
    std::vector<std::string> overrides;
    std::string workspace;
    std::string first, second;
};

constexpr long kMaxDaysListed = 366;

Date parseDateArg(const std::string& s) {
    if (auto d = parseUserDate(s))
        return *d;
    throw UsageError(fmt(tr("'{}' không phải ngày hợp lệ (dạng YYYY-MM-DD hoặc D/M/YYYY)",
                            "'{}' is not a valid date (YYYY-MM-DD or D/M/YYYY)"),
                         s));
}

// A whole number written in decimal digits, with an optional leading minus.
long long parseIntArg(const std::string& s, const char* what) {
    size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    bool ok = i < s.size() && s.size() - i <= 9;
    for (size_t j = i; ok && j < s.size(); ++j)
        ok = s[j] >= '0' && s[j] <= '9';
    if (!ok)
        throw UsageError(
            fmt(tr("{} phải là số nguyên, không phải '{}'", "{} must be a whole number, not '{}'"),
                what, s));
    return std::stoll(s);
}

int parseYearArg(const std::string& s, int lo, int hi) {
    const long long y = parseIntArg(s, tr("năm", "the year"));
    if (y < lo || y > hi)
        throw UsageError(fmt(tr("năm {} nằm ngoài khoảng được hỗ trợ ({}-{})",
                                "year {} is outside the supported range ({}-{})"),
                             std::to_string(y), std::to_string(lo), std::to_string(hi)));
    return static_cast<int>(y);
}

cal::WorkingCalendar loadCalendar(const CalendarArgs& a) {
    cal::WorkingCalendar c = cal::WorkingCalendar::standard(a.workspace);
    for (const auto& f : a.overrides)
        c.addOverrides(f);
    return c;
}

// "\tdự kiến: lịch nghỉ Tết 2027 chưa công bố" when [a, b] reaches a forecast year, else "".
std::string forecastColumn(const cal::WorkingCalendar& c, Date a, Date b) {
    const std::string note = c.forecastNote(a, b);
    return note.empty() ? note : "\t" + note;
}

// Tells on standard error which years of [from, to] follow the rules only.
void noteUnannounced(const cal::WorkingCalendar& c, int from, int to) {
    if (to - from > 20) {
        std::cerr << tr(
            "lưu ý: khoảng thời gian dài; các năm chưa có lịch nghỉ được công bố dùng quy tắc "
            "của Bộ luật Lao động\n",
            "note: a long span; years without an announced schedule follow the Labour Code "
            "rules\n");
        return;
    }
    for (int y = from; y <= to; ++y)
        if (!c.hasAnnouncedSchedule(y))
            std::cerr << fmt(
                tr("lưu ý: năm {} chưa có lịch nghỉ được công bố; ngày nghỉ tính theo quy tắc "
                   "của Bộ luật Lao động (calendars/rules.xml)\n",
                   "note: {} has no announced schedule; days off follow the Labour Code rules "
                   "(calendars/rules.xml)\n"),
                std::to_string(y));
}

CLI::App* addSub(CLI::App& parent, const char* name, const char* help,
                 const std::shared_ptr<CalendarArgs>& args) {
    CLI::App* s = parent.add_subcommand(name, help);
    s->add_option("--overrides", args->overrides,
                  tr("Tệp lịch nghỉ địa phương (XML, xem docs/calendar.md); có thể lặp lại",
                     "Local schedule file (XML, see docs/calendar.md); may be repeated"))
        ->type_name(tr("TỆP", "FILE"));
    s->add_option("--workspace", args->workspace,
                  tr("Thư mục kiểm tra (hoặc tệp kiểm tra): đọc cả thư mục calendars/ bên cạnh",
                     "Audit folder (or audit file): its calendars/ folder is read too"))
        ->type_name(tr("THƯ_MỤC", "DIR"));
    return s;
}

void install(CLI::App& app, Context&) {
    CLI::App* calendar =
        app.add_subcommand("calendar", tr("Lịch: âm lịch, ngày nghỉ lễ, ngày làm việc",
                                          "Calendar: lunar dates, holidays, working days"));
    calendar->require_subcommand(1);
    auto args = std::make_shared<CalendarArgs>();

    CLI::App* tetCmd =
        addSub(*calendar, "tet",
               tr("Ngày mùng 1 Tết của năm âm lịch YEAR", "First day of lunar year YEAR"), args);
    tetCmd->add_option("YEAR", args->first, tr("Năm (1900-2199)", "Year (1900-2199)"))->required();
    tetCmd->callback([args] {
        const int y = parseYearArg(args->first, cal::kLunarFirstYear, cal::kLunarLastYear);
        std::cout << shownDate(cal::tet(y)) << "\n";
    });

    CLI::App* lunar =
        addSub(*calendar, "lunar",
               tr("Đổi ngày dương lịch sang âm lịch", "Solar date to lunar date"), args);
    lunar
        ->add_option(
            "DATE", args->first,
            tr("Ngày dương lịch (YYYY-MM-DD hoặc D/M/YYYY)", "Solar date (YYYY-MM-DD or D/M/YYYY)"))
        ->required();
    lunar->callback([args] {
        const cal::LunarDate l = cal::toLunar(parseDateArg(args->first));
        std::cout << l.day << "/" << l.month << "/" << l.year << (l.leap ? " (nhuận)" : "") << "\n";
    });

    CLI::App* off =
        addSub(*calendar, "off",
               tr("Các ngày thường được nghỉ và các ngày cuối tuần phải làm việc trong năm",
                  "Weekdays off and weekend days worked in a year"),
               args);
    off->add_option("YEAR", args->first, tr("Năm (2000-2199)", "Year (2000-2199)"))->required();
    off->callback([args] {
        const int y = parseYearArg(args->first, cal::kWorkFirstYear, cal::kWorkLastYear);
        const cal::WorkingCalendar c = loadCalendar(*args);
        noteUnannounced(c, y, y);
        const Date jan1(static_cast<unsigned short>(y), 1, 1);
        const std::string forecast = forecastColumn(c, jan1, jan1);
        for (const auto& [d, note] : c.exceptions(y))
            std::cout << shownDate(d) << '\t' << dayKind(note.working) << '\t' << note.name
                      << forecast << '\n';
    });

    CLI::App* add = addSub(
        *calendar, "add",
        tr("Ngày sau DATE đúng N ngày làm việc", "The date N working days after DATE"), args);
    add->add_option("DATE", args->first, tr("Ngày bắt đầu", "Start date"))->required();
    add->add_option("N", args->second, tr("Số ngày làm việc (≥ 0)", "Number of working days (≥ 0)"))
        ->required();
    add->callback([args] {
        const Date d = parseDateArg(args->first);
        const long long n = parseIntArg(args->second, "N");
        if (n < 0)
            throw UsageError(
                fmt(tr("N phải là số không âm, không phải {}", "N must not be negative, not {}"),
                    args->second));
        const cal::WorkingCalendar c = loadCalendar(*args);
        const Date e = c.addWorkingDays(d, static_cast<int>(n));
        noteUnannounced(c, d.year(), e.year());
        std::cout << shownDate(e) << forecastColumn(c, d, e) << "\n";
    });

    CLI::App* between = addSub(
        *calendar, "between",
        tr("Số ngày làm việc trong khoảng (A, B]", "Number of working days in (A, B]"), args);
    between->add_option("A", args->first, tr("Ngày đầu (không tính)", "First date (not counted)"))
        ->required();
    between->add_option("B", args->second, tr("Ngày cuối (có tính)", "Last date (counted)"))
        ->required();
    between->callback([args] {
        const Date a = parseDateArg(args->first);
        const Date b = parseDateArg(args->second);
        const cal::WorkingCalendar c = loadCalendar(*args);
        const int n = c.workingDaysBetween(a, b);
        noteUnannounced(c, std::min(a, b).year(), std::max(a, b).year());
        std::cout << n << forecastColumn(c, a, b) << "\n";
    });

    CLI::App* daysCmd =
        addSub(*calendar, "days",
               tr("Từng ngày từ A đến B: làm việc hay nghỉ, tên, nguồn, độ tin cậy, tệp dữ liệu",
                  "Each day from A to B: working or off, name, source, confidence, data file"),
               args);
    daysCmd->add_option("A", args->first, tr("Ngày đầu", "First date"))->required();
    daysCmd->add_option("B", args->second, tr("Ngày cuối (mặc định: A)", "Last date (default: A)"));
    daysCmd->callback([args] {
        const Date a = parseDateArg(args->first);
        const Date b = args->second.empty() ? a : parseDateArg(args->second);
        if (b < a)
            throw UsageError(fmt(tr("ngày cuối {} đứng trước ngày đầu {}",
                                    "the last date {} is before the first {}"),
                                 isoDate(b), isoDate(a)));
        if ((b - a).days() >= kMaxDaysListed)
            throw UsageError(fmt(tr("tối đa {} ngày mỗi lần", "at most {} days at a time"),
                                 std::to_string(kMaxDaysListed)));
        const cal::WorkingCalendar c = loadCalendar(*args);
        for (Date d = a; d <= b; d += boost::gregorian::days(1)) {
            const cal::WorkingCalendar::DayNote n = c.note(d);
            const std::string name =
                !n.name.empty() ? n.name : std::string(tr("Ngày làm việc", "Working day"));
            // A plain weekday is a working day by the weekly-rest rule.
            const std::string source = !n.source.empty() ? n.source : c.rules().weeklyRestSource();
            std::cout << shownDate(d) << '\t' << dayKind(n.working) << '\t' << name << '\t'
                      << source << '\t' << (n.confidence.empty() ? std::string("—") : n.confidence)
                      << '\t' << (n.file.empty() ? std::string("—") : n.file)
                      << (n.forecast ? "\t" + cal::WorkingCalendar::forecastNote(d.year()) : "")
                      << '\n';
        }
    });

    CLI::App* sources = addSub(
        *calendar, "sources",
        tr("Các tệp dữ liệu lịch được đọc (thứ tự ưu tiên tăng dần) và các ngày mâu thuẫn",
           "The calendar data files read (increasing precedence) and the days they disagree on"),
        args);
    sources->callback([args] {
        const cal::WorkingCalendar c = loadCalendar(*args);
        for (const auto& f : c.files())
            std::cout << cal::WorkingCalendar::layerName(f.layer) << '\t'
                      << (f.rules ? "rules" : "schedule") << '\t' << f.path << '\n';
        std::cout << fmt(tr("Năm cuối có lịch nghỉ Tết được công bố: {}",
                            "Last year with an announced Tết schedule: {}"),
                         c.lastAnnouncedYear() > 0 ? std::to_string(c.lastAnnouncedYear())
                                                   : std::string("—"))
                  << '\n';
        for (const auto& k : c.conflicts())
            std::cout << fmt(tr("Mâu thuẫn {}: {} ({}) được thay bằng {} ({})",
                                "Conflict {}: {} ({}) replaced by {} ({})"),
                             isoDate(k.date), k.earlier, k.earlierFile, k.later, k.laterFile)
                      << '\n';
        std::cout << fmt(tr("Thư mục của người dùng: {}", "User folder: {}"),
                         cal::WorkingCalendar::userCalendarFolder().empty()
                             ? std::string("—")
                             : cal::WorkingCalendar::userCalendarFolder())
                  << '\n';
    });
}

const bool registered = registerCommand(50, install);

}  // namespace

}  // namespace par::cli::calendar_command
