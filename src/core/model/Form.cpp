// SPDX-License-Identifier: Apache-2.0
#include "core/model/Form.hpp"

#include "core/common/Text.hpp"

namespace par {

namespace {
struct TypeName {
    QuestionType type;
    const char* name;
};
constexpr TypeName kTypeNames[] = {
    {QuestionType::YesNo, "yes-no"},     {QuestionType::YesPartlyNo, "yes-partly-no"},
    {QuestionType::Single, "single"},    {QuestionType::Multiple, "multiple"},
    {QuestionType::Integer, "integer"},  {QuestionType::Decimal, "decimal"},
    {QuestionType::Text, "text"},        {QuestionType::Date, "date"},
    {QuestionType::Table, "table"},      {QuestionType::Repeat, "repeat"},
};
}  // namespace

const char* questionTypeName(QuestionType t) {
    for (const auto& tn : kTypeNames)
        if (tn.type == t) return tn.name;
    return "?";
}

std::optional<QuestionType> parseQuestionType(const std::string& name) {
    for (const auto& tn : kTypeNames)
        if (name == tn.name) return tn.type;
    return std::nullopt;
}

const char* severityName(Severity s) {
    switch (s) {
        case Severity::High: return "high";
        case Severity::Medium: return "medium";
        case Severity::Low: return "low";
    }
    return "medium";
}

std::optional<Severity> parseSeverity(const std::string& s) {
    if (s == "high") return Severity::High;
    if (s == "medium") return Severity::Medium;
    if (s == "low") return Severity::Low;
    return std::nullopt;
}

std::string severityLabel(Severity s) {
    switch (s) {
        case Severity::High: return tr("cao", "high");
        case Severity::Medium: return tr("trung bình", "medium");
        case Severity::Low: return tr("thấp", "low");
    }
    return "";
}

const expr::TextTemplate* LocalizedTemplate::get() const {
    if (language() == Language::English && en) return &*en;
    if (vi) return &*vi;
    return en ? &*en : nullptr;
}

const Choice* Question::findChoice(const std::string& value) const {
    for (const auto& c : choices)
        if (c.value == value) return &c;
    return nullptr;
}

const Question* Question::findColumn(const std::string& columnId) const {
    for (const auto& c : columns)
        if (c.id == columnId) return &c;
    return nullptr;
}

void Form::index() {
    byId_.clear();
    parentOf_.clear();
    sectionOf_.clear();
    for (const auto& s : sections) {
        for (const auto& q : s.questions) {
            byId_.emplace(q.id, &q);
            sectionOf_.emplace(q.id, &s);
            for (const auto& c : q.children) {
                byId_.emplace(c.id, &c);
                parentOf_.emplace(c.id, &q);
                sectionOf_.emplace(c.id, &s);
            }
        }
    }
}

const Question* Form::findQuestion(const std::string& qid) const {
    auto it = byId_.find(qid);
    return it == byId_.end() ? nullptr : it->second;
}

const Question* Form::parentRepeat(const std::string& qid) const {
    auto it = parentOf_.find(qid);
    return it == parentOf_.end() ? nullptr : it->second;
}

const Section* Form::sectionOf(const std::string& qid) const {
    auto it = sectionOf_.find(qid);
    return it == sectionOf_.end() ? nullptr : it->second;
}

const NamedItem* Form::findArea(const std::string& aid) const {
    for (const auto& a : areas)
        if (a.id == aid) return &a;
    return nullptr;
}

const NamedItem* Form::findCategory(const std::string& cid) const {
    for (const auto& c : categories)
        if (c.id == cid) return &c;
    return nullptr;
}

const Threshold* Form::findThreshold(const std::string& id) const {
    for (const auto& t : thresholds)
        if (t.id == id) return &t;
    return nullptr;
}

const FindingRule* Form::findRule(const std::string& rid) const {
    for (const auto& r : rules)
        if (r.id == rid) return &r;
    return nullptr;
}

size_t Form::questionCount() const {
    size_t n = 0;
    for (const auto& s : sections)
        for (const auto& q : s.questions) n += 1 + q.children.size();
    return n;
}

}  // namespace par
