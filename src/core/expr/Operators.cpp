// SPDX-License-Identifier: Apache-2.0
#include "core/expr/Operators.hpp"

#include <cmath>

#include "core/common/Text.hpp"

namespace par::expr {

namespace {
bool known(Type t) {
    return t != Type::Any && t != Type::Null;
}

// Arithmetic that overflows gives null, like division by zero: no inf or NaN reaches people.
Value finite(double d) {
    return std::isfinite(d) ? Value(d) : Value();
}

std::string mixedMessage(Op op, Type a, Type b) {
    return fmt(
        tr("không so sánh được {} với {} bằng '{}'", "cannot compare a {} with a {} using '{}'"),
        typeName(a), typeName(b), opText(op));
}
}  // namespace

const char* opText(Op op) {
    switch (op) {
        case Op::Or:
            return "or";
        case Op::And:
            return "and";
        case Op::Not:
            return "not";
        case Op::Eq:
            return "=";
        case Op::Ne:
            return "!=";
        case Op::Lt:
            return "<";
        case Op::Le:
            return "<=";
        case Op::Gt:
            return ">";
        case Op::Ge:
            return ">=";
        case Op::In:
            return "in";
        case Op::NotIn:
            return "not in";
        case Op::Add:
            return "+";
        case Op::Sub:
            return "-";
        case Op::Mul:
            return "*";
        case Op::Div:
            return "/";
        case Op::Mod:
            return "%";
        case Op::Neg:
            return "-";
    }
    return "?";
}

bool isComparison(Op op) {
    return op == Op::Eq || op == Op::Ne || op == Op::Lt || op == Op::Le || op == Op::Gt ||
           op == Op::Ge;
}

Value containsValue(const Value& container, const Value& item) {
    if (container.isNull() || item.isNull())
        return Value();
    if (container.type() == Type::List) {
        for (const auto& e : container.asList())
            if (e == item)
                return Value(true);
        return Value(false);
    }
    if (container.type() == Type::String) {
        if (item.type() != Type::String)
            throw EvalError(fmt(tr("'in' trên chuỗi cần một chuỗi ở bên trái, có kiểu {}",
                                   "'in' on a string needs a string on its left, got a {}"),
                                typeName(item.type())));
        return Value(nfc(container.asString()).find(nfc(item.asString())) != std::string::npos);
    }
    throw EvalError(fmt(tr("'in' cần danh sách hoặc chuỗi ở bên phải, có kiểu {}",
                           "'in' needs a list or a string on its right, got a {}"),
                        typeName(container.type())));
}

std::string containsTypeProblem(Type container, Type item) {
    if (!known(container))
        return "";
    if (container == Type::List)
        return "";
    if (container == Type::String) {
        if (known(item) && item != Type::String)
            return fmt(tr("'in' trên chuỗi cần một chuỗi ở bên trái, có kiểu {}",
                          "'in' on a string needs a string on its left, got a {}"),
                       typeName(item));
        return "";
    }
    if (container == Type::Table)
        return tr("'in' không dùng được với bảng; dùng any(bảng, điều kiện)",
                  "'in' does not work on a table; use any(table, condition)");
    return fmt(tr("'in' cần danh sách hoặc chuỗi ở bên phải, có kiểu {}",
                  "'in' needs a list or a string on its right, got a {}"),
               typeName(container));
}

Value compareValues(Op op, const Value& a, const Value& b) {
    if (a.isNull() || b.isNull())
        return Value();
    Type t = a.type();
    if (t != b.type())
        throw EvalError(mixedMessage(op, t, b.type()));
    bool ordered = op != Op::Eq && op != Op::Ne;
    int c = 0;
    switch (t) {
        case Type::Number: {
            double x = a.asNumber(), y = b.asNumber();
            c = x < y ? -1 : (x > y ? 1 : 0);
            break;
        }
        case Type::String: {
            if (sameText(a.asString(), b.asString())) {
                c = 0;
            } else {
                std::string x = nfc(a.asString()), y = nfc(b.asString());
                c = x < y ? -1 : (x > y ? 1 : 0);
            }
            break;
        }
        case Type::Date: {
            auto x = a.asDate(), y = b.asDate();
            c = x < y ? -1 : (x > y ? 1 : 0);
            break;
        }
        case Type::Bool:
            if (ordered)
                throw EvalError(fmt(tr("giá trị có/không chỉ so sánh được bằng = hoặc !=, không "
                                       "dùng '{}'",
                                       "yes/no values compare only with = or !=, not '{}'"),
                                    opText(op)));
            c = a.asBool() == b.asBool() ? 0 : 1;
            break;
        default:
            throw EvalError(fmt(
                tr("không so sánh được giá trị kiểu {}", "cannot compare {} values"), typeName(t)));
    }
    switch (op) {
        case Op::Eq:
            return Value(c == 0);
        case Op::Ne:
            return Value(c != 0);
        case Op::Lt:
            return Value(c < 0);
        case Op::Le:
            return Value(c <= 0);
        case Op::Gt:
            return Value(c > 0);
        case Op::Ge:
            return Value(c >= 0);
        default:
            break;
    }
    throw EvalError("not a comparison");
}

Value arithmetic(Op op, const Value& a, const Value& b) {
    if (a.isNull() || b.isNull())
        return Value();
    if (op == Op::Add && a.type() == Type::String && b.type() == Type::String)
        return Value(a.asString() + b.asString());
    if (a.type() != Type::Number || b.type() != Type::Number) {
        if (op == Op::Add)
            throw EvalError(fmt(tr("phép '+' cần hai số hoặc hai chuỗi, có {} và {}",
                                   "'+' needs two numbers or two strings, got {} and {}"),
                                typeName(a.type()), typeName(b.type())));
        throw EvalError(
            fmt(tr("phép '{}' cần hai số, có {} và {}", "'{}' needs two numbers, got {} and {}"),
                opText(op), typeName(a.type()), typeName(b.type())));
    }
    double x = a.asNumber(), y = b.asNumber();
    switch (op) {
        case Op::Add:
            return finite(x + y);
        case Op::Sub:
            return finite(x - y);
        case Op::Mul:
            return finite(x * y);
        case Op::Div:
            return y == 0 ? Value() : finite(x / y);
        case Op::Mod:
            return y == 0 ? Value() : finite(std::fmod(x, y));
        default:
            break;
    }
    throw EvalError("not an arithmetic operator");
}

std::string binaryTypeProblem(Op op, Type a, Type b, Type* result) {
    switch (op) {
        case Op::Or:
        case Op::And:
            *result = Type::Bool;
            for (Type t : {a, b})
                if (known(t) && t != Type::Bool)
                    return fmt(tr("'{}' cần điều kiện đúng/sai, có kiểu {}",
                                  "'{}' needs true/false conditions, got a {}"),
                               opText(op), typeName(t));
            return "";
        case Op::In:
        case Op::NotIn:
            *result = Type::Bool;
            return containsTypeProblem(b, a);
        case Op::Add:
            if (a == Type::String || b == Type::String) {
                *result = Type::String;
                if ((known(a) && a != Type::String) || (known(b) && b != Type::String))
                    return fmt(tr("phép '+' cần hai số hoặc hai chuỗi, có {} và {}",
                                  "'+' needs two numbers or two strings, got {} and {}"),
                               typeName(a), typeName(b));
                return "";
            }
            [[fallthrough]];
        case Op::Sub:
        case Op::Mul:
        case Op::Div:
        case Op::Mod:
            *result = Type::Number;
            if ((known(a) && a != Type::Number) || (known(b) && b != Type::Number)) {
                if (op == Op::Add)
                    return fmt(tr("phép '+' cần hai số hoặc hai chuỗi, có {} và {}",
                                  "'+' needs two numbers or two strings, got {} and {}"),
                               typeName(a), typeName(b));
                return fmt(tr("phép '{}' cần hai số, có {} và {}",
                              "'{}' needs two numbers, got {} and {}"),
                           opText(op), typeName(a), typeName(b));
            }
            if (op == Op::Add && a == Type::Any && b == Type::Any)
                *result = Type::Any;
            return "";
        default:
            break;
    }
    // Comparisons.
    *result = Type::Bool;
    if (known(a) && known(b) && a != b)
        return mixedMessage(op, a, b);
    Type t = known(a) ? a : b;
    if (t == Type::List || t == Type::Table)
        return fmt(tr("không so sánh được giá trị kiểu {}", "cannot compare {} values"),
                   typeName(t));
    if (t == Type::Bool && op != Op::Eq && op != Op::Ne)
        return fmt(tr("giá trị có/không chỉ so sánh được bằng = hoặc !=, không dùng '{}'",
                      "yes/no values compare only with = or !=, not '{}'"),
                   opText(op));
    return "";
}

}  // namespace par::expr
