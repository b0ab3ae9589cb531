// SPDX-License-Identifier: Apache-2.0
// Audit.hpp - one inspection of one unit: who, by whom, when, against which form, the answers, the
// findings, the remediation actions that follow from them and the change log. Read by AuditReader,
// written by AuditWriter (docs/audit-files.md; actions in docs/tracking.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/Dates.hpp"
#include "core/model/Answer.hpp"
#include "core/model/Deadline.hpp"
#include "core/model/Form.hpp"

namespace par {

// 2: the change log stores codes and values (ChangeEntry::code, args), the plan's issuer, the
// notice's report-by date. Version 1 files open unchanged (docs/audit-files.md).
constexpr int kAuditFormatVersion = 2;

struct InspectedUnit {
    std::string name;
    std::string type;   // xa, phuong, dac-khu, so, huyen, ... (data, never assumed)
    std::string level;  // commune, province, district
    std::string province;
};

struct InspectingBody {
    std::string parent;  // "UBND TỈNH NGHỆ AN"
    std::string name;    // "SỞ NỘI VỤ"
    std::string code;    // "SNV", used in document symbols
    std::string place;   // "Nghệ An", for the place-date line
};

struct DocumentRef {
    std::string number;
    std::optional<Date> date;
    // Who issued it, as the notice names it: in 2025-26 the inspection plan is often the provincial
    // People's Committee's ("UBND tỉnh Nghệ An"), not the department's. Empty: the inspecting body.
    std::string issuer;
};

struct TeamMember {
    std::string name;
    std::string role;  // leader, member, secretary
    std::string title;
};

struct AreaSummary {
    std::string area;
    std::string text;
};

struct NoticeInfo {
    std::string number;  // "05"
    std::string symbol;  // "TB-SNV"
    std::optional<Date> date;
    std::string signer;
    std::string signerTitle;  // "PHÓ GIÁM ĐỐC"
    std::string signFor;      // "KT. GIÁM ĐỐC"
    std::string summary;      // trích yếu
    std::vector<std::string> bases;
    std::vector<AreaSummary> areaSummaries;
    std::vector<std::string> strengths;
    std::vector<std::string> recipients;
    // The date by which the unit reports on its remediation; unset: the latest action deadline.
    std::optional<Date> reportBy;
};

struct FormRef {
    std::string id;
    std::string version;
    std::string href;  // relative to the audit file; empty = bundled forms/<id>.xml
};

struct Recommendation {
    std::string text;
    DeadlineRule deadline;
    std::string responsible;
};

enum class FindingOrigin { Rule, Manual };
enum class FindingState { Active, Stale };

struct Finding {
    std::string id;  // F-001
    FindingOrigin origin = FindingOrigin::Manual;
    std::string rule;  // origin Rule
    std::string key;   // row key for for-each rules
    std::string category;
    Severity severity = Severity::Medium;
    std::string area;
    FindingState state = FindingState::Active;
    bool edited = false;  // inspectors changed the text: re-evaluation keeps it
    // Dismissed by the inspectors (with their reason): kept in the file and across re-evaluation,
    // but out of the documents, the plan and the score, until they restore it.
    bool dismissed = false;
    std::string dismissReason;
    std::string duplicateOf;  // dismissed as a duplicate of this finding (finding merge)
    std::string text;
    std::vector<std::string> legalBasis;
    Recommendation recommendation;
    int line = 0;

    // Active and not dismissed: what the notice, the plan and the score use.
    bool inEffect() const { return state == FindingState::Active && !dismissed; }
    bool operator==(const Finding& o) const;
};

// Remediation actions (docs/tracking.md). An action's status moves open → reported (by the unit)
// → accepted or reopened (by the inspectors); the transition rules live in core/tracking.
enum class ActionStatus { Open, Reported, Accepted, Reopened };
const char* actionStatusName(ActionStatus s);   // "open", "reported", "accepted", "reopened"
const char* actionStatusLabel(ActionStatus s);  // "Chưa thực hiện", ... (current language)
std::optional<ActionStatus> parseActionStatus(std::string_view name);

// What the responsible unit reported back.
struct ActionReport {
    std::optional<Date> date;
    std::string doc;   // the report's document number, "12/BC-UBND"
    std::string note;  // free text, line breaks kept
    std::vector<std::string> evidence;  // file names of the evidence the unit sent
    // Where an imported report came from (exchange format 2, docs/tracking.md): when the unit
    // wrote it (its clock, "YYYY-MM-DDTHH:MM:SS"), its sequence in that response file, and the
    // response file's id. Empty / 0 for a report entered otherwise. An import compares them to
    // refuse an older or replayed answer.
    std::string made;
    int seq = 0;
    std::string responseId;

