// SPDX-License-Identifier: Apache-2.0
// DossierStats.cpp - labels and small helpers of the analysis results.
#include "core/dossier/DossierStats.hpp"

#include <algorithm>

#include "core/common/Text.hpp"

namespace par::dossier {

const char* outcomeLabel(Outcome o) {
    switch (o) {
        case Outcome::FinishedEarly:
            return tr("giải quyết trước hạn", "finished early");
        case Outcome::FinishedOnTime:
            return tr("giải quyết đúng hạn", "finished on time");
        case Outcome::FinishedLate:
            return tr("giải quyết quá hạn", "finished late");
        case Outcome::PendingInTime:
            return tr("chưa giải quyết, trong hạn", "pending, in time");
        case Outcome::PendingOverdue:
            return tr("chưa giải quyết, quá hạn", "pending, overdue");
    }
    return "";
}

const char* outcomeId(Outcome o) {
    switch (o) {
        case Outcome::FinishedEarly:
            return "finished_early";
        case Outcome::FinishedOnTime:
            return "finished_on_time";
        case Outcome::FinishedLate:
            return "finished_late";
        case Outcome::PendingInTime:
            return "pending_in_time";
        case Outcome::PendingOverdue:
            return "pending_overdue";
    }
    return "";
}

void DossierCounts::merge(const DossierCounts& o) {
    received += o.received;
    finishedEarly += o.finishedEarly;
    finishedOnTime += o.finishedOnTime;
    finishedLate += o.finishedLate;
    pendingInTime += o.pendingInTime;
    pendingOverdue += o.pendingOverdue;
    wrongAppointment += o.wrongAppointment;
    lateWorkingDaysSum += o.lateWorkingDaysSum;
}

std::optional<double> DossierCounts::onTimeRate() const {
    if (resolved() == 0)
        return std::nullopt;
    return static_cast<double>(finishedEarly + finishedOnTime) / static_cast<double>(resolved());
}

std::optional<double> DossierCounts::onTimeRate766() const {
    if (received == 0)
        return std::nullopt;
    return static_cast<double>(finishedEarly + finishedOnTime + pendingInTime) /
           static_cast<double>(received);
}

bool DossierCounts::operator==(const DossierCounts& o) const {
    return received == o.received && finishedEarly == o.finishedEarly &&
           finishedOnTime == o.finishedOnTime && finishedLate == o.finishedLate &&
           pendingInTime == o.pendingInTime && pendingOverdue == o.pendingOverdue &&
           wrongAppointment == o.wrongAppointment && lateWorkingDaysSum == o.lateWorkingDaysSum;
}

FlaggedDossier FlaggedDossier::from(const DossierRecord& r) {
    FlaggedDossier f;
    f.line = r.line;
    f.id = std::string(r.id);
    f.unit = nfc(r.unit);
    f.procedureCode = std::string(r.procedureCode);
    f.received = r.received;
    f.due = r.due;
    f.statutoryDue = r.statutoryDue;
    f.knownProcedure = r.knownProcedure;
    f.finished = r.finished;
    f.outcome = r.outcome;
    f.lateWorkingDays = r.lateWorkingDays;
    f.wrongAppointment = r.wrongAppointment;
    return f;
}

std::vector<GroupCounts> DossierStats::top(const std::vector<GroupCounts>& groups, size_t n) {
    std::vector<GroupCounts> out = groups;
    std::stable_sort(out.begin(), out.end(), [](const GroupCounts& a, const GroupCounts& b) {
        return a.counts.late() > b.counts.late();
    });
    if (out.size() > n)
        out.resize(n);
    return out;
}

std::string DossierStats::headerNote() const {
    if (!headerAfterTitle)
        return {};
    return fmt(tr("Dòng tiêu đề của bảng: dòng {} (các dòng phía trên là tên báo cáo, bỏ qua)",
                  "Table header: line {} (the lines above it are the report's title, skipped)"),
               std::to_string(headerLine));
}

std::string DossierStats::columnNumbersNote() const {
    if (rowsColumnNumbers == 0)
        return {};
    return fmt(tr("Bỏ qua {} dòng đánh số cột ((1), (2), …): không phải hồ sơ, không tính",
                  "Skipped {} row(s) of column numbers ((1), (2), …): not dossiers, not counted"),
               std::to_string(rowsColumnNumbers));
}

std::string DossierStats::repeatedHeaderNote() const {
    if (rowsRepeatedHeader == 0)
        return {};
    return fmt(tr("Bỏ qua {} dòng lặp lại dòng tiêu đề của bảng: không phải hồ sơ, không tính",
                  "Skipped {} repeated header row(s): not dossiers, not counted"),
               std::to_string(rowsRepeatedHeader));
}

std::vector<std::string> DossierStats::skippedRowNotes() const {
    std::vector<std::string> notes;
    for (std::string note : {columnNumbersNote(), repeatedHeaderNote()})
        if (!note.empty())
            notes.push_back(std::move(note));
    return notes;
}

std::string DossierStats::sheetNote() const {
    if (!sheetAfterOthers)
        return {};
    return fmt(tr("Trang tính \"{}\" (các trang trước không có bảng nhật ký hồ sơ)",
                  "Sheet \"{}\" (the sheets before it have no dossier log table)"),
               sheet);
}

}  // namespace par::dossier
