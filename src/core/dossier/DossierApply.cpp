// SPDX-License-Identifier: Apache-2.0
// DossierApply.cpp - the per-year rows of ket_qua_giai_quyet, and the checks that the log is the
// audited unit's and covers the audit's period.
#include "core/dossier/DossierApply.hpp"

#include <algorithm>
#include <cstdio>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/dossier/DossierAnalyzer.hpp"
#include "core/dossier/DossierLog.hpp"

namespace par::dossier {

namespace {
const char* const kColumns[] = {"nam",
                                "tiep_nhan",
                                "truoc_han",
                                "dung_han",
                                "qua_han",
                                "chua_giai_quyet_trong_han",
                                "chua_giai_quyet_qua_han"};

std::string percent(double fraction, char decimalPoint) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", 100.0 * fraction);
    for (char* c = buf; *c != '\0'; ++c)
        if (*c == '.')
            *c = decimalPoint;
    return buf;
}
}  // namespace

bool formHasResultsTable(const Form& form) {
    const Question* q = form.findQuestion(kResultsTable);
    if (q == nullptr || q->type != QuestionType::Table)
        return false;
    for (const char* c : kColumns)
        if (q->findColumn(c) == nullptr)
            return false;
    return true;
}

std::string ApplyReport::summary() const {
    const char point = language() == Language::Vietnamese ? ',' : '.';
    std::string out;
    for (const auto& y : years) {
        if (!out.empty())
            out += "; ";
        out += fmt(tr("năm {} ({}): tiếp nhận {}, trước hạn {}, đúng hạn {}, quá hạn {}, chưa giải "
                      "quyết trong hạn {}, quá hạn {}",
                      "{} ({}): received {}, early {}, on time {}, late {}, pending in time {}, "
                      "overdue {}"),
                   std::to_string(y.year),
                   y.added ? tr("dòng mới", "new row") : tr("cập nhật", "updated"),
                   std::to_string(y.counts.received), std::to_string(y.counts.finishedEarly),
                   std::to_string(y.counts.finishedOnTime), std::to_string(y.counts.finishedLate),
                   std::to_string(y.counts.pendingInTime), std::to_string(y.counts.pendingOverdue));
        if (const auto r = y.counts.onTimeRate766())
            out += fmt(tr("; tỷ lệ đúng hạn theo QĐ 766/QĐ-TTg {}%",
                          "; on-time rate per Decision 766/QĐ-TTg {}%"),
                       percent(*r, point));
        if (y.unknownProcedure > 0)
            out += fmt(tr("; {} hồ sơ có mã thủ tục không có trong danh mục",
                          "; {} dossiers with a procedure code not in the catalog"),
                       std::to_string(y.unknownProcedure));
    }
    return out;
}

