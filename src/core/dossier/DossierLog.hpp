// SPDX-License-Identifier: Apache-2.0
// DossierLog.hpp - opens a one-stop dossier log whatever its format: XLSX (a zip package,
// recognised by its first bytes) or CSV (everything else).
#pragma once

#include <memory>
#include <string>

#include "core/dossier/ColumnMap.hpp"
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
// The same, for the analysis with `mapping`: an XLSX without `sheet` is read from its first sheet
// that has the log's table (findHeader), not simply its first (a summary sheet often comes
// first); when none has, the first sheet's problem is thrown, the other sheets named.
std::unique_ptr<RowSource> openDossierLog(const std::string& path, const std::string& sheet,
                                          unsigned threads, const HeaderMapping& mapping);

// The columns of the log's table. Exported reports often have a title above the table ("SỔ THEO
// DÕI HỒ SƠ", the unit, the period, a blank line): the header is the first of the source's first
// kTitleRows + 1 rows whose names give every needed column (RowSource::nextHeader moves on).
// When none does, the first row's problem (ParseError) is thrown.
constexpr int kTitleRows = 20;
ColumnMap findHeader(RowSource& source, const HeaderMapping& mapping);

}  // namespace par::dossier
