// SPDX-License-Identifier: Apache-2.0
// fuzz_text_template.cpp - finding texts with {expression} placeholders (par::expr::TextTemplate).
#include "ExprScope.hpp"
#include "FuzzSupport.hpp"
#include "core/expr/TextTemplate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const par::fuzz::ExprWorld world;
    par::fuzz::refuseOnlyWithParError([&] {
        auto t = par::expr::TextTemplate::parse(par::fuzz::bytes(data, size), {"fuzz.xml", 1, 0});
        par::ValidationResult problems;
        t.check(world.types, world.functions, problems);
        (void)t.references(world.types);
        (void)t.render(world.values, world.functions);
    });
    return 0;
}
