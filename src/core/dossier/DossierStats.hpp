// SPDX-License-Identifier: Apache-2.0
// DossierStats.hpp - what a dossier log analysis yields: the classification of one dossier
// (DossierRecord) and the figures summed over all valid rows, per unit, procedure, receipt month
// and receipt year (DossierStats). The per-key tables grow with the number of distinct keys, never
// with the number of rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/Dates.hpp"

namespace par::dossier {

enum class Outcome { FinishedEarly, FinishedOnTime, FinishedLate, PendingInTime, PendingOverdue };

const char* outcomeLabel(Outcome o);  // "trước hạn", "đúng hạn", ...
const char* outcomeId(Outcome o);     // "finished_early", ... (CSV and JSON)

// One valid row, classified (docs/dossiers.md, "Semantics"). Views point into the row source's
// current record.
struct DossierRecord {
    long line = 0;
    std::string_view id, procedureCode, unit;
    Date received, due;
    int receivedSeconds = 0;
    std::optional<Date> finished;
    Date statutoryDue;                // not-a-date when the procedure is not in the catalog
    bool knownProcedure = true;       // the code is in the catalog (else no statutory due date)
    Outcome outcome = Outcome::PendingInTime;
    int lateWorkingDays = 0;  // late: working days in (due, finished]; overdue: in (due, as-of]
    bool wrongAppointment = false;  // due > statutoryDue
    int unitGroup = -1;             // the analyser's group indices
    int procedureGroup = -1;

    bool flagged() const {
        return wrongAppointment || outcome == Outcome::FinishedLate ||
               outcome == Outcome::PendingOverdue;
    }
};

struct DossierCounts {
    long long received = 0;
    long long finishedEarly = 0;
    long long finishedOnTime = 0;
    long long finishedLate = 0;
    long long pendingInTime = 0;
    long long pendingOverdue = 0;
    long long wrongAppointment = 0;
    long long lateWorkingDaysSum = 0;

    void add(const DossierRecord& r) {
        ++received;
        switch (r.outcome) {
            case Outcome::FinishedEarly:
                ++finishedEarly;
                break;
            case Outcome::FinishedOnTime:
                ++finishedOnTime;
                break;
            case Outcome::FinishedLate:
                ++finishedLate;
                break;
            case Outcome::PendingInTime:
                ++pendingInTime;
                break;
            case Outcome::PendingOverdue:
                ++pendingOverdue;
                break;
        }
        wrongAppointment += r.wrongAppointment ? 1 : 0;
        lateWorkingDaysSum += r.lateWorkingDays;
    }
    void merge(const DossierCounts& o);
    long long late() const { return finishedLate + pendingOverdue; }
    long long resolved() const { return finishedEarly + finishedOnTime + finishedLate; }
    // par-audit's on-time rate: (early + on time) / resolved; nullopt when nothing was resolved.
    std::optional<double> onTimeRate() const;
    // The on-time rate as Decision 766/QĐ-TTg's dashboard counts it: dossiers resolved early or on
    // time plus those still in progress within their deadline, over every dossier received
    // ((early + on time + pending in time) / received); nullopt when nothing was received.
    std::optional<double> onTimeRate766() const;
    bool operator==(const DossierCounts& o) const;
};

struct GroupCounts {
    std::string key;  // unit name (NFC, spaces collapsed), procedure code, "YYYY-MM" or "YYYY"
    DossierCounts counts;
};

struct InvalidRow {
    long line = 0;
    std::string reason;
};

// A late, overdue or wrongly scheduled dossier, kept for listing.
struct FlaggedDossier {
    long line = 0;
    std::string id, unit, procedureCode;
    Date received, due, statutoryDue;
    bool knownProcedure = true;
    std::optional<Date> finished;
    Outcome outcome = Outcome::PendingInTime;
    int lateWorkingDays = 0;
    bool wrongAppointment = false;

    static FlaggedDossier from(const DossierRecord& r);
};

struct DossierStats {
    long long rowsTotal = 0;  // data records (blank lines not counted)
    long long rowsInvalid = 0;
    // Valid rows whose procedure code is not in the catalog: counted in every figure except the
    // wrong appointments (which need the statutory time), and listed here by code.
    long long rowsUnknownProcedure = 0;
    std::vector<GroupCounts> unknownProcedures;  // by code, sorted; at most kMaxUnknownCodes
    bool unknownProceduresTruncated = false;     // more distinct codes than that
    std::vector<GroupCounts> unknownByYear;      // "YYYY", counts.received = those rows
    static constexpr size_t kMaxUnknownCodes = 1000;
    // Valid rows left out by AnalysisOptions' unit and period filters (not in any figure).
    long long rowsOtherUnit = 0, rowsOutsidePeriod = 0;
    // Rows of column numbers, "(1) (2) (3) …" or "1 2 3 …", as printed state tables have under
    // their header: not dossiers, in no figure and not in rowsTotal.
    long long rowsColumnNumbers = 0;
    // Rows that are the header again, further down (logs pasted together from several exports
    // repeat it where each paste begins; ColumnMap::repeatsHeader): likewise.
    long long rowsRepeatedHeader = 0;
    std::vector<GroupCounts> otherUnits;  // the units left out (counts.received = their rows)
    // Receipt dates of the valid rows of the selected units, before the period filter.
    std::optional<Date> firstReceived, lastReceived;
    DossierCounts totals;                                           // valid rows only
    std::vector<GroupCounts> byUnit, byProcedure, byMonth, byYear;  // sorted by key
    std::vector<InvalidRow> invalidRows;    // the first few (AnalysisOptions::keepInvalid)
    std::vector<FlaggedDossier> worstLate;  // most late working days first
    Date asOf;
    std::string source;  // file name
    // Where the header was: its line (CSV) or row (XLSX); after a title above the table, not
    // the first (DossierAnalyzer::analyze).
    long headerLine = 1;
    bool headerAfterTitle = false;  // rows above it were taken as a title and skipped
    std::string sheet;              // (XLSX) the sheet read
    bool sheetAfterOthers = false;  // the sheets before it had no log table (openDossierLog)

    // The groups with the most late + overdue dossiers (ties: by key), at most n.
    static std::vector<GroupCounts> top(const std::vector<GroupCounts>& groups, size_t n);
    // "Dòng tiêu đề của bảng: dòng 4 (các dòng phía trên là tên báo cáo, bỏ qua)" when rows
    // above the header were skipped, else "".
    std::string headerNote() const;
    // "Trang tính "Chi tiết" (các trang trước không có bảng nhật ký hồ sơ)" when the sheets before
    // the one read were passed over, else "".
    std::string sheetNote() const;
    // "Bỏ qua 1 dòng đánh số cột ((1), (2), …): không phải hồ sơ" when there were such rows, else
    // "".
    std::string columnNumbersNote() const;
    // "Bỏ qua 2 dòng lặp lại dòng tiêu đề của bảng: không phải hồ sơ, không tính" when there were
    // such rows, else "".
    std::string repeatedHeaderNote() const;
    // The notes on rows skipped as not dossiers (column numbers, repeated headers), those that
    // apply, in that order: what the CLI and the app say under the row counts.
    std::vector<std::string> skippedRowNotes() const;
};

}  // namespace par::dossier
