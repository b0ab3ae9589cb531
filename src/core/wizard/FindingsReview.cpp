// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/FindingsReview.hpp"

#include <algorithm>

#include "core/actions/FindingActions.hpp"
#include "core/common/Text.hpp"

namespace par::wizard {

FindingsReview::FindingsReview(AuditSession& session) : session_(session) {}

MergeReport FindingsReview::refresh() {
    FindingsEngine engine(session_.form(), session_.reference());
    MergeReport report = engine.apply(session_.audit());
    if (report.changed()) session_.record(actions::refreshChange(report));
    return report;
}

const std::vector<Finding>& FindingsReview::findings() const { return session_.audit().findings; }

Finding& FindingsReview::find(const std::string& id) {
    Finding* f = session_.audit().findFinding(id);
    if (f == nullptr) throw UsageError(fmt(tr("không có phát hiện '{}'", "no finding '{}'"), id));
    return *f;
}

const Finding& FindingsReview::at(const std::string& id) const {
    const Finding* f = session_.audit().findFinding(id);
    if (f == nullptr) throw UsageError(fmt(tr("không có phát hiện '{}'", "no finding '{}'"), id));
    return *f;
}

std::string FindingsReview::addManual() {
    Audit& a = session_.audit();
    const Form& form = session_.form();
    Finding f;
    f.id = a.nextFindingId();
    f.origin = FindingOrigin::Manual;
    f.area = form.areas.empty() ? std::string() : form.areas.front().id;
    f.category = form.categories.empty() ? std::string() : form.categories.front().id;
    f.recommendation.responsible = a.unit.name;
    a.findings.push_back(f);
    session_.touch();  // an empty row to fill in; the edit that fills it is recorded
    return f.id;
}

std::string FindingsReview::add(const actions::FindingInput& input) {
    ChangeCode c = actions::addFinding(session_.audit(), session_.form(), input);
    session_.record(c);
    return c.args.front();
}

bool FindingsReview::canRemove(const std::string& id) const { return at(id).origin == FindingOrigin::Manual; }

void FindingsReview::remove(const std::string& id) {
    if (!canRemove(id))
        throw UsageError(fmt(tr("{} là phát hiện theo quy tắc: không xoá được, hãy sửa câu trả lời hoặc nội dung",
                                "{} is a rule finding: it cannot be removed; change the answers or its text"),
                             id));
    session_.record(actions::removeFinding(session_.audit(), id));
}

FindingEdit FindingsReview::editOf(const std::string& id) const {
    const Finding& f = at(id);
    FindingEdit e;
    e.text = f.text;
    e.severity = f.severity;
    e.area = f.area;
    e.category = f.category;
    e.legalBasis = f.legalBasis;
    e.recommendation = f.recommendation.text;
    e.responsible = f.recommendation.responsible;
    e.deadline = deadlineText(f.recommendation.deadline);
    return e;
}

void FindingsReview::edit(const std::string& id, const FindingEdit& e) {
    actions::FindingInput in;
    in.text = e.text;
    in.severity = severityName(e.severity);
    if (!e.area.empty()) in.area = e.area;
    if (!e.category.empty()) in.category = e.category;
    in.legalBasis = e.legalBasis;
    in.recommendation = e.recommendation;
    in.responsible = e.responsible;
    in.deadline = e.deadline;
    if (auto c = actions::editFinding(session_.audit(), session_.form(), id, in)) session_.record(*c);
}

bool FindingsReview::canDismiss(const std::string& id) const { return at(id).origin == FindingOrigin::Rule; }

void FindingsReview::dismiss(const std::string& id, const std::string& reason) {
    if (at(id).origin != FindingOrigin::Rule)
        throw UsageError(fmt(tr("{} là phát hiện của đoàn: hãy xoá thay vì bỏ qua",
                                "{} is the team's own finding: remove it instead of dismissing it"),
                             id));
    const Finding& f = at(id);
    std::string why = nfc(trim(reason));
    if (f.dismissed && f.dismissReason == why && !why.empty()) return;
    session_.record(actions::dismissFinding(session_.audit(), id, reason));
}

void FindingsReview::restore(const std::string& id) {
    if (auto c = actions::restoreFinding(session_.audit(), id)) session_.record(*c);
}

void FindingsReview::merge(const std::string& keep, const std::vector<std::string>& others) {
    session_.record(actions::mergeFindings(session_.audit(), keep, others));
}

size_t FindingsReview::dismissedCount() const {
    const auto& list = findings();
    return static_cast<size_t>(std::count_if(list.begin(), list.end(), [](const Finding& f) { return f.dismissed; }));
}

size_t FindingsReview::staleCount() const {
    const auto& list = findings();
    return static_cast<size_t>(std::count_if(list.begin(), list.end(), [](const Finding& f) {
        return f.state == FindingState::Stale && !f.dismissed;
    }));
}

size_t FindingsReview::errorCount() const {
    const auto& list = findings();
    return static_cast<size_t>(
        std::count_if(list.begin(), list.end(), [](const Finding& f) { return trim(f.text).empty(); }));
}

DeadlineRule FindingsReview::parseDeadline(const std::string& input) { return actions::parseDeadlineInput(input); }

std::string FindingsReview::deadlineText(const DeadlineRule& rule) { return actions::deadlineInputText(rule); }

}  // namespace par::wizard
