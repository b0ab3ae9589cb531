// SPDX-License-Identifier: Apache-2.0
// Functions.hpp - the functions an expression may call: the built-ins of the language (ratio,
// round, answered, join, lines, ...) and any that a client adds (the findings engine adds its own,
// e.g. surplus()). The aggregates over tables (count, sum, avg, min, max, any, all) and the lazy
// forms if() and coalesce() are special forms of the evaluator, see Expression.hpp.
#pragma once

#include <cstddef>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr/Value.hpp"

namespace par::expr {

// maxArgs of a function that takes any number of arguments.
inline constexpr size_t kUnlimitedArgs = std::numeric_limits<size_t>::max();

struct Function {
    std::string name;
    size_t minArgs = 0, maxArgs = 0;
    std::vector<Type>
        argTypes;  // per position, Type::Any = anything; shorter: the last one repeats
    Type returnType = Type::Any;
    std::function<Value(const std::vector<Value>& args)> call;  // throws EvalError on bad values

    // Optional static typing beyond argTypes, for arguments that accept one of several types or a
    // result that follows the arguments (min, if, ...). Gets the static argument types (Any =
    // unknown); returns the result type, or sets *problem to a message (Vietnamese via tr()).
    std::function<Type(const std::vector<Type>& args, std::string* problem)> typeRule;

    // The declared type of argument i (Any when argTypes is empty).
    Type argType(size_t i) const;
};

class FunctionTable {
public:
    // The built-in functions of the language (docs/expressions.md lists them).
    static FunctionTable withBuiltins();
    void add(Function f);  // replaces a function of the same name
    const Function* find(std::string_view name) const;
    std::vector<std::string> names() const;

private:
    std::map<std::string, Function, std::less<>> functions_;
};

// Names evaluated as special forms, whatever the FunctionTable holds: the table aggregates (min and
// max only when their first argument is a table), if() and coalesce() (lazy), date() (folded when
// its argument is a literal).
bool isAggregateName(std::string_view name);

// Number of Unicode characters (code points) of a UTF-8 string after NFC.
size_t characterCount(const std::string& s);

}  // namespace par::expr
