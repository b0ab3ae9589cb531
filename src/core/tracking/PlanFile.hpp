// PlanFile.hpp - the files exchanged with an inspected unit, which has no access to the
// Department's machines (docs/tracking.md): a plan (<plan>: that unit's actions, the audit's id and
// conclusions fingerprint) and the response made from it (<response>: the same, with the unit's
// reports filled in). One reader and one writer for both, like every par-audit file kind.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/Dates.hpp"
#include "core/model/Audit.hpp"

namespace par::track {

constexpr int kPlanFormatVersion = 1;

struct PlanAction {
    Action action;            // id, finding, responsible, rule, deadline, status, content, report
    std::string findingText;  // the finding it remedies, for the unit to read
    int line = 0;
};

struct PlanFile {
    enum class Kind { Plan, Response };
    Kind kind = Kind::Plan;
    std::string auditId;
    std::string fingerprint;    // Audit::conclusionsFingerprint() at export
    std::string unit;           // the responsible unit the plan is for
    std::string inspectedUnit;  // the audit's unit
    std::string noticeNumber;   // "05/TB-SNV"
    std::optional<Date> noticeDate;
    std::string exportedAt;
    std::string respondedAt;  // response only
    std::string respondedBy;  // response only
    std::vector<PlanAction> actions;
    std::string file;  // where it was read from (not stored)

    PlanAction* find(const std::string& actionId);

    // Throws IoError / ParseError (file:line; unsupported format-version; a root that is neither
    // <plan> nor <response>).
    static PlanFile load(const std::string& path);
    static PlanFile parse(std::string_view xml, const std::string& name);
    std::string toXml() const;
};

}  // namespace par::track
