// SPDX-License-Identifier: Apache-2.0
// csv_to_xlsx - turns a dossier log made by gen_dossier_log into the workbook a one-stop system's
// "export to Excel" gives: one sheet, the same header and cells as text in the shared-strings
// table (libxlsxwriter's default mode, as Excel writes them), for the XLSX side of
// scripts/bench-dossiers.sh. Rows the CSV reader takes are written as they are read.
//
//   csv_to_xlsx LOG.csv LOG.xlsx
#include <xlsxwriter.h>

#include <iostream>
#include <string>

#include "core/common/Error.hpp"
#include "core/dossier/CsvReader.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: csv_to_xlsx LOG.csv LOG.xlsx\n";
        return 2;
    }
    try {
        par::dossier::CsvReader in(argv[1]);
        lxw_workbook* wb = workbook_new(argv[2]);
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Nhật ký");
        lxw_row_t row = 0;
        auto put = [&](lxw_col_t col, std::string_view v) {
            if (!v.empty())
                worksheet_write_string(ws, row, col, std::string(v).c_str(), nullptr);
        };
        for (size_t c = 0; c < in.header().size(); ++c)
            put(static_cast<lxw_col_t>(c), in.header()[c]);
        par::dossier::RawRecord rec;
        while (in.next(rec)) {
            ++row;
            for (size_t c = 0; c < rec.fields.size(); ++c)
                put(static_cast<lxw_col_t>(c), rec.fields[c]);
        }
        if (workbook_close(wb) != LXW_NO_ERROR) {
            std::cerr << "cannot write " << argv[2] << "\n";
            return 1;
        }
        std::cerr << row << " rows written to " << argv[2] << "\n";
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
