// SPDX-License-Identifier: Apache-2.0
// fuzz_template.cpp - report templates (par::pdf::Template): parse, validate, bind to sample data,
// then lay the document out (line breaking, even centred lines, tables, page breaks) with a
// measurer of fixed widths, so no font file is read. Includes resolve in the repository's
// templates/, so the bundled notice reaches its plan annex.
#include "FuzzSupport.hpp"
#include "core/report/SampleData.hpp"
#include "pdf/Layout.hpp"
#include "pdf/Template.hpp"

namespace {
// Half the font size per code point, as the tests' measurer: the layout's logic, not the fonts'.
class FixedMeasurer : public par::pdf::TextMeasurer {
public:
    double width(std::string_view utf8, par::pdf::FontStyle, double size) const override {
        size_t n = 0;
        for (unsigned char c : utf8)
            n += (c & 0xC0) != 0x80;
        return static_cast<double>(n) * size * 0.5;
    }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const par::report::Data sample = par::report::sampleNoticeData(3);
    par::fuzz::refuseOnlyWithParError([&] {
        auto t = par::pdf::Template::parse(par::fuzz::bytes(data, size), "fuzz.xml",
                                             PAR_FUZZ_SOURCE_DIR "/templates");
        const par::pdf::Document doc = t.render(sample);
        static const FixedMeasurer measurer;
        (void)par::pdf::layoutDocument(doc, measurer);
    });
    return 0;
}
