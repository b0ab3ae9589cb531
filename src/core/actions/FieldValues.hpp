// SPDX-License-Identifier: Apache-2.0
// FieldValues.hpp - what the details and the notice actions share: a typed date stored into an
// optional date field, checked by the caller's rule, put back when the rule refuses it.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/model/Audit.hpp"

namespace par::actions {

// Reads `value` (DD/MM/YYYY or YYYY-MM-DD; empty clears) into `field`; `check` runs with the new
// value in place and throws to refuse it (the old value is restored). Returns `<prefix>.set` with
// the ISO date, `<prefix>.clear`, or nullopt when unchanged. Throws UsageError naming `name`.
std::optional<ChangeCode> setDateField(std::optional<Date>& field, const std::string& name, const std::string& value,
                                       const std::string& prefix, const std::function<void()>& check);

}  // namespace par::actions
