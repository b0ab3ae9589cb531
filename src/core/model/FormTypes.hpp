// SPDX-License-Identifier: Apache-2.0
// FormTypes.hpp - the names a form's expressions can see and their types: the answers (top-level
// questions; inside a repeat also its sibling questions), and the audit's system variables.
#pragma once

#include <string>

#include "core/expr/Scope.hpp"
#include "core/model/Form.hpp"

namespace par {

// The expression type of a question's answer.
expr::Type answerType(QuestionType t);
expr::TypeInfo answerTypeInfo(const Question& q);

// The system variables every audit provides ($unit, $inspection_date, ...).
const std::map<std::string, expr::Type>& systemVariableTypes();

class FormTypeScope : public expr::TypeScope {
public:
    // With `repeat`, the repeat's questions are visible as bare names (shadowing top-level ones).
    explicit FormTypeScope(const Form& form, const Question* repeat = nullptr);
    std::optional<expr::TypeInfo> typeOf(std::string_view name) const override;
    std::vector<std::string> names() const override;

private:
    const Form& form_;
    const Question* repeat_;
};

}  // namespace par
