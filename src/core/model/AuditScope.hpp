// SPDX-License-Identifier: Apache-2.0
// AuditScope.hpp - the run-time view of an audit for expressions: each answer as a value (tables
// and repeats as tables) and the system variables ($unit, $inspection_date, ...). Values are
// converted once, when the scope is made.
#pragma once

#include <map>
#include <string>

#include "core/expr/Scope.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"

namespace par {

class AuditScope : public expr::Scope {
public:
    // Answers whose text does not fit the question's type become null here; AnswerValidator
    // reports them.
    AuditScope(const Form& form, const Audit& audit);
    std::optional<expr::Value> lookup(std::string_view name) const override;

private:
    std::map<std::string, expr::Value, std::less<>> values_;
};

// The answers of one repeat instance over a parent scope (for relevance and constraints of the
// questions inside a repeat).
class InstanceScope : public expr::Scope {
public:
    InstanceScope(const Question& repeat, const AnswerSet& instance, const expr::Scope& parent);
    std::optional<expr::Value> lookup(std::string_view name) const override;

private:
    std::map<std::string, expr::Value, std::less<>> values_;
    const expr::Scope& parent_;
};

}  // namespace par
