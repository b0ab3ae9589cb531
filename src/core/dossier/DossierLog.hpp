// SPDX-License-Identifier: Apache-2.0
// DossierLog.hpp - opens a one-stop dossier log whatever its format: XLSX (a zip package,
// recognised by its first bytes) or CSV (everything else).
#pragma once

#include <memory>
#include <string>

#include "core/dossier/RowSource.hpp"

namespace par::dossier {

enum class LogFormat { Csv, Xlsx };

// Looks at the file's first bytes ("PK\3\4": a zip package, so XLSX). Throws IoError.
LogFormat detectLogFormat(const std::string& path);

// A row source over the file. `sheet`: the XLSX sheet to read (empty: the first); a CSV ignores it.
// `threads` as AnalysisOptions::threads: 1 keeps an XLSX on the calling thread (otherwise it is
// inflated on a second one, XlsxReader). Throws IoError / ParseError with the file (and line) at
// fault.
std::unique_ptr<RowSource> openDossierLog(const std::string& path, const std::string& sheet = "",
                                          unsigned threads = 0);

}  // namespace par::dossier
