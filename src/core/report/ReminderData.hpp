// SPDX-License-Identifier: Apache-2.0
// ReminderData.hpp - the reminder letters "công văn đôn đốc thực hiện kết luận kiểm tra" of
// `par-audit plan remind` (docs/tracking.md, "Reminders"): one per responsible unit that has pending
// actions (open or reopened) overdue on the as-of date or due within N working days, across the
// audits of a workspace. Units are told apart by their identity (UnitName.hpp): "UBND xã Tân Thành"
// and "UBND xã Tân Thạnh" get two letters. Builds the data tree templates/don-doc-khac-phuc.xml binds
// to (fields in docs/templates.md); the PDF is drawn by pdf::printReminders (DocumentPrinter.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/report/Data.hpp"
#include "core/tracking/Register.hpp"

namespace par::report {

// The letter as a state document (Decree 30/2020): number and symbol ("15/SNV-CCHC"), place and
// date, who signs it and for whom, and the recipients after "Như trên" ("Lưu: VT" added last when
// absent). A draft prints blanks where parts are missing and "DỰ THẢO" on every page.
struct ReminderDocument {
    std::string number, symbol, place;
    std::optional<Date> date;
    std::string signer, signerTitle, signFor;
    std::vector<std::string> recipients;
    bool draft = false;
};

// The parts a letter for signing lacks, each as "số văn bản (--number)"; empty when ready.
std::vector<std::string> reminderMissingParts(const ReminderDocument& document);

struct Reminder {
    std::string unit;  // as written in its first action (register order)
    std::vector<track::RegisterEntry> entries;  // the actions the letter lists, register order
    int overdue = 0;  // of which overdue on the as-of date; the others are due soon
    Data data;        // the template's data tree
};

struct ReminderOptions {
    Date asOf;
    int soonDays = 10;  // pending actions due within this many working days are listed too
    std::string agencyParent, agencyName;
    ReminderDocument document;
};

// One reminder per unit with something to remind, in the register's unit order. `entries` are the
// register's (any filter already applied); entries already accepted or reported are never listed.
std::vector<Reminder> reminders(const std::vector<track::RegisterEntry>& entries,
                                const cal::WorkingCalendar& calendar, const ReminderOptions& options);

}  // namespace par::report
