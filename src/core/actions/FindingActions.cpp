// SPDX-License-Identifier: Apache-2.0
#include "core/actions/FindingActions.hpp"

#include <algorithm>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::actions {

namespace {
std::string ids(const Audit& a) {
    std::string s;
    for (const auto& f : a.findings) s += (s.empty() ? "" : ", ") + f.id;
    return s;
}

template <typename Items>
std::string idList(const Items& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ", ") + i.id;
    return s;
}

Severity requireSeverity(const std::string& input) {
    std::string k = foldKey(input);
    if (k == "cao") return Severity::High;
    if (k == "trung binh") return Severity::Medium;
    if (k == "thap") return Severity::Low;
    if (auto s = parseSeverity(k)) return *s;
    throw UsageError(fmt(tr("mức độ '{}' không hợp lệ: high (cao), medium (trung bình), low (thấp)",
                            "invalid severity '{}': high, medium, low"),
                         input));
}

void requireItem(const std::vector<NamedItem>& items, const std::string& id, const Form& form, const char* vi, const char* en) {
    if (std::any_of(items.begin(), items.end(), [&](const NamedItem& i) { return i.id == id; })) return;
    throw UsageError(fmt(tr(vi, en), form.id, id, idList(items)));
}

// Applies the set parts of `in` to `f`; the names of the parts that changed.
std::vector<std::string> apply(Finding& f, const Form& form, const FindingInput& in) {
    Finding before = f;
    std::vector<std::string> changed;
    if (in.text) {
        std::string t = nfc(trim(*in.text));
        if (t.empty()) throw UsageError(tr("nội dung phát hiện không được để trống", "a finding's text cannot be empty"));
        if (t != f.text) changed.push_back("text");
        f.text = t;
    }
    if (in.area) {
        requireItem(form.areas, *in.area, form, "biểu mẫu {} không có lĩnh vực '{}'; các lĩnh vực: {}",
                    "form {} has no area '{}'; the areas are: {}");
        if (*in.area != f.area) changed.push_back("area");
        f.area = *in.area;
    }
    if (in.category) {
        requireItem(form.categories, *in.category, form, "biểu mẫu {} không có nhóm '{}'; các nhóm: {}",
                    "form {} has no category '{}'; the categories are: {}");
        if (*in.category != f.category) changed.push_back("category");
        f.category = *in.category;
    }
    if (in.severity) {
        Severity s = requireSeverity(*in.severity);
        if (s != f.severity) changed.push_back("severity");
        f.severity = s;
    }
    if (in.recommendation) {
        std::string r = nfc(trim(*in.recommendation));
        if (r != f.recommendation.text) changed.push_back("recommendation");
        f.recommendation.text = r;
    }
    if (in.deadline) {
        DeadlineRule d = parseDeadlineInput(*in.deadline);
        if (d.str() != f.recommendation.deadline.str()) changed.push_back("deadline");
        f.recommendation.deadline = d;
    }
    if (in.responsible) {
        std::string r = nfc(trim(*in.responsible));
        if (r != f.recommendation.responsible) changed.push_back("responsible");
        f.recommendation.responsible = r;
    }
    if (in.legalBasis) {
        std::vector<std::string> basis;
        for (const auto& b : *in.legalBasis)
            if (!trim(b).empty()) basis.push_back(nfc(trim(b)));
        if (basis != f.legalBasis) changed.push_back("legal-basis");
        f.legalBasis = basis;
    }
    (void)before;
    return changed;
}
}  // namespace

Finding& requireFinding(Audit& audit, const std::string& id) {
    Finding* f = audit.findFinding(id);
    if (f == nullptr)
        throw UsageError(fmt(tr("không có phát hiện '{}' (có: {})", "no finding '{}' (there are: {})"), id,
                             audit.findings.empty() ? std::string(tr("chưa có phát hiện nào", "none yet")) : ids(audit)));
    return *f;
}

ChangeCode addFinding(Audit& audit, const Form& form, const FindingInput& in) {
    if (!in.area || !in.severity || !in.text)
        throw UsageError(tr("phát hiện mới cần lĩnh vực, mức độ và nội dung (--area, --severity, --text)",
                            "a new finding needs an area, a severity and a text (--area, --severity, --text)"));
    Finding f;
    f.id = audit.nextFindingId();
    f.origin = FindingOrigin::Manual;
    f.recommendation.responsible = audit.unit.name;  // the category stays empty unless given
    apply(f, form, in);
    audit.findings.push_back(f);
    return {"finding.add", {f.id}};
}

