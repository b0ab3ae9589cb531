// SPDX-License-Identifier: Apache-2.0
// fuzz_xlsx.cpp - XLSX dossier logs (par::dossier::XlsxReader): the package, the workbook, shared
// strings and the sheet's rows, read to the end through a scratch file, twice: with the inflating
// thread and without it, which must give the same records and the same error. The same bytes are
// also given to XlsxScan as a row and as a string item, by the one-pass reader and by the general
// one, which must agree (issue #19: the fast paths change nothing but the time).
#include <cstdlib>
#include <vector>

#include "FuzzSupport.hpp"
#include "core/common/Error.hpp"
#include "core/dossier/XlsxReader.hpp"
#include "core/dossier/XlsxScan.hpp"

namespace {

struct Outcome {
    std::vector<std::string> fields;  // every record's line and fields, flattened
    std::string error;
};

Outcome readAll(const std::string& path, bool ahead) {
    Outcome out;
    try {
        par::dossier::XlsxReader reader(path, "", ahead);
        par::dossier::RawRecord r;
        while (reader.next(r)) {
            out.fields.push_back(std::to_string(r.line));
            for (auto f : r.fields)
                out.fields.emplace_back(f);
        }
    } catch (const par::Error& e) {
        out.error = e.what();
    }
    return out;
}

void compareScanners(std::string_view text) {
    par::dossier::XlsxScan fast(true), general(false);
    std::vector<par::dossier::XlsxCell> a, b;
    long na = 0, nb = 0;
    std::string ea, eb;
    const bool oka = fast.row(text, na, a, ea), okb = general.row(text, nb, b, eb);
    if (oka != okb || (oka && (na != nb || a.size() != b.size())))
        std::abort();
    for (size_t k = 0; oka && k < a.size(); ++k)
        if (a[k].column != b[k].column || a[k].type != b[k].type || a[k].value != b[k].value)
            std::abort();
    std::string ta, tb;
    const bool sa = fast.stringItem(text, ta, ea), sb = general.stringItem(text, tb, eb);
    if (sa != sb || (sa && ta != tb))
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    compareScanners(par::fuzz::bytes(data, size));
    const std::string& path = par::fuzz::writeScratch(par::fuzz::bytes(data, size), ".xlsx");
    par::fuzz::refuseOnlyWithParError([&] { (void)par::dossier::XlsxReader::sheetNames(path); });
    const Outcome one = readAll(path, false);
    const Outcome two = readAll(path, true);
    if (one.fields != two.fields || one.error != two.error)
        std::abort();  // the inflating thread changed what was read
    return 0;
}
