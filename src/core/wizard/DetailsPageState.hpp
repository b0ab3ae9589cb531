// SPDX-License-Identifier: Apache-2.0
// DetailsPageState.hpp - the audit details page: inspected unit (name, type, level, province),
// inspecting body, plan and decision numbers and dates, team and roles, visit dates, period, form.
// Dates are typed as DD/MM/YYYY (or YYYY-MM-DD). Errors (a missing unit name, an unreadable date, an
// end before its start) block the page; missing but optional details only make it incomplete.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/wizard/AuditSession.hpp"

namespace par::wizard {

enum class DetailField {
    UnitName,
    UnitType,
    UnitLevel,
    Province,
    BodyParent,
    BodyName,
    BodyCode,
    BodyPlace,
    PlanNumber,
    PlanDate,
    PlanIssuer,
    DecisionNumber,
    DecisionDate,
    VisitStart,
    VisitEnd,
    PeriodStart,
    PeriodEnd,
    Team,  // the team list as a whole (for messages)
};

struct DetailMessage {
    DetailField field;
    std::string message;
};

class DetailsPageState {
public:
    explicit DetailsPageState(AuditSession& session);

    static bool isDate(DetailField f);
    static const char* fieldKey(DetailField f);  // "unit-name", ... (stable ids)

    // The value as the page shows it (dates as DD/MM/YYYY).
    std::string get(DetailField f) const;
    // Stores a typed value; returns false (and keeps the message) when it cannot be read.
    bool set(DetailField f, const std::string& input);

    const std::vector<TeamMember>& team() const;
    size_t addMember();  // an empty row to fill in (the page's "+")
    // A member as typed in one go (the core's team action; throws UsageError).
    void addMember(const std::string& name, const std::string& role, const std::string& title);
    void removeMember(size_t index);
    void setMember(size_t index, const TeamMember& member);

    std::vector<DetailMessage> errors() const;
    std::vector<DetailMessage> warnings() const;  // what makes the page incomplete
    bool valid() const { return errors().empty(); }
    bool complete() const { return warnings().empty(); }

private:
    AuditSession& session_;
};

}  // namespace par::wizard
