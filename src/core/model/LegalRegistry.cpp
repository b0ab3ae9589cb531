// SPDX-License-Identifier: Apache-2.0
#include "core/model/LegalRegistry.hpp"

#include <algorithm>

#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"

namespace par {

namespace {
std::string numberKey(const std::string& number) {
    std::string k;
    for (char c : foldKey(number))
        if (c != ' ') k += c;
    return k;
}

void fromXml(const XmlReader& x, std::map<std::string, LegalText>& texts, ValidationResult& problems) {
    const auto& root = x.root("legal-registry");
    x.checkFormatVersion(root, 1, tr("danh mục văn bản", "the legal registry"));
    for (const auto& e : children(root, "text")) {
        try {
            LegalText t;
            t.where = x.at(e);
            t.number = trim(x.attr(e, "number"));
            t.kind = x.attrOr(e, "kind", "");
            t.issuer = x.attrOr(e, "issuer", "");
            t.title = x.attrOr(e, "title", "");
            t.issued = x.optDateAttr(e, "issued");
            t.effective = x.optDateAttr(e, "effective");
            t.confidence = x.attrOr(e, "confidence", "");
            if (!t.confidence.empty() && t.confidence != "H" && t.confidence != "M" && t.confidence != "L")
                problems.error(t.where, fmt(tr("confidence '{}' không hợp lệ (H, M, L)", "invalid confidence '{}' (H, M, L)"),
                                            t.confidence));
            if (const auto* s = e.FirstChildElement("source")) t.source = x.text(*s);
            for (const auto& a : children(e, "amended-by")) t.amendedBy.push_back(trim(x.attr(a, "number")));
            for (const auto& r : children(e, "replaced-by")) t.replacedBy.push_back(trim(x.attr(r, "number")));
            if (const auto* r = e.FirstChildElement("repealed")) {
                t.repealed = x.dateAttr(*r, "effective");
                t.repealedBy = x.attrOr(*r, "by", "");
            }
            std::string key = numberKey(t.number);
            if (texts.count(key) != 0) {
                problems.error(t.where, fmt(tr("văn bản '{}' bị trùng", "duplicate legal text '{}'"), t.number));
                continue;
            }
            texts.emplace(key, std::move(t));
        } catch (const ParseError& pe) {
            problems.error(pe.where(), pe.message());
        }
    }
}
}  // namespace

LegalRegistry LegalRegistry::load(const std::string& path) {
    LegalRegistry r;
    fromXml(XmlReader::load(path), r.texts_, r.problems_);
    return r;
}

LegalRegistry LegalRegistry::parse(const std::string& xml, const std::string& name) {
    LegalRegistry r;
    fromXml(XmlReader::parse(xml, name), r.texts_, r.problems_);
    return r;
}

void LegalRegistry::merge(const LegalRegistry& other) {
    for (const auto& [k, t] : other.texts_) texts_[k] = t;
    problems_.merge(other.problems_);
}

ValidationResult LegalRegistry::validate() const {
    ValidationResult v;
    for (const auto& entry : texts_) {
        const LegalText& t = entry.second;  // not a structured binding: C++17 lambdas cannot capture one
        auto checkRef = [&](const std::string& n) {
            const LegalText* other = find(n);
            if (other == nullptr)
                v.error(t.where, fmt(tr("'{}' nhắc tới văn bản '{}' không có trong danh mục",
                                        "'{}' refers to '{}', which is not in the registry"),
                                     t.number, n));
            else if (!other->effective)
                v.error(other->where, fmt(tr("văn bản '{}' cần ngày hiệu lực (effective) vì nó sửa đổi hoặc thay thế '{}'",
                                             "'{}' needs an effective date because it amends or replaces '{}'"),
                                          other->number, t.number));
        };
        for (const auto& n : t.amendedBy) checkRef(n);
        for (const auto& n : t.replacedBy) checkRef(n);
        if (!t.repealedBy.empty() && find(t.repealedBy) == nullptr)
            v.warning(t.where, fmt(tr("'{}' bị bãi bỏ bởi '{}' không có trong danh mục",
                                      "'{}' is repealed by '{}', which is not in the registry"),
                                   t.number, t.repealedBy));
    }
    return v;
}

const LegalText* LegalRegistry::find(const std::string& number) const {
    auto it = texts_.find(numberKey(number));
    return it == texts_.end() ? nullptr : &it->second;
}

std::vector<LegalChange> LegalRegistry::changesBetween(const std::string& number, const Date& after,
                                                       const Date& until) const {
    std::vector<LegalChange> out;
    const LegalText* t = find(number);
    if (t == nullptr) return out;
    auto consider = [&](LegalChange::Kind kind, const std::string& by, std::optional<Date> when) {
        if (!when || *when <= after || *when > until) return;
        const LegalText* byText = by.empty() ? nullptr : find(by);
        out.push_back({kind, t->number, by, *when, t->kind, byText ? byText->kind : std::string()});
    };
    for (const auto& n : t->amendedBy) {
        const LegalText* by = find(n);
        consider(LegalChange::Kind::Amended, by ? by->number : n, by ? by->effective : std::nullopt);
    }
    for (const auto& n : t->replacedBy) {
        const LegalText* by = find(n);
        consider(LegalChange::Kind::Replaced, by ? by->number : n, by ? by->effective : std::nullopt);
    }
    consider(LegalChange::Kind::Repealed, t->repealedBy, t->repealed);
    std::sort(out.begin(), out.end(), [](const LegalChange& a, const LegalChange& b) { return a.effective < b.effective; });
    return out;
}

const LegalText* LegalRegistry::inForceOn(const std::string& number, const Date& date) const {
    const LegalText* t = find(number);
    if (t == nullptr) return nullptr;
    // Without an effective date the issue date bounds it (a text is not in force before it exists);
    // with neither, the registry says nothing and the text counts as in force.
    const std::optional<Date> from = t->effective ? t->effective : t->issued;
    if (from && *from > date) return nullptr;
    // A registry is edited by hand: a cycle of replacements must not hang the findings.
    for (int depth = 0; depth < 32; ++depth) {
        const LegalText* next = nullptr;
        for (const auto& n : t->replacedBy) {
            const LegalText* by = find(n);
            if (by != nullptr && by->effective && *by->effective <= date &&
                (next == nullptr || *by->effective > *next->effective))
                next = by;  // the latest replacement already in force
        }
        if (next == nullptr) return t->repealed && *t->repealed <= date ? nullptr : t;
        t = next;
    }
    return nullptr;
}

std::string legalCitation(const LegalText& text) {
    // A citation is part of the Vietnamese legal text of a finding: not translated.
    if (text.title.empty()) return legalKindLabel(text.kind) + " số " + text.number;
    if (text.kind == "luat" || text.kind == "bo-luat") return text.title + " số " + text.number;
    const std::string label = legalKindLabel(text.kind);
    if (text.title.compare(0, label.size(), label) == 0)
        return label + " số " + text.number + text.title.substr(label.size());
    return label + " số " + text.number + " " + text.title;
}

std::string legalKindLabel(const std::string& kind) {
    static const std::map<std::string, std::string> labels = {
        {"nghi-dinh", "Nghị định"}, {"thong-tu", "Thông tư"},     {"quyet-dinh", "Quyết định"},
        {"luat", "Luật"},           {"bo-luat", "Bộ luật"},       {"cong-van", "Công văn"},
        {"thong-bao", "Thông báo"}, {"chi-thi", "Chỉ thị"},       {"nghi-quyet", "Nghị quyết"},
        {"thong-tu-lien-tich", "Thông tư liên tịch"},
    };
    auto it = labels.find(kind);
    return it == labels.end() ? kind : it->second;
}

std::string LegalChange::describe() const {
    std::string verb;
    switch (kind) {
        case Kind::Amended: verb = tr("đã được sửa đổi, bổ sung bởi", "was amended by"); break;
        case Kind::Replaced: verb = tr("đã được thay thế bởi", "was replaced by"); break;
        case Kind::Repealed: verb = tr("đã bị bãi bỏ", "was repealed"); break;
    }
    auto name = [](const std::string& kind, const std::string& number) {
        std::string label = kind.empty() ? tr("văn bản", "text") : legalKindLabel(kind);
        return fmt(tr("{} số {}", "{} {}"), label, number);
    };
    std::string s = name(textKind, text) + " " + verb;
    if (!by.empty()) s += " " + name(byKind, by);
    s += " " + fmt(tr("(hiệu lực từ {})", "(in force from {})"), vietnameseDate(effective));
    return s;
}

}  // namespace par
