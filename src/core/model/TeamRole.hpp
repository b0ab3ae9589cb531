// SPDX-License-Identifier: Apache-2.0
// TeamRole.hpp - the roles of an inspection team's members as the audit file stores them (leader,
// deputy-leader, member, secretary), read from what a person types, and put into words: the one
// place for the documents, the app, `show` and the change log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/Text.hpp"

namespace par {

const std::vector<std::string>& teamRoles();
// "leader", "deputy" or "deputy-leader", "member", "secretary", or the Vietnamese words ("trưởng
// đoàn", "phó trưởng đoàn", "thành viên", "thư ký"), in any case and with or without diacritics.
std::optional<std::string> parseTeamRole(const std::string& input);
// "Trưởng đoàn", "Phó Trưởng đoàn", "Thành viên", "Thư ký" (English for Language::English).
std::string teamRoleLabel(const std::string& role, Language lang);

}  // namespace par
