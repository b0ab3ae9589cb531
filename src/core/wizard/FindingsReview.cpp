#include "core/wizard/FindingsReview.hpp"

#include <algorithm>

#include "core/common/Text.hpp"

namespace par::wizard {

FindingsReview::FindingsReview(AuditSession& session) : session_(session) {}

MergeReport FindingsReview::refresh() {
    FindingsEngine engine(session_.form(), session_.reference());
    MergeReport report = engine.apply(session_.audit());
    if (report.changed()) session_.touch();
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
    session_.touch();
    return f.id;
}

bool FindingsReview::canRemove(const std::string& id) const { return at(id).origin == FindingOrigin::Manual; }

void FindingsReview::remove(const std::string& id) {
    if (!canRemove(id))
        throw UsageError(fmt(tr("{} là phát hiện theo quy tắc: không xoá được, hãy sửa câu trả lời hoặc nội dung",
                                "{} is a rule finding: it cannot be removed; change the answers or its text"),
                             id));
    auto& list = session_.audit().findings;
    list.erase(std::remove_if(list.begin(), list.end(), [&](const Finding& f) { return f.id == id; }), list.end());
    session_.touch();
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
    Finding& f = find(id);
    std::string text = nfc(trim(e.text));
    if (text.empty()) throw UsageError(tr("Nội dung phát hiện không được để trống.", "A finding's text cannot be empty."));
    DeadlineRule deadline = parseDeadline(e.deadline);
    std::vector<std::string> basis;
    for (const auto& b : e.legalBasis)
        if (!trim(b).empty()) basis.push_back(nfc(trim(b)));
    Finding before = f;
    if (f.origin == FindingOrigin::Rule && text != f.text) f.edited = true;
    f.text = text;
    f.severity = e.severity;
    if (!e.area.empty()) f.area = e.area;
    if (!e.category.empty()) f.category = e.category;
    f.legalBasis = basis;
    f.recommendation.text = nfc(trim(e.recommendation));
    f.recommendation.responsible = nfc(trim(e.responsible));
    f.recommendation.deadline = deadline;
    if (!(before == f)) session_.touch();
}

bool FindingsReview::canDismiss(const std::string& id) const { return at(id).origin == FindingOrigin::Rule; }

void FindingsReview::dismiss(const std::string& id, const std::string& reason) {
    Finding& f = find(id);
    if (f.origin != FindingOrigin::Rule)
        throw UsageError(fmt(tr("{} là phát hiện của đoàn: hãy xoá thay vì bỏ qua",
                                "{} is the team's own finding: remove it instead of dismissing it"),
                             id));
    std::string why = nfc(trim(reason));
    if (why.empty())
        throw UsageError(tr("Hãy ghi lý do bỏ qua phát hiện.", "Give the reason for dismissing the finding."));
    if (f.dismissed && f.dismissReason == why) return;
    f.dismissed = true;
    f.dismissReason = why;
    session_.touch();
}

void FindingsReview::restore(const std::string& id) {
    Finding& f = find(id);
    if (!f.dismissed) return;
    f.dismissed = false;
    f.dismissReason.clear();
    session_.touch();
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

DeadlineRule FindingsReview::parseDeadline(const std::string& input) {
    std::string t = trim(input);
    if (t.empty()) return {};
    if (auto r = DeadlineRule::parse(t)) return *r;
    if (auto d = parseUserDate(t)) {
        DeadlineRule r;
        r.kind = DeadlineRule::Kind::FixedDate;
        r.date = *d;
        return r;
    }
    // "30 ngày làm việc", "15 ngày": a number, then words.
    std::string key = foldKey(t);
    size_t digits = 0;
    while (digits < key.size() && key[digits] >= '0' && key[digits] <= '9') ++digits;
    if (digits > 0 && digits < 5) {
        std::string rest = trim(key.substr(digits));
        DeadlineRule r;
        r.count = std::stoi(key.substr(0, digits));
        if (rest == "ngay lam viec" || rest == "working days" || rest == "working-days") {
            r.kind = DeadlineRule::Kind::WorkingDays;
            return r;
        }
        if (rest == "ngay" || rest == "days" || rest == "calendar days" || rest == "calendar-days") {
            r.kind = DeadlineRule::Kind::CalendarDays;
            return r;
        }
    }
    throw UsageError(fmt(tr("Không hiểu thời hạn '{}': hãy nhập \"30 ngày làm việc\", \"15 ngày\" hoặc một ngày DD/MM/YYYY.",
                            "Cannot read the deadline '{}': enter \"30 working days\", \"15 days\" or a date DD/MM/YYYY."),
                         t));
}

std::string FindingsReview::deadlineText(const DeadlineRule& rule) {
    switch (rule.kind) {
        case DeadlineRule::Kind::None: return "";
        case DeadlineRule::Kind::WorkingDays:
            return std::to_string(rule.count) + tr(" ngày làm việc", " working days");
        case DeadlineRule::Kind::CalendarDays: return std::to_string(rule.count) + tr(" ngày", " days");
        case DeadlineRule::Kind::FixedDate: return vietnameseDate(rule.date);
    }
    return "";
}

}  // namespace par::wizard
