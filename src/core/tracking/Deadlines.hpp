// SPDX-License-Identifier: Apache-2.0
// Deadlines.hpp - the date an action's deadline rule gives, and how late an action is on a given
// day. Working days come from the working-day calendar; calendar-day periods follow Civil Code 2015
// Art. 147-148 (WorkingCalendar::addCalendarDays). "Overdue" is always computed from an as-of date,
// never stored (docs/tracking.md).
#pragma once

#include <optional>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Dates.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Deadline.hpp"

namespace par::track {

// The date `rule` gives from the notice date:
//   - N working-days: the N-th working day after the notice date (addWorkingDays);
//   - N calendar-days: the period starts the day after the notice date and ends N days later, moved
//     to the next working day when that day is not one (Civil Code Art. 147-148);
//   - a fixed date: that date, as given.
// nullopt for Kind::None, or for a relative rule while the notice has no date.
std::optional<Date> computeDeadline(const DeadlineRule& rule, const std::optional<Date>& noticeDate,
                                    const cal::WorkingCalendar& calendar);

// Whether the action still has work to do (open or reopened).
inline bool isPending(ActionStatus s) {
    return s == ActionStatus::Open || s == ActionStatus::Reopened;
}

// An action is overdue on `asOf` when it is pending, has a deadline, and asOf is after it.
bool isOverdue(const Action& action, Date asOf);

// Working days in (deadline, asOf] for an overdue action; 0 otherwise.
int workingDaysOverdue(const Action& action, Date asOf, const cal::WorkingCalendar& calendar);

// A pending action whose deadline is between asOf and asOf + `days` working days (inclusive).
bool isDueWithin(const Action& action, Date asOf, int days, const cal::WorkingCalendar& calendar);

// Whether an accepted action was reported by its deadline (no deadline: on time).
bool completedOnTime(const Action& action);

}  // namespace par::track
