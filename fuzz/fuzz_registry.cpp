// SPDX-License-Identifier: Apache-2.0
// fuzz_registry.cpp - legal registries (par::LegalRegistry): read, cross-check, list changes.
#include "FuzzSupport.hpp"
#include "core/model/LegalRegistry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    par::fuzz::refuseOnlyWithParError([&] {
        auto r = par::LegalRegistry::parse(std::string(par::fuzz::bytes(data, size)), "fuzz.xml");
        (void)r.validate();
        for (const auto& [key, t] : r.texts())
            for (const auto& c : r.changesBetween(t.number, par::Date(1990, 1, 1), par::Date(2100, 1, 1)))
                (void)c.describe();
    });
    return 0;
}
