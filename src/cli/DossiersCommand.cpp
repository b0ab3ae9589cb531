// SPDX-License-Identifier: Apache-2.0
// DossiersCommand.cpp - `par-audit dossiers analyze|apply`: the one-stop dossier log (CSV or XLSX)
// turned into exact figures per unit, procedure and receipt month, and written per year into an
// audit's dossier-results table (docs/dossiers.md). A progress bar goes to standard error, only
// when it is a terminal.
#include <signal.h>
#include <unistd.h>

#include <cmath>
#include <csignal>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/Command.hpp"
#include "core/actions/AuditTransaction.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Csv.hpp"
#include "core/common/Dates.hpp"
#include "core/common/Error.hpp"
#include "core/common/Progress.hpp"
#include "core/common/Text.hpp"
#include "core/dossier/DossierAnalyzer.hpp"
#include "core/dossier/DossierApply.hpp"
#include "core/dossier/DossierLog.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/model/AuditWriter.hpp"

namespace par::cli::dossiers_command {

namespace {

using namespace par::dossier;

struct Options {
    std::string log;
    std::string catalog;
    std::string asOf;
    std::string mapping;
    std::string sheet;
    std::vector<std::string> overrides;
    bool json = false;
    bool csv = false;
    std::string by = "unit";
    long top = 0;
    std::string list;
    std::string audit;
    std::string author;
    std::vector<std::string> units;
    bool allUnits = false;
    unsigned threads = 0;
};

// Set by SIGINT while an analysis runs: Ctrl-C stops the reader at its next row instead of
// killing the process (dossiers apply then writes nothing).
volatile std::sig_atomic_t gInterrupted = 0;
extern "C" void onInterrupt(int) {
    gInterrupted = 1;
}

// A bar on standard error, redrawn when the percentage changes; nothing unless it is a terminal.
// While it lives, Ctrl-C asks the analysis to stop (cancelled()).
class TerminalProgress : public Progress {
public:
    TerminalProgress() : enabled_(isatty(STDERR_FILENO) != 0) {
        gInterrupted = 0;
#ifdef _WIN32
        previous_ = std::signal(SIGINT, onInterrupt);  // Ctrl-C in a console: no interrupted reads
#else
        struct sigaction sa {};
        sa.sa_handler = onInterrupt;
        sa.sa_flags = SA_RESTART;  // a read interrupted by Ctrl-C resumes: never a short file
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &previous_);
#endif
    }
    ~TerminalProgress() override {
#ifdef _WIN32
        std::signal(SIGINT, previous_);
#else
        sigaction(SIGINT, &previous_, nullptr);
#endif
        if (enabled_ && drawn_)
            std::cerr << '\r' << std::string(width_, ' ') << '\r' << std::flush;
    }
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;
    bool cancelled() const override { return gInterrupted != 0; }
    void update(double fraction, std::string_view label) override {
        if (!enabled_)
            return;
        const int percent = static_cast<int>(fraction * 100);
        if (percent == last_)
            return;
        last_ = percent;
        drawn_ = true;
        constexpr int kWidth = 30;
        const int full = percent * kWidth / 100;
        std::string bar(static_cast<size_t>(full), '#');
        bar.append(static_cast<size_t>(kWidth - full), '.');
        // Through std::cerr, not stdio: on a Windows console std::cerr writes UTF-16 (WriteConsoleW,
        // src/cli/main.cpp), so the Vietnamese label is not garbled by the console's code page.
        // Cleared with spaces rather than an ANSI sequence, which an older Windows console prints.
        char tail[16];
        std::snprintf(tail, sizeof tail, "] %3d%%", percent);
        std::string line(label);
        line.append(" [").append(bar).append(tail);
        const size_t width = displayWidth(line);
        if (width < width_)
            line.append(width_ - width, ' ');
        width_ = std::max(width_, width);
        std::cerr << '\r' << line << std::flush;
    }

private:
    bool enabled_;
    bool drawn_ = false;
    int last_ = -1;
    size_t width_ = 0;  // characters of the widest line drawn, cleared at the end
#ifdef _WIN32
    void (*previous_)(int) = nullptr;
#else
    struct sigaction previous_ {};
#endif
};

Date parseAsOf(const std::string& s) {
    if (auto d = parseUserDate(s))
        return *d;
    throw UsageError(fmt(tr("--as-of '{}' không phải ngày hợp lệ (dạng YYYY-MM-DD hoặc D/M/YYYY)",
                            "--as-of '{}' is not a valid date (YYYY-MM-DD or D/M/YYYY)"),
                         s));
}

cal::WorkingCalendar loadCalendar(const Options& o) {
    cal::WorkingCalendar c = cal::WorkingCalendar::standard(o.audit);  // + calendars/ beside it
    for (const auto& f : o.overrides)
        c.addOverrides(f);
    return c;
}

ProcedureCatalog loadCatalog(const std::string& path) {
    ProcedureCatalog c = ProcedureCatalog::load(path);
    if (!c.problems().ok()) {
        for (const auto& p : c.problems().problems())
            std::cerr << p.str() << "\n";
        throw UsageError(
            fmt(tr("danh mục thủ tục {} có lỗi", "the procedure catalog {} has errors"), path));
    }
    return c;
}

DossierStats analyze(const Options& o, const ProcedureCatalog& catalog, const AnalysisOptions& ao) {
    const cal::WorkingCalendar calendar = loadCalendar(o);
    const HeaderMapping mapping =
        o.mapping.empty() ? HeaderMapping{} : HeaderMapping::load(o.mapping);
    std::unique_ptr<RowSource> source = openDossierLog(o.log, o.sheet, ao.threads, mapping);
    DossierAnalyzer analyzer(catalog, calendar, ao);
    TerminalProgress progress;
    try {
        return analyzer.analyze(*source, mapping, &progress);
    } catch (const Cancelled&) {
        throw Error(fmt(tr("đã dừng đọc {} theo yêu cầu (Ctrl-C); không có gì được ghi.",
                           "stopped reading {} on request (Ctrl-C); nothing was written."),
                        o.log));
    }
}

std::string padRight(const std::string& s, size_t w) {
    const size_t n = displayWidth(s);
    return n >= w ? s : s + std::string(w - n, ' ');
}
std::string padLeft(const std::string& s, size_t w) {
    const size_t n = displayWidth(s);
    return n >= w ? s : std::string(w - n, ' ') + s;
}

std::vector<long long> values(const DossierCounts& c) {
    return {c.received,      c.finishedEarly,  c.finishedOnTime,   c.finishedLate,
            c.pendingInTime, c.pendingOverdue, c.wrongAppointment, c.lateWorkingDaysSum};
}

const std::vector<const char*>& countNames() {
    static const std::vector<const char*> k = {
        "received",        "finished_early",  "finished_on_time",  "finished_late",
        "pending_in_time", "pending_overdue", "wrong_appointment", "late_working_days_sum"};
    return k;
}

nlohmann::ordered_json countsJson(const char* keyName, const std::string& key,
                                  const DossierCounts& c) {
    nlohmann::ordered_json j;
    if (keyName != nullptr)
        j[keyName] = key;
    const auto v = values(c);
    for (size_t i = 0; i < v.size(); ++i)
        j[countNames()[i]] = v[i];
    return j;
}

const std::vector<GroupCounts>& groupsBy(const DossierStats& s, const std::string& by) {
    if (by == "procedure")
        return s.byProcedure;
    if (by == "month")
        return s.byMonth;
    return s.byUnit;
}

std::vector<GroupCounts> shownGroups(const DossierStats& s, const std::string& by, long top) {
    const auto& g = groupsBy(s, by);
    if (top > 0 && by != "month")
        return DossierStats::top(g, static_cast<size_t>(top));
    return g;
}

// A rate in percent with two decimals, as JSON (null when undefined).
nlohmann::ordered_json rateJson(const std::optional<double>& r) {
    if (!r)
        return nullptr;
    return std::round(*r * 10000.0) / 100.0;
}

// A rate in percent for people: two decimals, decimal comma in Vietnamese.
std::string rateText(double r) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", 100.0 * r);
    if (language() == Language::Vietnamese)
        for (char* c = buf; *c != '\0'; ++c)
            if (*c == '.')
                *c = ',';
    return buf;
}

