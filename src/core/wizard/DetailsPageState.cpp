// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/DetailsPageState.hpp"

#include <algorithm>

#include "core/actions/DetailsActions.hpp"
#include "core/actions/TeamActions.hpp"
#include "core/common/Text.hpp"
#include "core/wizard/InputFormat.hpp"

namespace par::wizard {

namespace {
FieldPath pathOf(DetailField f) { return FieldPath::scalar(std::string("$details.") + DetailsPageState::fieldKey(f)); }

std::string* textField(Audit& a, DetailField f) {
    switch (f) {
        case DetailField::UnitName: return &a.unit.name;
        case DetailField::UnitType: return &a.unit.type;
        case DetailField::UnitLevel: return &a.unit.level;
        case DetailField::Province: return &a.unit.province;
        case DetailField::BodyParent: return &a.body.parent;
        case DetailField::BodyName: return &a.body.name;
        case DetailField::BodyCode: return &a.body.code;
        case DetailField::BodyPlace: return &a.body.place;
        case DetailField::PlanNumber: return &a.plan.number;
        case DetailField::PlanIssuer: return &a.plan.issuer;
        case DetailField::DecisionNumber: return &a.decision.number;
        default: return nullptr;
    }
}

std::optional<Date>* dateField(Audit& a, DetailField f) {
    switch (f) {
        case DetailField::PlanDate: return &a.plan.date;
        case DetailField::DecisionDate: return &a.decision.date;
        case DetailField::VisitStart: return &a.visitStart;
        case DetailField::VisitEnd: return &a.visitEnd;
        case DetailField::PeriodStart: return &a.periodStart;
        case DetailField::PeriodEnd: return &a.periodEnd;
        default: return nullptr;
    }
}
}  // namespace

DetailsPageState::DetailsPageState(AuditSession& session) : session_(session) {}

bool DetailsPageState::isDate(DetailField f) {
    Audit probe;
    return dateField(probe, f) != nullptr;
}

const char* DetailsPageState::fieldKey(DetailField f) {
    switch (f) {
        case DetailField::UnitName: return "unit-name";
        case DetailField::UnitType: return "unit-type";
        case DetailField::UnitLevel: return "unit-level";
        case DetailField::Province: return "province";
        case DetailField::BodyParent: return "body-parent";
        case DetailField::BodyName: return "body-name";
        case DetailField::BodyCode: return "body-code";
        case DetailField::BodyPlace: return "body-place";
        case DetailField::PlanNumber: return "plan-number";
        case DetailField::PlanDate: return "plan-date";
        case DetailField::PlanIssuer: return "plan-issuer";
        case DetailField::DecisionNumber: return "decision-number";
        case DetailField::DecisionDate: return "decision-date";
        case DetailField::VisitStart: return "visit-start";
        case DetailField::VisitEnd: return "visit-end";
        case DetailField::PeriodStart: return "period-start";
        case DetailField::PeriodEnd: return "period-end";
        case DetailField::Team: return "team";
    }
    return "";
}

std::string DetailsPageState::get(DetailField f) const {
    Audit& a = session_.audit();
    if (std::string* t = textField(a, f)) return *t;
    std::optional<Date>* d = dateField(a, f);
    return d != nullptr && *d ? vietnameseDate(**d) : std::string();
}

bool DetailsPageState::set(DetailField f, const std::string& input) {
    if (f == DetailField::Team) return false;
    try {
        auto change = actions::setDetail(session_.audit(), fieldKey(f), input);
        session_.clearInputError(pathOf(f));
        if (!change) return true;
        session_.record(*change);
        if (f == DetailField::VisitStart || f == DetailField::VisitEnd) session_.datesChanged();
        return true;
    } catch (const UsageError& e) {
        session_.setInputError(pathOf(f), messageUnderField(e.what(), fieldKey(f)));
        return false;
    }
}

const std::vector<TeamMember>& DetailsPageState::team() const { return session_.audit().team; }

size_t DetailsPageState::addMember() {
    auto& team = session_.audit().team;
    TeamMember m;
    m.role = team.empty() ? "leader" : "member";
    team.push_back(m);
    session_.touch();
    return team.size() - 1;
}

void DetailsPageState::addMember(const std::string& name, const std::string& role, const std::string& title) {
    session_.record(actions::addTeamMember(session_.audit(), name, role, title));
}

void DetailsPageState::removeMember(size_t index) {
    auto& team = session_.audit().team;
    if (index >= team.size()) return;
    if (team[index].name.empty()) {  // a row added and never filled in
        team.erase(team.begin() + static_cast<long>(index));
        session_.touch();
        return;
    }
    session_.record(actions::removeTeamMember(session_.audit(), team[index].name));
}

void DetailsPageState::setMember(size_t index, const TeamMember& member) {
    auto& team = session_.audit().team;
    if (index >= team.size()) return;
    // A second leader or an unknown role is shown on the team's line; the row keeps what it had.
    try {
        if (auto change = actions::setTeamMember(session_.audit(), index, member)) session_.record(*change);
        session_.clearInputError(pathOf(DetailField::Team));
    } catch (const UsageError& e) {
        session_.setInputError(pathOf(DetailField::Team), e.what());
    }
}

std::vector<DetailMessage> DetailsPageState::errors() const {
    std::vector<DetailMessage> out;
    const Audit& a = session_.audit();
    for (const auto& [key, entry] : session_.inputErrors()) {
        if (key.rfind("$details.", 0) != 0) continue;
        for (int i = 0; i <= static_cast<int>(DetailField::Team); ++i) {
            auto f = static_cast<DetailField>(i);
            if (key == pathOf(f).key()) out.push_back({f, entry.second});
        }
    }
    if (trim(a.unit.name).empty())
        out.push_back({DetailField::UnitName, tr("Cần nhập tên đơn vị được kiểm tra.", "Enter the inspected unit's name.")});
    if (a.visitStart && a.visitEnd && *a.visitEnd < *a.visitStart)
        out.push_back({DetailField::VisitEnd, tr("Ngày kết thúc kiểm tra trước ngày bắt đầu.",
                                                 "The visit ends before it starts.")});
    if (a.periodStart && a.periodEnd && *a.periodEnd < *a.periodStart)
        out.push_back({DetailField::PeriodEnd, tr("Cuối kỳ kiểm tra trước đầu kỳ.", "The period ends before it starts.")});
    return out;
}

std::vector<DetailMessage> DetailsPageState::warnings() const {
    std::vector<DetailMessage> out;
    const Audit& a = session_.audit();
    const Form& form = session_.form();
    if (a.unit.type.empty())
        out.push_back({DetailField::UnitType, tr("Chưa chọn loại đơn vị.", "No unit type chosen.")});
    else if (!form.unitTypes.empty() &&
             std::find(form.unitTypes.begin(), form.unitTypes.end(), a.unit.type) == form.unitTypes.end())
        out.push_back({DetailField::UnitType, fmt(tr("Biểu mẫu {} không dành cho loại đơn vị '{}'.",
                                                     "Form {} is not meant for unit type '{}'."),
                                                  form.id, a.unit.type)});
    if (a.body.name.empty())
        out.push_back({DetailField::BodyName, tr("Chưa nhập cơ quan kiểm tra.", "No inspecting body entered.")});
    if (a.plan.number.empty())
        out.push_back({DetailField::PlanNumber, tr("Chưa nhập số kế hoạch kiểm tra.", "No plan number entered.")});
    if (a.decision.number.empty())
        out.push_back({DetailField::DecisionNumber, tr("Chưa nhập số quyết định thành lập đoàn.",
                                                       "No decision number entered.")});
    if (!a.visitStart)
        out.push_back({DetailField::VisitStart, tr("Chưa nhập ngày kiểm tra.", "No visit date entered.")});
    bool leader = std::any_of(a.team.begin(), a.team.end(), [](const TeamMember& m) { return m.role == "leader"; });
    if (!leader)
        out.push_back({DetailField::Team, tr("Đoàn kiểm tra chưa có trưởng đoàn.", "The team has no leader.")});
    return out;
}

}  // namespace par::wizard
