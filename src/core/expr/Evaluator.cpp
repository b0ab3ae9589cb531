// SPDX-License-Identifier: Apache-2.0
// The evaluator: walks the tree with a Scope. Nulls propagate through arithmetic and comparisons;
// and/or use three-valued logic; aggregates run their second argument once per table row.
#include <algorithm>
#include <optional>

#include "core/common/Text.hpp"
#include "core/expr/Ast.hpp"

namespace par::expr::detail {

namespace {

// An EvalError whose message already starts with the location, so outer nodes leave it alone.
class LocatedEvalError : public EvalError {
public:
    using EvalError::EvalError;
};

class Evaluator {
public:
    Evaluator(const FunctionTable& fns, const Source& src) : fns_(fns), src_(src) {}

    Value eval(const Node& n, const Scope& scope) const {
        try {
            return evalNode(n, scope);
        } catch (const LocatedEvalError&) {
            throw;
        } catch (const EvalError& e) {
            fail(n, e.what());
        }
    }

private:
    const FunctionTable& fns_;
    const Source& src_;

    [[noreturn]] void fail(const Node& n, const std::string& message) const {
        throw LocatedEvalError(src_.at(n.offset).str() + ": " + message);
    }

    Value evalNode(const Node& n, const Scope& scope) const {
        switch (n.kind) {
            case Node::Kind::Literal:
                return n.value;
            case Node::Kind::Name: {
                auto v = scope.lookup(n.name);
                if (!v)
                    fail(n,
                         fmt(tr("tên '{}' không có trong biểu mẫu", "unknown name '{}'"), n.name));
                return *v;
            }
            case Node::Kind::List: {
                std::vector<Value> items;
                items.reserve(n.kids.size());
                for (const auto& k : n.kids)
                    items.push_back(eval(*k, scope));
                return Value(std::move(items));
            }
            case Node::Kind::Unary:
                return unary(n, scope);
            case Node::Kind::Binary:
                return binary(n, scope);
            case Node::Kind::Call:
                return call(n, scope);
        }
        return Value();
    }

    // A condition's value: bool or null.
    Value condition(const Node& n, const Scope& scope, const char* op) const {
        Value v = eval(n, scope);
        if (!v.isNull() && v.type() != Type::Bool)
            fail(n, fmt(tr("'{}' cần điều kiện đúng/sai, có kiểu {}",
                           "'{}' needs a true/false condition, got a {}"),
                        op, typeName(v.type())));
        return v;
    }

    Value unary(const Node& n, const Scope& scope) const {
        if (n.op == Op::Not) {
            Value v = condition(*n.kids[0], scope, "not");
            return v.isNull() ? v : Value(!v.asBool());
        }
        Value v = eval(*n.kids[0], scope);
        if (v.isNull())
            return v;
        if (v.type() != Type::Number)
            fail(n, fmt(tr("dấu '-' cần một số, có kiểu {}", "'-' needs a number, got a {}"),
                        typeName(v.type())));
        return Value(-v.asNumber());
    }

    Value binary(const Node& n, const Scope& scope) const {
        const Node& a = *n.kids[0];
        const Node& b = *n.kids[1];
        switch (n.op) {
            case Op::And: {
                Value l = condition(a, scope, "and");
                if (!l.isNull() && !l.asBool())
                    return Value(false);
                Value r = condition(b, scope, "and");
                if (!r.isNull() && !r.asBool())
                    return Value(false);
                if (l.isNull() || r.isNull())
                    return Value();
                return Value(true);
            }
            case Op::Or: {
                Value l = condition(a, scope, "or");
                if (!l.isNull() && l.asBool())
                    return Value(true);
                Value r = condition(b, scope, "or");
                if (!r.isNull() && r.asBool())
                    return Value(true);
                if (l.isNull() || r.isNull())
                    return Value();
                return Value(false);
            }
            case Op::In:
            case Op::NotIn: {
                Value item = eval(a, scope);
                Value container = eval(b, scope);
                Value v = containsValue(container, item);
                if (n.op == Op::NotIn && !v.isNull())
                    return Value(!v.asBool());
                return v;
            }
            default:
                break;
        }
        Value l = eval(a, scope);
        Value r = eval(b, scope);
        if (isComparison(n.op))
            return compareValues(n.op, l, r);
        return arithmetic(n.op, l, r);
    }

    Value call(const Node& n, const Scope& scope) const {
        const std::string& name = n.name;
        if (name == "if")
            return lazyIf(n, scope);
        if (name == "coalesce") {
            checkArity(n, *specialFunction(name));
            for (const auto& k : n.kids) {
                Value v = eval(*k, scope);
                if (!v.isNull())
                    return v;
            }
            return Value();
        }
        if (isAggregateName(name) && !n.kids.empty()) {
            Value first = eval(*n.kids[0], scope);
            bool isMinMax = name == "min" || name == "max";
            if (!isMinMax || first.type() == Type::Table)
                return aggregate(n, first, scope);
            return callFunction(n, scope, std::move(first));
        }
        return callFunction(n, scope, std::nullopt);
    }

    void checkArity(const Node& n, const Function& f) const {
        size_t count = n.kids.size();
        if (count < f.minArgs || count > f.maxArgs)
            fail(n, fmt(tr("hàm {} nhận {} đối số, không phải {}",
                           "function {} takes {} arguments, not {}"),
                        f.name, arityText(f), std::to_string(count)));
    }

