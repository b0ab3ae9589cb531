// SPDX-License-Identifier: Apache-2.0
// AnswerValidator.hpp - checks an audit's answers against its form: unknown questions and columns,
// values of the wrong type, "not applicable" where the form does not allow it, ranges, patterns,
// constraints (evaluated with the answers), and required questions still unanswered (warnings: an
// audit in progress is allowed to be incomplete). Reports every problem, with the audit's file:line.
#pragma once

#include <string>
#include <vector>

#include "core/common/Error.hpp"
#include "core/expr/Functions.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"

namespace par {

struct AnswerProblem {
    std::string question;  // top-level question id the problem is about
    Problem problem;
};

struct Completeness {
    size_t required = 0;  // relevant required questions
    size_t answered = 0;  // of those, answered
    std::vector<std::string> missing;
};

class AnswerValidator {
public:
    AnswerValidator(const Form& form, const expr::FunctionTable& functions);

    std::vector<AnswerProblem> check(const Audit& audit) const;
    ValidationResult validate(const Audit& audit) const;  // check() as a ValidationResult
    Completeness completeness(const Audit& audit) const;

    // Whether question `id` (top level) is relevant given the audit's answers.
    bool isRelevant(const Audit& audit, const std::string& id) const;

private:
    const Form& form_;
    const expr::FunctionTable& functions_;
};

}  // namespace par