void printJson(const DossierStats& s, long top) {
    nlohmann::ordered_json j;
    if (!s.sheet.empty())
        j["sheet"] = s.sheet;
    j["header_line"] = s.headerLine;
    j["rows_total"] = s.rowsTotal;
    j["rows_invalid"] = s.rowsInvalid;
    if (s.rowsColumnNumbers > 0)
        j["rows_column_numbers"] = s.rowsColumnNumbers;
    if (s.rowsRepeatedHeader > 0)
        j["rows_repeated_header"] = s.rowsRepeatedHeader;
    j["rows_unknown_procedure"] = s.rowsUnknownProcedure;
    j["totals"] = countsJson(nullptr, "", s.totals);
    j["on_time_rate"] = rateJson(s.totals.onTimeRate());
    j["on_time_rate_766"] = rateJson(s.totals.onTimeRate766());
    const std::pair<const char*, const char*> groups[] = {
        {"by_unit", "unit"}, {"by_procedure", "procedure_code"}, {"by_month", "month"}};
    for (const auto& [name, key] : groups) {
        const std::string by = std::string(key) == "procedure_code" ? "procedure" : key;
        j[name] = nlohmann::ordered_json::array();
        for (const auto& g : shownGroups(s, by, top))
            j[name].push_back(countsJson(key, g.key, g.counts));
    }
    j["unknown_procedures"] = nlohmann::ordered_json::array();
    for (const auto& g : s.unknownProcedures)
        j["unknown_procedures"].push_back({{"procedure_code", g.key}, {"rows", g.counts.received}});
    if (s.unknownProceduresTruncated)
        j["unknown_procedures_truncated"] = true;
    j["invalid_rows"] = nlohmann::ordered_json::array();
    for (const auto& r : s.invalidRows)
        j["invalid_rows"].push_back({{"line", r.line}, {"reason", r.reason}});
    std::cout << j.dump(2) << "\n";
}

