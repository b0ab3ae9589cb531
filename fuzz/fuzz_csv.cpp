// SPDX-License-Identifier: Apache-2.0
// fuzz_csv.cpp - CSV dossier logs (par::dossier::CsvReader), read to the end through a scratch file;
// and the parallel scan's boundary finder checked against the record parser on the same bytes:
// every cut CsvSplitter makes must be a record end of the sequential parse, with the same line
// count (the property the parallel analysis relies on for identical figures); and the analysis in
// byte ranges (one per thread, cuts guessed and then proved) against one thread on the same log (a
// fixed header, then the input): the same figures, bad rows and worst list, or the same error at
// the same line, for cuts taken from the input.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "FuzzDossier.hpp"
#include "FuzzSupport.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/dossier/CsvScan.hpp"
#include "core/dossier/DossierAnalyzer.hpp"

namespace {

void checkSplitter(const std::string& text) {
    const std::string file = "fuzz.csv";
    const char* b = text.data();
    const char* e = b + text.size();
    // Record ends of the sequential parse → lines before them.
    std::map<const char*, long> ends;
    ends[b] = 0;
    try {
        par::dossier::CsvRecordParser parser(',', &file);
        par::dossier::RawRecord rec;
        const char* p = b;
        long line = 0, lines = 0;
        while (parser.parse(p, e, true, line, rec, lines) ==
               par::dossier::CsvRecordParser::Result::Record) {
            line += lines;
            ends[p] = line;
        }
    } catch (const par::Error&) {
        return;  // the file is refused either way
    }
    const par::dossier::CsvSplitter splitter(',', &file);
    for (size_t k : {text.size(), text.size() / 2, text.size() / 3, text.size() * 2 / 3}) {
        long linesTo = 0;
        const char* cut = nullptr;
        try {
            cut = splitter.lastBoundary(b, b + k, k == text.size(), 0, linesTo);
        } catch (const par::Error&) {
            if (k == text.size())
                std::abort();  // the parser took the whole file, the splitter refused it
            continue;
        }
        const auto it = ends.find(cut);
        if (it == ends.end() || it->second != linesTo)
            std::abort();
    }
}


// One run of the analysis over `path`: the figures as comparable text, or the error and its line.
std::string analyse(const std::string& path, unsigned threads, const std::vector<long long>& cuts) {
    const par::ProcedureCatalog& catalog = par::fuzz::dossierCatalog();
    const par::cal::WorkingCalendar& calendar = par::fuzz::dossierCalendar();
    par::dossier::AnalysisOptions o;
    o.asOf = par::Date(2024, 3, 29);
    o.threads = threads;
    o.splitAt = cuts;
    o.worstLate = 3;
    o.keepInvalid = 5;
    std::string out;
    try {
        par::dossier::CsvReader reader(path);
        par::dossier::DossierAnalyzer a(catalog, calendar, o);
        const par::dossier::DossierStats st = a.analyze(reader);
        auto counts = [&](const par::dossier::DossierCounts& c) {
            for (long long v : {c.received, c.finishedEarly, c.finishedOnTime, c.finishedLate,
                                c.pendingInTime, c.pendingOverdue, c.wrongAppointment,
                                c.lateWorkingDaysSum})
                out += std::to_string(v) + ",";
        };
        out += std::to_string(st.rowsTotal) + " " + std::to_string(st.rowsInvalid) + " " +
               std::to_string(st.rowsUnknownProcedure) + " ";
        counts(st.totals);
        for (const auto& g : st.byUnit) {
            out += g.key + ":";
            counts(g.counts);
        }
        for (const auto& g : st.byMonth) {
            out += g.key + ":";
            counts(g.counts);
        }
        for (const auto& i : st.invalidRows)
            out += std::to_string(i.line) + i.reason + ";";
        for (const auto& f : st.worstLate)
            out += std::to_string(f.line) + ";";
    } catch (const par::ParseError& e) {
        out = "error " + std::to_string(e.where().line) + " " + e.message();
    } catch (const par::Error& e) {
        out = std::string("error ") + e.what();
    }
    return out;
}

void checkRanges(const std::string& text, const uint8_t* data, size_t size) {
    const std::string log =
        "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n" + text;
    const std::string& path = par::fuzz::writeScratch(log, ".csv");
    const std::string one = analyse(path, 1, {});
    // Cuts from the input's first bytes, so the fuzzer steers them into quotes and line ends.
    std::vector<long long> cuts;
    for (size_t i = 0; i < 2 && i < size; ++i)
        cuts.push_back(1 + static_cast<long long>(data[i] * log.size() / 256));
    std::sort(cuts.begin(), cuts.end());
    if (analyse(path, 2, {cuts.empty() ? 1 : cuts[0]}) != one ||
        analyse(path, static_cast<unsigned>(cuts.size() + 1), cuts) != one)
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(par::fuzz::bytes(data, size));
    const std::string& path = par::fuzz::writeScratch(text, ".csv");
    par::fuzz::refuseOnlyWithParError([&] {
        par::dossier::CsvReader reader(path);
        par::dossier::RawRecord r;
        size_t cells = 0;
        while (reader.next(r)) {
            for (auto f : r.fields) cells += f.size();
            (void)reader.fraction();
        }
        (void)cells;
    });
    checkSplitter(text);
    checkRanges(text, data, size);
    return 0;
}
