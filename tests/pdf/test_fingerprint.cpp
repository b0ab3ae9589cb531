// SPDX-License-Identifier: Apache-2.0
// Reading a document's fingerprint from a file in pieces (verify streams the PDF: issue #19, item
// 3) gives what reading the whole gives, wherever the pieces cut the mark.
#include <catch2/catch.hpp>

#include <random>

#include "TestSupport.hpp"
#include "pdf/Fingerprint.hpp"

using namespace par;

TEST_CASE("property: the fingerprint read in pieces is the one read whole",
          "[pdf][fingerprint][property]") {
    test::ScratchDir dir;
    const std::string f = dir.file("doc.pdf");
    std::mt19937 rng(19);
    auto hex = [&] {
        std::string h;
        for (int i = 0; i < 64; ++i)
            h += "0123456789abcdef"[rng() % 16];
        return h;
    };
    for (int round = 0; round < 60; ++round) {
        std::string bytes = round % 5 == 0 ? "not a pdf" : "%PDF-1.7\n";
        for (int part = 0; part < 6; ++part) {
            bytes += std::string(rng() % 300, static_cast<char>('a' + rng() % 26));
            switch (rng() % 4) {
                case 0:
                    bytes += std::string(pdf::kFingerprintMarker) + hex();
                    break;  // a mark
                case 1:
                    bytes += std::string(pdf::kFingerprintMarker) + hex().substr(0, 20);
                    break;  // damaged
                case 2:
                    bytes += std::string(pdf::kFingerprintMarker).substr(0, 9);
                    break;  // a part of the marker
                default:
                    break;
            }
        }
        if (rng() % 2)
            bytes += std::string(pdf::kFingerprintMarker) + hex().substr(0, 63);  // cut at the end
        test::writeText(f, bytes);
        const auto whole = pdf::readFingerprint(bytes);
        for (size_t chunk : {size_t(1), size_t(3), size_t(17), size_t(80), size_t(81), size_t(200),
                             size_t(1) << 20}) {
            INFO("round " << round << ", pieces of " << chunk);
            const pdf::PdfFileMark m = pdf::readFingerprintFromFile(f, 1u << 20, chunk);
            CHECK(m.fingerprint == whole);
            CHECK(m.looksLikePdf == pdf::looksLikePdf(bytes));
        }
    }
    // A file over the bound is refused before it is read.
    test::writeText(f, std::string(5000, 'x'));
    CHECK_THROWS_WITH(pdf::readFingerprintFromFile(f, 4096),
                      Catch::Contains("5000") && Catch::Contains("4096"));
}