void printCsv(const DossierStats& s, const std::string& by, long top) {
    std::cout << (by == "procedure" ? "procedure_code" : by);
    for (const char* n : countNames())
        std::cout << ',' << n;
    std::cout << "\r\n";
    for (const auto& g : shownGroups(s, by, top)) {
        std::cout << csvField(g.key);
        for (long long v : values(g.counts))
            std::cout << ',' << v;
        std::cout << "\r\n";
    }
}

std::string thousands(long long v) {
    std::string d = std::to_string(v < 0 ? -v : v), out;
    for (size_t i = 0; i < d.size(); ++i) {
        if (i > 0 && (d.size() - i) % 3 == 0)
            out += '.';
        out += d[i];
    }
    return (v < 0 ? "-" : "") + out;
}

void printTable(const DossierStats& s, const std::string& by, long top) {
    std::cout << fmt(tr("Nhật ký hồ sơ: {} (số liệu đến {})", "Dossier log: {} (figures as of {})"),
                     s.source, vietnameseDate(s.asOf))
              << "\n";
    if (s.sheetAfterOthers)
        std::cout << s.sheetNote() << "\n";
    if (s.headerAfterTitle)
        std::cout << s.headerNote() << "\n";
    for (const auto& note : s.skippedRowNotes())
        std::cout << note << "\n";
    std::cout << fmt(tr("Số dòng: {}; hợp lệ: {}; lỗi: {}", "Rows: {}; valid: {}; invalid: {}"),
                     thousands(s.rowsTotal), thousands(s.rowsTotal - s.rowsInvalid),
                     thousands(s.rowsInvalid))
              << "\n\n";
    const std::vector<std::string> heads = {
        tr("Tiếp nhận", "Received"),         tr("Trước hạn", "Early"),
        tr("Đúng hạn", "On time"),           tr("Quá hạn", "Late"),
        tr("Chưa GQ, trong hạn", "Pending"), tr("Chưa GQ, quá hạn", "Overdue"),
        tr("Hẹn sai", "Wrong appt."),        tr("Ngày LV trễ", "Late w-days")};
    const char* keyHead = by == "procedure" ? tr("Thủ tục", "Procedure")
                          : by == "month"   ? tr("Tháng tiếp nhận", "Receipt month")
                                            : tr("Đơn vị", "Unit");
    std::vector<GroupCounts> rows = shownGroups(s, by, top);
    const std::string totalLabel = tr("Tổng cộng", "Total");
    size_t keyWidth = std::max(displayWidth(keyHead), displayWidth(totalLabel));
    for (const auto& g : rows)
        keyWidth = std::max(keyWidth, displayWidth(g.key));
    keyWidth = std::min<size_t>(keyWidth, 60);  // longer keys cut ("…"); --csv has them whole
    std::cout << padRight(keyHead, keyWidth);
    for (const auto& h : heads)
        std::cout << "  " << h;
    std::cout << "\n";
    auto line = [&](const std::string& key, const DossierCounts& c) {
        std::cout << padRight(clipToWidth(key, keyWidth), keyWidth);
        const auto v = values(c);
        for (size_t i = 0; i < v.size(); ++i)
            std::cout << "  " << padLeft(thousands(v[i]), displayWidth(heads[i]));
        std::cout << "\n";
    };
    for (const auto& g : rows)
        line(g.key, g.counts);
    line(totalLabel, s.totals);
    std::cout << "\n";
    if (const auto r = s.totals.onTimeRate())
        std::cout << fmt(tr("Tỷ lệ giải quyết đúng hạn (kể cả trước hạn), cách tính của par-audit "
                            "((trước hạn + đúng hạn) / đã giải quyết): {}%",
                            "On-time rate (early included), par-audit's way ((early + on time) / "
                            "resolved): {}%"),
                         rateText(*r))
                  << "\n";
    if (const auto r = s.totals.onTimeRate766())
        std::cout << fmt(tr("Tỷ lệ đúng hạn theo Quyết định 766/QĐ-TTg ((trước hạn + đúng hạn + "
                            "đang giải quyết trong hạn) / tiếp nhận): {}%",
                            "On-time rate per Decision 766/QĐ-TTg ((early + on time + pending in "
                            "time) / received): {}%"),
                         rateText(*r))
                  << "\n";
    if (s.rowsUnknownProcedure > 0) {
        std::string codes;
        for (size_t i = 0; i < s.unknownProcedures.size() && i < 20; ++i)
            codes += (codes.empty() ? "" : ", ") + s.unknownProcedures[i].key + " (" +
                     thousands(s.unknownProcedures[i].counts.received) + ")";
        if (s.unknownProcedures.size() > 20 || s.unknownProceduresTruncated)
            codes += ", …";
        std::cout << "\n"
                  << fmt(tr("{} hồ sơ có mã thủ tục không có trong danh mục: đã tính vào số liệu, "
                            "trừ hẹn sai (cần thời hạn theo quy định); mã: {}",
                            "{} dossiers with a procedure code not in the catalog: counted in the "
                            "figures except wrong appointments (which need the statutory time); "
                            "codes: {}"),
                         thousands(s.rowsUnknownProcedure), codes)
                  << "\n";
    }
    if (!s.worstLate.empty()) {
        std::cout << "\n"
                  << fmt(tr("{} hồ sơ trễ nhiều ngày làm việc nhất:",
                            "The {} dossiers most working days late:"),
                         std::to_string(s.worstLate.size()))
                  << "\n";
        for (const auto& d : s.worstLate)
            std::cout << "  "
                      << fmt(tr("dòng {}: {} ({}, {}) hẹn {}, {}: trễ {} ngày làm việc",
                                "line {}: {} ({}, {}) due {}, {}: {} working days late"),
                             std::to_string(d.line), d.id, d.unit, d.procedureCode,
                             vietnameseDate(d.due), outcomeLabel(d.outcome),
                             std::to_string(d.lateWorkingDays))
                      << "\n";
    }
    if (!s.invalidRows.empty()) {
        std::cout << "\n"
                  << fmt(tr("{} dòng lỗi (không tính vào số liệu); {} dòng đầu:",
                            "{} invalid rows (not counted); the first {}:"),
                         thousands(s.rowsInvalid), std::to_string(s.invalidRows.size()))
                  << "\n";
        for (const auto& r : s.invalidRows)
            std::cout << "  " << s.source << ":" << r.line << ": " << r.reason << "\n";
    }
}

