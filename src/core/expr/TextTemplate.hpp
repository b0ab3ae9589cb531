// SPDX-License-Identifier: Apache-2.0
// TextTemplate.hpp - a finding text with {expression} placeholders, e.g.
// "Thủ tục {ma} yêu cầu thừa: {join(surplus(ma, tp), '; ')}". Each placeholder is an Expression and
// renders as its value's display() text (null renders as nothing). "{{" and "}}" stand for braces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/expr/Expression.hpp"

namespace par::expr {

class TextTemplate {
public:
    TextTemplate() = default;

    // Throws par::ParseError (unclosed '{', lone '}', empty or malformed placeholder) located like
    // Expression::parse: `where` is the place of the text's first character.
    static TextTemplate parse(std::string_view text, const par::SourceLocation& where);

    void check(const TypeScope& types, const FunctionTable& fns,
               par::ValidationResult& result) const;
    std::string render(const Scope& scope, const FunctionTable& fns) const;  // throws EvalError

    // Answer names the placeholders read (see Expression::references).
    std::vector<std::string> references() const;
    std::vector<std::string> references(const TypeScope& types) const;

    const std::string& text() const { return text_; }
    bool hasPlaceholders() const;

private:
    struct Part {
        std::string literal;  // when expression is empty
        Expression expression;
    };
    std::vector<Part> parts_;
    std::string text_;
};

}  // namespace par::expr
