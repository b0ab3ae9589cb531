// SPDX-License-Identifier: Apache-2.0
// DossierApply.hpp - the `dossiers apply` operation, without files or locks: a one-stop log's
// per-year figures written into an audit's dossier-results table (`ket_qua_giai_quyet`: one row
// per calendar year of receipt), so the form's late-handling rules turn them into findings. Only
// the rows of the audited unit (or the units asked for) received within the audit's period count;
// a log with no such row is refused. Rows are matched by `nam`; the counted columns are replaced,
// the inspectors' own columns (phieu_xin_loi, ghi_chu) are kept. The caller (the CLI, the app, the
// core's actions layer) loads, locks and saves.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Progress.hpp"
#include "core/dossier/ColumnMap.hpp"
#include "core/dossier/DossierStats.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"
#include "core/model/ProcedureCatalog.hpp"

namespace par::dossier {

constexpr const char* kResultsTable = "ket_qua_giai_quyet";
// Optional columns of the results table, written when the form has them (the report and notice
// read them): the on-time rate as Decision 766/QĐ-TTg counts it, in percent with two decimals
// ("87.50"), and the dossiers whose procedure is not in the catalog.
constexpr const char* kRate766Column = "ty_le_dung_han_766";
constexpr const char* kUnknownProcedureColumn = "khong_ro_thu_tuc";

struct YearWritten {
    int year = 0;
    bool added = false;           // a new row (else an existing row updated)
    bool needsApologies = false;  // late dossiers but no phieu_xin_loi entered yet
    DossierCounts counts;
    long long unknownProcedure = 0;  // of `counts.received`, rows whose code is not in the catalog
};

struct ApplyReport {
    std::vector<YearWritten> years;
    std::string summary() const;  // one line per year, for the change log and the CLI
};

// Whether the form has the results table with every column apply writes.
bool formHasResultsTable(const Form& form);

// Updates audit.answers from figures already filtered to the unit and period (no logging, no
// saving). Throws UsageError, leaving the audit untouched, when the form has no such table or the
// figures hold no year.
ApplyReport applyYearFigures(Audit& audit, const Form& form, const DossierStats& stats);

struct ApplyRequest {
    std::string log;  // CSV or XLSX
    std::string sheet;
    HeaderMapping mapping;
    Date asOf;
    // The one-stop units whose rows are the audited unit's (matched with par::unitKey); empty: the
    // audited unit's own name. `allUnits`: every row of the log is the audited unit's.
    std::vector<std::string> units;
    bool allUnits = false;
    std::string author;  // for the change log
    unsigned threads = 0;
};

struct ApplyResult {
    ApplyReport report;
    DossierStats stats;              // the figures written (unit and period applied)
    std::vector<std::string> units;  // the units selected ("" when allUnits)
    ChangeCode change;               // the change-log entry, for the caller's transaction to log
};

// The change-log entry of an apply ("dossiers.apply": log, as-of date, units, years written, rows of
// other units and outside the period left out), stored as values (core/actions/ChangeText words it).
ChangeCode applyChange(const std::string& log, Date asOf, const std::vector<std::string>& units, const ApplyReport& report,
                       size_t rowsOtherUnit, size_t rowsOutsidePeriod);

// The one-stop units whose rows count as the audited unit's: the non-blank names asked for, else
// the audit's own unit name; none (every row counts) when `allUnits`. The CLI's --unit/--all-units
// and the app's dossier page share it.
std::vector<std::string> selectedUnits(const Audit& audit, const std::vector<std::string>& units,
                                       bool allUnits);

// How the refusal tells the user to choose the units: with the CLI's options or the page's fields.
enum class SelectionHint { Cli, Page };

// The checks before anything is written, on figures already filtered to `units` (empty: all) and
// to the audit's period: throws UsageError when no row belongs to those units (the message lists
// the log's units, most rows first, and how to choose) or when every row of them was received
// outside the audit's period (the receipt dates found and the period).
void checkSelection(const DossierStats& stats, const std::string& log,
                    const std::vector<std::string>& units, const Audit& audit, SelectionHint hint);

// Analyses the log and writes its figures into the audit; the change-log entry is returned in
// ApplyResult::change (the caller's transaction logs it: core/actions). Throws, leaving
// the audit untouched: UsageError when the form has no results table, when no row of the log
// belongs to the selected units (the message lists the log's units and how to choose), when every
// row of those units was received outside the audit's period, or when the log has no valid row;
// IoError / ParseError for the log; Cancelled when progress asks to stop.
ApplyResult applyDossierLog(Audit& audit, const Form& form, const ProcedureCatalog& catalog,
                            const cal::WorkingCalendar& calendar, const ApplyRequest& request,
                            Progress* progress = nullptr);

}  // namespace par::dossier
