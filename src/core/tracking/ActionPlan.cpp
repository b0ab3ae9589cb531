// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/ActionPlan.hpp"

#include <algorithm>
#include <ctime>
#include <set>

#include "core/common/Clock.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/Deadlines.hpp"

namespace par::track {

std::string nowIso() { return par::nowIso(); }

std::string loginName() { return par::loginName(); }

namespace {
std::string who(const std::string& by) {
    return by.empty() ? loginName() : by;
}

bool hasExtension(const Action& a) {
    for (const auto& e : a.history)
        if (e.kind == ActionEvent::Kind::Extension)
            return true;
    return false;
}

void transition(Action& a, ActionStatus to, const std::string& by, const std::string& note) {
    if (!transitionAllowed(a.status, to))
        throw TransitionError(fmt(tr("{}: không thể chuyển trạng thái từ '{}' sang '{}'",
                                     "{}: cannot move from '{}' to '{}'"),
                                  a.id, actionStatusLabel(a.status), actionStatusLabel(to)));
    ActionEvent e;
    e.kind = ActionEvent::Kind::Status;
    e.at = nowIso();
    e.by = who(by);
    e.from = a.status;
    e.to = to;
    e.note = note;
    a.history.push_back(std::move(e));
    a.status = to;
}
}  // namespace

MakeReport makeActions(Audit& audit, const cal::WorkingCalendar& calendar) {
    MakeReport r;
    std::set<std::string> covered;
    for (const auto& a : audit.actions)
        covered.insert(a.finding);
    for (const auto& f : audit.findings) {
        if (!f.inEffect() || covered.count(f.id) != 0)
            continue;
        if (trim(f.recommendation.text).empty())
            continue;
        Action a;
        a.id = audit.nextActionId();
        a.finding = f.id;
        a.responsible =
            f.recommendation.responsible.empty() ? audit.unit.name : f.recommendation.responsible;
        a.deadlineRule = f.recommendation.deadline;
        a.deadline = computeDeadline(a.deadlineRule, audit.notice.date, calendar);
        a.content = f.recommendation.text;
        r.added.push_back(a.id);
        audit.actions.push_back(std::move(a));
        covered.insert(f.id);
    }
    for (auto& a : audit.actions) {
        const Finding* f = audit.findFinding(a.finding);
        bool stale = f == nullptr || f->state == FindingState::Stale;
        if (stale && !a.stale)
            r.staled.push_back(a.id);
        if (!stale && a.stale)
            r.unstaled.push_back(a.id);
        a.stale = stale;
        if (!hasExtension(a) && a.status != ActionStatus::Accepted) {
            auto d = computeDeadline(a.deadlineRule, audit.notice.date, calendar);
            if (d != a.deadline) {
                // Only newly added actions were computed above; an existing one changes here when
                // the notice date was set or corrected.
                if (std::find(r.added.begin(), r.added.end(), a.id) == r.added.end())
                    r.redated.push_back(a.id);
                a.deadline = d;
            }
        }
    }
    return r;
}

std::string addAction(Audit& audit, const std::string& findingId, const std::string& content,
                      const std::string& responsible, const DeadlineRule& rule,
                      const cal::WorkingCalendar& calendar) {
    const Finding* f = audit.findFinding(findingId);
    if (f == nullptr)
        throw UsageError(
            fmt(tr("không có phát hiện '{}' trong tệp kiểm tra", "the audit has no finding '{}'"),
                findingId));
    if (trim(content).empty())
        throw UsageError(
            tr("nội dung hành động không được để trống", "the action's content is empty"));
    Action a;
    a.id = audit.nextActionId();
    a.finding = findingId;
    a.responsible = !responsible.empty()                     ? responsible
                    : !f->recommendation.responsible.empty() ? f->recommendation.responsible
                                                             : audit.unit.name;
    a.deadlineRule = rule.kind == DeadlineRule::Kind::None ? f->recommendation.deadline : rule;
    a.deadline = computeDeadline(a.deadlineRule, audit.notice.date, calendar);
    a.content = content;
    a.stale = f->state == FindingState::Stale;
    audit.actions.push_back(a);
    return a.id;
}

bool transitionAllowed(ActionStatus from, ActionStatus to) {
    using S = ActionStatus;
    switch (to) {
        case S::Reported:
            return from == S::Open || from == S::Reopened || from == S::Reported;
        case S::Accepted:
            return from == S::Reported;
        case S::Reopened:
            return from == S::Reported || from == S::Accepted;
        case S::Open:
            return false;
    }
    return false;
}

void reportAction(Action& action, const ActionReport& report, const std::string& by,
                  const std::string& note) {
    if (!report.date)
        throw UsageError(
            fmt(tr("{}: báo cáo phải có ngày", "{}: a report needs its date"), action.id));
    transition(action, ActionStatus::Reported, by, note);
    action.report = report;
}

void acceptAction(Action& action, const std::string& by, const std::string& note) {
    transition(action, ActionStatus::Accepted, by, note);
}

void reopenAction(Action& action, const std::string& by, const std::string& note) {
    if (trim(note).empty())
        throw UsageError(
            fmt(tr("{}: cần nêu lý do yêu cầu làm lại", "{}: say why it is reopened"), action.id));
    transition(action, ActionStatus::Reopened, by, note);
}

void extendAction(Action& action, Date newDeadline, const std::string& reason,
                  const std::string& by) {
    if (action.status == ActionStatus::Accepted)
        throw TransitionError(fmt(tr("{}: hành động đã hoàn thành, không gia hạn được",
                                     "{}: the action is accepted and cannot be extended"),
                                  action.id));
    if (trim(reason).empty())
        throw UsageError(
            fmt(tr("{}: cần nêu lý do gia hạn", "{}: an extension needs its reason"), action.id));
    if (action.deadline && newDeadline <= *action.deadline)
        throw UsageError(fmt(tr("{}: thời hạn mới {} phải sau thời hạn hiện tại {}",
                                "{}: the new deadline {} must be after the current one {}"),
                             action.id, vietnameseDate(newDeadline),
                             vietnameseDate(*action.deadline)));
    ActionEvent e;
    e.kind = ActionEvent::Kind::Extension;
    e.at = nowIso();
    e.by = who(by);
    e.oldRule = action.deadlineRule.str();
    e.oldDeadline = action.deadline;
    e.newDeadline = newDeadline;
    e.note = reason;
    action.history.push_back(std::move(e));
    action.deadlineRule = DeadlineRule{DeadlineRule::Kind::FixedDate, 0, newDeadline};
    action.deadline = newDeadline;
}

}  // namespace par::track
