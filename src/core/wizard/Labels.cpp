// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/Labels.hpp"

#include "core/common/Text.hpp"
#include "core/model/TeamRole.hpp"

namespace par::wizard {

std::vector<IdLabel> unitTypeLabels() {
    return {
        {"xa", tr("Xã", "Commune")},
        {"phuong", tr("Phường", "Ward")},
        {"dac-khu", tr("Đặc khu", "Special zone")},
        {"so", tr("Sở", "Provincial department")},
        {"ban-nganh", tr("Ban, ngành cấp tỉnh", "Provincial agency")},
        {"huyen", tr("Huyện (trước 1/7/2025)", "District (before 1/7/2025)")},
        {"thi-xa", tr("Thị xã (trước 1/7/2025)", "Town (before 1/7/2025)")},
        {"thanh-pho-thuoc-tinh", tr("Thành phố thuộc tỉnh (trước 1/7/2025)", "Provincial city (before 1/7/2025)")},
    };
}

std::vector<IdLabel> unitLevelLabels() {
    return {
        {"commune", tr("Cấp xã", "Commune level")},
        {"province", tr("Cấp tỉnh", "Provincial level")},
        {"district", tr("Cấp huyện (trước 1/7/2025)", "District level (before 1/7/2025)")},
    };
}

std::vector<IdLabel> teamRoleLabels() {
    std::vector<IdLabel> out;
    for (const auto& role : teamRoles()) out.push_back({role, teamRoleLabel(role, language())});
    return out;
}

std::string labelOf(const std::vector<IdLabel>& list, const std::string& id) {
    for (const auto& e : list)
        if (e.id == id) return e.label;
    return id;
}

std::string idOf(const std::vector<IdLabel>& list, const std::string& labelOrId) {
    std::string t = trim(labelOrId);
    for (const auto& e : list)
        if (e.label == t || e.id == t) return e.id;
    return t;
}

}  // namespace par::wizard
