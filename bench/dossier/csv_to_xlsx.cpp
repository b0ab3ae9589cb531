// SPDX-License-Identifier: Apache-2.0
// csv_to_xlsx - turns a dossier log made by gen_dossier_log into the workbook a one-stop system's
// "export to Excel" gives: one sheet, the same header and cells as text in the shared-strings
// table (libxlsxwriter's default mode, as Excel writes them), for the XLSX side of
// scripts/bench-dossiers.sh. Rows the CSV reader takes are written as they are read.
// With --typed, the workbook Excel saves after opening the CSV and recognising its values: whole
// numbers without a leading zero (STT) as numbers, date-times as date serials with a
// dd/mm/yyyy (hh:mm:ss) format; everything else (codes such as 1.001193 included) as text.
// With --inline, every text as an inline string in its cell (libxlsxwriter's constant-memory
// mode), the form streaming writers such as Apache POI's SXSSF give large exports.
//
//   csv_to_xlsx [--typed | --inline] LOG.csv LOG.xlsx
#include <xlsxwriter.h>

#include <iostream>
#include <string>

#include "core/common/Error.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/dossier/DossierDates.hpp"

int main(int argc, char** argv) {
    const bool typed = argc == 4 && std::string(argv[1]) == "--typed";
    const bool inlined = argc == 4 && std::string(argv[1]) == "--inline";
    if (argc != 3 && !typed && !inlined) {
        std::cerr << "usage: csv_to_xlsx [--typed | --inline] LOG.csv LOG.xlsx\n";
        return 2;
    }
    const char* from = argv[argc - 2];
    const char* to = argv[argc - 1];
    try {
        par::dossier::CsvReader in(from);
        lxw_workbook_options options = {};
        options.constant_memory = inlined ? LXW_TRUE : LXW_FALSE;
        lxw_workbook* wb = workbook_new_opt(to, &options);
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Nhật ký");
        lxw_format* dayFormat = workbook_add_format(wb);
        format_set_num_format(dayFormat, "dd/mm/yyyy");
        lxw_format* stampFormat = workbook_add_format(wb);
        format_set_num_format(stampFormat, "dd/mm/yyyy hh:mm:ss");
        const par::Date epoch(1899, 12, 30);
        lxw_row_t row = 0;
        auto put = [&](lxw_col_t col, std::string_view v) {
            if (v.empty())
                return;
            if (typed && row > 0) {
                const bool number = v.size() <= 9 && v[0] != '0' &&
                                    v.find_first_not_of("0123456789") == std::string_view::npos;
                if (number) {
                    worksheet_write_number(ws, row, col, std::stod(std::string(v)), nullptr);
                    return;
                }
                const auto p = par::dossier::parseStamp(v);
                if (p.status == par::dossier::DateStatus::Ok) {
                    const double serial = static_cast<double>((p.stamp.day - epoch).days()) +
                                          p.stamp.seconds / 86400.0;
                    const bool time = v.find(':') != std::string_view::npos;
                    worksheet_write_number(ws, row, col, serial, time ? stampFormat : dayFormat);
                    return;
                }
            }
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
            std::cerr << "cannot write " << to << "\n";
            return 1;
        }
        std::cerr << row << " rows written to " << to << "\n";
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