// Streams the flagged dossiers into a CSV file (UTF-8 with BOM, for spreadsheet users).
class FlaggedList {
public:
    explicit FlaggedList(const std::string& path)
        : path_(path), tmp_(path + ".tmp"), out_(tmp_, std::ios::binary) {
        if (!out_)
            throw IoError(fmt(tr("không ghi được tệp {}", "cannot write {}"), tmp_));
        out_ << "\xEF\xBB\xBF"
                "line,dossier_id,unit,procedure_code,received_at,due_at,statutory_due,"
                "finished_at,outcome,late_working_days,wrong_appointment\r\n";
    }
    void add(const DossierRecord& r) {
        out_ << r.line << ',' << csvField(r.id) << ',' << csvField(canonicalUnit(r.unit)) << ','
             << csvField(r.procedureCode) << ',' << isoDate(r.received) << ',' << isoDate(r.due)
             << ',' << (r.knownProcedure ? isoDate(r.statutoryDue) : "") << ','
             << (r.finished ? isoDate(*r.finished) : "") << ',' << outcomeId(r.outcome) << ','
             << r.lateWorkingDays << ',' << (r.wrongAppointment ? 1 : 0) << "\r\n";
    }
    void commit() {
        out_.close();
        if (!out_ || std::rename(tmp_.c_str(), path_.c_str()) != 0)
            throw IoError(fmt(tr("không ghi được tệp {}", "cannot write {}"), path_));
    }

private:
    std::string path_, tmp_;
    std::ofstream out_;
};

