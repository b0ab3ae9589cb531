// SPDX-License-Identifier: Apache-2.0
// PlanActions.hpp - the remediation plan's user actions, once for `par-audit plan …` and the app's
// tracker: make the actions from the findings, add one, accept, reopen or extend one (each checked
// against the state the user saw, so that a decision taken on an old view is refused rather than
// applied to something else), import a unit's response. Each returns the change-log entry; the
// transitions themselves and their rules are core/tracking/ActionPlan.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/model/Audit.hpp"
#include "core/tracking/ResponseSignature.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/PlanExchange.hpp"

namespace par::actions {

// The action changed in the file since the user saw it (another inspector, an import).
class StaleViewError : public UsageError {
public:
    using UsageError::UsageError;
};

// nullopt when nothing changed; `report` receives what was done.
std::optional<ChangeCode> makePlan(Audit& audit, const cal::WorkingCalendar& calendar, track::MakeReport* report = nullptr);
ChangeCode addPlanAction(Audit& audit, const std::string& finding, const std::string& content, const std::string& responsible,
                         const DeadlineRule& rule, const cal::WorkingCalendar& calendar);

// `seen`: the action as the user saw it (nullptr: no check). Throws UsageError for an unknown id,
// StaleViewError, track::TransitionError.
ChangeCode acceptPlanAction(Audit& audit, const std::string& id, const std::string& by, const std::string& note,
                            const Action* seen = nullptr);
ChangeCode reopenPlanAction(Audit& audit, const std::string& id, const std::string& by, const std::string& note,
                            const Action* seen = nullptr);
ChangeCode extendPlanAction(Audit& audit, const std::string& id, Date newDeadline, const std::string& reason,
                            const std::string& by, const Action* seen = nullptr);

// A new deadline as typed (DD/MM/YYYY or YYYY-MM-DD); throws UsageError.
Date parseNewDeadline(const std::string& text);

Action& requireAction(Audit& audit, const std::string& id);

// `plan import` and the tracker's import, one operation: reads the response (.response.zip or
// .xml), then in one audit transaction (lock, load, import per action, log, atomic save) merges
// what passes; the evidence of merged actions is staged first and moved into NAME.evidence/<id>/
// only after the save. Throws track::ImportRefused (whole file; audit untouched), IoError,
// ParseError, track::LockedError.
struct ResponseImport {
    track::ImportResult result;
    std::string unit;                           // the response's unit
    std::vector<std::string> evidenceFolders;   // made for merged actions
    std::string brokenLockOwner;
    // The response's verified signer (track::checkResponseSignature), when it was signed; also
    // written as `signed-by` into each merged action's history.
    std::optional<track::ResponseSigner> signer;
};
// Before anything is merged, the response's signature is checked against the unit's certificates
// named in don-vi.xml beside the audit (ImportRefused when it must be signed and is not, is signed
// by another certificate, or was changed after signing).
ResponseImport importResponseFile(const std::string& auditPath, const std::string& responsePath,
                                  const std::string& by, const track::ImportInput& base = {});

}  // namespace par::actions
