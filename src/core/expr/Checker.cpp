// SPDX-License-Identifier: Apache-2.0
// The static checker: resolves names and functions against a TypeScope and a FunctionTable, infers
// types and reports every problem it finds (it keeps going after an error, typing the broken part
// as Any so one mistake is reported once).
#include <algorithm>
#include <optional>

#include "core/common/Text.hpp"
#include "core/expr/Ast.hpp"

namespace par::expr::detail {

namespace {

bool known(Type t) {
    return t != Type::Any && t != Type::Null;
}

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// " (có phải 'x'?)" for the closest candidate within a small edit distance, or "".
std::string suggestion(const std::string& wrong, const std::vector<std::string>& candidates) {
    size_t limit = wrong.size() <= 4 ? 1 : 2;
    size_t best = limit + 1;
    const std::string* pick = nullptr;
    for (const auto& c : candidates) {
        if (c == wrong)
            continue;
        size_t d = editDistance(wrong, c);
        if (d < best) {
            best = d;
            pick = &c;
        }
    }
    if (!pick)
        return "";
    return fmt(tr(" (có phải '{}'?)", " (did you mean '{}'?)"), *pick);
}

class Checker {
public:
    Checker(const FunctionTable& fns, const Source& src, ValidationResult& result)
        : fns_(fns), src_(src), result_(result) {}

    TypeInfo check(const Node& n, const TypeScope& types) {
        switch (n.kind) {
            case Node::Kind::Literal:
                return TypeInfo{n.value.type(), {}};
            case Node::Kind::Name:
                return name(n, types);
            case Node::Kind::List:
                for (const auto& k : n.kids)
                    check(*k, types);
                return TypeInfo{Type::List, {}};
            case Node::Kind::Unary:
                return unary(n, types);
            case Node::Kind::Binary:
                return binary(n, types);
            case Node::Kind::Call:
                return call(n, types);
        }
        return {};
    }

private:
    const FunctionTable& fns_;
    const Source& src_;
    ValidationResult& result_;

    void error(const Node& n, const std::string& message) {
        result_.error(src_.at(n.offset), message);
    }
    void warning(const Node& n, const std::string& message) {
        result_.warning(src_.at(n.offset), message);
    }

    TypeInfo name(const Node& n, const TypeScope& types) {
        if (auto info = types.typeOf(n.name))
            return *info;
        if (n.name.front() == '$')
            error(n, fmt(tr("biến hệ thống '{}' không tồn tại{}", "unknown system variable '{}'{}"),
                         n.name, suggestion(n.name, types.names())));
        else
            error(n, fmt(tr("tên '{}' không có trong biểu mẫu{}", "name '{}' is not in the form{}"),
                         n.name, suggestion(n.name, types.names())));
        return {};
    }

    TypeInfo unary(const Node& n, const TypeScope& types) {
        Type t = check(*n.kids[0], types).type;
        if (n.op == Op::Not) {
            if (known(t) && t != Type::Bool)
                error(n, fmt(tr("'not' cần điều kiện đúng/sai, có kiểu {}",
                                "'not' needs a true/false condition, got a {}"),
                             typeName(t)));
            return TypeInfo{Type::Bool, {}};
        }
        if (known(t) && t != Type::Number)
            error(n, fmt(tr("dấu '-' cần một số, có kiểu {}", "'-' needs a number, got a {}"),
                         typeName(t)));
        return TypeInfo{Type::Number, {}};
    }

    static bool isNullLiteral(const Node& n) {
        return n.kind == Node::Kind::Literal && n.value.isNull();
    }

    TypeInfo binary(const Node& n, const TypeScope& types) {
        Type a = check(*n.kids[0], types).type;
        Type b = check(*n.kids[1], types).type;
        Type result = Type::Any;
        std::string problem = binaryTypeProblem(n.op, a, b, &result);
        if (!problem.empty()) {
            error(n, problem);
            result = Type::Any;  // report one mistake once
        }
        if (isComparison(n.op) && (isNullLiteral(*n.kids[0]) || isNullLiteral(*n.kids[1])))
            warning(n, tr("so sánh với null luôn cho kết quả null (điều kiện không thỏa); dùng "
                          "answered(x) hoặc not answered(x)",
                          "a comparison with null is always null (the condition is not met); use "
                          "answered(x) or not answered(x)"));
        return TypeInfo{result, {}};
    }

    TypeInfo call(const Node& n, const TypeScope& types) {
        if (isAggregateName(n.name) && !n.kids.empty()) {
            TypeInfo first = check(*n.kids[0], types);
            bool isMinMax = n.name == "min" || n.name == "max";
            if (!isMinMax || first.type == Type::Table ||
                (first.type == Type::Any && n.kids.size() == 2))
                return aggregate(n, first, types);
            return function(n, types, first.type);
        }
        return function(n, types, std::nullopt);
    }

