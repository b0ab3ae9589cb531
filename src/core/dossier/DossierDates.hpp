// SPDX-License-Identifier: Apache-2.0
// DossierDates.hpp - the date-times one-stop exports carry, parsed fast (a million rows per run):
// "dd/mm/yyyy", "dd/mm/yyyy HH:MM", "dd/mm/yyyy HH:MM:SS", the same with Excel's Vietnamese
// 12-hour suffix ("13/02/2026 4:30:00 CH": SA = a.m., CH = p.m.; AM/PM too), ISO
// "yyyy-mm-dd[ T]HH:MM[:SS]", and
// spreadsheet date serials (XLSX cells). Dates outside the working calendar's range are refused.
#pragma once

#include <string_view>

#include "core/common/Dates.hpp"

namespace par::dossier {

struct Stamp {
    Date day;
    int seconds = 0;  // seconds since midnight; 0 when the text has no time
};

enum class DateStatus { Ok, Empty, Malformed, Impossible, OutOfRange };

struct ParsedStamp {
    DateStatus status = DateStatus::Empty;
    Stamp stamp;
};

// Parses trimmed text. `serials`: also accept a number as a spreadsheet serial (1900 system, or the
// 1904 system when `date1904`), the fraction being the time of day.
ParsedStamp parseStamp(std::string_view text, bool serials = false, bool date1904 = false);

}  // namespace par::dossier
