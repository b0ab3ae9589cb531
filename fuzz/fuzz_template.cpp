// SPDX-License-Identifier: Apache-2.0
// fuzz_template.cpp - report templates (par::pdf::Template): parse, validate, bind to sample data.
// Includes resolve in the repository's templates/, so the bundled notice reaches its plan annex.
#include "FuzzSupport.hpp"
#include "core/report/SampleData.hpp"
#include "pdf/Template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const par::report::Data sample = par::report::sampleNoticeData(3);
    par::fuzz::refuseOnlyWithParError([&] {
        auto t = par::pdf::Template::parse(par::fuzz::bytes(data, size), "fuzz.xml",
                                             PAR_FUZZ_SOURCE_DIR "/templates");
        (void)t.render(sample);
    });
    return 0;
}
