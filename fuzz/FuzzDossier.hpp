// SPDX-License-Identifier: Apache-2.0
// FuzzDossier.hpp - what the dossier-log harnesses (fuzz_csv, fuzz_xlsx) analyse with: a two-code
// catalog (one with a cut-off hour) and the standard working calendar, built once.
#pragma once

#include "core/calendar/WorkingCalendar.hpp"
#include "core/model/ProcedureCatalog.hpp"

namespace par::fuzz {

inline const ProcedureCatalog& dossierCatalog() {
    static const ProcedureCatalog catalog = ProcedureCatalog::parse(
        R"(<procedures format-version="1">
  <procedure code="1.001612" name="A" working-days="3"/>
  <procedure code="2.000815" name="B" working-days="1" cutoff="15:00"/>
</procedures>)",
        "fuzz-catalog.xml");
    return catalog;
}

inline const cal::WorkingCalendar& dossierCalendar() {
    static const cal::WorkingCalendar calendar = cal::WorkingCalendar::standard();
    return calendar;
}

}  // namespace par::fuzz
