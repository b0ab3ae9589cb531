// SPDX-License-Identifier: Apache-2.0
// Ast.hpp - the syntax tree of a parsed expression and the passes over it (parse, check, evaluate,
// references). Internal to par_expr: clients use Expression.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/Error.hpp"
#include "core/expr/Functions.hpp"
#include "core/expr/Operators.hpp"
#include "core/expr/Scope.hpp"

namespace par::expr::detail {

// Limits against hostile or broken input: nesting (parentheses, lists, calls, unary operators and
// the height of the tree) and length of the text.
inline constexpr int kMaxDepth = 200;
inline constexpr size_t kMaxLength = 64 * 1024;

struct Node {
    enum class Kind { Literal, Name, List, Unary, Binary, Call };
    Kind kind = Kind::Literal;
    size_t offset = 0;  // byte offset in the text of the token the node is reported at
    int height = 1;     // 1 for a leaf
    Value value;        // Literal
    std::string name;   // Name (with "$" for system variables), Call
    Op op = Op::Not;    // Unary, Binary
    std::vector<std::unique_ptr<Node>> kids;
};

// What a pass needs to say where a node is.
struct Source {
    std::string_view text;
    const SourceLocation& where;
    SourceLocation at(size_t offset) const;
};

// The location of a byte offset in text that starts at `where` (see Expression::parse).
SourceLocation locate(const SourceLocation& where, std::string_view text, size_t offset);

std::unique_ptr<Node> parseTree(std::string_view text, const SourceLocation& where);

TypeInfo checkTree(const Node& node, const TypeScope& types, const FunctionTable& fns,
                   const Source& src, ValidationResult& result);

Value evaluateTree(const Node& node, const Scope& scope, const FunctionTable& fns,
                   const Source& src);

// Names read outside row context; inside an aggregate's row argument the names that are not columns
// of its table (types given) or none (types null: a name there is taken as a column).
void collectReferences(const Node& node, const TypeScope* types, std::vector<std::string>& out);

// "2", "1 to 2", "at least 1": how many arguments a function takes, for messages.
std::string arityText(const Function& f);

// The built-in definition of the special forms if() and coalesce(), which cannot be replaced.
const Function* specialFunction(std::string_view name);

}  // namespace par::expr::detail
