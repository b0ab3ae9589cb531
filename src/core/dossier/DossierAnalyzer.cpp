// SPDX-License-Identifier: Apache-2.0
// DossierAnalyzer.cpp - the hot path: no allocation per valid row (views, cached group indices,
// hand-written date parsing, O(1) calendar look-ups), the sequential reading and the merge of the
// per-thread figures. The parallel pipeline for CSV logs is in DossierParallel.cpp.
#include "core/dossier/DossierAnalyzer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <thread>

#include "core/common/Dates.hpp"
#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"
#include "core/common/UnitName.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/dossier/DossierAnalyzerParts.hpp"
#include "core/dossier/DossierDates.hpp"
#include "core/dossier/DossierLog.hpp"
#include "core/dossier/XlsxReader.hpp"

namespace par::dossier {

namespace {

constexpr long kProgressEvery = 8192;

inline bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

inline std::string_view trimView(std::string_view s) {
    if (s.empty() || (!isBlank(s.front()) && !isBlank(s.back())))
        return s;  // the common case: nothing to trim
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
        --e;
    return s.substr(b, e - b);
}

// The value as quoted in a message: at most 40 bytes, cut on a character boundary.
std::string shown(std::string_view v) {
    if (v.size() <= 40)
        return std::string(v);
    size_t n = 40;
    while (n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80)
        --n;
    return std::string(v.substr(0, n)) + "…";
}

// The day an XLSX date cell's number stands for, as the spreadsheet shows it ("09/04/1900" for
// 100): a clerk looks for that, not for the number. Empty when the value is not a plain number or
// not a day (the 1900 system's 0 and 60, or past 9999).
std::string serialShown(std::string_view v, bool date1904) {
    const size_t dot = v.find('.');
    const std::string_view whole = v.substr(0, dot);
    if (whole.empty() || whole.size() > 7 ||
        whole.find_first_not_of("0123456789") != std::string_view::npos ||
        (dot != std::string_view::npos &&
         v.substr(dot + 1).find_first_not_of("0123456789") != std::string_view::npos))
        return {};
    const long n = std::stol(std::string(whole));
    if (n > 2958465 || (!date1904 && (n == 0 || n == 60)))
        return {};
    const Date base =
        date1904 ? Date(1904, 1, 1) : (n < 60 ? Date(1899, 12, 31) : Date(1899, 12, 30));
    return vietnameseDate(base + boost::gregorian::days(n));
}

// An XLSX cell's reference: "G6" for column 6 (0-based), row 6.
std::string cellName(int column, long row) {
    std::string letters;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

// Why a date field is refused. For an XLSX (`serials`), the cell is named, and a date cell's
// number is shown as the day it stands for: "ngày tiếp nhận 09/04/1900 (ô G6, giá trị 100) …".
std::string dateProblem(Field f, std::string_view value, DateStatus status, bool serials = false,
                        bool date1904 = false, int column = -1, long row = 0) {
    std::string quoted = "'" + shown(value) + "'";
    if (serials && column >= 0) {
        const std::string cell = cellName(column, row);
        const std::string day = serialShown(value, date1904);
        quoted = day.empty() ? fmt(tr("{} (ô {})", "{} (cell {})"), quoted, cell)
                             : fmt(tr("{} (ô {}, giá trị {})", "{} (cell {}, value {})"), day, cell,
                                   shown(value));
    }
    switch (status) {
        case DateStatus::Empty:
            return fmt(tr("thiếu {}", "{} missing"), fieldLabel(f));
        case DateStatus::Impossible:
            return fmt(tr("{} {} không có thật", "{} {} is not a real date"), fieldLabel(f),
                       quoted);
        case DateStatus::OutOfRange:
            return fmt(tr("{} {} nằm ngoài khoảng 2000-2199 của lịch làm việc",
                          "{} {} is outside the working calendar's 2000-2199"),
                       fieldLabel(f), quoted);
        default:
            return fmt(tr("{} {} không đúng dạng (dd/mm/yyyy [HH:MM[:SS]] hoặc yyyy-mm-dd)",
                          "{} {} is malformed (dd/mm/yyyy [HH:MM[:SS]] or yyyy-mm-dd)"),
                       fieldLabel(f), quoted);
    }
}

// The receipt month's slot in Partial::months. boost's day-number conversion costs more than the
// rest of the counting; a log's days are a few thousand consecutive day numbers, so a per-thread
// table indexed by the day number's low bits answers without it.
int monthSlot(Date d) {
    struct Entry {
        unsigned day = 0;  // day number; 0 is never a date of the working calendar
        int slot = 0;
    };
    thread_local Entry cache[4096];
    const auto n = static_cast<unsigned>(d.day_number());
    Entry& e = cache[n & 4095u];
    if (e.day != n) {
        const auto ymd = d.year_month_day();
        e.day = n;
        e.slot = (ymd.year - cal::kWorkFirstYear) * 12 + ymd.month - 1;
    }
    return e.slot;
}

// A row of column numbers as printed state tables put under their header: at least three
// fields, every one that is not blank a number of 1 to 3 digits, all bare or all in parentheses
// ("(1)", "(2)" …), each one more than the one before, from left to right. Only asked of a row
// that is not a dossier (classify refused it), so it costs a valid row nothing; whether a row is
// one depends on its text alone, so every thread and every reading order finds the same rows.
bool columnNumbers(const RawRecord& rec) {
    int count = 0, last = 0, parens = -1;
    for (std::string_view f : rec.fields) {
        f = trimView(f);
        if (f.empty())
            continue;
        const bool p = f.size() >= 3 && f.front() == '(' && f.back() == ')';
        if (p)
            f = f.substr(1, f.size() - 2);
        if (f.empty() || f.size() > 3 || (parens >= 0 && parens != (p ? 1 : 0)))
            return false;
        int n = 0;
        for (char c : f) {
            if (c < '0' || c > '9')
                return false;
            n = n * 10 + (c - '0');
        }
        if (count > 0 && n != last + 1)
            return false;
        parens = p ? 1 : 0;
        last = n;
        ++count;
    }
    return count >= 3;
}

std::string monthKey(int slot) {
    const int y = cal::kWorkFirstYear + slot / 12, m = slot % 12 + 1;
    return std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m);
}

}  // namespace

std::string canonicalUnit(std::string_view raw) {
    const std::string n = nfc(trimView(raw));
    std::string out;
    out.reserve(n.size());
    bool space = false;
    for (char c : n) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

DossierAnalyzer::DossierAnalyzer(const ProcedureCatalog& catalog,
                                 const cal::WorkingCalendar& calendar, AnalysisOptions options)
    : catalog_(catalog), calendar_(calendar), options_(std::move(options)) {
    if (options_.asOf.is_special() || options_.asOf < cal::WorkingCalendar::firstDate() ||
        options_.asOf > cal::WorkingCalendar::lastDate())
        throw UsageError(tr("ngày tính số liệu (--as-of) phải trong khoảng 2000-2199",
                            "the as-of date must be within 2000-2199"));
    for (const auto& u : options_.units)
        unitFilter_.push_back(unitKey(u));
}

namespace {
bool worse(const FlaggedDossier& a, const FlaggedDossier& b) {
    return a.lateWorkingDays != b.lateWorkingDays ? a.lateWorkingDays > b.lateWorkingDays
                                                  : a.line < b.line;
}
}  // namespace

int DossierAnalyzer::unitGroup(std::string_view raw, std::string& reason) {
    if (const int* known = rawUnits_.find(raw)) {
        if (*known < 0)
            reason = tr("đơn vị không phải văn bản UTF-8", "unit is not UTF-8 text");
        return *known;
    }
    int group = -1;
    if (isValidUtf8(raw)) {
        std::string key = canonicalUnit(raw);
        auto k = unitKeys_.find(key);
        if (k == unitKeys_.end()) {
            group = static_cast<int>(units_.size());
            bool selected = unitFilter_.empty();
            if (!selected) {
                const std::string uk = unitKey(key);
                selected =
                    std::find(unitFilter_.begin(), unitFilter_.end(), uk) != unitFilter_.end();
            }
            units_.push_back({key, {}});
            unitSelected_.push_back(selected ? 1 : 0);
            unitKeys_.emplace(std::move(key), group);
        } else {
            group = k->second;
        }
    } else {
        reason = tr("đơn vị không phải văn bản UTF-8", "unit is not UTF-8 text");
    }
    rawTexts_.emplace_back(raw);
    rawUnits_.insert(rawTexts_.back(), group);
    return group;
}

const DossierAnalyzer::ProcedureSlot* DossierAnalyzer::procedure(std::string_view code) {
    if (const int* known = procedures_.find(code))
        return &procedureSlots_[static_cast<size_t>(*known)];
    const Procedure* p = catalog_.find(std::string(code));
    if (p == nullptr && unknownCodes_ >= DossierStats::kMaxUnknownCodes) {
        // Memory stays bounded whatever the file: further unknown codes share one uncached slot.
        unknownTruncated_ = true;
        static const ProcedureSlot overflow{nullptr, -1};
        return &overflow;
    }
    rawTexts_.emplace_back(code);
    const int group = static_cast<int>(procedureGroups_.size());
    procedureGroups_.push_back({p != nullptr ? p->code : std::string(code), {}});
    procedureKnown_.push_back(p != nullptr ? 1 : 0);
    if (p == nullptr)
        ++unknownCodes_;
    procedures_.insert(rawTexts_.back(), static_cast<int>(procedureSlots_.size()));
    procedureSlots_.push_back(ProcedureSlot{p, group});
    return &procedureSlots_.back();
}

Date DossierAnalyzer::statutoryDue(const Procedure& p, Date received, int receivedSeconds) const {
    const bool afterCutoff = p.cutoffMinutes && receivedSeconds > *p.cutoffMinutes * 60;
    const Date start = (!calendar_.isWorkingDay(received) || afterCutoff)
                           ? calendar_.nextWorkingDay(received)
                           : received;
    return calendar_.addWorkingDays(start, p.workingDays);
}

std::optional<DossierRecord> DossierAnalyzer::classify(const RawRecord& rec,
                                                       const ColumnMap& columns,
                                                       std::string& reason, bool serials,
                                                       bool date1904) {
    DossierRecord r;
    if (!classifyInto(rec, columns, reason, serials, date1904, r))
        return std::nullopt;
    return r;
}

// classify() into a record the caller keeps from row to row (no optional copied per row). Every
// field is set; the result is only meaningful when it returns true.
bool DossierAnalyzer::classifyInto(const RawRecord& rec, const ColumnMap& columns,
                                   std::string& reason, bool serials, bool date1904,
                                   DossierRecord& r) {
    auto raw = [&](Field f) -> std::string_view {
        const int c = columns.column(f);
        if (c < 0 || static_cast<size_t>(c) >= rec.fields.size())
            return {};
        return rec.fields[static_cast<size_t>(c)];
    };
    auto field = [&](Field f) { return trimView(raw(f)); };
    r.line = rec.line;
    r.finished.reset();
    r.wrongAppointment = false;
    r.lateWorkingDays = 0;
    r.id = field(Field::DossierId);
    // A code or unit seen before at the same address: its trimmed text and what it was found to
    // be, without reading it (see AddressCache).
    const std::string_view codeRaw = raw(Field::ProcedureCode), unitRaw = raw(Field::Unit);
    const bool codeStable = !codeRaw.empty() && rec.stable(codeRaw);
    const bool unitStable = !unitRaw.empty() && rec.stable(unitRaw);
    const KnownProcedure* knownCode = codeStable ? procedureByAddress_.find(codeRaw) : nullptr;
    const KnownUnit* knownUnit = unitStable ? unitByAddress_.find(unitRaw) : nullptr;
    r.procedureCode = knownCode != nullptr ? knownCode->code : trimView(codeRaw);
    r.unit = knownUnit != nullptr ? knownUnit->text : trimView(unitRaw);
    if (r.id.empty() || r.procedureCode.empty() || r.unit.empty()) {
        const Field f = r.id.empty()              ? Field::DossierId
                        : r.procedureCode.empty() ? Field::ProcedureCode
                                                  : Field::Unit;
        reason = fmt(tr("thiếu {}", "{} missing"), fieldLabel(f));
        return false;
    }
    const std::string_view rText = field(Field::ReceivedAt), dRaw = raw(Field::DueAt),
                           fText = field(Field::FinishedAt);
    const ParsedStamp rs = parseStamp(rText, serials, date1904);
    if (rs.status != DateStatus::Ok) {
        reason = dateProblem(Field::ReceivedAt, rText, rs.status, serials, date1904,
                             columns.column(Field::ReceivedAt), rec.line);
        return false;
    }
    ParsedStamp ds;
    const bool dueStable = !dRaw.empty() && rec.stable(dRaw);
    if (const Stamp* known = dueStable ? dueByAddress_.find(dRaw) : nullptr) {
        ds.status = DateStatus::Ok;
        ds.stamp = *known;
    } else {
        const std::string_view dText = trimView(dRaw);
        ds = parseStamp(dText, serials, date1904);
        if (ds.status != DateStatus::Ok) {
            reason = dateProblem(Field::DueAt, dText, ds.status, serials, date1904,
                                 columns.column(Field::DueAt), rec.line);
            return false;
        }
        if (dueStable)
            dueByAddress_.put(dRaw, ds.stamp);
    }
    ParsedStamp fs;
    if (!fText.empty()) {
        fs = parseStamp(fText, serials, date1904);
        if (fs.status != DateStatus::Ok) {
            reason = dateProblem(Field::FinishedAt, fText, fs.status, serials, date1904,
                                 columns.column(Field::FinishedAt), rec.line);
            return false;
        }
        r.finished = fs.stamp.day;
    }
    r.received = rs.stamp.day;
    r.receivedSeconds = rs.stamp.seconds;
    r.due = ds.stamp.day;
    if (r.due < r.received) {
        reason =
            tr("ngày hẹn trả trước ngày tiếp nhận", "appointment date before the receipt date");
        return false;
    }
    if (r.finished && *r.finished < r.received) {
        reason = tr("ngày có kết quả trước ngày tiếp nhận", "result date before the receipt date");
        return false;
    }
    const ProcedureSlot* slot;
    if (knownCode != nullptr) {
        slot = knownCode->slot;
    } else {
        slot = procedure(r.procedureCode);
        if (codeStable)
            procedureByAddress_.put(codeRaw, KnownProcedure{slot, r.procedureCode});
    }
    r.procedureGroup = slot->group;
    r.knownProcedure = slot->procedure != nullptr;
    if (knownUnit != nullptr) {
        r.unitGroup = knownUnit->group;
    } else {
        r.unitGroup = unitGroup(r.unit, reason);
        if (r.unitGroup < 0)
            return false;
        if (unitStable)
            unitByAddress_.put(unitRaw, KnownUnit{r.unitGroup, r.unit});
    }
    try {
        if (r.knownProcedure) {
            r.statutoryDue = statutoryDue(*slot->procedure, r.received, r.receivedSeconds);
            r.wrongAppointment = r.due > r.statutoryDue;
        } else {
            r.statutoryDue = Date(boost::date_time::not_a_date_time);
        }
        if (r.finished) {
            const Date f = *r.finished;
            if (f < r.due) {
                r.outcome = Outcome::FinishedEarly;
            } else if (f == r.due) {
                r.outcome = Outcome::FinishedOnTime;
            } else {
                r.outcome = Outcome::FinishedLate;
                r.lateWorkingDays = calendar_.workingDaysBetween(r.due, f);
            }
        } else if (options_.asOf <= r.due) {
            r.outcome = Outcome::PendingInTime;
        } else {
            r.outcome = Outcome::PendingOverdue;
            r.lateWorkingDays = calendar_.workingDaysBetween(r.due, options_.asOf);
        }
    } catch (const UsageError&) {  // a statutory due date past 2199
        reason = tr("hạn giải quyết theo quy định nằm ngoài lịch làm việc (2000-2199)",
                    "the statutory due date falls outside the working calendar (2000-2199)");
        return false;
    }
    return true;
}

DossierAnalyzer::Fate DossierAnalyzer::process(const RawRecord& rec, const ColumnMap& columns,
                                               bool serials, bool date1904, Partial& part,
                                               std::string& reason,
                                               std::optional<DossierRecord>& row) {
    reason.clear();
    if (!row)
        row.emplace();
    if (!classifyInto(rec, columns, reason, serials, date1904, *row)) {
        if (columnNumbers(rec)) {
            ++part.rowsColumnNumbers;
            return Fate::ColumnNumbers;
        }
        if (columns.repeatsHeader(rec.fields)) {
            ++part.rowsRepeatedHeader;
            return Fate::RepeatedHeader;
        }
        ++part.rowsTotal;
        ++part.rowsInvalid;
        return Fate::Invalid;
    }
    ++part.rowsTotal;
    const DossierRecord& r = *row;
    const size_t ug = static_cast<size_t>(r.unitGroup);
    if (!unitSelected_[ug]) {
        ++part.rowsOtherUnit;
        units_[ug].counts.add(r);
        return Fate::OtherUnit;
    }
    if (!part.first || r.received < *part.first)
        part.first = r.received;
    if (!part.last || r.received > *part.last)
        part.last = r.received;
    if ((options_.receivedFrom && r.received < *options_.receivedFrom) ||
        (options_.receivedTo && r.received > *options_.receivedTo)) {
        ++part.rowsOutsidePeriod;
        return Fate::OutsidePeriod;
    }
    part.totals.add(r);
    units_[ug].counts.add(r);
    if (r.procedureGroup >= 0)
        procedureGroups_[static_cast<size_t>(r.procedureGroup)].counts.add(r);
    const int slot = monthSlot(r.received);
    if (!r.knownProcedure) {
        ++part.rowsUnknown;
        ++part.unknownYears[static_cast<size_t>(slot / 12)];
    }
    part.months[static_cast<size_t>(slot)].add(r);
    auto& worst = part.worst;
    if (options_.worstLate > 0 && r.lateWorkingDays > 0 &&
        (worst.size() < options_.worstLate || r.lateWorkingDays > worst.front().lateWorkingDays)) {
        worst.push_back(FlaggedDossier::from(r));
        std::push_heap(worst.begin(), worst.end(), worse);
        if (worst.size() > options_.worstLate) {
            std::pop_heap(worst.begin(), worst.end(), worse);
            worst.pop_back();
        }
    }
    return Fate::Counted;
}

void DossierAnalyzer::resetCounts() {
    for (auto& g : units_)
        g.counts = {};
    for (auto& g : procedureGroups_)
        g.counts = {};
}

unsigned idleCores() {
    // On a shared machine whose cores are all busy a second thread only adds work (a block read
    // on one core and parsed on another, the boundary scan): measured at load 7 on 2 cores, 2
    // threads took 0.56 s where 1 took 0.40 s. So: the cores the 1-minute load average leaves.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    double load = 0;
    if (!platform::loadAverage(load))  // (none on Windows)
        return cores;
    const double idle = static_cast<double>(cores) - load;
    return idle < 1.5 ? 1u : std::min(cores, static_cast<unsigned>(idle + 0.5));
}

unsigned rangeThreads(long long fileBytes) {
    // One byte range per thread costs no more CPU than one thread (each thread reads its own
    // range; 1M rows: 135-140 ms of CPU with 1 or 2 threads, docs/performance.md), so every core
    // is taken whatever the load: a busy core only delays its range. At most 8, and at least
    // 8 MB per range (starting a thread and its tables is not worth less).
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const long long byBytes = std::max(1LL, fileBytes / (8LL << 20));
    return static_cast<unsigned>(std::min<long long>({cores, 8, byBytes}));
}

unsigned blockThreads() {
    // An XLSX sheet: one thread inflates and parses when it would wait, the others parse; the
    // blocks cost no CPU a single thread would not spend, so every core, at most 8.
    return std::min(8u, std::max(1u, std::thread::hardware_concurrency()));
}

DossierStats DossierAnalyzer::analyze(RowSource& source, const HeaderMapping& mapping,
                                      Progress* progress) {
    const ColumnMap columns = findHeader(source, mapping);
    DossierStats stats = analyzeFrom(source, columns, progress);
    stats.headerLine = source.headerLine();
    stats.headerAfterTitle = source.headerAfterTitle();
    if (const auto* x = dynamic_cast<const XlsxReader*>(&source)) {
        stats.sheet = x->sheetName();
        stats.sheetAfterOthers = x->sheetSearched() && x->sheetIndex() > 0;
    }
    return stats;
}

DossierStats DossierAnalyzer::analyzeFrom(RowSource& source, const ColumnMap& columns,
                                          Progress* progress) {
    resetCounts();
    auto* csv = dynamic_cast<CsvReader*>(&source);
    auto* xlsx = dynamic_cast<XlsxReader*>(&source);
    unsigned workers = options_.threads;
    if (workers == 0)
        workers = csv != nullptr && !options_.onFlagged ? rangeThreads(csv->size())
                  : xlsx != nullptr                      ? blockThreads()
                                                         : idleCores();
    if (xlsx != nullptr && options_.xlsxBlocks)
        return analyzeXlsx(*xlsx, columns, workers, progress);
    if (csv != nullptr && workers > 1) {
        // Flagged dossiers go out in file order: with one range per thread a later range's would
        // wait in memory for the earlier ones, so that case keeps the block pipeline.
        if (options_.onFlagged)
            return analyzeParallel(*csv, columns, workers, progress);
        return analyzeRanges(*csv, columns, workers, progress);
    }
    return analyzeSequential(source, columns, progress);
}

DossierStats DossierAnalyzer::analyzeSequential(RowSource& source, const ColumnMap& columns,
                                                Progress* progress) {
    Partial part;
    std::vector<InvalidRow> invalid;
    const std::string label = tr("Đang phân tích nhật ký hồ sơ", "Analysing the dossier log");
    const bool serials = source.dateSerials(), d1904 = source.date1904();
    RawRecord rec;
    std::string reason;
    std::optional<DossierRecord> row;
    if (progress != nullptr)
        progress->update(0, label);
    while (source.next(rec)) {
        if (progress != nullptr && (part.rowsTotal + 1) % kProgressEvery == 0) {
            if (progress->cancelled())
                throw Cancelled{};
            progress->update(source.fraction(), label);
        }
        const Fate fate = process(rec, columns, serials, d1904, part, reason, row);
        if (fate == Fate::Invalid) {
            if (invalid.size() < options_.keepInvalid)
                invalid.push_back({rec.line, reason});
        } else if (fate == Fate::Counted && row->flagged() && options_.onFlagged) {
            options_.onFlagged(*row);
        }
    }
    // A stop asked for during the last rows still stops: no figures from a run the user cancelled.
    if (progress != nullptr && progress->cancelled())
        throw Cancelled{};
    if (progress != nullptr)
        progress->update(1, label);
    DossierStats stats = merge({{this, &part}}, source.name());
    stats.invalidRows = std::move(invalid);
    return stats;
}

DossierStats DossierAnalyzer::merge(const std::vector<std::pair<DossierAnalyzer*, Partial*>>& parts,
                                    const std::string& source) const {
    DossierStats stats;
    stats.asOf = options_.asOf;
    stats.source = source;
    std::map<std::string, DossierCounts> units, others, procedures, unknown;
    std::vector<DossierCounts> months(kMonthSlots);
    std::vector<long long> unknownYears(kMonthSlots / 12);
    for (const auto& [a, p] : parts) {
        for (size_t i = 0; i < unknownYears.size(); ++i)
            unknownYears[i] += p->unknownYears[i];
        stats.rowsTotal += p->rowsTotal;
        stats.rowsInvalid += p->rowsInvalid;
        stats.rowsUnknownProcedure += p->rowsUnknown;
        stats.rowsOtherUnit += p->rowsOtherUnit;
        stats.rowsOutsidePeriod += p->rowsOutsidePeriod;
        stats.rowsColumnNumbers += p->rowsColumnNumbers;
        stats.rowsRepeatedHeader += p->rowsRepeatedHeader;
        stats.totals.merge(p->totals);
        for (size_t i = 0; i < months.size(); ++i)
            months[i].merge(p->months[i]);
        for (size_t g = 0; g < a->units_.size(); ++g)
            if (a->units_[g].counts.received > 0)
                (a->unitSelected_[g] ? units : others)[a->units_[g].key].merge(a->units_[g].counts);
        for (size_t g = 0; g < a->procedureGroups_.size(); ++g)
            if (a->procedureGroups_[g].counts.received > 0) {
                procedures[a->procedureGroups_[g].key].merge(a->procedureGroups_[g].counts);
                if (!a->procedureKnown_[g])
                    unknown[a->procedureGroups_[g].key].merge(a->procedureGroups_[g].counts);
            }
        stats.unknownProceduresTruncated |= a->unknownTruncated_;
        for (const auto& f : p->worst)
            stats.worstLate.push_back(f);
        if (p->first && (!stats.firstReceived || *p->first < *stats.firstReceived))
            stats.firstReceived = p->first;
        if (p->last && (!stats.lastReceived || *p->last > *stats.lastReceived))
            stats.lastReceived = p->last;
    }
    auto& worst = stats.worstLate;
    std::sort(worst.begin(), worst.end(), worse);
    if (worst.size() > options_.worstLate)
        worst.resize(options_.worstLate);
    // std::map iterates by key: the groups come out sorted by their UTF-8 bytes.
    for (const auto& [k, c] : units)
        stats.byUnit.push_back({k, c});
    for (const auto& [k, c] : others)
        stats.otherUnits.push_back({k, c});
    for (const auto& [k, c] : procedures)
        stats.byProcedure.push_back({k, c});
    for (const auto& [k, c] : unknown)
        stats.unknownProcedures.push_back({k, c});
    std::vector<DossierCounts> years(kMonthSlots / 12);
    for (int i = 0; i < kMonthSlots; ++i)
        if (months[static_cast<size_t>(i)].received > 0) {
            stats.byMonth.push_back({monthKey(i), months[static_cast<size_t>(i)]});
            years[static_cast<size_t>(i / 12)].merge(months[static_cast<size_t>(i)]);
        }
    for (int i = 0; i < kMonthSlots / 12; ++i) {
        if (years[static_cast<size_t>(i)].received > 0)
            stats.byYear.push_back(
                {std::to_string(cal::kWorkFirstYear + i), years[static_cast<size_t>(i)]});
        if (unknownYears[static_cast<size_t>(i)] > 0) {
            DossierCounts c;
            c.received = unknownYears[static_cast<size_t>(i)];
            stats.unknownByYear.push_back({std::to_string(cal::kWorkFirstYear + i), c});
        }
    }
    return stats;
}

}  // namespace par::dossier
