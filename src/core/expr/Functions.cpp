// SPDX-License-Identifier: Apache-2.0
#include "core/expr/Functions.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cmath>

#include "core/common/Text.hpp"
#include "core/expr/Operators.hpp"

namespace par::expr {

Type Function::argType(size_t i) const {
    if (argTypes.empty())
        return Type::Any;
    return i < argTypes.size() ? argTypes[i] : argTypes.back();
}

void FunctionTable::add(Function f) {
    std::string key = f.name;
    functions_[key] = std::move(f);
}

const Function* FunctionTable::find(std::string_view name) const {
    auto it = functions_.find(name);
    return it == functions_.end() ? nullptr : &it->second;
}

std::vector<std::string> FunctionTable::names() const {
    std::vector<std::string> out;
    for (const auto& [name, f] : functions_)
        out.push_back(name);
    return out;
}

bool isAggregateName(std::string_view name) {
    return name == "count" || name == "sum" || name == "avg" || name == "min" || name == "max" ||
           name == "any" || name == "all";
}

size_t characterCount(const std::string& s) {
    std::string n = nfc(s);
    size_t count = 0;
    for (unsigned char c : n)
        if ((c & 0xC0) != 0x80)
            ++count;
    return count;
}

namespace {

using Args = std::vector<Value>;

bool anyNull(const Args& args) {
    for (const auto& a : args)
        if (a.isNull())
            return true;
    return false;
}

// The value of argument i, which must have type t (callers have handled null).
const Value& need(const char* fn, const Args& args, size_t i, Type t) {
    if (args[i].type() != t)
        throw EvalError(fmt(tr("hàm {}: đối số thứ {} cần kiểu {} nhưng có kiểu {}",
                               "function {}: argument {} must be a {} but is a {}"),
                            fn, std::to_string(i + 1), typeName(t), typeName(args[i].type())));
    return args[i];
}

bool known(Type t) {
    return t != Type::Any && t != Type::Null;
}

// The common type of values that must all have the same type (Null and Any fit anything).
Type commonType(const std::vector<Type>& types, size_t from, bool* conflict) {
    Type common = Type::Any;
    *conflict = false;
    for (size_t i = from; i < types.size(); ++i) {
        if (!known(types[i]))
            continue;
        if (common == Type::Any)
            common = types[i];
        else if (common != types[i])
            *conflict = true;
    }
    return common;
}

std::string argProblem(const char* fn, size_t i, const char* expected, Type got) {
    return fmt(tr("hàm {}: đối số thứ {} cần {} nhưng có kiểu {}",
                  "function {}: argument {} must be {} but is a {}"),
               fn, std::to_string(i + 1), expected, typeName(got));
}

Function minMax(const char* name, bool isMin) {
    Function f;
    f.name = name;
    f.minArgs = 2;
    f.maxArgs = kUnlimitedArgs;
    f.typeRule = [name](const std::vector<Type>& types, std::string* problem) {
        for (size_t i = 0; i < types.size(); ++i)
            if (known(types[i]) && types[i] != Type::Number && types[i] != Type::Date) {
                *problem = argProblem(name, i, tr("số hoặc ngày", "a number or a date"), types[i]);
                return Type::Any;
            }
        bool conflict = false;
        Type t = commonType(types, 0, &conflict);
        if (conflict)
            *problem = fmt(tr("hàm {}: các đối số phải cùng kiểu (cùng là số hoặc cùng là ngày)",
                              "function {}: the arguments must have one type (numbers or dates)"),
                           name);
        return t;
    };
    f.call = [name, isMin](const Args& args) -> Value {
        if (anyNull(args))
            return Value();
        Type t = args[0].type();
        if (t != Type::Number && t != Type::Date)
            throw EvalError(argProblem(name, 0, tr("số hoặc ngày", "a number or a date"), t));
        size_t best = 0;
        for (size_t i = 1; i < args.size(); ++i) {
            need(name, args, i, t);
            bool less = t == Type::Number ? args[i].asNumber() < args[best].asNumber()
                                          : args[i].asDate() < args[best].asDate();
            bool greater = t == Type::Number ? args[i].asNumber() > args[best].asNumber()
                                             : args[i].asDate() > args[best].asDate();
            if (isMin ? less : greater)
                best = i;
        }
        return args[best];
    };
    return f;
}

Function simple(const char* name, size_t minArgs, size_t maxArgs, std::vector<Type> argTypes,
                Type result, std::function<Value(const Args&)> call) {
    Function f;
    f.name = name;
    f.minArgs = minArgs;
    f.maxArgs = maxArgs;
    f.argTypes = std::move(argTypes);
    f.returnType = result;
    f.call = std::move(call);
    return f;
}

std::string lowerCase(const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
    u.toLower(icu::Locale::getRoot());
    std::string out;
    u.toUTF8String(out);
    return nfc(out);
}

}  // namespace

FunctionTable FunctionTable::withBuiltins() {
    FunctionTable t;
    const Type N = Type::Number, S = Type::String, D = Type::Date, L = Type::List, A = Type::Any,
               B = Type::Bool;

    t.add(simple("ratio", 2, 2, {N}, N, [](const Args& a) -> Value {
        if (anyNull(a))
            return Value();
        double num = need("ratio", a, 0, N).asNumber();
        double den = need("ratio", a, 1, N).asNumber();
        if (den == 0)
            return Value();
        return Value(num / den);
    }));

    t.add(simple("round", 1, 2, {N}, N, [](const Args& a) -> Value {
        if (anyNull(a))
            return Value();
        double x = need("round", a, 0, N).asNumber();
        double digits = a.size() > 1 ? need("round", a, 1, N).asNumber() : 0;
        if (digits != std::floor(digits) || digits < 0 || digits > 15)
            throw EvalError(tr("hàm round: số chữ số thập phân phải là số nguyên từ 0 đến 15",
                               "function round: digits must be a whole number from 0 to 15"));
        double p = std::pow(10.0, digits);
        double r = std::round(x * p) / p;
        return std::isfinite(r) ? Value(r) : Value(x);
    }));

    t.add(simple("abs", 1, 1, {N}, N, [](const Args& a) -> Value {
        if (anyNull(a))
            return Value();
        return Value(std::fabs(need("abs", a, 0, N).asNumber()));
    }));

    // number(x[, digits]): a figure as people read it in a document: "17.334", "88,89" in
    // Vietnamese, "17,334", "88.89" in English. digits (default: as many as needed, at most 2).
    t.add(simple("number", 1, 2, {N}, S, [](const Args& a) -> Value {
        if (anyNull(a))
            return Value();
        double x = need("number", a, 0, N).asNumber();
        int digits = -1;
        if (a.size() > 1) {
            double d = need("number", a, 1, N).asNumber();
            if (d != std::floor(d) || d < 0 || d > 6)
                throw EvalError(tr("hàm number: số chữ số thập phân phải là số nguyên từ 0 đến 6",
                                   "function number: digits must be a whole number from 0 to 6"));
            digits = static_cast<int>(d);
        }
        return Value(formatGroupedNumber(x, digits));
    }));

    // text(x): any value as the text placeholders show it.
    t.add(simple("text", 1, 1, {A}, S, [](const Args& a) -> Value {
        if (a[0].isNull())
            return Value(std::string());
        return Value(a[0].display());
    }));

    t.add(minMax("min", true));
    t.add(minMax("max", false));

    {
        Function f = simple("coalesce", 1, kUnlimitedArgs, {A}, A, [](const Args& a) -> Value {
            for (const auto& v : a)
                if (!v.isNull())
                    return v;
            return Value();
        });
        f.typeRule = [](const std::vector<Type>& types, std::string*) {
            bool conflict = false;
            Type c = commonType(types, 0, &conflict);
            return conflict ? Type::Any : c;
        };
        t.add(std::move(f));
    }

    t.add(simple("answered", 1, 1, {A}, B, [](const Args& a) -> Value {
        const Value& v = a[0];
        switch (v.type()) {
            case Type::Null:
                return Value(false);
            case Type::String:
                return Value(!trim(v.asString()).empty());
            case Type::List:
                return Value(!v.asList().empty());
            case Type::Table:
                return Value(!v.asTable().rows.empty());
            default:
                return Value(true);
        }
    }));

    {
        Function f = simple("len", 1, 1, {A}, N, [](const Args& a) -> Value {
            const Value& v = a[0];
            switch (v.type()) {
                case Type::Null:
                    return Value();
                case Type::String:
                    return Value(static_cast<double>(characterCount(v.asString())));
                case Type::List:
                    return Value(static_cast<double>(v.asList().size()));
                case Type::Table:
                    return Value(static_cast<double>(v.asTable().rows.size()));
                default:
                    throw EvalError(argProblem(
                        "len", 0, tr("chuỗi, danh sách hoặc bảng", "a string, a list or a table"),
                        v.type()));
            }
        });
        f.typeRule = [](const std::vector<Type>& types, std::string* problem) {
            Type t0 = types[0];
            if (known(t0) && t0 != Type::String && t0 != Type::List && t0 != Type::Table)
                *problem = argProblem(
                    "len", 0, tr("chuỗi, danh sách hoặc bảng", "a string, a list or a table"), t0);
            return Type::Number;
        };
        t.add(std::move(f));
    }

    {
        Function f = simple("contains", 2, 2, {A}, B,
                            [](const Args& a) -> Value { return containsValue(a[0], a[1]); });
        f.typeRule = [](const std::vector<Type>& types, std::string* problem) {
            *problem = containsTypeProblem(types[0], types[1]);
            return Type::Bool;
        };
        t.add(std::move(f));
    }

    t.add(simple("join", 1, 2, {L, S}, S, [](const Args& a) -> Value {
        if (a[0].isNull())
            return Value();
        const auto& list = need("join", a, 0, L).asList();
        std::string sep = "; ";
        if (a.size() > 1 && !a[1].isNull())
            sep = need("join", a, 1, S).asString();
        std::string out;
        bool first = true;
        for (const auto& item : list) {
            if (item.isNull())
                continue;
            if (!first)
                out += sep;
            out += item.display();
            first = false;
        }
        return Value(std::move(out));
    }));

    t.add(simple("lower", 1, 1, {S}, S, [](const Args& a) -> Value {
        if (anyNull(a))
            return Value();
        return Value(lowerCase(need("lower", a, 0, S).asString()));
    }));

    t.add(simple("date", 1, 1, {S}, D, [](const Args& a) -> Value {
        if (anyNull(a))
            return Value();
        auto d = parseIsoDate(trim(need("date", a, 0, S).asString()));
        return d ? Value(*d) : Value();
    }));

    t.add(simple("year", 1, 1, {D}, N, [](const Args& a) -> Value {
        if (anyNull(a))
            return Value();
        return Value(static_cast<int>(need("year", a, 0, D).asDate().year()));
    }));

    t.add(simple("month", 1, 1, {D}, N, [](const Args& a) -> Value {
        if (anyNull(a))
            return Value();
        return Value(static_cast<int>(need("month", a, 0, D).asDate().month()));
    }));

    t.add(simple("days_between", 2, 2, {D}, N, [](const Args& a) -> Value {
        if (anyNull(a))
            return Value();
        auto from = need("days_between", a, 0, D).asDate();
        auto to = need("days_between", a, 1, D).asDate();
        return Value(static_cast<double>((to - from).days()));
    }));

    t.add(simple("lines", 1, 1, {S}, L, [](const Args& a) -> Value {
        if (anyNull(a))
            return Value();
        std::vector<Value> out;
        for (auto& piece : splitList(need("lines", a, 0, S).asString(), "\n\r;"))
            out.emplace_back(std::move(piece));
        return Value(std::move(out));
    }));

    {
        // Evaluated lazily by the evaluator; this eager version serves direct calls.
        Function f = simple("if", 3, 3, {B, A, A}, A, [](const Args& a) -> Value {
            if (a[0].isNull())
                return a[2];
            return need("if", a, 0, B).asBool() ? a[1] : a[2];
        });
        f.typeRule = [](const std::vector<Type>& types, std::string*) {
            bool conflict = false;
            Type c = commonType(types, 1, &conflict);
            return conflict ? Type::Any : c;
        };
        t.add(std::move(f));
    }
    return t;
}

}  // namespace par::expr
