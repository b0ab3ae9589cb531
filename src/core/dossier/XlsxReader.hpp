// SPDX-License-Identifier: Apache-2.0
// XlsxReader.hpp - the first (or a named) worksheet of an .xlsx export as a stream of records, read
// with libzip, TinyXML-2 for the small parts (workbook, relationships) and XlsxScan for the rows and
// shared strings: the sheet's XML is inflated in chunks and each <row> element is read on its own,
// in place, which keeps the sheet's memory constant (inflating runs ahead on a second thread). The shared-strings table is held in memory (one std::string per distinct text, cells
// refer to it); that, not the row count, bounds an XLSX's memory. Budgets on what is inflated, the
// shared strings, rows and cells refuse hostile packages (docs/dossiers.md, "Limits").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/dossier/RowSource.hpp"

namespace par::dossier {

class XlsxReader : public RowSource {
public:
    // Opens the workbook and reads the header row; throws IoError / ParseError (file names the
    // part of the package at fault). `sheet` empty: the first sheet. `inflateAhead`: on a machine
    // with more than one core, the shared strings and the sheet are inflated on a second thread
    // while this one parses (a bounded pipeline: about 1 MB of buffers); false: one thread. The
    // records, errors and their places are the same either way.
    XlsxReader(const std::string& path, const std::string& sheet = "", bool inflateAhead = true);
    ~XlsxReader() override;

    const std::vector<std::string>& header() const override { return header_; }
    long headerLine() const override { return headerLine_; }
    bool next(RawRecord& record) override;
    double fraction() const override;
    bool dateSerials() const override { return true; }
    bool date1904() const override { return date1904_; }
    const std::string& name() const override { return path_; }

    const std::string& sheetName() const { return sheetName_; }

    // The sheet names of a workbook, in order.
    static std::vector<std::string> sheetNames(const std::string& path);

private:
    struct Impl;
    bool readRow(RawRecord& record);

    std::string path_;
    std::string sheetName_;
    bool date1904_ = false;
    std::unique_ptr<Impl> impl_;
    std::vector<std::string> header_;
    long headerLine_ = 1;
};

}  // namespace par::dossier
