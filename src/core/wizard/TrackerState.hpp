// SPDX-License-Identifier: Apache-2.0
// TrackerState.hpp - the state behind the tracker view of a workspace (docs/gui.md, "The
// tracker"): the register read from a folder of audit files, the filters (unit, status, overdue
// only, due within N working days, as-of date) and the rows they leave visible, with the texts the
// table shows and the rows to highlight; the notice shown at open (overdue, due within a working
// week); and the inspectors' changes (accept, reopen, extend, import of a unit's response), each
// saved into its audit file under the audit's lock and the revision check, then re-read.
// No wxWidgets: the GUI draws this and forwards what the user does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Progress.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/Register.hpp"
#include "core/tracking/RegisterFormats.hpp"

namespace par::wizard {

// The tracker filters as `par-audit track` does (Register::filtered).
using TrackerFilter = track::RegisterFilter;

// One visible row, as the table shows it.
struct TrackerRow {
    size_t entry = 0;  // index in TrackerState::entries()
    std::string unit;         // the inspected unit
    std::string audit;        // the audit id, with the notice number when there is one
    std::string action;       // "A-001 (F-001): content"
    std::string responsible;  // the responsible unit
    std::string deadline;     // DD/MM/YYYY, "—" when none
    std::string status;       // the status label, "(cần xem lại)" added when stale
    std::string overdue;      // working days overdue; "" when not overdue
    bool highlight = false;   // overdue
    bool dueSoon = false;     // pending and due within kSoonWorkingDays
};

// The columns the rows can be ordered by, in the table's order.
enum class TrackerColumn { Unit, Audit, Action, Responsible, Deadline, Status, Overdue };

// What is shown once when the workspace opens.
struct TrackerNotice {
    int overdue = 0;
    int overdueUnits = 0;  // responsible units with an overdue action
    int dueSoon = 0;       // pending, due within kSoonWorkingDays working days
    int unreadable = 0;    // files that could not be read
    std::string text;      // "" when there is nothing to say
};

// The result of importing a unit's response into its audit.
struct TrackerImport {
    std::string auditFile;
    std::string unit;
    track::ImportResult result;
    std::vector<std::string> evidenceFolders;  // NAME.evidence/<id> made for merged actions
};

// One line per action of an import, for the tracker to show: merged, already in, set aside
// (changed since export: export the plan again) or refused (a wrong answer), with the reason in the
// current language. Sorted by action id.
struct ImportLine {
    enum class Outcome { Merged, Unchanged, SetAside, Refused };
    std::string actionId;
    Outcome outcome = Outcome::Merged;
    std::string label;   // "Đã nhập", "Đã có", "Để riêng", "Không nhập"
    std::string reason;
};
std::vector<ImportLine> importLines(const TrackerImport& import);

class TrackerState {
public:
    // "Due this week": within one working week of the as-of date.
    static constexpr int kSoonWorkingDays = 5;

    // Reads the workspace (blocking; the GUI calls it from a worker thread), through the user's
    // register cache like `par-audit track`. Throws IoError when `dir` is not a readable folder,
    // Cancelled when progress asks to stop.
    static track::Register scan(const std::string& dir, Date asOf,
                                const cal::WorkingCalendar& calendar, Progress& progress);

    TrackerState(std::string dir, track::Register reg, cal::WorkingCalendar calendar);

    const std::string& dir() const { return dir_; }
    Date asOf() const { return reg_.asOf; }
    // Recomputes what is overdue for another day (nothing is re-read).
    void setAsOf(Date asOf);
    const TrackerFilter& filter() const { return filter_; }
    void setFilter(const TrackerFilter& filter);

    // Orders the visible rows by a column, or by the register's order (responsible unit, deadline,
    // audit) for nullopt; kept across filters, as-of dates and re-reads. Unit names in Vietnamese
    // alphabetical order, audits and actions by id, deadlines as dates (none last), statuses in
    // the order they call for attention (open, reopened, reported, accepted), days overdue as
    // numbers. Descending is the exact reverse; ties keep the register's order either way.
    void setSort(std::optional<TrackerColumn> column, bool ascending = true);
    std::optional<TrackerColumn> sortColumn() const { return sortColumn_; }
    bool sortAscending() const { return sortAscending_; }

    const std::vector<TrackerRow>& rows() const { return rows_; }
    const std::vector<track::RegisterEntry>& entries() const { return reg_.entries; }
    const track::RegisterEntry& entryOf(size_t row) const;
    size_t auditCount() const { return reg_.auditCount; }
    const std::vector<track::ScanIssue>& issues() const { return reg_.issues; }
    // Responsible and inspected units, sorted, for the unit filter.
    std::vector<std::string> units() const;

    // Over the whole workspace, whatever the filter.
    TrackerNotice notice() const;
    // "12 of 30 actions shown (5 audits); 3 overdue": for the status bar.
    std::string summary() const;
    // The filters in words, for the follow-up report ("" without filters).
    std::string scopeText() const;
    // The visible rows as the register exports take them (XLSX, ICS, PDF).
    track::RegisterView view() const;
    const std::string& agencyParent() const { return reg_.agencyParent; }
    const std::string& agencyName() const { return reg_.agencyName; }

    // What the inspectors may do with the action of a visible row.
    bool canAccept(size_t row) const;
    bool canReopen(size_t row) const;
    bool canExtend(size_t row) const;

    // Each takes the audit's lock (LockedError when someone else holds it), re-reads the audit,
    // refuses (UsageError) when the action changed on disk since the register was read, makes
    // the change (TransitionError when the rules forbid it), logs it, saves with the revision
    // check (RevisionConflict) and re-reads the audit's rows. `by` "" = the login name.
    void accept(size_t row, const std::string& note, const std::string& by = "");
    void reopen(size_t row, const std::string& note, const std::string& by = "");
    // `newDeadline` as typed (DD/MM/YYYY or YYYY-MM-DD).
    void extend(size_t row, const std::string& newDeadline, const std::string& reason,
                const std::string& by = "");

    // Imports a unit's response into the audit of this workspace it is for (found by audit id):
    // UsageError when no audit (or more than one file) has that id, ImportRefused (nothing
    // merged) when the core refuses it, LockedError / RevisionConflict as above.
    TrackerImport importResponse(const std::string& responsePath, const std::string& by = "");

private:
    template <typename Change>
    void changeAction(size_t row, Change change);
    // Re-reads one audit file and replaces its entries.
    void reload(const std::string& auditFile);
    void recomputeOverdue();
    void rebuildRows();
    void sortRows();

    std::string dir_;
    track::Register reg_;
    cal::WorkingCalendar calendar_;
    TrackerFilter filter_;
    std::vector<TrackerRow> rows_;
    std::optional<TrackerColumn> sortColumn_;
    bool sortAscending_ = true;
    std::string by_;  // who makes the change in progress
};

}  // namespace par::wizard
