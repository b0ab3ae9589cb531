// SPDX-License-Identifier: Apache-2.0
// fuzz_expr.cpp - the expression language (src/core/expr): parse, check, list references, evaluate.
#include "ExprScope.hpp"
#include "FuzzSupport.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const par::fuzz::ExprWorld world;
    par::fuzz::refuseOnlyWithParError([&] {
        auto e = par::expr::Expression::parse(par::fuzz::bytes(data, size), {"fuzz.xml", 1, 0});
        par::ValidationResult problems;
        (void)e.check(world.types, world.functions, problems);
        (void)e.references();
        (void)e.references(world.types);
        (void)e.evaluate(world.values, world.functions).display();
    });
    return 0;
}
