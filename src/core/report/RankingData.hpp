// SPDX-License-Identifier: Apache-2.0
// RankingData.hpp - the data tree of the yearly ranking document (templates/xep-hang.xml): title,
// band scale, one row per unit with its rank, total, band (provisional marked), coverage, change
// since last year and area percentages, the tie explanations and notes. One builder for `par-audit
// rank --format pdf` and any other client.
#pragma once

#include <cstddef>

#include "core/report/Data.hpp"
#include "core/scoring/Ranking.hpp"

namespace par::report {

// Where the chart goes in the ranking template (the PDF back end puts the bar chart there).
constexpr const char* kRankingChartMarker = "[[bieu-do-tong-diem]]";

Data rankingData(const scoring::Ranking& ranking, std::size_t audits);

}  // namespace par::report
