// SPDX-License-Identifier: Apache-2.0
// DossierPageState.hpp - the dossier data page: which one-stop export (CSV/XLSX) and optional
// column-mapping file to read, as of which day; the analysis as a job that runs on a worker thread
// (DossierJob: copies of everything it needs, nothing shared with the session, cancellable through
// par::Progress); and, back on the page's thread, the results written into the audit's
// late-handling table exactly as `par-audit dossiers apply` does (the same unit and period filter,
// the same refusals: selectedUnits, checkSelection, applyYearFigures), the summary
// table, the file's bad rows as "file:line: reason" and the chart's series (on-time rate by unit and
// by month).
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/common/Progress.hpp"
#include "core/dossier/DossierApply.hpp"
#include "core/dossier/DossierStats.hpp"
#include "core/model/ProcedureCatalog.hpp"
#include "core/wizard/AuditSession.hpp"

namespace par::wizard {

// What the worker thread needs, copied from the session: it never touches the session.
struct DossierJob {
    std::string log;
    std::string mapping;  // "" = built-in header aliases only
    std::string sheet;    // XLSX sheet, "" = the first
    Date asOf;
    std::shared_ptr<const ProcedureCatalog> catalog;
    // The log's units whose rows are the audited unit's (empty: every row), and the audit's
    // period: rows outside them are counted apart, never in the figures (as `dossiers apply`).
    std::vector<std::string> units;
    std::optional<Date> receivedFrom, receivedTo;
};

// What the worker hands back. Exactly one of stats / error / cancelled.
struct DossierOutcome {
    std::optional<dossier::DossierStats> stats;
    std::string error;  // the file's problem, with file:line when the core gives it
    bool cancelled = false;
};

// A Progress the worker updates and the page polls (any thread); cancel() asks the worker to stop
// at the analyser's next check (every 8192 rows).
class SharedProgress : public Progress {
public:
    void update(double fraction, std::string_view label) override;
    bool cancelled() const override { return cancel_.load(); }
    void cancel() { cancel_.store(true); }
    double fraction() const { return fraction_.load(); }

private:
    std::atomic<double> fraction_{0.0};
    std::atomic<bool> cancel_{false};
};

// One bar of the chart.
struct RateBar {
    std::string label;       // unit name, or "MM/YYYY"
    long long resolved = 0;  // early + on time + late
    long long onTime = 0;    // early + on time
    double rate = 0;         // onTime / resolved, 0-1; meaningless when resolved is 0
    bool hasData() const { return resolved > 0; }
};

// One line of the summary table (one year of receipt, as written into the audit).
struct YearSummary {
    int year = 0;
    dossier::DossierCounts counts;
    bool added = false;
    bool needsApologies = false;
};

class DossierPageState {
public:
    enum class Status { Idle, Running, Done, Cancelled, Failed };

    explicit DossierPageState(AuditSession& session);

    // Whether the audit's form has the late-handling table the import fills.
    bool available() const;

    std::string log;
    std::string mapping;
    std::string sheet;
    // As typed (DD/MM/YYYY or YYYY-MM-DD); defaults to the audit's period end, else the visit.
    std::string asOfText;
    // The one-stop units of the log whose rows are the audited unit's, one per line (or separated
    // by ';'), matched as `dossiers apply --unit` matches them (par::unitKey); defaults to the
    // audited unit's name. `allUnits`: every row of the log is the audited unit's (--all-units).
    std::string unitsText;
    bool allUnits = false;
    // The names unitsText gives, trimmed, blanks dropped ({} when allUnits).
    std::vector<std::string> units() const;

    // Problems that keep Import disabled (no file, bad date, no table); "" when it can start.
    std::string startBlocker() const;
    bool canStart() const { return status_ != Status::Running && startBlocker().empty(); }

    // On the page's thread: the job for the worker (throws UsageError when startBlocker() is not
    // empty); the state becomes Running.
    DossierJob start();
    // On the worker thread: the whole analysis. Never throws; never touches a session.
    static DossierOutcome run(const DossierJob& job, Progress& progress);
    // On the page's thread, with what run() returned: Done (figures written into the audit, the
    // change logged, the session touched), Cancelled (audit untouched) or Failed (audit untouched).
    void finish(DossierOutcome outcome);

    Status status() const { return status_; }
    const std::string& error() const { return error_; }
    const dossier::DossierStats* stats() const { return stats_ ? &*stats_ : nullptr; }
    const std::vector<YearSummary>& years() const { return years_; }
    // One line per bad row: "quynh-luu-2018.csv:12: reason" (the first 20, as the core keeps them),
    // and how many there are in all.
    std::vector<std::string> badRows() const;
    long long badRowCount() const { return stats_ ? stats_->rowsInvalid : 0; }
    // A line for the page: what was read and written (with the rows of other units and outside the
    // audit's period left out), or why nothing was.
    std::string summary() const;
    // Reminders after writing (apology slips to enter).
    std::vector<std::string> reminders() const;

    std::vector<RateBar> byUnit() const;
    std::vector<RateBar> byMonth() const;

    // The step list's view, from the audit alone: "missing" while the late-handling table is empty.
    static size_t missingCount(const AuditSession& session);

    // "87,5 %" (Vietnamese) / "87.5%" (English); one decimal, none when whole ("100 %").
    static std::string formatPercent(double fraction);
    // "2018-10" → "10/2018".
    static std::string monthLabel(const std::string& key);

private:
    AuditSession& session_;
    Status status_ = Status::Idle;
    std::string error_;
    std::optional<dossier::DossierStats> stats_;
    std::vector<YearSummary> years_;
    DossierJob job_;
};

}  // namespace par::wizard