ApplyReport applyYearFigures(Audit& audit, const Form& form, const DossierStats& stats) {
    if (!formHasResultsTable(form))
        throw UsageError(
            fmt(tr("biểu mẫu '{}' không có bảng '{}' (kết quả giải quyết hồ sơ theo năm); "
                   "không ghi gì",
                   "form '{}' has no table '{}' (dossier results per year); nothing written"),
                form.id, kResultsTable));
    if (stats.byYear.empty())
        throw UsageError(fmt(tr("{}: nhật ký không có hồ sơ hợp lệ nào; không ghi gì",
                                "{}: the log has no valid dossier; nothing written"),
                             stats.source));
    const Question* table = form.findQuestion(kResultsTable);
    const bool rateColumn = table->findColumn(kRate766Column) != nullptr;
    const bool unknownColumn = table->findColumn(kUnknownProcedureColumn) != nullptr;
    Answer& answer = audit.answers.answers[kResultsTable];
    answer.question = kResultsTable;
    answer.na = false;
    ApplyReport report;
    for (const auto& g : stats.byYear) {
        YearWritten y;
        y.year = std::stoi(g.key);
        y.counts = g.counts;
        for (const auto& u : stats.unknownByYear)
            if (u.key == g.key)
                y.unknownProcedure = u.counts.received;
        auto row = std::find_if(answer.rows.begin(), answer.rows.end(), [&](const auto& r) {
            auto it = r.find("nam");
            return it != r.end() && trim(it->second) == g.key;
        });
        if (row == answer.rows.end()) {
            answer.rows.emplace_back();
            row = answer.rows.end() - 1;
            y.added = true;
            if (table->findColumn("ghi_chu") != nullptr)
                (*row)["ghi_chu"] = fmt(tr("theo nhật ký một cửa, số liệu đến {}",
                                           "from the one-stop log, figures as of {}"),
                                        vietnameseDate(stats.asOf));
        }
        auto& r = *row;
        r["nam"] = g.key;
        r["tiep_nhan"] = std::to_string(g.counts.received);
        r["truoc_han"] = std::to_string(g.counts.finishedEarly);
        r["dung_han"] = std::to_string(g.counts.finishedOnTime);
        r["qua_han"] = std::to_string(g.counts.finishedLate);
        r["chua_giai_quyet_trong_han"] = std::to_string(g.counts.pendingInTime);
        r["chua_giai_quyet_qua_han"] = std::to_string(g.counts.pendingOverdue);
        if (rateColumn) {
            if (const auto rate = g.counts.onTimeRate766())
                r[kRate766Column] = percent(*rate, '.');
        }
        if (unknownColumn)
            r[kUnknownProcedureColumn] = std::to_string(y.unknownProcedure);
        y.needsApologies = g.counts.finishedLate > 0 && r.find("phieu_xin_loi") == r.end();
        report.years.push_back(y);
    }
    std::stable_sort(answer.rows.begin(), answer.rows.end(), [](const auto& a, const auto& b) {
        auto ya = a.find("nam"), yb = b.find("nam");
        const std::string ka = ya == a.end() ? "" : ya->second,
                          kb = yb == b.end() ? "" : yb->second;
        return ka < kb;
    });
    return report;
}

std::vector<std::string> selectedUnits(const Audit& audit, const std::vector<std::string>& units,
                                       bool allUnits) {
    if (allUnits)
        return {};
    std::vector<std::string> out;
    for (const auto& u : units)
        if (!trim(u).empty())
            out.push_back(trim(u));
    if (out.empty())
        out.push_back(audit.unit.name);
    return out;
}