void addCommonOptions(CLI::App* cmd, const std::shared_ptr<Options>& o) {
    cmd->add_option("LOG", o->log,
                    tr("Nhật ký hồ sơ xuất từ hệ thống một cửa (CSV hoặc XLSX)",
                       "Dossier log exported by the one-stop system (CSV or XLSX)"))
        ->required();
    cmd->add_option("--as-of", o->asOf,
                    tr("Ngày tính số liệu (YYYY-MM-DD hoặc D/M/YYYY)",
                       "The day the figures are taken (YYYY-MM-DD or D/M/YYYY)"))
        ->required();
    cmd->add_option("--mapping", o->mapping,
                    tr("Tệp ánh xạ tên cột (trường = Tên cột; xem docs/dossiers.md)",
                       "Header mapping file (field = Header name; see docs/dossiers.md)"))
        ->type_name(tr("TỆP", "FILE"));
    cmd->add_option("--sheet", o->sheet,
                    tr("Trang tính cần đọc trong tệp XLSX (mặc định: trang đầu tiên có bảng "
                       "nhật ký hồ sơ)",
                       "Sheet to read in an XLSX file (default: the first with a dossier log "
                       "table)"));
    cmd->add_option("--threads", o->threads,
                    tr("Số luồng đọc nhật ký (mặc định: 0 = mỗi lõi một luồng, tối đa 8; tệp CSV "
                       "với --list một luồng mỗi lõi đang rảnh; 1 = chỉ một luồng)",
                       "Threads reading the log (default: 0 = one per core, at most 8; a CSV log "
                       "with --list one per idle core; 1 = one thread only)"))
        ->type_name("N");
    cmd->add_option("--overrides", o->overrides,
                    tr("Tệp lịch nghỉ địa phương (XML, xem docs/calendar.md); có thể lặp lại",
                       "Local schedule file (XML, see docs/calendar.md); may be repeated"))
        ->type_name(tr("TỆP", "FILE"));
}

