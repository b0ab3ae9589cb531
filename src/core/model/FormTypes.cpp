// SPDX-License-Identifier: Apache-2.0
#include "core/model/FormTypes.hpp"

namespace par {

expr::Type answerType(QuestionType t) {
    switch (t) {
        case QuestionType::YesNo: return expr::Type::Bool;
        case QuestionType::YesPartlyNo:
        case QuestionType::Single:
        case QuestionType::Text: return expr::Type::String;
        case QuestionType::Multiple: return expr::Type::List;
        case QuestionType::Integer:
        case QuestionType::Decimal: return expr::Type::Number;
        case QuestionType::Date: return expr::Type::Date;
        case QuestionType::Table:
        case QuestionType::Repeat: return expr::Type::Table;
    }
    return expr::Type::Any;
}

expr::TypeInfo answerTypeInfo(const Question& q) {
    expr::TypeInfo info;
    info.type = answerType(q.type);
    if (q.type == QuestionType::Table)
        for (const auto& c : q.columns) info.columns[c.id] = answerType(c.type);
    if (q.type == QuestionType::Repeat)
        for (const auto& c : q.children) info.columns[c.id] = answerType(c.type);
    return info;
}

const std::map<std::string, expr::Type>& systemVariableTypes() {
    static const std::map<std::string, expr::Type> vars = {
        {"$unit", expr::Type::String},          {"$unit_type", expr::Type::String},
        {"$unit_level", expr::Type::String},    {"$inspection_date", expr::Type::Date},
        {"$period_start", expr::Type::Date},    {"$period_end", expr::Type::Date},
        {"$notice_date", expr::Type::Date},
    };
    return vars;
}

FormTypeScope::FormTypeScope(const Form& form, const Question* repeat) : form_(form), repeat_(repeat) {}

std::optional<expr::TypeInfo> FormTypeScope::typeOf(std::string_view name) const {
    std::string n(name);
    if (!n.empty() && n[0] == '$') {
        auto it = systemVariableTypes().find(n);
        if (it == systemVariableTypes().end()) return std::nullopt;
        return expr::TypeInfo{it->second, {}};
    }
    if (repeat_ != nullptr)
        for (const auto& c : repeat_->children)
            if (c.id == n) return answerTypeInfo(c);
    if (form_.findThreshold(n) != nullptr) return expr::TypeInfo{expr::Type::Number, {}};
    const Question* q = form_.findQuestion(n);
    if (q == nullptr || form_.parentRepeat(n) != nullptr) return std::nullopt;
    return answerTypeInfo(*q);
}

std::vector<std::string> FormTypeScope::names() const {
    std::vector<std::string> out;
    for (const auto& s : form_.sections)
        for (const auto& q : s.questions) out.push_back(q.id);
    if (repeat_ != nullptr)
        for (const auto& c : repeat_->children) out.push_back(c.id);
    for (const auto& t : form_.thresholds) out.push_back(t.id);
    for (const auto& [k, v] : systemVariableTypes()) out.push_back(k);
    return out;
}

}  // namespace par
