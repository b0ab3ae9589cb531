// SPDX-License-Identifier: Apache-2.0
#include "core/actions/NoticeActions.hpp"

#include <algorithm>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/actions/FieldValues.hpp"
#include "core/report/AuditData.hpp"

namespace par::actions {

namespace {
std::string* textField(Audit& a, const std::string& f) {
    NoticeInfo& n = a.notice;
    if (f == "number") return &n.number;
    if (f == "symbol") return &n.symbol;
    if (f == "place") return &a.body.place;
    if (f == "signer") return &n.signer;
    if (f == "signer-title") return &n.signerTitle;
    if (f == "sign-for") return &n.signFor;
    if (f == "summary") return &n.summary;
    return nullptr;
}

std::optional<Date>* dateField(Audit& a, const std::string& f) {
    if (f == "date") return &a.notice.date;
    if (f == "report-by") return &a.notice.reportBy;
    return nullptr;
}

std::vector<std::string>* listOf(Audit& a, const std::string& l) {
    if (l == "basis") return &a.notice.bases;
    if (l == "strength") return &a.notice.strengths;
    if (l == "recipient") return &a.notice.recipients;
    return nullptr;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

[[noreturn]] void unknown(const char* vi, const char* en, const std::string& name, const std::vector<std::string>& known) {
    throw UsageError(fmt(tr(vi, en), name, joined(known)));
}

void checkField(const Audit& a, const std::string& field, const std::string& v) {
    if (v.empty()) return;
    if (field == "number" && (v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos))
        throw UsageError(fmt(tr("số thông báo '{}' phải là chữ số (ví dụ 05); ký hiệu đặt riêng: --set symbol=TB-SNV",
                                "notice number '{}' must be digits (e.g. 05); the symbol is set apart: --set symbol=TB-SNV"),
                             v));
    if (field == "symbol" && (v.find_first_of(" /\t") != std::string::npos || v.front() == '-'))
        throw UsageError(fmt(tr("ký hiệu '{}' không hợp lệ: viết liền, không có '/' (ví dụ TB-SNV)",
                                "symbol '{}' is invalid: one word, no '/' (e.g. TB-SNV)"),
                             v));
    if (field == "sign-for") {
        static const char* prefixes[] = {"KT. ", "TM. ", "Q. ", "TL. ", "TUQ. "};
        bool ok = std::any_of(std::begin(prefixes), std::end(prefixes),
                              [&](const char* p) { return v.rfind(p, 0) == 0 && v.size() > std::string(p).size(); });
        if (!ok)
            throw UsageError(fmt(tr("thẩm quyền ký '{}' phải bắt đầu bằng KT., TM., Q., TL. hoặc TUQ. rồi chức vụ (ví dụ \"KT. GIÁM ĐỐC\"); "
                                    "người đứng đầu ký trực tiếp thì để trống",
                                    "signing authority '{}' must start with KT., TM., Q., TL. or TUQ. and the title (e.g. \"KT. GIÁM ĐỐC\"); "
                                    "leave it empty when the head signs in person"),
                                 v));
    }
    (void)a;
}

void checkDates(const Audit& a) {
    const NoticeInfo& n = a.notice;
    if (n.date && a.visitStart && *n.date < *a.visitStart)
        throw UsageError(fmt(tr("ngày thông báo {} trước ngày kiểm tra {}", "the notice date {} is before the visit {}"),
                             vietnameseDate(*n.date), vietnameseDate(*a.visitStart)));
    if (n.date && n.reportBy && *n.reportBy < *n.date)
        throw UsageError(fmt(tr("hạn báo cáo {} trước ngày thông báo {}", "the report-by date {} is before the notice date {}"),
                             vietnameseDate(*n.reportBy), vietnameseDate(*n.date)));
}

std::string areaIds(const Form& form) {
    std::string s;
    for (const auto& ar : form.areas) s += (s.empty() ? "" : ", ") + ar.id;
    return s;
}
}  // namespace

const std::vector<std::string>& noticeFields() {
    static const std::vector<std::string> f = {"number", "symbol", "date", "place", "signer",
                                               "signer-title", "sign-for", "summary", "report-by"};
    return f;
}

const std::vector<std::string>& noticeLists() {
    static const std::vector<std::string> l = {"basis", "area-summary", "strength", "recipient"};
    return l;
}

std::string noticeValue(const Audit& audit, const std::string& field) {
    Audit& a = const_cast<Audit&>(audit);  // accessors return pointers into it; nothing is changed
    if (std::string* t = textField(a, field)) return *t;
    if (std::optional<Date>* d = dateField(a, field)) return *d ? vietnameseDate(**d) : std::string();
    unknown("không có trường '{}' của thông báo; các trường: {}", "the notice has no field '{}'; the fields are: {}", field,
            noticeFields());
}

std::vector<std::string> noticeItems(const Audit& audit, const std::string& list) {
    if (list == "area-summary") {
        std::vector<std::string> out;
        for (const auto& s : audit.notice.areaSummaries) out.push_back(s.area + ": " + s.text);
        return out;
    }
    if (auto* l = listOf(const_cast<Audit&>(audit), list)) return *l;
    unknown("không có danh sách '{}'; các danh sách: {}", "no list '{}'; the lists are: {}", list, noticeLists());
}

std::optional<ChangeCode> setNoticeField(Audit& audit, const std::string& field, const std::string& input) {
    std::string value = nfc(trim(input));
    if (std::string* t = textField(audit, field)) {
        checkField(audit, field, value);
        if (*t == value) return std::nullopt;
        *t = value;
        if (value.empty()) return ChangeCode{"notice.clear", {field}};
        return ChangeCode{"notice.set", {field, value}};
    }
    std::optional<Date>* d = dateField(audit, field);
    if (d == nullptr)
        unknown("không có trường '{}' của thông báo; các trường: {}", "the notice has no field '{}'; the fields are: {}", field,
                noticeFields());
    return setDateField(*d, field, value, "notice", [&] { checkDates(audit); });
}

ChangeCode addNoticeItem(Audit& audit, const Form& form, const std::string& list, const std::string& input) {
    std::string value = nfc(trim(input));
    if (list == "area-summary") {
        auto colon = value.find(':');
        std::string area = colon == std::string::npos ? std::string() : trim(value.substr(0, colon));
        std::string text = colon == std::string::npos ? std::string() : trim(value.substr(colon + 1));
        if (area.empty() || text.empty())
            throw UsageError(fmt(tr("'{}': viết LĨNH_VỰC:NỘI_DUNG, lĩnh vực là một trong: {}",
                                    "'{}': write AREA:TEXT, the area one of: {}"),
                                 value, areaIds(form)));
        bool known = std::any_of(form.areas.begin(), form.areas.end(), [&](const NamedItem& a) { return a.id == area; });
        if (!known)
            throw UsageError(fmt(tr("biểu mẫu {} không có lĩnh vực '{}'; các lĩnh vực: {}", "form {} has no area '{}'; the areas are: {}"),
                                 form.id, area, areaIds(form)));
        audit.notice.areaSummaries.push_back({area, text});
        return {"notice.add", {list, area + ": " + text}};
    }
    std::vector<std::string>* l = listOf(audit, list);
    if (l == nullptr) unknown("không có danh sách '{}'; các danh sách: {}", "no list '{}'; the lists are: {}", list, noticeLists());
    if (value.empty()) throw UsageError(fmt(tr("{}: nội dung trống", "{}: empty value"), list));
    l->push_back(value);
    return {"notice.add", {list, value}};
}

ChangeCode removeNoticeItem(Audit& audit, const std::string& list, size_t position) {
    size_t count = 0;
    if (list == "area-summary") count = audit.notice.areaSummaries.size();
    else if (auto* l = listOf(audit, list)) count = l->size();
    else unknown("không có danh sách '{}'; các danh sách: {}", "no list '{}'; the lists are: {}", list, noticeLists());
    if (position == 0 || position > count)
        throw UsageError(fmt(tr("{} không có mục {} (có {} mục, đếm từ 1)", "{} has no item {} ({} items, counting from 1)"), list,
                             std::to_string(position), std::to_string(count)));
    std::string removed;
    if (list == "area-summary") {
        auto it = audit.notice.areaSummaries.begin() + static_cast<long>(position - 1);
        removed = it->area + ": " + it->text;
        audit.notice.areaSummaries.erase(it);
    } else {
        auto* l = listOf(audit, list);
        removed = (*l)[position - 1];
        l->erase(l->begin() + static_cast<long>(position - 1));
    }
    return {"notice.remove", {list, std::to_string(position), removed}};
}

std::vector<ChangeCode> fillNoticeDefaults(Audit& a) {
    std::vector<ChangeCode> out;
    auto setIfEmpty = [&](const std::string& field, const std::string& value) {
        if (value.empty() || !noticeValue(a, field).empty()) return;
        if (auto c = setNoticeField(a, field, value)) out.push_back(*c);
    };
    if (!a.body.code.empty()) setIfEmpty("symbol", "TB-" + a.body.code);
    if (!a.unit.name.empty())
        setIfEmpty("summary", "Kết luận kiểm tra công tác cải cách hành chính tại " + a.unit.name);
    if (a.notice.bases.empty()) {
        auto ref = [](const char* what, const DocumentRef& r, const std::string& issuer) {
            std::string s = std::string(what) + " số " + r.number;
            if (r.date) s += " ngày " + vietnameseDate(*r.date);
            if (!issuer.empty()) s += " của " + issuer;
            return s;
        };
        std::string bodyTitle = a.body.name.empty() ? std::string() : report::agencyTitle(a.body.name);
        if (!a.plan.number.empty())
            out.push_back(addNoticeItem(a, Form{}, "basis",
                                        ref("Kế hoạch", a.plan, a.plan.issuer.empty() ? bodyTitle : a.plan.issuer) +
                                            " về kiểm tra công tác cải cách hành chính"));
        if (!a.decision.number.empty())
            out.push_back(addNoticeItem(a, Form{}, "basis", ref("Quyết định", a.decision, bodyTitle) + " thành lập Đoàn kiểm tra"));
    }
    if (a.notice.recipients.empty() && !a.unit.name.empty()) {
        out.push_back(addNoticeItem(a, Form{}, "recipient", a.unit.name + " (để thực hiện)"));
        out.push_back(addNoticeItem(a, Form{}, "recipient", "Lưu: VT" + (a.body.code.empty() ? std::string() : ", " + a.body.code)));
    }
    return out;
}

}  // namespace par::actions
