// SPDX-License-Identifier: Apache-2.0
// bench_report.cpp - the report budget: the conclusion notice of the Quỳnh Lưu sample audit padded
// to N findings (default 500) with its remediation annex, rendered R times (default 5); prints the
// median time, pages and bytes. The padding findings are copies of the sample's own rule findings
// (text and recommendation, 14-60 words each), entered as manual findings, so the page count is
// what a real inspection of that size would give. Each run builds the data from the audit (rules
// evaluated, deadlines computed), loads the template, lays out and writes the PDF.
// Usage: bench_report [findings] [runs] [out.pdf] [--synthetic]
//   --synthetic: the engine-only data of par::report::sampleNoticeData(N) instead of the audit.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "core/findings/FindingsEngine.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/report/AuditData.hpp"
#include "core/report/SampleData.hpp"
#include "pdf/PdfWriter.hpp"
#include "pdf/Template.hpp"

namespace {

// The sample audit with its rule findings evaluated, then copies of them appended as manual
// findings up to `n`.
par::AuditBundle paddedSample(size_t n) {
    par::AuditBundle b = par::AuditBundle::open(std::string(PAR_SOURCE_DIR) +
                                                "/samples/quynh-luu-2018/quynh-luu-2018.audit.xml");
    par::FindingsEngine(*b.form, b.reference).apply(b.audit);
    const std::vector<par::Finding> real = b.audit.findings;
    for (size_t i = real.size(); i < n && !real.empty(); ++i) {
        par::Finding f = real[i % real.size()];
        f.id = b.audit.nextFindingId();
        f.origin = par::FindingOrigin::Manual;
        f.rule.clear();
        f.key.clear();
        f.text += " (mẫu " + std::to_string(i + 1) + ")";
        f.recommendation.text += " (mẫu " + std::to_string(i + 1) + ")";
        b.audit.findings.push_back(std::move(f));
    }
    return b;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args;
    bool synthetic = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--synthetic") == 0)
            synthetic = true;
        else
            args.emplace_back(argv[i]);
    }
    size_t findings = args.size() > 0 ? std::stoul(args[0]) : 500;
    int runs = args.size() > 1 ? std::stoi(args[1]) : 5;
    std::string tpl = std::string(PAR_SOURCE_DIR) + "/templates/thong-bao-ket-luan.xml";
    par::AuditBundle bundle;
    if (!synthetic)
        bundle = paddedSample(findings);
    par::pdf::RenderOptions options;
    options.sourceDateEpoch = 0;
    std::vector<double> times;
    par::pdf::RenderResult last;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        par::report::Data data =
            synthetic ? par::report::sampleNoticeData(findings) : par::report::auditData(bundle);
        par::pdf::Template t = par::pdf::Template::load(tpl);
        par::pdf::Document doc = t.render(data);
        last = par::pdf::renderPdf(doc, options);
        times.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    if (args.size() > 2)
        std::ofstream(args[2], std::ios::binary) << last.pdf;
    std::printf(
        "bench_report: %zu findings (%s), %zu pages, %zu bytes, median %.3f s, min %.3f s, max "
        "%.3f s (%d runs)\n",
        findings, synthetic ? "synthetic" : "sample audit", last.pages.size(), last.pdf.size(),
        times[times.size() / 2], times.front(), times.back(), runs);
    return 0;
}
