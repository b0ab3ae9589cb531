// SPDX-License-Identifier: Apache-2.0
// Labels.hpp - the words people read for the ids audit files store: inspected-unit types (xa, so,
// huyen, ...), levels (commune, province, district) and team roles (leader, member, secretary),
// in the current message language. Ids the table does not know are shown as they are.
#pragma once

#include <string>
#include <vector>

namespace par::wizard {

struct IdLabel {
    std::string id;
    std::string label;
};

std::vector<IdLabel> unitTypeLabels();
std::vector<IdLabel> unitLevelLabels();
std::vector<IdLabel> teamRoleLabels();

// The label of an id in one of the lists above; the id itself when unknown.
std::string labelOf(const std::vector<IdLabel>& list, const std::string& id);
// The id of a label (or of an id typed as is); "" for an empty text.
std::string idOf(const std::vector<IdLabel>& list, const std::string& labelOrId);

}  // namespace par::wizard
