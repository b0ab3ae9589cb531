// SPDX-License-Identifier: Apache-2.0
// RegisterFormats.hpp - the register as people read it (docs/tracking.md, "Register"): a terminal
// table, CSV (UTF-8 with a byte-order mark, so Excel reads the diacritics), JSON, iCalendar
// (libical: one all-day event per deadline, for Outlook and Thunderbird) and XLSX (libxlsxwriter:
// an actions sheet and a per-unit summary sheet). Every function returns the file's bytes; the
// caller writes them atomically.
#pragma once

#include <string>
#include <vector>

#include "core/tracking/Register.hpp"

namespace par::track {

struct RegisterView {
    Date asOf;
    size_t audits = 0;
    std::vector<RegisterEntry> entries;
    std::vector<UnitSummary> units;  // Register::summarise(entries): per unit, then the total
    // WorkingCalendar::lastAnnouncedYear() of the calendar the entries were computed with: a
    // deadline, or the days overdue counted up to asOf, in a later year are forecasts and every
    // format says so. Unset: no year is marked.
    std::optional<int> lastAnnouncedYear;
};

// The first year after lastAnnouncedYear that the entry's deadline or its days overdue depend on.
std::optional<int> forecastYear(const RegisterView& view, const RegisterEntry& entry);
// WorkingCalendar::forecastNote of that year ("dự kiến: lịch nghỉ Tết 2027 chưa công bố"), or "".
std::string forecastNote(const RegisterView& view, const RegisterEntry& entry);

std::string registerTable(const RegisterView& view);
std::string registerCsv(const RegisterView& view);
std::string registerJson(const RegisterView& view);
// Actions without a deadline have no event. UID = "<audit>-<action>@par-audit", stable across
// exports so a calendar updates instead of duplicating; DTSTAMP is the as-of date (reproducible).
std::string registerIcs(const RegisterView& view);
// Throws IoError when the temporary file libxlsxwriter needs cannot be written.
std::string registerXlsx(const RegisterView& view);

// "85,7%" / "—": the on-time rate as the tables print it.
std::string rateText(const std::optional<double>& rate);

}  // namespace par::track