std::optional<ChangeCode> editFinding(Audit& audit, const Form& form, const std::string& id, const FindingInput& in) {
    Finding& f = requireFinding(audit, id);
    Finding copy = f;
    std::vector<std::string> changed = apply(copy, form, in);
    if (changed.empty()) return std::nullopt;
    // The inspectors' wording of a rule finding survives the next evaluation of the rules.
    if (copy.origin == FindingOrigin::Rule) copy.edited = true;
    f = copy;
    ChangeCode c{"finding.edit", {id}};
    c.args.insert(c.args.end(), changed.begin(), changed.end());
    return c;
}

ChangeCode dismissFinding(Audit& audit, const std::string& id, const std::string& reason) {
    Finding& f = requireFinding(audit, id);
    std::string why = nfc(trim(reason));
    if (why.empty()) throw UsageError(tr("hãy ghi lý do bỏ qua phát hiện (--reason)", "give the reason for dismissing the finding (--reason)"));
    f.dismissed = true;
    f.dismissReason = why;
    f.duplicateOf.clear();
    return {"finding.dismiss", {id, why}};
}

std::optional<ChangeCode> restoreFinding(Audit& audit, const std::string& id) {
    Finding& f = requireFinding(audit, id);
    if (!f.dismissed) return std::nullopt;
    f.dismissed = false;
    f.dismissReason.clear();
    f.duplicateOf.clear();
    return ChangeCode{"finding.restore", {id}};
}

ChangeCode mergeFindings(Audit& audit, const std::string& keep, const std::vector<std::string>& others) {
    Finding& kept = requireFinding(audit, keep);
    if (!kept.inEffect())
        throw UsageError(fmt(tr("{} đang bị bỏ qua hoặc cần xem lại: hãy giữ một phát hiện đang có hiệu lực",
                                "{} is dismissed or stale: keep a finding that is in effect"),
                             keep));
    if (others.empty()) throw UsageError(tr("hãy nêu các phát hiện trùng cần gộp", "name the duplicate findings to merge"));
    for (const auto& o : others) {
        requireFinding(audit, o);
        if (o == keep) throw UsageError(fmt(tr("không gộp {} vào chính nó", "cannot merge {} into itself"), o));
    }
    ChangeCode c{"finding.merge", {keep}};
    for (const auto& o : others) {
        Finding& f = requireFinding(audit, o);
        Finding& k = requireFinding(audit, keep);  // push_back never happens here, but stay safe
        for (const auto& b : f.legalBasis)
            if (std::find(k.legalBasis.begin(), k.legalBasis.end(), b) == k.legalBasis.end()) k.legalBasis.push_back(b);
        f.dismissed = true;
        f.dismissReason.clear();
        f.duplicateOf = keep;
        c.args.push_back(o);
    }
    return c;
}

ChangeCode removeFinding(Audit& audit, const std::string& id) {
    Finding& f = requireFinding(audit, id);
    if (f.origin != FindingOrigin::Manual)
        throw UsageError(fmt(tr("{} là phát hiện theo quy tắc: không xoá được, hãy bỏ qua (dismiss) với lý do",
                                "{} is a rule finding: it cannot be removed; dismiss it with a reason"),
                             id));
    for (const auto& a : audit.actions)
        if (a.finding == id)
            throw UsageError(fmt(tr("{} đã có biện pháp khắc phục {} trong kế hoạch: hãy bỏ qua thay vì xoá",
                                    "{} already has the remediation action {}: dismiss it instead"),
                                 id, a.id));
    audit.findings.erase(std::remove_if(audit.findings.begin(), audit.findings.end(), [&](const Finding& x) { return x.id == id; }),
                         audit.findings.end());
    return {"finding.remove", {id}};
}

ChangeCode refreshChange(const MergeReport& r) {
    return {"findings.refresh", {std::to_string(r.added.size()), std::to_string(r.refreshed.size()), std::to_string(r.staled.size())}};
}

DeadlineRule parseDeadlineInput(const std::string& input) {
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

std::string deadlineInputText(const DeadlineRule& rule) {
    switch (rule.kind) {
        case DeadlineRule::Kind::None: return "";
        case DeadlineRule::Kind::WorkingDays: return std::to_string(rule.count) + tr(" ngày làm việc", " working days");
        case DeadlineRule::Kind::CalendarDays: return std::to_string(rule.count) + tr(" ngày", " days");
        case DeadlineRule::Kind::FixedDate: return vietnameseDate(rule.date);
    }
    return "";
}

}  // namespace par::actions
