// SPDX-License-Identifier: Apache-2.0
// DossierAnalyzerParts.hpp - what DossierAnalyzer.cpp (one thread's counting, the merge) and
// DossierParallel.cpp (the pipeline that runs one analyser per thread) share. Internal to
// par_dossier.
#pragma once

#include <optional>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/dossier/DossierAnalyzer.hpp"

namespace par::dossier {

constexpr int kMonthSlots = (cal::kWorkLastYear - cal::kWorkFirstYear + 1) * 12;

// The figures of the rows one analyser (one thread) has seen; its group tables hold the rest.
struct DossierAnalyzer::Partial {
    long long rowsTotal = 0, rowsInvalid = 0, rowsUnknown = 0, rowsOtherUnit = 0,
              rowsOutsidePeriod = 0, rowsColumnNumbers = 0, rowsRepeatedHeader = 0;
    DossierCounts totals;
    std::vector<DossierCounts> months = std::vector<DossierCounts>(kMonthSlots);
    std::vector<long long> unknownYears = std::vector<long long>(kMonthSlots / 12);
    std::vector<FlaggedDossier> worst;  // a heap, least late on top
    std::optional<Date> first, last;
};

}  // namespace par::dossier