void checkSelection(const DossierStats& s, const std::string& log,
                    const std::vector<std::string>& units, const Audit& audit, SelectionHint hint) {
    const long long selected = s.totals.received + s.rowsOutsidePeriod;
    if (selected == 0 && s.rowsOtherUnit > 0) {
        std::vector<GroupCounts> others = s.otherUnits;
        std::stable_sort(others.begin(), others.end(), [](const auto& a, const auto& b) {
            return a.counts.received > b.counts.received;
        });
        std::string list;
        for (size_t i = 0; i < others.size() && i < 10; ++i)
            list += (list.empty() ? "" : "; ") + fmt(tr("\"{}\" ({} dòng)", "\"{}\" ({} rows)"),
                                                     others[i].key,
                                                     std::to_string(others[i].counts.received));
        if (others.size() > 10)
            list += fmt(tr("; và {} đơn vị khác", "; and {} more units"),
                        std::to_string(others.size() - 10));
        std::string wanted;
        for (const auto& u : units)
            wanted += (wanted.empty() ? "\"" : "\", \"") + u;
        wanted += "\"";
        const std::string how =
            hint == SelectionHint::Cli
                ? tr("Chọn đơn vị của nhật ký bằng --unit \"TÊN\" (có thể lặp lại), hoặc "
                     "--all-units nếu cả nhật ký là của đơn vị được kiểm tra",
                     "Choose the log's units with --unit \"NAME\" (may be repeated), or "
                     "--all-units if the whole log is the audited unit's")
                : tr("Ghi tên đơn vị như trong nhật ký ở ô \"Đơn vị trong nhật ký\" (mỗi dòng "
                     "một tên), hoặc chọn \"Cả nhật ký là của đơn vị được kiểm tra\"",
                     "Enter the unit names as the log has them in \"Units in the log\" (one per "
                     "line), or tick \"The whole log is the audited unit's\"");
        throw UsageError(fmt(
            tr("{}: không dòng nào của nhật ký thuộc đơn vị {} (tên so khớp không phân biệt hoa "
               "thường, khoảng trắng, vị trí dấu thanh); nhật ký có: {}. {}; không ghi gì",
               "{}: no row of the log belongs to unit {} (names matched ignoring case, spacing "
               "and tone-mark placement); the log has: {}. {}; nothing written"),
            log, wanted, list, how));
    }
    if (s.totals.received == 0 && s.rowsOutsidePeriod > 0 && s.firstReceived && s.lastReceived)
        throw UsageError(fmt(
            tr("{}: mọi hồ sơ của đơn vị được tiếp nhận từ {} đến {}, ngoài thời kỳ kiểm tra "
               "của tệp {} ({} - {}); nhật ký này không phải của đợt kiểm tra này; không ghi gì",
               "{}: every dossier of the unit was received from {} to {}, outside the period of "
               "audit {} ({} - {}); this log is not this inspection's; nothing written"),
            log, vietnameseDate(*s.firstReceived), vietnameseDate(*s.lastReceived),
            audit.file, audit.periodStart ? vietnameseDate(*audit.periodStart) : "…",
            audit.periodEnd ? vietnameseDate(*audit.periodEnd) : "…"));
}

ApplyResult applyDossierLog(Audit& audit, const Form& form, const ProcedureCatalog& catalog,
                            const cal::WorkingCalendar& calendar, const ApplyRequest& request,
                            Progress* progress) {
    if (!formHasResultsTable(form))
        throw UsageError(
            fmt(tr("{}: biểu mẫu '{}' không có bảng '{}' (kết quả giải quyết hồ sơ theo năm); "
                   "không ghi gì",
                   "{}: form '{}' has no table '{}' (dossier results per year); nothing written"),
                audit.file, form.id, kResultsTable));
    ApplyResult result;
    AnalysisOptions options;
    options.asOf = request.asOf;
    options.threads = request.threads;
    result.units = selectedUnits(audit, request.units, request.allUnits);
    options.units = result.units;
    options.receivedFrom = audit.periodStart;
    options.receivedTo = audit.periodEnd;
    {
        std::unique_ptr<RowSource> source =
            openDossierLog(request.log, request.sheet, request.threads, request.mapping);
        DossierAnalyzer analyzer(catalog, calendar, options);
        result.stats = analyzer.analyze(*source, request.mapping, progress);
    }
    const DossierStats& s = result.stats;
    checkSelection(s, request.log, result.units, audit, SelectionHint::Cli);
    result.report = applyYearFigures(audit, form, s);
    result.change = applyChange(request.log, request.asOf, result.units, result.report, s.rowsOtherUnit, s.rowsOutsidePeriod);
    return result;
}

ChangeCode applyChange(const std::string& log, Date asOf, const std::vector<std::string>& units, const ApplyReport& report,
                       size_t rowsOtherUnit, size_t rowsOutsidePeriod) {
    std::string unitList, years;
    for (const auto& u : units) unitList += (unitList.empty() ? "" : ", ") + u;
    for (const auto& y : report.years) years += (years.empty() ? "" : ", ") + std::to_string(y.year);
    return {"dossiers.apply",
            {log, isoDate(asOf), unitList, years, std::to_string(rowsOtherUnit), std::to_string(rowsOutsidePeriod)}};
}

}  // namespace par::dossier