void install(CLI::App& app, Context&) {
    CLI::App* dossiers = app.add_subcommand(
        "dossiers", tr("Nhật ký hồ sơ một cửa: số liệu trước hạn, đúng hạn, quá hạn",
                       "One-stop dossier logs: early, on-time and late figures"));
    dossiers->require_subcommand(1);

    auto a = std::make_shared<Options>();
    CLI::App* analyzeCmd = dossiers->add_subcommand(
        "analyze",
        tr("Phân tích nhật ký: số liệu theo đơn vị, thủ tục, tháng; hồ sơ quá hạn, hẹn sai",
           "Analyse a log: figures per unit, procedure, month; late and wrongly scheduled "
           "dossiers"));
    addCommonOptions(analyzeCmd, a);
    analyzeCmd
        ->add_option("--catalog", a->catalog,
                     tr("Danh mục thủ tục (XML)", "Procedure catalog (XML)"))
        ->required()
        ->type_name(tr("TỆP", "FILE"));
    analyzeCmd->add_flag("--json", a->json, tr("In dạng JSON", "Print JSON"));
    analyzeCmd->add_flag("--csv", a->csv, tr("In bảng số liệu dạng CSV", "Print the table as CSV"));
    analyzeCmd
        ->add_option(
            "--by", a->by,
            tr("Bảng theo: unit (đơn vị, mặc định), procedure (thủ tục), month (tháng tiếp nhận)",
               "Table by: unit (default), procedure, month (of receipt)"))
        ->check(CLI::IsMember({"unit", "procedure", "month"}));
    analyzeCmd
        ->add_option("--top", a->top,
                     tr("Chỉ N đơn vị/thủ tục có nhiều hồ sơ trễ nhất; liệt kê N hồ sơ trễ nhất",
                        "Only the N units/procedures with the most late dossiers; list the N "
                        "latest dossiers"))
        ->check(CLI::PositiveNumber);
    analyzeCmd
        ->add_option("--list", a->list,
                     tr("Ghi danh sách hồ sơ quá hạn, hẹn sai ra tệp CSV",
                        "Write the late and wrongly scheduled dossiers to a CSV file"))
        ->type_name(tr("TỆP", "FILE"));
    analyzeCmd->callback([a] {
        if (a->json && a->csv)
            throw UsageError(
                tr("chọn một trong --json và --csv", "choose --json or --csv, not both"));
        AnalysisOptions ao;
        ao.asOf = parseAsOf(a->asOf);
        ao.worstLate = a->json || a->csv ? 0 : static_cast<size_t>(a->top);
        ao.threads = a->threads;
        std::unique_ptr<FlaggedList> list;
        if (!a->list.empty()) {
            list = std::make_unique<FlaggedList>(a->list);
            ao.onFlagged = [&list](const DossierRecord& r) { list->add(r); };
        }
        const ProcedureCatalog catalog = loadCatalog(a->catalog);
        const DossierStats stats = analyze(*a, catalog, ao);
        if (list)
            list->commit();
        if (a->json)
            printJson(stats, a->top);
        else if (a->csv)
            printCsv(stats, a->by, a->top);
        else
            printTable(stats, a->by, a->top);
        if (stats.rowsInvalid > 0 && (a->json || a->csv))
            std::cerr << fmt(tr("lưu ý: {} dòng lỗi không được tính (xem invalid_rows)",
                                "note: {} invalid rows were not counted (see invalid_rows)"),
                             std::to_string(stats.rowsInvalid))
                      << "\n";
    });

    auto p = std::make_shared<Options>();
    CLI::App* applyCmd = dossiers->add_subcommand(
        "apply", tr("Ghi số liệu từng năm vào bảng kết quả giải quyết hồ sơ của tệp kiểm tra",
                    "Write the per-year figures into the audit's dossier-results table"));
    addCommonOptions(applyCmd, p);
    applyCmd->add_option("--audit", p->audit, tr("Tệp kiểm tra", "Audit file"))->required();
    applyCmd
        ->add_option("--catalog", p->catalog,
                     tr("Danh mục thủ tục (mặc định: danh mục của tệp kiểm tra)",
                        "Procedure catalog (default: the audit's catalog)"))
        ->type_name(tr("TỆP", "FILE"));
    applyCmd->add_option(
        "--by-name", p->author,
        tr("Người ghi (mặc định: tên đăng nhập)", "Who records (default: login name)"));
    applyCmd
        ->add_option("--unit", p->units,
                     tr("Đơn vị trong nhật ký là của đơn vị được kiểm tra (mặc định: tên đơn vị "
                        "của tệp kiểm tra); có thể lặp lại",
                        "A unit of the log that is the audited unit's (default: the audit's unit "
                        "name); may be repeated"))
        ->type_name(tr("TÊN", "NAME"));
    applyCmd->add_flag(
        "--all-units", p->allUnits,
        tr("Cả nhật ký là của đơn vị được kiểm tra", "The whole log is the audited unit's"));
    applyCmd->callback([p] {
        if (p->allUnits && !p->units.empty())
            throw UsageError(tr("chọn một trong --unit và --all-units",
                                "choose --unit or --all-units, not both"));
        ApplyRequest request;
        request.log = p->log;
        request.sheet = p->sheet;
        request.mapping = p->mapping.empty() ? HeaderMapping{} : HeaderMapping::load(p->mapping);
        request.asOf = parseAsOf(p->asOf);
        request.units = p->units;
        request.allUnits = p->allUnits;
        request.author = p->author;
        request.threads = p->threads;
        const cal::WorkingCalendar calendar = loadCalendar(*p);
        ApplyResult result;
        // The core's transaction: the audit's lock is held from loading to saving, so an answer
        // recorded meanwhile by someone else waits instead of being overwritten.
        actions::modifyAudit(
            p->audit,
            [&](AuditBundle& b) -> std::vector<ChangeCode> {
                ProcedureCatalog catalog = b.reference->catalog;
                if (!p->catalog.empty())
                    catalog.merge(loadCatalog(p->catalog));
                TerminalProgress progress;
                try {
                    result = applyDossierLog(b.audit, *b.form, catalog, calendar, request, &progress);
                } catch (const Cancelled&) {
                    throw Error(fmt(tr("đã dừng đọc {} theo yêu cầu (Ctrl-C); không có gì được ghi.",
                                       "stopped reading {} on request (Ctrl-C); nothing was written."),
                                    p->log));
                }
                return {result.change};
            },
            actions::TransactionOptions{p->author});
        const DossierStats& stats = result.stats;
        std::cout << fmt(tr("Đã ghi vào {} (bảng {}), từ {} dòng hợp lệ của {}:",
                            "Written to {} (table {}), from {} valid rows of {}:"),
                         p->audit, kResultsTable, std::to_string(stats.totals.received), p->log)
                  << "\n";
        if (stats.sheetAfterOthers)
            std::cout << "  " << stats.sheetNote() << "\n";
        if (stats.headerAfterTitle)
            std::cout << "  " << stats.headerNote() << "\n";
        for (const auto& note : stats.skippedRowNotes())
            std::cout << "  " << note << "\n";
        for (const auto& y : result.report.years) {
            const DossierCounts& c = y.counts;
            std::cout << "  "
                      << fmt(tr("năm {} ({}): tiếp nhận {}, trước hạn {}, đúng hạn {}, quá hạn {}, "
                                "chưa giải quyết trong hạn {}, chưa giải quyết quá hạn {}",
                                "{} ({}): received {}, early {}, on time {}, late {}, pending in "
                                "time {}, "
                                "pending overdue {}"),
                             std::to_string(y.year),
                             y.added ? tr("dòng mới", "new row") : tr("cập nhật", "updated"),
                             std::to_string(c.received), std::to_string(c.finishedEarly),
                             std::to_string(c.finishedOnTime), std::to_string(c.finishedLate),
                             std::to_string(c.pendingInTime), std::to_string(c.pendingOverdue))
                      << "\n";
            const auto ours = c.onTimeRate();
            const auto r766 = c.onTimeRate766();
            std::cout << "    "
                      << fmt(tr("tỷ lệ đúng hạn: {}% (cách tính của par-audit), {}% (theo Quyết "
                                "định 766/QĐ-TTg)",
                                "on-time rate: {}% (par-audit's way), {}% (per Decision "
                                "766/QĐ-TTg)"),
                             ours ? rateText(*ours) : "-", r766 ? rateText(*r766) : "-")
                      << "\n";
            if (y.unknownProcedure > 0)
                std::cout << "    "
                          << fmt(tr("trong đó {} hồ sơ có mã thủ tục không có trong danh mục",
                                    "of which {} dossiers with a procedure code not in the "
                                    "catalog"),
                                 std::to_string(y.unknownProcedure))
                          << "\n";
            if (y.needsApologies)
                std::cout << "    "
                          << fmt(tr("cần nhập số Phiếu xin lỗi đã phát hành: par-audit answer {} "
                                    "{}.<dòng>.phieu_xin_loi=SỐ",
                                    "enter the number of apology slips: par-audit answer {} "
                                    "{}.<row>.phieu_xin_loi=N"),
                                 p->audit, kResultsTable)
                          << "\n";
        }
        if (stats.rowsOtherUnit > 0 || stats.rowsOutsidePeriod > 0)
            std::cout << fmt(tr("Bỏ qua {} dòng của đơn vị khác và {} dòng tiếp nhận ngoài thời "
                                "kỳ kiểm tra",
                                "Left out {} rows of other units and {} rows received outside "
                                "the audit's period"),
                             std::to_string(stats.rowsOtherUnit),
                             std::to_string(stats.rowsOutsidePeriod))
                      << "\n";
        if (stats.rowsInvalid > 0)
            std::cout
                << fmt(tr("{} dòng lỗi không được tính (xem: par-audit dossiers analyze)",
                          "{} invalid rows were not counted (see: par-audit dossiers analyze)"),
                       std::to_string(stats.rowsInvalid))
                << "\n";
        std::cout << fmt(tr("Lập phát hiện: par-audit findings {} --save",
                            "Findings: par-audit findings {} --save"),
                         p->audit)
                  << "\n";
    });
}

const bool registered = registerCommand(60, install);

}  // namespace

}  // namespace par::cli::dossiers_command
