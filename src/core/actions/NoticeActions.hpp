// SPDX-License-Identifier: Apache-2.0
// NoticeActions.hpp - the conclusion notice's own parts: number and symbol ("Số: 05/TB-SNV"), date
// and place, signer, signer's title and signing authority ("KT. GIÁM ĐỐC"), the summary line, the
// date by which the unit reports, and the lists: legal bases, area summaries ("AREA:TEXT"),
// strengths, recipients ("Nơi nhận"). Named as on the command line
// (`par-audit notice A --set number=05 --add basis="…" --remove recipient=2`) and on the app's notice page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"

namespace par::actions {

const std::vector<std::string>& noticeFields();  // number, symbol, date, place, signer, ...
const std::vector<std::string>& noticeLists();   // basis, area-summary, strength, recipient

// The value as shown (dates DD/MM/YYYY); throws UsageError for an unknown field.
std::string noticeValue(const Audit& audit, const std::string& field);
// A list's items as shown ("procedures: text" for area summaries).
std::vector<std::string> noticeItems(const Audit& audit, const std::string& list);

// Sets a field (empty clears it); nullopt when unchanged. Throws UsageError (audit unchanged) for an
// unknown field or a value that does not fit: a number that is not 1-6 digits, a symbol with spaces or
// "/", an unreadable date, a notice dated before the visit, a report-by date before the notice, a
// signing authority that is not KT./TM./Q./TL./TUQ. followed by the title.
std::optional<ChangeCode> setNoticeField(Audit& audit, const std::string& field, const std::string& value);
// Appends to a list; `form` checks an area summary's area. Throws UsageError for an empty value, an
// unknown list or area.
ChangeCode addNoticeItem(Audit& audit, const Form& form, const std::string& list, const std::string& value);
// Removes item `position` (from 1) of a list; throws UsageError when there is no such item.
ChangeCode removeNoticeItem(Audit& audit, const std::string& list, size_t position);

// What the app proposes for an empty field, from the inspecting body and the unit: symbol
// "TB-<code>", summary "Kết luận kiểm tra công tác cải cách hành chính tại <unit>", the unit and
// "Lưu: VT, <code>." as recipients, the plan and the decision as legal bases. Only empty parts of the
// notice are filled; returns the changes made.
std::vector<ChangeCode> fillNoticeDefaults(Audit& audit);

}  // namespace par::actions
