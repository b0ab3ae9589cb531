// SPDX-License-Identifier: Apache-2.0
// ActionPlan.hpp - the remediation actions of one audit: making them from the findings'
// recommendations, adding more, and moving them through their statuses (docs/tracking.md):
//
//   open ──report──▶ reported ──accept──▶ accepted
//     ▲                 │  ▲                  │
//     │              reopen  report           reopen
//     │                 ▼  │                  │
//     └─────────────  reopened ◀──────────────┘
//
// Every transition and extension is appended to the action's history; the audit's change log is the
// caller's business (the CLI logs one entry per command).
#pragma once

#include <string>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Error.hpp"
#include "core/model/Audit.hpp"

namespace par::track {

// A status change the rules forbid (open → accepted, accepted → reported, ...).
class TransitionError : public UsageError {
public:
    using UsageError::UsageError;
};

struct MakeReport {
    std::vector<std::string> added;     // new action ids
    std::vector<std::string> staled;    // actions newly flagged: their finding is stale or gone
    std::vector<std::string> unstaled;  // actions whose finding is active again
    std::vector<std::string> redated;   // deadlines (re)computed from the rule and the notice date
    bool changed() const {
        return !added.empty() || !staled.empty() || !unstaled.empty() || !redated.empty();
    }
};

// Makes one action per active finding that has a recommendation and no action yet (content = the
// recommendation's text, responsible = its unit or else the inspected unit, deadline rule = its
// deadline). Running it again never duplicates: a finding that has an action gets no other. Flags
// (never deletes) actions whose finding went stale or disappeared; recomputes the deadline of
// actions never extended when the notice date gives another date.
MakeReport makeActions(Audit& audit, const cal::WorkingCalendar& calendar);

// Adds one more action to a finding; throws UsageError when the finding does not exist or the
// content is empty. Returns the new action's id.
std::string addAction(Audit& audit, const std::string& findingId, const std::string& content,
                      const std::string& responsible, const DeadlineRule& rule,
                      const cal::WorkingCalendar& calendar);

// Whether the rules allow going from `from` to `to` (reported → reported is a report update).
bool transitionAllowed(ActionStatus from, ActionStatus to);

// The transitions; each throws TransitionError (message names the action and both statuses)
// when not allowed. `by` defaults to the login name, `at` to now.
void reportAction(Action& action, const ActionReport& report, const std::string& by,
                  const std::string& note = "");
void acceptAction(Action& action, const std::string& by, const std::string& note = "");
void reopenAction(Action& action, const std::string& by, const std::string& note);

// Sets a new deadline (a fixed date after the current one), keeping the old rule and date in the
// history with the reason. Refused for an accepted action or an empty reason.
void extendAction(Action& action, Date newDeadline, const std::string& reason,
                  const std::string& by);

// "2026-11-27T10:15:00", local time; and the login name.
std::string nowIso();
std::string loginName();

}  // namespace par::track
