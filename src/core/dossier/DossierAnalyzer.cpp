// DossierAnalyzer.cpp - the hot path: no allocation per valid row (views, cached group indices,
// hand-written date parsing, O(1) calendar look-ups).
#include "core/dossier/DossierAnalyzer.hpp"

#include <algorithm>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/dossier/DossierDates.hpp"

namespace par::dossier {

namespace {

constexpr int kMonthSlots = (cal::kWorkLastYear - cal::kWorkFirstYear + 1) * 12;
constexpr long kProgressEvery = 8192;

std::string_view trimView(std::string_view s) {
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

std::string dateProblem(Field f, std::string_view value, DateStatus status) {
    switch (status) {
        case DateStatus::Empty:
            return fmt(tr("thiếu {}", "{} missing"), fieldLabel(f));
        case DateStatus::Impossible:
            return fmt(tr("{} '{}' không có thật", "{} '{}' is not a real date"), fieldLabel(f),
                       shown(value));
        case DateStatus::OutOfRange:
            return fmt(tr("{} '{}' nằm ngoài khoảng 2000-2199 của lịch làm việc",
                          "{} '{}' is outside the working calendar's 2000-2199"),
                       fieldLabel(f), shown(value));
        default:
            return fmt(tr("{} '{}' không đúng dạng (dd/mm/yyyy [HH:MM[:SS]] hoặc yyyy-mm-dd)",
                          "{} '{}' is malformed (dd/mm/yyyy [HH:MM[:SS]] or yyyy-mm-dd)"),
                       fieldLabel(f), shown(value));
    }
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
}

int DossierAnalyzer::unitGroup(std::string_view raw, std::string& reason) {
    auto it = rawUnits_.find(raw);
    if (it != rawUnits_.end()) {
        if (it->second < 0)
            reason = tr("đơn vị không phải văn bản UTF-8", "unit is not UTF-8 text");
        return it->second;
    }
    int group = -1;
    if (isValidUtf8(raw)) {
        std::string key = canonicalUnit(raw);
        auto k = unitKeys_.find(key);
        if (k == unitKeys_.end()) {
            group = static_cast<int>(units_.size());
            units_.push_back({key, {}});
            unitKeys_.emplace(std::move(key), group);
        } else {
            group = k->second;
        }
    } else {
        reason = tr("đơn vị không phải văn bản UTF-8", "unit is not UTF-8 text");
    }
    rawTexts_.emplace_back(raw);
    rawUnits_.emplace(rawTexts_.back(), group);
    return group;
}

const DossierAnalyzer::ProcedureSlot* DossierAnalyzer::procedure(std::string_view code) {
    auto it = procedures_.find(code);
    if (it != procedures_.end())
        return &it->second;
    const Procedure* p = catalog_.find(std::string(code));
    if (p == nullptr)
        return nullptr;  // unknown codes are not cached: memory stays bounded
    rawTexts_.emplace_back(code);
    const int group = static_cast<int>(procedureGroups_.size());
    procedureGroups_.push_back({p->code, {}});
    return &procedures_.emplace(rawTexts_.back(), ProcedureSlot{p, group}).first->second;
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
    auto field = [&](Field f) -> std::string_view {
        const int c = columns.column(f);
        if (c < 0 || static_cast<size_t>(c) >= rec.fields.size())
            return {};
        return trimView(rec.fields[static_cast<size_t>(c)]);
    };
    DossierRecord r;
    r.line = rec.line;
    r.id = field(Field::DossierId);
    r.procedureCode = field(Field::ProcedureCode);
    r.unit = field(Field::Unit);
    for (Field f : {Field::DossierId, Field::ProcedureCode, Field::Unit})
        if (field(f).empty()) {
            reason = fmt(tr("thiếu {}", "{} missing"), fieldLabel(f));
            return std::nullopt;
        }
    const std::string_view rText = field(Field::ReceivedAt), dText = field(Field::DueAt),
                           fText = field(Field::FinishedAt);
    const ParsedStamp rs = parseStamp(rText, serials, date1904);
    if (rs.status != DateStatus::Ok) {
        reason = dateProblem(Field::ReceivedAt, rText, rs.status);
        return std::nullopt;
    }
    const ParsedStamp ds = parseStamp(dText, serials, date1904);
    if (ds.status != DateStatus::Ok) {
        reason = dateProblem(Field::DueAt, dText, ds.status);
        return std::nullopt;
    }
    ParsedStamp fs;
    if (!fText.empty()) {
        fs = parseStamp(fText, serials, date1904);
        if (fs.status != DateStatus::Ok) {
            reason = dateProblem(Field::FinishedAt, fText, fs.status);
            return std::nullopt;
        }
        r.finished = fs.stamp.day;
    }
    r.received = rs.stamp.day;
    r.receivedSeconds = rs.stamp.seconds;
    r.due = ds.stamp.day;
    const ProcedureSlot* slot = procedure(r.procedureCode);
    if (slot == nullptr) {
        reason = fmt(tr("mã thủ tục '{}' không có trong danh mục",
                        "procedure code '{}' is not in the catalog"),
                     shown(r.procedureCode));
        return std::nullopt;
    }
    if (r.due < r.received) {
        reason =
            tr("ngày hẹn trả trước ngày tiếp nhận", "appointment date before the receipt date");
        return std::nullopt;
    }
    if (r.finished && *r.finished < r.received) {
        reason = tr("ngày có kết quả trước ngày tiếp nhận", "result date before the receipt date");
        return std::nullopt;
    }
    r.procedureGroup = slot->group;
    r.unitGroup = unitGroup(r.unit, reason);
    if (r.unitGroup < 0)
        return std::nullopt;
    try {
        r.statutoryDue = statutoryDue(*slot->procedure, r.received, r.receivedSeconds);
        r.wrongAppointment = r.due > r.statutoryDue;
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
        return std::nullopt;
    }
    return r;
}

DossierStats DossierAnalyzer::analyze(RowSource& source, const HeaderMapping& mapping,
                                      Progress* progress) {
    const ColumnMap columns = ColumnMap::resolve(
        source.header(), mapping, {source.name(), static_cast<int>(source.headerLine()), 0});
    for (auto& g : units_)
        g.counts = {};
    for (auto& g : procedureGroups_)
        g.counts = {};
    DossierStats stats;
    stats.asOf = options_.asOf;
    stats.source = source.name();
    std::vector<DossierCounts> months(kMonthSlots);
    std::vector<DossierCounts> years(kMonthSlots / 12);
    const std::string label = tr("Đang phân tích nhật ký hồ sơ", "Analysing the dossier log");
    const bool serials = source.dateSerials(), d1904 = source.date1904();
    auto worse = [](const FlaggedDossier& a, const FlaggedDossier& b) {  // heap: least late on top
        return a.lateWorkingDays != b.lateWorkingDays ? a.lateWorkingDays > b.lateWorkingDays
                                                      : a.line < b.line;
    };
    std::vector<FlaggedDossier>& worst = stats.worstLate;
    RawRecord rec;
    std::string reason;
    if (progress != nullptr)
        progress->update(0, label);
    while (source.next(rec)) {
        ++stats.rowsTotal;
        if (progress != nullptr && stats.rowsTotal % kProgressEvery == 0) {
            if (progress->cancelled())
                throw Cancelled{};
            progress->update(source.fraction(), label);
        }
        reason.clear();
        const std::optional<DossierRecord> r = classify(rec, columns, reason, serials, d1904);
        if (!r) {
            ++stats.rowsInvalid;
            if (stats.invalidRows.size() < options_.keepInvalid)
                stats.invalidRows.push_back({rec.line, reason});
            continue;
        }
        stats.totals.add(*r);
        units_[static_cast<size_t>(r->unitGroup)].counts.add(*r);
        procedureGroups_[static_cast<size_t>(r->procedureGroup)].counts.add(*r);
        const int slot = (r->received.year() - cal::kWorkFirstYear) * 12 + r->received.month() - 1;
        months[static_cast<size_t>(slot)].add(*r);
        years[static_cast<size_t>(slot / 12)].add(*r);
        if (r->flagged() && options_.onFlagged)
            options_.onFlagged(*r);
        if (options_.worstLate > 0 && r->lateWorkingDays > 0 &&
            (worst.size() < options_.worstLate ||
             r->lateWorkingDays > worst.front().lateWorkingDays)) {
            worst.push_back(FlaggedDossier::from(*r));
            std::push_heap(worst.begin(), worst.end(), worse);
            if (worst.size() > options_.worstLate) {
                std::pop_heap(worst.begin(), worst.end(), worse);
                worst.pop_back();
            }
        }
    }
    // A stop asked for during the last rows still stops: no figures from a run the user cancelled.
    if (progress != nullptr && progress->cancelled())
        throw Cancelled{};
    if (progress != nullptr)
        progress->update(1, label);
    std::sort(worst.begin(), worst.end(), worse);

    for (const auto& g : units_)
        if (g.counts.received > 0)
            stats.byUnit.push_back(g);
    for (const auto& g : procedureGroups_)
        if (g.counts.received > 0)
            stats.byProcedure.push_back(g);
    for (auto* groups : {&stats.byUnit, &stats.byProcedure})
        std::sort(groups->begin(), groups->end(),
                  [](const GroupCounts& a, const GroupCounts& b) { return a.key < b.key; });
    for (int i = 0; i < kMonthSlots; ++i)
        if (months[static_cast<size_t>(i)].received > 0)
            stats.byMonth.push_back({monthKey(i), months[static_cast<size_t>(i)]});
    for (int i = 0; i < kMonthSlots / 12; ++i)
        if (years[static_cast<size_t>(i)].received > 0)
            stats.byYear.push_back(
                {std::to_string(cal::kWorkFirstYear + i), years[static_cast<size_t>(i)]});
    return stats;
}

}  // namespace par::dossier
