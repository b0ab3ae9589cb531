// SPDX-License-Identifier: Apache-2.0
// ExprTestSupport.hpp - helpers shared by the expression tests: parse-and-evaluate in one call, a
// small form's worth of names and types.
#pragma once

#include <memory>
#include <string>

#include "core/expr/Expression.hpp"

namespace par::expr::test {

inline const FunctionTable& builtins() {
    static const FunctionTable fns = FunctionTable::withBuiltins();
    return fns;
}

inline Value eval(const std::string& text, const Scope& scope) {
    return Expression::parse(text, SourceLocation{"t.xml", 1, 0}).evaluate(scope, builtins());
}

inline Value eval(const std::string& text) {
    return eval(text, MapScope());
}

// The message of the ParseError that parsing text throws ("" when it parses).
inline std::string parseError(const std::string& text, SourceLocation where = {"f.xml", 3, 10},
                              SourceLocation* at = nullptr) {
    try {
        Expression::parse(text, where);
    } catch (const ParseError& e) {
        if (at)
            *at = e.where();
        return e.message();
    }
    return "";
}

// Rows of a dossier table: procedure code, days late, on time, receipt date.
inline std::shared_ptr<const Table> dossierTable() {
    auto t = std::make_shared<Table>();
    t->columns = {"ma", "tre", "dung_han", "ngay"};
    t->rows = {
        {{"ma", Value("1.001612")},
         {"tre", Value(0)},
         {"dung_han", Value(true)},
         {"ngay", Value(Date(2018, 3, 1))}},
        {{"ma", Value("1.000894")},
         {"tre", Value(5)},
         {"dung_han", Value(false)},
         {"ngay", Value(Date(2018, 5, 20))}},
        {{"ma", Value("2.002155")}, {"tre", Value(2)}, {"dung_han", Value(false)}},
        {{"ma", Value("1.003003")}, {"dung_han", Value()}, {"ngay", Value(Date(2018, 1, 9))}},
    };
    return t;
}

}  // namespace par::expr::test
