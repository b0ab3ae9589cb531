// SPDX-License-Identifier: Apache-2.0
// ExprScope.hpp - names for the expression harnesses: a few answers of each type and a dossier-like
// table, so that fuzzed expressions reach the evaluator's operators, functions and aggregates.
#pragma once

#include <memory>

#include "core/expr/Expression.hpp"
#include "core/expr/Scope.hpp"

namespace par::fuzz {

struct ExprWorld {
    expr::FunctionTable functions = expr::FunctionTable::withBuiltins();
    expr::MapScope values;
    expr::MapTypeScope types;

    ExprWorld() {
        auto table = std::make_shared<expr::Table>();
        table->columns = {"ma", "tre", "ngay"};
        table->rows = {{{"ma", expr::Value("1.001612")}, {"tre", expr::Value(0)},
                        {"ngay", expr::Value(Date(2018, 3, 1))}},
                       {{"ma", expr::Value("1.000894")}, {"tre", expr::Value(5)}}};
        values.set("n", expr::Value(3));
        values.set("x", expr::Value(2.5));
        values.set("s", expr::Value("Quỳnh Lưu"));
        values.set("b", expr::Value(true));
        values.set("d", expr::Value(Date(2018, 12, 5)));
        values.set("nul", expr::Value());
        values.set("ds", expr::Value(table));
        types.set("n", expr::Type::Number);
        types.set("x", expr::Type::Number);
        types.set("s", expr::Type::String);
        types.set("b", expr::Type::Bool);
        types.set("d", expr::Type::Date);
        types.set("nul", expr::Type::Any);
        types.set("ds", expr::TypeInfo{expr::Type::Table,
                                       {{"ma", expr::Type::String},
                                        {"tre", expr::Type::Number},
                                        {"ngay", expr::Type::Date}}});
    }
};

}  // namespace par::fuzz
