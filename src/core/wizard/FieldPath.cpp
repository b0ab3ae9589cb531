// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/FieldPath.hpp"

namespace par::wizard {

std::string FieldPath::key() const {
    if (row < 0) return question;
    return question + "/" + std::to_string(row) + "/" + column;
}

}  // namespace par::wizard
