// SPDX-License-Identifier: Apache-2.0
// fuzz_xlsx.cpp - XLSX dossier logs (par::dossier::XlsxReader): the package, the workbook, shared
// strings and the sheet's rows, read to the end through a scratch file.
#include "FuzzSupport.hpp"
#include "core/dossier/XlsxReader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string& path = par::fuzz::writeScratch(par::fuzz::bytes(data, size), ".xlsx");
    par::fuzz::refuseOnlyWithParError([&] {
        (void)par::dossier::XlsxReader::sheetNames(path);
        par::dossier::XlsxReader reader(path);
        par::dossier::RawRecord r;
        size_t cells = 0;
        while (reader.next(r))
            for (auto f : r.fields) cells += f.size();
        (void)cells;
    });
    return 0;
}
