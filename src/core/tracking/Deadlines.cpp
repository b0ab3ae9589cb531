// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/Deadlines.hpp"

namespace par::track {

std::optional<Date> computeDeadline(const DeadlineRule& rule, const std::optional<Date>& noticeDate,
                                    const cal::WorkingCalendar& calendar) {
    switch (rule.kind) {
        case DeadlineRule::Kind::None:
            return std::nullopt;
        case DeadlineRule::Kind::FixedDate:
            return rule.date;
        case DeadlineRule::Kind::WorkingDays:
            if (!noticeDate)
                return std::nullopt;
            return calendar.addWorkingDays(*noticeDate, rule.count);
        case DeadlineRule::Kind::CalendarDays:
            if (!noticeDate)
                return std::nullopt;
            return calendar.addCalendarDays(*noticeDate, rule.count);
    }
    return std::nullopt;
}

bool isOverdue(const Action& action, Date asOf) {
    return isPending(action.status) && action.deadline && asOf > *action.deadline;
}

int workingDaysOverdue(const Action& action, Date asOf, const cal::WorkingCalendar& calendar) {
    if (!isOverdue(action, asOf))
        return 0;
    return calendar.workingDaysBetween(*action.deadline, asOf);
}

bool isDueWithin(const Action& action, Date asOf, int days, const cal::WorkingCalendar& calendar) {
    if (!isPending(action.status) || !action.deadline || *action.deadline < asOf)
        return false;
    return calendar.workingDaysBetween(asOf, *action.deadline) <= days;
}

bool completedOnTime(const Action& action) {
    if (action.status != ActionStatus::Accepted)
        return false;
    if (!action.deadline || !action.report.date)
        return true;
    return *action.report.date <= *action.deadline;
}

}  // namespace par::track
