// Audit.hpp - one inspection of one unit: who, by whom, when, against which form, the answers, the
// findings and the change log. Read by AuditReader, written by AuditWriter (docs/audit-files.md).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/common/Dates.hpp"
#include "core/model/Answer.hpp"
#include "core/model/Deadline.hpp"
#include "core/model/Form.hpp"

namespace par {

constexpr int kAuditFormatVersion = 1;

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
    std::string text;
    std::vector<std::string> legalBasis;
    Recommendation recommendation;
    int line = 0;

    bool operator==(const Finding& o) const;
};

struct ChangeEntry {
    std::string at;  // ISO date-time, local time of the machine that made the change
    std::string by;
    std::string what;
    bool operator==(const ChangeEntry& o) const { return at == o.at && by == o.by && what == o.what; }
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
    std::vector<ChangeEntry> changeLog;

    std::string file;  // where it was loaded from or last saved to (not stored)

    // The day rules compare against: the visit's end, else its start.
    std::optional<Date> inspectionDate() const;

    Finding* findFinding(const std::string& findingId);
    const Finding* findFinding(const std::string& findingId) const;
    // The next free id, F-001, F-002, ...
    std::string nextFindingId() const;

    // Appends to the change log with the current time; `by` defaults to the login name.
    void logChange(const std::string& what, const std::string& by = "");

    // Resolves a path stored in the audit (relative to the audit file's folder).
    std::string resolve(const std::string& href) const;
    // Path of the form file: form.href resolved, or the bundled forms/<id>.xml.
    std::string formPath() const;

    // SHA-256 of the audit's content (everything but the revision and the change log), so that a
    // document made from it can be checked against the audit as it is now.
    std::string fingerprint() const;

    bool sameContent(const Audit& other) const;
};

}  // namespace par
