// SPDX-License-Identifier: Apache-2.0
// fuzz_pdf_signatures.cpp - the PDF reader behind `sign` and `verify` (pdf/PdfObjects) and the
// signature check over it (pdf/PdfSignatureCheck): a hostile PDF may be refused with a par::Error,
// nothing else (issue #20).
#include "FuzzSupport.hpp"
#include "pdf/PdfSignatureCheck.hpp"
#include "pdf/PdfSigner.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    par::fuzz::refuseOnlyWithParError([&] {
        std::string_view pdf = par::fuzz::bytes(data, size);
        (void)par::pdf::recordedSignatureBox(pdf, "fuzz.pdf");
        auto report = par::pdf::checkPdfSignatures(pdf, "fuzz.pdf", nullptr);
        (void)par::pdf::describeSignatures(report, false);
    });
    return 0;
}
