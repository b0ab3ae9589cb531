// SPDX-License-Identifier: Apache-2.0
// fuzz_catalog.cpp - procedure catalogs (par::ProcedureCatalog), and the surplus-components check.
#include "FuzzSupport.hpp"
#include "core/model/ProcedureCatalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    par::fuzz::refuseOnlyWithParError([&] {
        auto c = par::ProcedureCatalog::parse(std::string(par::fuzz::bytes(data, size)), "fuzz.xml");
        for (const auto& [code, p] : c.procedures()) {
            std::vector<std::string> requested;
            for (const auto& comp : p.components) requested.push_back(comp.text + " (bản sao)");
            (void)c.surplus(code, requested);
        }
    });
    return 0;
}
