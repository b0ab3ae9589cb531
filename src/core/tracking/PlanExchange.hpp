// SPDX-License-Identifier: Apache-2.0
// PlanExchange.hpp - the round trip with an inspected unit (docs/tracking.md, "Exchange format
// 2"): export that unit's actions as a plan, each with its own fingerprint and the inspectors'
// notes; let the unit answer actions one by one into ONE response file (respond); import the
// response back into the audit action by action. An answer merges when its action is unchanged
// since export; an answer to a changed action is set aside with a neutral reason; a wrong answer
// (older than the audit's, a forged status, a bad date, bad evidence) is refused for that action.
// Whole-file refusals: not a response, another audit, unit, inspected unit or notice, format 1.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/common/Error.hpp"
#include "core/model/Audit.hpp"
#include "core/tracking/PlanFile.hpp"

namespace par::track {

// The responsible units of an audit's actions, in first-seen order, one per par::unitKey.
std::vector<std::string> responsibleUnits(const Audit& audit);

// The responsible units whose names equal `unit` once diacritics are dropped (par::foldKey), for a
// "did you mean" when `unit` names none exactly.
std::vector<std::string> unitSuggestions(const Audit& audit, const std::string& unit);

// Inspector decisions in an action's history: reopens, acceptances and extensions.
int inspectorDecisions(const Action& action);

// SHA-256 (hex) of what the unit answers against: id, finding id, finding text, responsible unit,
// content, deadline rule, deadline, and the count of inspector decisions.
std::string actionFingerprint(const Action& action, const std::string& findingText, int decisions);

// The plan for one responsible unit (same unit: par::unitKey). Throws UsageError naming the units
// that have actions, and the near names ("có phải: …?") when `unit` has none.
PlanFile exportPlan(const Audit& audit, const std::string& unit);

// Why a unit's report date cannot be taken, "" when it can: before the notice's date, or after
// `today`. One rule where the unit answers (`plan respond`, the app's respond page) and where the
// Department imports, with the same words.
std::string reportDateProblem(const std::string& actionId, Date date, const std::optional<Date>& noticeDate,
                              const std::optional<Date>& today);

// Today by the clock (PAR_AUDIT_NOW when set).
std::optional<Date> clockToday();

// Adds or replaces the unit's answer to one action of a plan or response, which becomes a
// response (response-id made once; made = now; seq = the action's previous seq in this file + 1).
// `evidence`: the attached files (name, sha256, size), one per report.evidence name, in order.
// Only "reported" can be set; a report needs its date, not before the notice's nor after today
// (reportDateProblem). Throws UsageError / TransitionError.
void respond(PlanFile& file, const std::string& actionId, ActionStatus status,
             const ActionReport& report, const std::string& by,
             const std::vector<EvidenceRef>& evidence = {});

// A response refused as a whole; what() lists every reason, one per line.
class ImportRefused : public Error {
public:
    explicit ImportRefused(std::vector<std::string> reasons);
    const std::vector<std::string>& reasons() const { return reasons_; }

private:
    std::vector<std::string> reasons_;
};

struct ActionIssue {
    std::string actionId;
    std::string reason;  // one line, in the session's language, naming the action
};

struct ImportResult {
    std::vector<std::string> merged;     // actions whose report was merged
    std::vector<std::string> unchanged;  // actions already as the response says (re-import)
    std::vector<ActionIssue> setAside;   // changed since export: export the plan again
    std::vector<ActionIssue> refused;    // wrong answers: nothing merged for these
    // Evidence to keep for each merged action: action id → (file name → bytes).
    std::map<std::string, std::map<std::string, std::string>> evidence;
    ChangeCode change;  // the change-log entry the caller logs ("plan.import")
    bool changed() const { return !merged.empty(); }
    bool complete() const { return setAside.empty() && refused.empty(); }
};

// What the import needs besides the response: its evidence (ResponsePackage::evidence and
// entryProblems), today (report dates after it are refused) and the response file's name.
struct ImportInput {
    std::map<std::string, std::string> evidence;
    std::map<std::string, std::vector<std::string>> entryProblems;
    std::optional<Date> today;  // default: the clock (PAR_AUDIT_NOW)
};

// Checks the response against the audit and merges the answers that pass, per action. Throws
// ImportRefused (audit untouched) for a whole-file problem. `by` is who imports (history `by`);
// the response's declared-by is recorded as declared, with the file name.
ImportResult importResponse(Audit& audit, const PlanFile& response, const std::string& by,
                            const ImportInput& input = {});

}  // namespace par::track
