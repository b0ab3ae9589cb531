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

}  // namespace par::dossier
