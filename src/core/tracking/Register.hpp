// SPDX-License-Identifier: Apache-2.0
// Register.hpp - every remediation action across a workspace (a folder of audit files, a shared
// drive works), as of a date: its unit, audit, deadline, status and working days overdue, with a
// summary per responsible unit (docs/tracking.md). Files are read in parallel by a pull scanner
// that keeps only what the register shows (RegisterScanner.hpp), and a cache skips the files
// unchanged since the last scan (RegisterCache.hpp); figures in docs/performance.md,
// "Remediation register".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Dates.hpp"
#include "core/common/Progress.hpp"
#include "core/model/Audit.hpp"

namespace par::track {

// What the register keeps of one audit file, shared by the entries of its actions (one copy of
// the audit's fields, not one per action: docs/performance.md, "Remediation register").
struct RegisterAudit {
    std::string id;
    std::string file;
    std::string unit;       // the inspected unit
    std::string noticeRef;  // "05/TB-SNV"
    std::optional<Date> noticeDate;
    std::vector<Action> actions;  // without their histories
};

// One action in the register. Copies are cheap (a shared pointer and an index) and keep the audit's
// part alive on their own, so filtered views may outlive the register they came from.
struct RegisterEntry {
    std::shared_ptr<const RegisterAudit> audit;
    std::uint32_t index = 0;  // the action: audit->actions[index]
    bool overdue = false;
    int daysOverdue = 0;  // working days in (deadline, as-of] while overdue

    const Action& action() const { return audit->actions[index]; }
    const std::string& auditId() const { return audit->id; }
    const std::string& auditFile() const { return audit->file; }
    const std::string& inspectedUnit() const { return audit->unit; }
    const std::string& noticeRef() const { return audit->noticeRef; }
    const std::optional<Date>& noticeDate() const { return audit->noticeDate; }
};

// The register's order: responsible unit, deadline (none last), audit id, audit file, action id.
// Register::scan sorts on integer keys that give exactly this order; a client that replaces some
// entries (the tracker after a status change) sorts again with this.
bool registerOrder(const RegisterEntry& x, const RegisterEntry& y);

struct UnitSummary {
    std::string unit;
    int actions = 0;
    int open = 0;  // open or reopened: still to do
    int overdue = 0;
    int reported = 0;  // awaiting verification
    int accepted = 0;
    int acceptedOnTime = 0;  // accepted, reported by the deadline
    // acceptedOnTime / (accepted + overdue): of the actions that are done or should be, the share
    // done on time. nullopt when there are none.
    std::optional<double> onTimeRate() const;
};

struct RegisterFilter {
    std::string unit;  // responsible or inspected unit (ignoring case and diacritics); "" = all
    std::optional<ActionStatus> status;
    bool overdueOnly = false;
    // Pending actions whose deadline is between as-of and as-of + N working days (inclusive).
    std::optional<int> dueWithin;
};

// Tests entries against a filter (Register::filtered, the tracker's rows). Each distinct unit name is
// folded (case and diacritics) once, not once per entry; the names are looked up by view, so the
// entries tested must outlive the matcher.
class RegisterMatcher {
public:
    RegisterMatcher(const RegisterFilter& filter, Date asOf, const cal::WorkingCalendar& calendar);
    bool operator()(const RegisterEntry& e);

private:
    bool unitMatches(const std::string& name);

    const RegisterFilter& filter_;
    Date asOf_;
    const cal::WorkingCalendar& calendar_;
    std::string unitKey_;
    std::unordered_map<std::string_view, bool> units_;
};

struct ScanIssue {
    std::string file;
    std::string message;
};

struct ScanOptions {
    unsigned threads = 0;  // 0: one per core
    // Where the cache of what each file gave last time lives (RegisterCache.hpp); "" = no cache.
    // RegisterCache::defaultFolder() is the user's cache folder.
    std::string cacheFolder;
};

class Register {
public:
    // Reads every *.audit.xml under `dir` (recursively; backups and temporaries skipped). Files
    // that cannot be read become issues, never stop the scan. With a cache folder, a file whose
    // size and modification time are those of the last scan is taken from the cache unparsed.
    static Register scan(const std::string& dir, Date asOf, const cal::WorkingCalendar& calendar,
                         Progress& progress, const ScanOptions& options);
    static Register scan(const std::string& dir, Date asOf, const cal::WorkingCalendar& calendar,
                         Progress& progress, unsigned threads = 0) {
        return scan(dir, asOf, calendar, progress, ScanOptions{threads, ""});
    }
    // The same from audits already loaded (tests, the GUI).
    static Register fromAudits(const std::vector<Audit>& audits, Date asOf,
                               const cal::WorkingCalendar& calendar);

    Date asOf;
    size_t auditCount = 0;
    // Sorted by responsible unit, deadline (none last), audit id, action id.
    std::vector<RegisterEntry> entries;
    std::vector<ScanIssue> issues;
    size_t parsedFiles = 0;  // files parsed by this scan; the others came from the cache
    std::string agencyParent, agencyName;  // the inspecting body of the first audit, for reports

    std::vector<RegisterEntry> filtered(const RegisterFilter& filter,
                                        const cal::WorkingCalendar& calendar) const;
    // One summary per responsible unit, in unit order, then a total named "" last.
    static std::vector<UnitSummary> summarise(const std::vector<RegisterEntry>& entries);
};

// The audit as the register reads it: through the pull scanner (RegisterScanner.hpp: header and
// actions, without answers, findings or action histories), or, when the file holds something the
// scanner leaves to it (comments, CDATA, character references, a mistake), by the full reader,
// whose message names the file's real line. Public for the benchmark and the tests.
Audit loadForRegister(const std::string& path);

}  // namespace par::track
