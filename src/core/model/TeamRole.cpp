// SPDX-License-Identifier: Apache-2.0
#include "core/model/TeamRole.hpp"

namespace par {

const std::vector<std::string>& teamRoles() {
    static const std::vector<std::string> roles = {"leader", "deputy-leader", "member", "secretary"};
    return roles;
}

std::optional<std::string> parseTeamRole(const std::string& input) {
    std::string k = foldKey(input);
    if (k == "leader" || k == "truong doan") return std::string("leader");
    if (k == "deputy" || k == "deputy-leader" || k == "deputy leader" || k == "pho truong doan")
        return std::string("deputy-leader");
    if (k == "member" || k == "thanh vien") return std::string("member");
    if (k == "secretary" || k == "thu ky") return std::string("secretary");
    return std::nullopt;
}

std::string teamRoleLabel(const std::string& role, Language lang) {
    bool en = lang == Language::English;
    if (role == "leader") return en ? "Team leader" : "Trưởng đoàn";
    if (role == "deputy-leader") return en ? "Deputy team leader" : "Phó Trưởng đoàn";
    if (role == "secretary") return en ? "Secretary" : "Thư ký";
    if (role == "member") return en ? "Member" : "Thành viên";
    return role;
}

}  // namespace par
