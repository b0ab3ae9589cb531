// SPDX-License-Identifier: Apache-2.0
// NoticePageState.hpp - the app's notice page: the conclusion notice's number, symbol, date, place,
// signer and title, signing authority, summary and report-by date, and its lists (legal bases, area
// summaries, strengths, recipients), edited through the core's NoticeActions exactly as `par-audit
// notice` edits them; suggestions drawn from the inspecting body and the unit; what the notice
// still lacks before it can be printed for signing.
#pragma once

#include <string>
#include <vector>

#include "core/actions/NoticeActions.hpp"
#include "core/actions/NoticeReadiness.hpp"
#include "core/wizard/AuditSession.hpp"

namespace par::wizard {

class NoticePageState {
public:
    explicit NoticePageState(AuditSession& session);

    static const std::vector<std::string>& fields() { return actions::noticeFields(); }
    static const std::vector<std::string>& lists() { return actions::noticeLists(); }
    static bool isDate(const std::string& field) { return field == "date" || field == "report-by"; }

    std::string get(const std::string& field) const;
    // Stores a typed value; false (and the message kept as the field's input error) when it does not fit.
    bool set(const std::string& field, const std::string& input);

    // A list's items as the page shows them: area summaries as "area label: text" (the CLI shows
    // the area's id).
    std::vector<std::string> items(const std::string& list) const;
    // Adds an item; throws UsageError (nothing changed) for an empty value or an unknown area.
    void add(const std::string& list, const std::string& value);
    // Removes item `index` (from 0).
    void remove(const std::string& list, size_t index);
    // The form's areas, for the area summaries' choice: id and label.
    std::vector<std::pair<std::string, std::string>> areas() const;

    // Fills the empty parts with suggestions; returns how many were filled.
    size_t fillDefaults();
    // Signing authorities the page offers (any "KT./TM./Q./TL./TUQ. TITLE" may be typed): the
    // head's title taken from the inspecting body, CHỦ TỊCH for a People's Committee (which also signs
    // "TM. ỦY BAN NHÂN DÂN"), GIÁM ĐỐC otherwise (a department).
    std::vector<std::string> signForChoices() const;

    std::vector<actions::MissingPart> missing() const;
    // Whether a missing part is filled on this page (else on the audit details page: unit, body, team).
    static bool onThisPage(const std::string& field);
    // The input errors of this page's fields: field, message.
    std::vector<std::pair<std::string, std::string>> errors() const;

private:
    AuditSession& session_;
};

}  // namespace par::wizard
