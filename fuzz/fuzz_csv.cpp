// fuzz_csv.cpp - CSV dossier logs (par::dossier::CsvReader), read to the end through a scratch file.
#include "FuzzSupport.hpp"
#include "core/dossier/CsvReader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string& path = par::fuzz::writeScratch(par::fuzz::bytes(data, size), ".csv");
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
    return 0;
}
