// SPDX-License-Identifier: Apache-2.0
// RankingFormats.hpp - the ranking and the score as people and other programs read them: an aligned
// text table with Vietnamese headers, CSV (RFC 4180, UTF-8 with a BOM so that Excel reads the
// diacritics), JSON, and an Excel workbook (libxlsxwriter). Everything returns bytes or a JSON
// value: callers decide where they go (stdout, an atomic file write, a test).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/scoring/BandScale.hpp"
#include "core/scoring/Ranking.hpp"
#include "core/scoring/Scorer.hpp"

namespace par::scoring {

// Roman numeral of an area's position (1 → "I"), the short column headers of the table and PDF.
std::string areaNumeral(size_t oneBased);

// The heading line: "XẾP HẠNG ... NĂM 2025 (loại đơn vị: xa)".
std::string rankingTitle(const Ranking& r);
// "Thang xếp loại: ... (VÍ DỤ, không phải quy định) — file".
std::string bandsDescription(const BandScale& b);

std::string rankingTable(const Ranking& r);
std::string rankingCsv(const Ranking& r);
nlohmann::json rankingJson(const Ranking& r);
// The bytes of an .xlsx workbook: sheet "Xếp hạng" (numbers as numbers, header frozen) and sheet
// "Ghi chú" (bands, ties, areas, notes). Throws IoError when libxlsxwriter fails.
std::string rankingXlsx(const Ranking& r);

// The score of one audit as JSON (breakdown, total, band, what lost points).
nlohmann::json scoreJson(const AuditScore& score, const Audit& audit, const Form& form,
                         const Band* band, const BandScale& bands);

}  // namespace par::scoring
