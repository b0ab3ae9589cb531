// SPDX-License-Identifier: Apache-2.0
// PlanFile.hpp - the files exchanged with an inspected unit, which has no access to the
// Department's machines (docs/tracking.md, "Exchange format 2"): a plan (<plan>: that unit's
// actions, each with its own fingerprint and the inspectors' notes) and the response made from it
// (<response>: the same, with the unit's answers). One reader and one writer for both, like every
// par-audit file kind. Format 1 files (one fingerprint for the whole conclusions) are still read,
// so that the import can tell the user to export the plan again; they are never written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/Dates.hpp"
#include "core/model/Audit.hpp"

namespace par::track {

constexpr int kPlanFormatVersion = 2;

// Why the inspectors changed an action since it was first given (from its history), so the unit
// sees why: a reopen reason or an extension reason.
struct InspectorNote {
    enum class Kind { Reopen, Extension };
    Kind kind = Kind::Reopen;
    std::optional<Date> date;
    std::string text;
};

// One evidence file of an answer, as the response names it.
struct EvidenceRef {
    std::string file;    // bare name (checked: evidenceNameProblem)
    std::string sha256;  // lower-case hex
    std::uint64_t size = 0;
};

struct PlanAction {
    Action action;            // id, finding, responsible, rule, deadline, status, content, report
    std::string findingText;  // the finding it remedies, for the unit to read
    std::string fingerprint;  // actionFingerprint() at export (format 2)
    std::vector<InspectorNote> notes;
    // Format 2, response: the unit answered this action in this file. The answer is
    // action.report (with made and seq set) and `evidence` (names, hashes, sizes, in the order of
    // action.report.evidence). A <report> without `made` is the report the audit held at export,
    // shown to the unit, not an answer.
    bool answered = false;
    std::vector<EvidenceRef> evidence;
    int line = 0;
};

struct PlanFile {
    enum class Kind { Plan, Response };
    Kind kind = Kind::Plan;
    int formatVersion = kPlanFormatVersion;  // as read (1 or 2); always written as 2
    std::string auditId;
    std::string unit;           // the responsible unit the plan is for
    std::string inspectedUnit;  // the audit's unit
    std::string noticeNumber;   // "05/TB-SNV"
    std::optional<Date> noticeDate;
    std::string exportedAt;
    std::string exportId;    // random 128-bit hex, one per export
    std::string responseId;  // response: random 128-bit hex, made once per response file
    std::string declaredBy;  // response: who the unit says answered (not authenticated)
    std::string respondedAt;  // response: when it was last written (information only)
    std::string fingerprint;  // format 1 only: the whole conclusions' fingerprint
    std::vector<PlanAction> actions;
    std::string file;  // where it was read from (not stored)

    PlanAction* find(const std::string& actionId);
    const PlanAction* find(const std::string& actionId) const;

    // Throws IoError / ParseError (file:line; unsupported format-version; a root that is neither
    // <plan> nor <response>). `load` reads a .xml file; a .response.zip is read by
    // ResponseArchive (ResponseArchive.hpp).
    static PlanFile load(const std::string& path);
    static PlanFile parse(std::string_view xml, const std::string& name);
    std::string toXml() const;
};

// A new random 128-bit identifier, 32 lower-case hex digits.
std::string randomId();

// Whether `s` reads as "YYYY-MM-DDTHH:MM:SS" (the `made` stamp).
bool isIsoDateTime(std::string_view s);

}  // namespace par::track
