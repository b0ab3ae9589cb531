// SPDX-License-Identifier: Apache-2.0
// DossierLog.cpp - format detection (regular files only: LogFile).
#include "core/dossier/DossierLog.hpp"

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/dossier/LogFile.hpp"
#include "core/dossier/XlsxReader.hpp"

namespace par::dossier {

LogFormat detectLogFormat(const std::string& path) {
    const LogFile f(path);
    const std::string magic = f.head(4);
    return magic == std::string("PK\x03\x04", 4) ? LogFormat::Xlsx : LogFormat::Csv;
}

std::unique_ptr<RowSource> openDossierLog(const std::string& path, const std::string& sheet,
                                          unsigned threads) {
    if (detectLogFormat(path) == LogFormat::Xlsx)
        return std::make_unique<XlsxReader>(path, sheet, threads != 1);
    return std::make_unique<CsvReader>(path);
}

std::unique_ptr<RowSource> openDossierLog(const std::string& path, const std::string& sheet,
                                          unsigned threads, const HeaderMapping& mapping) {
    if (!sheet.empty() || detectLogFormat(path) != LogFormat::Xlsx)
        return openDossierLog(path, sheet, threads);
    const std::vector<std::string> names = XlsxReader::sheetNames(path);
    std::exception_ptr first;  // the problem of the first sheet with a header row
    std::string firstName;
    for (const auto& name : names) {
        // A damaged package is refused here, as always; an empty sheet opens without a header.
        auto reader = std::make_unique<XlsxReader>(path, name, threads != 1, false);
        try {
            findHeader(*reader, mapping);
            // Positioned after its header: analyze() finds the header again where it stands.
            reader->markSheetSearched();
            return reader;
        } catch (const ParseError&) {  // no log table on this sheet
            if (!first && !reader->header().empty()) {
                first = std::current_exception();
                firstName = name;
            }
        }
    }
    if (!first || names.size() < 2)
        return openDossierLog(path, sheet, threads);  // (its own error, as before)
    try {
        std::rethrow_exception(first);
    } catch (const ParseError& e) {
        std::string others;
        for (const auto& name : names)
            if (name != firstName)
                others += (others.empty() ? "\"" : ", \"") + name + "\"";
        throw ParseError(e.where(),
                         e.message() + "\n" +
                             fmt(tr("Đó là trang tính \"{}\"; các trang khác ({}) cũng không có "
                                    "bảng nhật ký hồ sơ; dùng --sheet TÊN để chọn trang.",
                                    "That is the sheet \"{}\"; the other sheets ({}) have no "
                                    "dossier log table either; use --sheet NAME to choose one."),
                                 firstName, others));
    }
}

ColumnMap findHeader(RowSource& source, const HeaderMapping& mapping) {
    std::exception_ptr firstProblem;
    for (int tried = 0;; ++tried) {
        try {
            return ColumnMap::resolve(source.header(), mapping,
                                      {source.name(), static_cast<int>(source.headerLine()), 0});
        } catch (const ParseError&) {
            if (!firstProblem)
                firstProblem = std::current_exception();
        }
        // Below a row that is not the header: the next one. A row that cannot be read there (not
        // UTF-8, a quote left open) ends the search: the first row's problem is the one to fix.
        bool moved = false;
        try {
            moved = tried < kTitleRows && source.nextHeader();
        } catch (const ParseError&) {
            moved = false;
        }
        if (!moved)
            std::rethrow_exception(firstProblem);
    }
}

}  // namespace par::dossier
