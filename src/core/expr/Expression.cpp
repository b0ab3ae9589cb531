// SPDX-License-Identifier: Apache-2.0
#include "core/expr/Expression.hpp"

#include "core/common/Text.hpp"
#include "core/expr/Ast.hpp"

namespace par::expr {

Expression::Expression() = default;

Expression Expression::parse(std::string_view text, const par::SourceLocation& where) {
    Expression e;
    e.root_ = detail::parseTree(text, where);
    e.text_ = std::string(text);
    e.where_ = where;
    return e;
}

Type Expression::check(const TypeScope& types, const FunctionTable& fns,
                       par::ValidationResult& result) const {
    if (!root_)
        return Type::Null;
    detail::Source src{text_, where_};
    return detail::checkTree(*root_, types, fns, src, result).type;
}

Type Expression::checkCondition(const TypeScope& types, const FunctionTable& fns,
                                par::ValidationResult& result) const {
    Type t = check(types, fns, result);
    if (t != Type::Bool && t != Type::Any && t != Type::Null) {
        detail::Source src{text_, where_};
        result.error(src.at(0), fmt(tr("điều kiện phải cho kết quả đúng/sai, nhưng cho kiểu {}",
                                       "a condition must give true or false, but this gives a {}"),
                                    typeName(t)));
    }
    return t;
}

Value Expression::evaluate(const Scope& scope, const FunctionTable& fns) const {
    if (!root_)
        return Value();
    detail::Source src{text_, where_};
    return detail::evaluateTree(*root_, scope, fns, src);
}

bool Expression::isMet(const Scope& scope, const FunctionTable& fns) const {
    Value v = evaluate(scope, fns);
    if (v.isNull())
        return false;
    if (v.type() != Type::Bool)
        throw EvalError(fmt(tr("{}: điều kiện phải cho kết quả đúng/sai, nhưng cho kiểu {}",
                               "{}: a condition must give true or false, but this gives a {}"),
                            where_.str(), typeName(v.type())));
    return v.asBool();
}

std::vector<std::string> Expression::references() const {
    std::vector<std::string> out;
    if (root_)
        detail::collectReferences(*root_, nullptr, out);
    return out;
}

std::vector<std::string> Expression::references(const TypeScope& types) const {
    std::vector<std::string> out;
    if (root_)
        detail::collectReferences(*root_, &types, out);
    return out;
}

}  // namespace par::expr