    Value lazyIf(const Node& n, const Scope& scope) const {
        checkArity(n, *specialFunction("if"));
        Value c = condition(*n.kids[0], scope, "if");
        bool met = !c.isNull() && c.asBool();
        return eval(*n.kids[met ? 1 : 2], scope);
    }

    Value callFunction(const Node& n, const Scope& scope, std::optional<Value> first) const {
        const Function* f = fns_.find(n.name);
        if (!f)
            fail(n, fmt(tr("hàm '{}' không tồn tại", "unknown function '{}'"), n.name));
        checkArity(n, *f);
        std::vector<Value> args;
        args.reserve(n.kids.size());
        for (size_t i = 0; i < n.kids.size(); ++i)
            args.push_back(i == 0 && first ? std::move(*first) : eval(*n.kids[i], scope));
        if (!f->call)
            fail(n, fmt(tr("hàm '{}' chưa được cài đặt", "function '{}' has no body"), n.name));
        return f->call(args);
    }

    Value aggregate(const Node& n, const Value& first, const Scope& scope) const {
        const std::string& name = n.name;
        if (name == "count" && n.kids.size() == 1) {
            switch (first.type()) {
                case Type::Null:
                    return Value();
                case Type::List:
                    return Value(static_cast<double>(first.asList().size()));
                case Type::Table:
                    return Value(static_cast<double>(first.asTable().rows.size()));
                default:
                    fail(*n.kids[0], fmt(tr("count cần một bảng hoặc danh sách, có kiểu {}",
                                            "count needs a table or a list, got a {}"),
                                         typeName(first.type())));
            }
        }
        if (n.kids.size() != 2)
            fail(n, fmt(tr("hàm {} nhận 2 đối số (bảng, biểu thức theo dòng), không phải {}",
                           "function {} takes 2 arguments (table, per-row expression), not {}"),
                        name, std::to_string(n.kids.size())));
        if (first.isNull())
            return Value();
        if (first.type() != Type::Table)
            fail(*n.kids[0], fmt(tr("hàm {} cần một bảng ở đối số thứ nhất, có kiểu {}",
                                    "function {} needs a table as its first argument, got a {}"),
                                 name, typeName(first.type())));
        const Table& table = first.asTable();
        const Node& perRow = *n.kids[1];

        size_t count = 0, seen = 0;
        double total = 0;
        bool sawTrue = false, sawFalse = false, sawNull = false;
        Value best;
        for (size_t r = 0; r < table.rows.size(); ++r) {
            RowScope row(table, r, scope);
            if (name == "count" || name == "any" || name == "all") {
                Value v = condition(perRow, row, name.c_str());
                if (v.isNull())
                    sawNull = true;
                else if (v.asBool()) {
                    sawTrue = true;
                    ++count;
                } else
                    sawFalse = true;
                continue;
            }
            Value v = eval(perRow, row);
            if (v.isNull())
                continue;
            if (name == "sum" || name == "avg") {
                if (v.type() != Type::Number)
                    fail(perRow, fmt(tr("hàm {} cần số ở mỗi dòng, có kiểu {}",
                                        "function {} needs a number for each row, got a {}"),
                                     name, typeName(v.type())));
                total += v.asNumber();
                ++seen;
                continue;
            }
            // min / max over numbers or dates.
            if (v.type() != Type::Number && v.type() != Type::Date)
                fail(perRow, fmt(tr("hàm {} cần số hoặc ngày ở mỗi dòng, có kiểu {}",
                                    "function {} needs a number or a date for each row, got a {}"),
                                 name, typeName(v.type())));
            if (best.isNull()) {
                best = v;
            } else {
                Value less = compareValues(Op::Lt, v, best);  // throws on mixed types
                if (less.asBool() == (name == "min") && v != best)
                    best = v;
            }
        }
        if (name == "count")
            return Value(static_cast<double>(count));
        if (name == "any")
            return sawTrue ? Value(true) : sawNull ? Value() : Value(false);
        if (name == "all")
            return sawFalse ? Value(false) : sawNull ? Value() : Value(true);
        if (name == "sum")
            return Value(total);
        if (name == "avg")
            return seen == 0 ? Value() : Value(total / static_cast<double>(seen));
        return best;
    }
};

}  // namespace

std::string arityText(const Function& f) {
    if (f.maxArgs == kUnlimitedArgs)
        return fmt(tr("ít nhất {}", "at least {}"), std::to_string(f.minArgs));
    if (f.minArgs == f.maxArgs)
        return std::to_string(f.minArgs);
    return fmt(tr("từ {} đến {}", "{} to {}"), std::to_string(f.minArgs),
               std::to_string(f.maxArgs));
}

const Function* specialFunction(std::string_view name) {
    static const FunctionTable builtins = FunctionTable::withBuiltins();
    if (name != "if" && name != "coalesce")
        return nullptr;
    return builtins.find(name);
}

Value evaluateTree(const Node& node, const Scope& scope, const FunctionTable& fns,
                   const Source& src) {
    return Evaluator(fns, src).eval(node, scope);
}

}  // namespace par::expr::detail
