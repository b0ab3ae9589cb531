// SPDX-License-Identifier: Apache-2.0
#include "core/model/AuditScope.hpp"

namespace par {

namespace {
expr::Value safeValue(const Question& q, const Answer* a) {
    try {
        return answerValue(q, a);
    } catch (const Error&) {
        return {};
    }
}

expr::Value dateOrNull(const std::optional<Date>& d) { return d ? expr::Value(*d) : expr::Value(); }
}  // namespace

AuditScope::AuditScope(const Form& form, const Audit& audit) {
    for (const auto& s : form.sections)
        for (const auto& q : s.questions) values_[q.id] = safeValue(q, audit.answers.find(q.id));
    for (const auto& t : form.thresholds) values_[t.id] = expr::Value(t.value);
    values_["$unit"] = expr::Value(audit.unit.name);
    values_["$unit_type"] = audit.unit.type.empty() ? expr::Value() : expr::Value(audit.unit.type);
    values_["$unit_level"] = audit.unit.level.empty() ? expr::Value() : expr::Value(audit.unit.level);
    values_["$inspection_date"] = dateOrNull(audit.inspectionDate());
    values_["$period_start"] = dateOrNull(audit.periodStart);
    values_["$period_end"] = dateOrNull(audit.periodEnd);
    values_["$notice_date"] = dateOrNull(audit.notice.date);
}

std::optional<expr::Value> AuditScope::lookup(std::string_view name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

InstanceScope::InstanceScope(const Question& repeat, const AnswerSet& instance, const expr::Scope& parent)
    : parent_(parent) {
    for (const auto& c : repeat.children) values_[c.id] = safeValue(c, instance.find(c.id));
}

std::optional<expr::Value> InstanceScope::lookup(std::string_view name) const {
    auto it = values_.find(name);
    if (it != values_.end()) return it->second;
    return parent_.lookup(name);
}

}  // namespace par