    bool empty() const { return !date && doc.empty() && note.empty() && evidence.empty(); }
    bool operator==(const ActionReport& o) const {
        return date == o.date && doc == o.doc && note == o.note && evidence == o.evidence &&
               made == o.made && seq == o.seq && responseId == o.responseId;
    }
    bool operator!=(const ActionReport& o) const { return !(*this == o); }
};

// One entry of an action's history: a status transition or a deadline extension.
struct ActionEvent {
    enum class Kind { Status, Extension };
    Kind kind = Kind::Status;
    std::string at;  // ISO date-time, like the change log
    std::string by;
    ActionStatus from = ActionStatus::Open;  // Status
    ActionStatus to = ActionStatus::Open;    // Status
    std::string oldRule;                     // Extension: the rule and date replaced
    std::optional<Date> oldDeadline;
    std::optional<Date> newDeadline;  // Extension
    std::string note;                 // the reason of an extension, the comment of a transition
    // A report imported from a unit's response: who the response says wrote it (declared, not
    // authenticated) and the response file's name. `by` is who imported it.
    std::string declaredBy;
    std::string source;
    // The certificate subject of the response's verified digital signature (issue #20,
    // track::checkResponseSignature); empty when the response was not signed.
    std::string signedBy;

    bool operator==(const ActionEvent& o) const;
};

struct Action {
    std::string id;
    std::string finding;  // F-001
    std::string responsible;
    DeadlineRule deadlineRule;     // as given: N working / calendar days from the notice, or a date
    std::optional<Date> deadline;  // the date it gives (computed with the calendar); unset while
                                   // the notice has no date
    ActionStatus status = ActionStatus::Open;
    bool stale = false;  // its finding is stale or gone: kept for the inspectors to decide
    std::string content;
    ActionReport report;
    std::vector<ActionEvent> history;
    int line = 0;

    bool operator==(const Action& o) const;
};

// What a change was, as a code and its values ("notice.set", {"number", "05"}): stored so, and put
// into words in the reader's language when shown (core/actions/ChangeText.hpp).
struct ChangeCode {
    std::string code;
    std::vector<std::string> args;
};

struct ChangeEntry {
    std::string at;  // ISO date-time, local time of the machine that made the change
    std::string by;
    std::string what;  // files of format 1: a sentence in the language of whoever wrote it
    std::string code;  // format 2: the change's code and values (ChangeCode)
    std::vector<std::string> args;
    bool operator==(const ChangeEntry& o) const {
        return at == o.at && by == o.by && what == o.what && code == o.code && args == o.args;
    }
};

class Audit {
public:
    int formatVersion = kAuditFormatVersion;
    std::string id;
    int revision = 0;
    InspectedUnit unit;
    InspectingBody body;
    DocumentRef plan;
    DocumentRef decision;
    std::vector<TeamMember> team;
    std::optional<Date> visitStart, visitEnd;
    std::optional<Date> periodStart, periodEnd;
    FormRef form;
    std::string catalogHref;
    std::string registryHref;
    NoticeInfo notice;
    AnswerSet answers;
    std::vector<Finding> findings;
    std::vector<Action> actions;  // written only when there are some: older files stay identical
    std::vector<ChangeEntry> changeLog;

    std::string file;  // where it was loaded from or last saved to (not stored)

    // The day rules compare against: the visit's end, else its start.
    std::optional<Date> inspectionDate() const;

    Finding* findFinding(const std::string& findingId);
    const Finding* findFinding(const std::string& findingId) const;
    // The next free id, F-001, F-002, ...
    std::string nextFindingId() const;

    Action* findAction(const std::string& actionId);
    const Action* findAction(const std::string& actionId) const;
    // The next free id, A-001, A-002, ...
    std::string nextActionId() const;

    // Appends to the change log with the current time; `by` defaults to the login name.
    void logChange(const std::string& what, const std::string& by = "");
    void logChange(const ChangeCode& change, const std::string& by = "");

    // Resolves a path stored in the audit (relative to the audit file's folder).
    std::string resolve(const std::string& href) const;
    // Path of the form file: form.href resolved, or the bundled forms/<id>.xml.
    std::string formPath() const;

    // SHA-256 of the audit's content (everything but the revision and the change log), so that a
    // document made from it can be checked against the audit as it is now.
    std::string fingerprint() const;

    bool sameContent(const Audit& other) const;

    // SHA-256 of the conclusions only: the audit id, the inspected unit, each finding's id, text and
    // recommendation text, and each action's id, finding, content, responsible unit, deadline rule
    // and deadline date. Not the answers, statuses, reports, histories or stale flags: a plan file
    // exported under this fingerprint stays valid while units report and inspectors verify, and
    // becomes outdated as soon as a conclusion changes (docs/tracking.md).
    std::string conclusionsFingerprint() const;
};

}  // namespace par
