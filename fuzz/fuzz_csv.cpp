// SPDX-License-Identifier: Apache-2.0
// fuzz_csv.cpp - CSV dossier logs (par::dossier::CsvReader), read to the end through a scratch file;
// and the parallel scan's boundary finder checked against the record parser on the same bytes:
// every cut CsvSplitter makes must be a record end of the sequential parse, with the same line
// count (the property the parallel analysis relies on for identical figures).
#include <cstdlib>
#include <map>

#include "FuzzSupport.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/dossier/CsvScan.hpp"

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
    return 0;
}
