// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/DossierPageState.hpp"

#include <cmath>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"
#include "core/dossier/ColumnMap.hpp"
#include "core/dossier/DossierAnalyzer.hpp"
#include "core/dossier/DossierLog.hpp"

namespace par::wizard {

using namespace par::dossier;

namespace {
std::string baseName(const std::string& path) {
    size_t slash = path.find_last_of(platform::kPathSeparators);
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::vector<RateBar> rates(const std::vector<GroupCounts>& groups, bool months) {
    std::vector<RateBar> out;
    for (const auto& g : groups) {
        RateBar b;
        b.label = months ? DossierPageState::monthLabel(g.key) : g.key;
        b.onTime = g.counts.finishedEarly + g.counts.finishedOnTime;
        b.resolved = b.onTime + g.counts.finishedLate;
        b.rate = b.resolved > 0 ? static_cast<double>(b.onTime) / static_cast<double>(b.resolved) : 0.0;
        out.push_back(std::move(b));
    }
    return out;
}
}  // namespace

void SharedProgress::update(double fraction, std::string_view) {
    fraction_.store(fraction < 0 ? 0 : fraction > 1 ? 1 : fraction);
}

DossierPageState::DossierPageState(AuditSession& session) : session_(session) {
    const Audit& a = session.audit();
    std::optional<Date> d = a.periodEnd ? a.periodEnd : a.visitStart;
    if (d) asOfText = vietnameseDate(*d);
    unitsText = a.unit.name;
}

std::vector<std::string> DossierPageState::units() const {
    std::vector<std::string> out;
    if (allUnits) return out;
    std::string item;
    auto flush = [&] {
        std::string t = trim(item);
        if (!t.empty()) out.push_back(t);
        item.clear();
    };
    for (char ch : unitsText) {
        if (ch == '\n' || ch == '\r' || ch == ';')
            flush();
        else
            item += ch;
    }
    flush();
    return out;
}

bool DossierPageState::available() const { return formHasResultsTable(session_.form()); }

std::string DossierPageState::startBlocker() const {
    if (!available())
        return fmt(tr("Biểu mẫu này không có bảng '{}' (kết quả giải quyết hồ sơ theo năm).",
                      "This form has no table '{}' (dossier results per year)."),
                   kResultsTable);
    if (trim(log).empty()) return tr("Hãy chọn tệp xuất từ phần mềm một cửa (CSV hoặc XLSX).",
                                     "Choose the one-stop system's export (CSV or XLSX).");
    if (!allUnits && units().empty())
        return tr("Hãy ghi tên đơn vị như trong nhật ký (mỗi dòng một tên), hoặc chọn \"Cả nhật ký là của đơn vị được kiểm tra\".",
                  "Enter the unit names as the log has them (one per line), or tick \"The whole log is the audited unit's\".");
    if (!parseUserDate(trim(asOfText)))
        return fmt(tr("Ngày lấy số liệu '{}' không hợp lệ (DD/MM/YYYY).", "The as-of date '{}' is not valid (DD/MM/YYYY)."),
                   asOfText);
    return "";
}

DossierJob DossierPageState::start() {
    std::string blocker = startBlocker();
    if (!blocker.empty()) throw UsageError(blocker);
    if (status_ == Status::Running) throw UsageError(tr("Đang phân tích.", "An analysis is running."));
    job_ = DossierJob{};
    job_.log = trim(log);
    job_.mapping = trim(mapping);
    job_.sheet = trim(sheet);
    job_.asOf = *parseUserDate(trim(asOfText));
    job_.catalog = std::make_shared<const ProcedureCatalog>(session_.reference()->catalog);
    const Audit& audit = session_.audit();
    job_.units = selectedUnits(audit, units(), allUnits);
    job_.receivedFrom = audit.periodStart;
    job_.receivedTo = audit.periodEnd;
    status_ = Status::Running;
    error_.clear();
    return job_;
}

DossierOutcome DossierPageState::run(const DossierJob& job, Progress& progress) {
    DossierOutcome out;
    try {
        const cal::WorkingCalendar calendar = cal::WorkingCalendar::standard();
        const HeaderMapping mapping = job.mapping.empty() ? HeaderMapping{} : HeaderMapping::load(job.mapping);
        std::unique_ptr<RowSource> source = openDossierLog(job.log, job.sheet, 0, mapping);
        AnalysisOptions options;
        options.asOf = job.asOf;
        options.units = job.units;
        options.receivedFrom = job.receivedFrom;
        options.receivedTo = job.receivedTo;
        DossierAnalyzer analyzer(*job.catalog, calendar, options);
        out.stats = analyzer.analyze(*source, mapping, &progress);
        if (out.stats->source.empty()) out.stats->source = job.log;
    } catch (const Cancelled&) {
        out = DossierOutcome{};
        out.cancelled = true;
    } catch (const std::exception& e) {
        out = DossierOutcome{};
        out.error = e.what();
    }
    return out;
}

void DossierPageState::finish(DossierOutcome outcome) {
    // What a previous run showed belongs to another file or date: the page shows this run only.
    years_.clear();
    stats_.reset();
    if (outcome.cancelled) {
        status_ = Status::Cancelled;
        return;
    }
    if (!outcome.stats) {
        status_ = Status::Failed;
        error_ = outcome.error.empty() ? std::string(tr("Lỗi không rõ.", "Unknown error.")) : outcome.error;
        return;
    }
    try {
        Audit& audit = session_.audit();
        const DossierStats& s = *outcome.stats;
        checkSelection(s, baseName(job_.log), job_.units, audit, SelectionHint::Page);
        ApplyReport report = applyYearFigures(audit, session_.form(), s);
        for (const auto& y : report.years) years_.push_back({y.year, y.counts, y.added, y.needsApologies});
        session_.record(applyChange(baseName(job_.log), job_.asOf, job_.units, report,
                                    static_cast<size_t>(s.rowsOtherUnit), static_cast<size_t>(s.rowsOutsidePeriod)));
        stats_ = std::move(outcome.stats);
        status_ = Status::Done;
    } catch (const std::exception& e) {
        // No row of the chosen units, all of them outside the period, no year, or no table:
        // nothing was written.
        stats_ = std::move(outcome.stats);
        status_ = Status::Failed;
        error_ = e.what();
    }
}

std::vector<std::string> DossierPageState::badRows() const {
    std::vector<std::string> out;
    if (!stats_) return out;
    std::string file = baseName(job_.log);
    for (const auto& r : stats_->invalidRows) out.push_back(file + ":" + std::to_string(r.line) + ": " + r.reason);
    return out;
}

std::string DossierPageState::summary() const {
    switch (status_) {
        case Status::Idle: return tr("Chưa nhập tệp nào.", "No file imported yet.");
        case Status::Running: return tr("Đang phân tích…", "Analysing…");
        case Status::Cancelled: return tr("Đã huỷ: tệp kiểm tra không thay đổi.", "Cancelled: the audit is unchanged.");
        case Status::Failed: return fmt(tr("Không nhập được: {}", "Could not import: {}"), error_);
        case Status::Done: break;
    }
    std::string out = fmt(tr("{}: {} dòng, {} dòng hợp lệ, {} dòng lỗi; đã ghi {} năm vào bảng kết quả giải quyết hồ sơ (số liệu đến {}).",
                             "{}: {} rows, {} valid, {} with errors; {} years written into the dossier results table (as of {})."),
                          baseName(job_.log), std::to_string(stats_->rowsTotal), std::to_string(stats_->totals.received),
                          std::to_string(stats_->rowsInvalid), std::to_string(years_.size()), vietnameseDate(job_.asOf));
    if (stats_->sheetAfterOthers)
        out += " " + stats_->sheetNote() + ".";
    if (stats_->headerAfterTitle)
        out += " " + stats_->headerNote() + ".";
    for (const auto& note : stats_->skippedRowNotes())
        out += " " + note + ".";
    if (stats_->rowsOtherUnit > 0 || stats_->rowsOutsidePeriod > 0)
        out += fmt(tr(" Không tính: {} dòng của đơn vị khác, {} dòng tiếp nhận ngoài thời kỳ kiểm tra.",
                      " Left out: {} rows of other units, {} rows received outside the audit's period."),
                   std::to_string(stats_->rowsOtherUnit), std::to_string(stats_->rowsOutsidePeriod));
    return out;
}

std::vector<std::string> DossierPageState::reminders() const {
    std::vector<std::string> out;
    for (const auto& y : years_)
        if (y.needsApologies)
            out.push_back(fmt(tr("Năm {}: có {} hồ sơ quá hạn; hãy nhập số Phiếu xin lỗi đã phát hành ở mục kết quả giải quyết hồ sơ.",
                                 "{}: {} late dossiers; enter the number of apology slips in the dossier results table."),
                              std::to_string(y.year), std::to_string(y.counts.late())));
    return out;
}

std::vector<RateBar> DossierPageState::byUnit() const { return stats_ ? rates(stats_->byUnit, false) : std::vector<RateBar>{}; }

std::vector<RateBar> DossierPageState::byMonth() const { return stats_ ? rates(stats_->byMonth, true) : std::vector<RateBar>{}; }

size_t DossierPageState::missingCount(const AuditSession& session) {
    if (!formHasResultsTable(session.form())) return 0;
    const Answer* a = session.audit().answers.find(kResultsTable);
    return a == nullptr || a->rows.empty() ? 1 : 0;
}

std::string DossierPageState::formatPercent(double fraction) {
    long tenths = std::lround(fraction * 1000.0);
    std::string whole = std::to_string(tenths / 10);
    bool vi = language() == Language::Vietnamese;
    std::string s = tenths % 10 == 0 ? whole : whole + (vi ? "," : ".") + std::to_string(tenths % 10);
    return s + "%";  // "87,5%": as the documents and the command line write it
}

std::string DossierPageState::monthLabel(const std::string& key) {
    if (key.size() == 7 && key[4] == '-') return key.substr(5, 2) + "/" + key.substr(0, 4);
    return key;
}

}  // namespace par::wizard
