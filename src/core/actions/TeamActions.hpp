// SPDX-License-Identifier: Apache-2.0
// TeamActions.hpp - the inspection team: members with their role (leader, deputy-leader, member,
// secretary) and title, added, removed and changed; one leader at most.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/Text.hpp"
#include "core/model/Audit.hpp"
#include "core/model/TeamRole.hpp"

namespace par::actions {

// Roles: core/model/TeamRole.hpp (teamRoles, parseTeamRole, teamRoleLabel).
using par::parseTeamRole;
using par::teamRoleLabel;
using par::teamRoles;

// Adds a member; throws UsageError for an empty name, an unknown role, a name already in the team,
// or a second leader.
ChangeCode addTeamMember(Audit& audit, const std::string& name, const std::string& role, const std::string& title);
// Removes the member of that name (compared as typed, after NFC and trimming); throws UsageError
// when there is none.
ChangeCode removeTeamMember(Audit& audit, const std::string& name);
// Replaces the member at `index` (the app's row editing); nullopt when nothing changed.
std::optional<ChangeCode> setTeamMember(Audit& audit, size_t index, const TeamMember& member);

}  // namespace par::actions
