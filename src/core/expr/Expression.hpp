// SPDX-License-Identifier: Apache-2.0
// Expression.hpp - one parsed expression of a checklist form: a relevance condition, a constraint,
// a finding rule's condition or a placeholder of a finding text. Parse once when the form loads,
// check it against the form's names and types (all problems reported, with file:line:column),
// evaluate it against answers as often as needed. The language is described in docs/expressions.md.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/Error.hpp"
#include "core/expr/Functions.hpp"
#include "core/expr/Scope.hpp"
#include "core/expr/Value.hpp"

namespace par::expr {

namespace detail {
struct Node;
}

class Expression {
public:
    // An empty expression: evaluates to null, checks as Null, refers to nothing.
    Expression();

    // Throws par::ParseError. Its location is `where` with column = where.column + the offset (in
    // characters) inside text, or the 1-based column inside the expression if where.column is 0; a
    // text with line breaks moves the line. The message says what was expected (tr(): Vietnamese
    // first). Limits: 64 KiB of text, nesting 200 deep.
    static Expression parse(std::string_view text, const par::SourceLocation& where);

    // Static check: unknown names, unknown functions, wrong arity, type mismatches. Adds every
    // problem to `result` and returns the result type (Any when unknown).
    Type check(const TypeScope& types, const FunctionTable& fns,
               par::ValidationResult& result) const;

    // check() for a condition: also an error when the result is known not to be a bool.
    Type checkCondition(const TypeScope& types, const FunctionTable& fns,
                        par::ValidationResult& result) const;

    // Throws EvalError, its message starting with file:line:column of the failing part.
    Value evaluate(const Scope& scope, const FunctionTable& fns) const;

    // evaluate() for a condition: true only when the value is `true`. Null (unknown) is "not met";
    // a value that is neither bool nor null throws EvalError.
    bool isMet(const Scope& scope, const FunctionTable& fns) const;

    const std::string& text() const { return text_; }
    const par::SourceLocation& where() const { return where_; }
    bool empty() const { return root_ == nullptr; }

    // Answer names it reads, in order of first use, without $variables and row columns. Without
    // types, every name inside the per-row argument of count/sum/avg/any/all is taken as a column
    // (and min/max as the two-value functions); references(types) tells columns from answers
    // exactly.
    std::vector<std::string> references() const;
    std::vector<std::string> references(const TypeScope& types) const;

private:
    std::shared_ptr<const detail::Node> root_;  // immutable, shared by copies
    std::string text_;
    par::SourceLocation where_;
};

}  // namespace par::expr
