// SPDX-License-Identifier: Apache-2.0
// fuzz_form.cpp - checklist forms (par::FormReader): parse and validate every rule's expression.
#include <memory>

#include "FuzzSupport.hpp"
#include "core/model/FormReader.hpp"
#include "core/model/Reference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const par::expr::FunctionTable functions =
        par::formFunctions(std::make_shared<par::ReferenceData>(), std::nullopt);
    par::fuzz::refuseOnlyWithParError([&] {
        par::FormLoad load = par::FormReader::parse(par::fuzz::bytes(data, size), "fuzz.xml", functions);
        for (const auto& p : load.problems.problems()) (void)p.str();
    });
    return 0;
}
