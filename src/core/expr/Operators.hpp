// SPDX-License-Identifier: Apache-2.0
// Operators.hpp - what each operator of the language means, for values (run time) and for types
// (load time). Shared by the evaluator, the checker and the built-ins (contains() is `in`).
// Internal to par_expr.
#pragma once

#include <string>

#include "core/expr/Value.hpp"

namespace par::expr {

enum class Op { Or, And, Not, Eq, Ne, Lt, Le, Gt, Ge, In, NotIn, Add, Sub, Mul, Div, Mod, Neg };

const char* opText(Op op);  // "and", "=", "+", ...
bool isComparison(Op op);   // = != < <= > >=

// `item in container`: membership in a list, substring of a string; null when either is null.
Value containsValue(const Value& container, const Value& item);

// Comparisons and arithmetic on two values, with the null rules; throw EvalError on mixed types.
Value compareValues(Op op, const Value& a, const Value& b);
Value arithmetic(Op op, const Value& a, const Value& b);

// Static versions: the message (Vietnamese via tr()) when the types cannot work, "" when they can.
// Any and Null fit everything. *result gets the result type.
std::string containsTypeProblem(Type container, Type item);
std::string binaryTypeProblem(Op op, Type a, Type b, Type* result);

}  // namespace par::expr