    TypeInfo aggregate(const Node& n, const TypeInfo& first, const TypeScope& types) {
        const std::string& fn = n.name;
        if (fn == "count" && n.kids.size() == 1) {
            if (known(first.type) && first.type != Type::Table && first.type != Type::List)
                error(*n.kids[0], fmt(tr("count cần một bảng hoặc danh sách, có kiểu {}",
                                         "count needs a table or a list, got a {}"),
                                      typeName(first.type)));
            return TypeInfo{Type::Number, {}};
        }
        if (known(first.type) && first.type != Type::Table)
            error(*n.kids[0], fmt(tr("hàm {} cần một bảng ở đối số thứ nhất, có kiểu {}",
                                     "function {} needs a table as its first argument, got a {}"),
                                  fn, typeName(first.type)));
        static const std::map<std::string, Type> noColumns;
        bool tableKnown = first.type == Type::Table;
        const auto& columns = tableKnown ? first.columns : noColumns;
        RowTypeScope row(columns, types, !tableKnown || columns.empty());
        std::vector<Type> perRow;
        for (size_t i = 1; i < n.kids.size(); ++i)
            perRow.push_back(check(*n.kids[i], row).type);
        if (n.kids.size() != 2) {
            error(n, fmt(tr("hàm {} nhận 2 đối số (bảng, biểu thức theo dòng), không phải {}",
                            "function {} takes 2 arguments (table, per-row expression), not {}"),
                         fn, std::to_string(n.kids.size())));
            return TypeInfo{fn == "any" || fn == "all" ? Type::Bool : Type::Number, {}};
        }
        Type t = perRow[0];
        const Node& arg = *n.kids[1];
        if (fn == "count" || fn == "any" || fn == "all") {
            if (known(t) && t != Type::Bool)
                error(arg, fmt(tr("hàm {} cần điều kiện đúng/sai theo dòng, có kiểu {}",
                                  "function {} needs a true/false condition per row, got a {}"),
                               fn, typeName(t)));
            return TypeInfo{fn == "count" ? Type::Number : Type::Bool, {}};
        }
        if (fn == "sum" || fn == "avg") {
            if (known(t) && t != Type::Number)
                error(arg, fmt(tr("hàm {} cần số ở mỗi dòng, có kiểu {}",
                                  "function {} needs a number for each row, got a {}"),
                               fn, typeName(t)));
            return TypeInfo{Type::Number, {}};
        }
        if (known(t) && t != Type::Number && t != Type::Date) {
            error(arg, fmt(tr("hàm {} cần số hoặc ngày ở mỗi dòng, có kiểu {}",
                              "function {} needs a number or a date for each row, got a {}"),
                           fn, typeName(t)));
            return {};
        }
        return TypeInfo{known(t) ? t : Type::Any, {}};
    }

    TypeInfo function(const Node& n, const TypeScope& types, std::optional<Type> first) {
        std::vector<Type> args;
        for (size_t i = 0; i < n.kids.size(); ++i)
            args.push_back(i == 0 && first ? *first : check(*n.kids[i], types).type);
        const Function* f = specialFunction(n.name);
        if (!f)
            f = fns_.find(n.name);
        if (!f) {
            std::vector<std::string> names = fns_.names();
            for (const char* a :
                 {"count", "sum", "avg", "min", "max", "any", "all", "if", "coalesce"})
                names.emplace_back(a);
            error(n, fmt(tr("hàm '{}' không tồn tại{}", "unknown function '{}'{}"), n.name,
                         suggestion(n.name, names)));
            return {};
        }
        if (args.size() < f->minArgs || args.size() > f->maxArgs) {
            error(n, fmt(tr("hàm {} nhận {} đối số, không phải {}",
                            "function {} takes {} arguments, not {}"),
                         f->name, arityText(*f), std::to_string(args.size())));
            return TypeInfo{f->returnType, {}};
        }
        bool ok = true;
        for (size_t i = 0; i < args.size(); ++i) {
            Type want = f->argType(i);
            if (known(want) && known(args[i]) && want != args[i]) {
                error(*n.kids[i],
                      fmt(tr("hàm {}: đối số thứ {} cần kiểu {} nhưng có kiểu {}",
                             "function {}: argument {} must be a {} but is a {}"),
                          f->name, std::to_string(i + 1), typeName(want), typeName(args[i])));
                ok = false;
            }
        }
        if (ok && f->typeRule) {
            std::string problem;
            Type t = f->typeRule(args, &problem);
            if (!problem.empty())
                error(n, problem);
            return TypeInfo{t, {}};
        }
        return TypeInfo{f->returnType, {}};
    }
};

bool isColumnOf(const std::vector<const std::map<std::string, Type>*>& rows, const std::string& n) {
    for (const auto* cols : rows)
        if (!cols || cols->count(n))
            return true;  // null: columns unknown, take it as a column
    return false;
}

void collect(const Node& n, const TypeScope* types,
             std::vector<const std::map<std::string, Type>*>& rows, std::vector<std::string>& out) {
    if (n.kind == Node::Kind::Name) {
        if (n.name.front() == '$' || isColumnOf(rows, n.name))
            return;
        if (std::find(out.begin(), out.end(), n.name) == out.end())
            out.push_back(n.name);
        return;
    }
    if (n.kind == Node::Kind::Call && n.kids.size() == 2 && isAggregateName(n.name)) {
        std::optional<TypeInfo> table;
        if (types && n.kids[0]->kind == Node::Kind::Name && !isColumnOf(rows, n.kids[0]->name))
            table = types->typeOf(n.kids[0]->name);
        bool isTable = table && table->type == Type::Table;
        // Without types min/max are taken as plain functions: min(a, b) is the common use.
        bool isMinMax = n.name == "min" || n.name == "max";
        if (!isMinMax || isTable) {
            collect(*n.kids[0], types, rows, out);
            bool knownColumns = isTable && !table->columns.empty();
            rows.push_back(knownColumns ? &table->columns : nullptr);
            collect(*n.kids[1], types, rows, out);
            rows.pop_back();
            return;
        }
    }
    for (const auto& k : n.kids)
        collect(*k, types, rows, out);
}

}  // namespace

TypeInfo checkTree(const Node& node, const TypeScope& types, const FunctionTable& fns,
                   const Source& src, ValidationResult& result) {
    return Checker(fns, src, result).check(node, types);
}

void collectReferences(const Node& node, const TypeScope* types, std::vector<std::string>& out) {
    std::vector<const std::map<std::string, Type>*> rows;
    collect(node, types, rows, out);
}

}  // namespace par::expr::detail
