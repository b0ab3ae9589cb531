// SPDX-License-Identifier: Apache-2.0
// FindingActions.hpp - the inspectors' decisions on findings: add their own, edit any (a rule
// finding they edit keeps their wording when the rules are evaluated again), dismiss one with a
// reason or as a duplicate, restore it, merge duplicates into the one kept, remove one of their own.
// A dismissed finding stays in the audit, out of the notice, the plan and the score.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/findings/FindingsEngine.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"

namespace par::actions {

// What a person gives for a finding; for an edit, unset parts stay as they are.
struct FindingInput {
    std::optional<std::string> area;      // a form area id
    std::optional<std::string> category;  // a form category id
    std::optional<std::string> severity;  // high|medium|low or cao|trung bình|thấp
    std::optional<std::string> text;
    std::optional<std::string> recommendation;
    std::optional<std::string> deadline;  // "30 ngày làm việc", "30 working-days", "15 ngày", a date
    std::optional<std::string> responsible;
    std::optional<std::vector<std::string>> legalBasis;
};

// Adds a finding of the team's own; area, severity and text are required, the responsible unit
// defaults to the inspected unit. Returns the change (its first value is the new id).
ChangeCode addFinding(Audit& audit, const Form& form, const FindingInput& input);
// nullopt when nothing changed.
std::optional<ChangeCode> editFinding(Audit& audit, const Form& form, const std::string& id, const FindingInput& input);
ChangeCode dismissFinding(Audit& audit, const std::string& id, const std::string& reason);
std::optional<ChangeCode> restoreFinding(Audit& audit, const std::string& id);
// The others are dismissed as duplicates of `keep` (which must be in effect); their legal bases
// are added to the kept one's.
ChangeCode mergeFindings(Audit& audit, const std::string& keep, const std::vector<std::string>& others);
// Removes a finding of the team's own (rule findings come back on re-evaluation: dismiss them).
ChangeCode removeFinding(Audit& audit, const std::string& id);

// A deadline as a person types it: "30 ngày làm việc", "30 working-days", "15 ngày", "31/03/2019".
// Throws UsageError.
DeadlineRule parseDeadlineInput(const std::string& input);
// The rule as a person would type it back ("30 ngày làm việc", "31/03/2019"; "" for none).
std::string deadlineInputText(const DeadlineRule& rule);

// The log entry of a re-evaluation of the rules ("findings.refresh": added, refreshed, staled).
ChangeCode refreshChange(const MergeReport& report);

// Throws UsageError naming the finding and the ids there are.
Finding& requireFinding(Audit& audit, const std::string& id);

}  // namespace par::actions
