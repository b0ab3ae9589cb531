// SPDX-License-Identifier: Apache-2.0
#include "core/actions/TeamActions.hpp"

#include <algorithm>

#include "core/common/Error.hpp"

namespace par::actions {

namespace {
std::string requireRole(const std::string& input) {
    auto role = parseTeamRole(input.empty() ? std::string("member") : input);
    if (!role)
        throw UsageError(fmt(tr("vai trò '{}' không hợp lệ: leader (trưởng đoàn), deputy (phó trưởng đoàn), member (thành viên), secretary (thư ký)",
                                "invalid role '{}': leader, deputy, member, secretary"),
                             input));
    return *role;
}

void checkOneLeader(const Audit& audit, const std::string& role, long except) {
    if (role != "leader") return;
    for (size_t i = 0; i < audit.team.size(); ++i)
        if (static_cast<long>(i) != except && audit.team[i].role == "leader")
            throw UsageError(fmt(tr("đoàn đã có trưởng đoàn ({}); bỏ người đó trước hoặc chọn vai trò khác",
                                    "the team already has a leader ({}); remove them first or choose another role"),
                                 audit.team[i].name));
}
}  // namespace

ChangeCode addTeamMember(Audit& audit, const std::string& nameIn, const std::string& roleIn, const std::string& titleIn) {
    std::string name = nfc(trim(nameIn));
    if (name.empty()) throw UsageError(tr("tên thành viên không được để trống", "a member's name cannot be empty"));
    std::string role = requireRole(roleIn);
    for (const auto& m : audit.team)
        if (m.name == name)
            throw UsageError(fmt(tr("{} đã có trong đoàn", "{} is already in the team"), name));
    checkOneLeader(audit, role, -1);
    audit.team.push_back({name, role, nfc(trim(titleIn))});
    return {"team.add", {name, role}};
}

ChangeCode removeTeamMember(Audit& audit, const std::string& nameIn) {
    std::string name = nfc(trim(nameIn));
    auto it = std::find_if(audit.team.begin(), audit.team.end(), [&](const TeamMember& m) { return m.name == name; });
    if (it == audit.team.end()) {
        std::string list;
        for (const auto& m : audit.team) list += (list.empty() ? "" : ", ") + m.name;
        throw UsageError(fmt(tr("đoàn không có '{}' (thành viên: {})", "no '{}' in the team (members: {})"), name,
                             list.empty() ? std::string(tr("chưa có ai", "none yet")) : list));
    }
    audit.team.erase(it);
    return {"team.remove", {name}};
}

std::optional<ChangeCode> setTeamMember(Audit& audit, size_t index, const TeamMember& member) {
    if (index >= audit.team.size()) throw UsageError(tr("không có thành viên ở dòng này", "no member on this row"));
    TeamMember m{nfc(trim(member.name)), requireRole(member.role), nfc(trim(member.title))};
    const TeamMember& old = audit.team[index];
    if (old.name == m.name && old.role == m.role && old.title == m.title) return std::nullopt;
    checkOneLeader(audit, m.role, static_cast<long>(index));
    audit.team[index] = m;
    return ChangeCode{"team.set", {m.name, m.role}};
}

}  // namespace par::actions
