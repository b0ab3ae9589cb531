// bench_report.cpp - the report speed budget: a notice with N findings (default 500) and its
// remediation annex, rendered R times (default 5); prints the median time, pages and bytes.
// Usage: bench_report [findings] [runs] [out.pdf]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/report/SampleData.hpp"
#include "pdf/PdfWriter.hpp"
#include "pdf/Template.hpp"

int main(int argc, char** argv) {
    size_t findings = argc > 1 ? std::stoul(argv[1]) : 500;
    int runs = argc > 2 ? std::stoi(argv[2]) : 5;
    std::string tpl = std::string(PAR_SOURCE_DIR) + "/templates/thong-bao-ket-luan.xml";
    par::report::Data data = par::report::sampleNoticeData(findings);
    par::pdf::RenderOptions options;
    options.sourceDateEpoch = 0;
    std::vector<double> times;
    par::pdf::RenderResult last;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        par::pdf::Template t = par::pdf::Template::load(tpl);
        par::pdf::Document doc = t.render(data);
        last = par::pdf::renderPdf(doc, options);
        times.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    if (argc > 3)
        std::ofstream(argv[3], std::ios::binary) << last.pdf;
    std::printf(
        "bench_report: %zu findings, %zu pages, %zu bytes, median %.3f s, min %.3f s, max %.3f s "
        "(%d runs)\n",
        findings, last.pages.size(), last.pdf.size(), times[times.size() / 2], times.front(),
        times.back(), runs);
    return 0;
}
