// PlanExchange.hpp - the round trip with an inspected unit (docs/tracking.md): export that unit's
// actions as a plan, let the unit fill in its reports (respond), and import the response back into
// the audit. An import is all or nothing: it is refused, naming every difference, unless the
// response is for this audit, this conclusions fingerprint and this unit, and changes nothing but
// the response fields (status "reported", report date, document number, note, evidence). Importing
// the same response again changes nothing.
#pragma once

#include <string>
#include <vector>

#include "core/common/Error.hpp"
#include "core/model/Audit.hpp"
#include "core/tracking/PlanFile.hpp"

namespace par::track {

// The responsible units of an audit's actions, in first-seen order.
std::vector<std::string> responsibleUnits(const Audit& audit);

// The plan for one responsible unit (matched ignoring case, diacritics and spacing). Throws
// UsageError naming the units that have actions when `unit` has none.
PlanFile exportPlan(const Audit& audit, const std::string& unit);

// Fills in the unit's report of one action of a plan or response, which becomes a response. Only
// "reported" can be set by a unit; a report needs its date. Throws UsageError / TransitionError.
void respond(PlanFile& file, const std::string& actionId, ActionStatus status,
             const ActionReport& report, const std::string& by);

// A response that must not be merged; what() lists every reason, one per line.
class ImportRefused : public Error {
public:
    explicit ImportRefused(std::vector<std::string> reasons);
    const std::vector<std::string>& reasons() const { return reasons_; }

private:
    std::vector<std::string> reasons_;
};

struct ImportResult {
    std::vector<std::string> merged;     // actions whose report was merged
    std::vector<std::string> unchanged;  // actions already as the response says (re-import)
    ChangeCode change;  // the change-log entry the caller logs ("plan.import": unit, file, actions)
    bool changed() const { return !merged.empty(); }
};

// Checks the response against the audit and merges it (statuses, reports, history). The change-log
// entry is returned, for the caller's transaction to log (core/actions). Throws ImportRefused,
// leaving the audit untouched.
ImportResult importResponse(Audit& audit, const PlanFile& response, const std::string& by);

}  // namespace par::track
