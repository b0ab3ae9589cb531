// SPDX-License-Identifier: Apache-2.0
// DetailsActions.hpp - the audit's details: the inspected unit, the inspecting body, the inspection
// plan (with its issuer) and the decision forming the team, the visit and the period. Fields are
// named as on the command line (`par-audit details A --set plan-issuer="UBND tỉnh Nghệ An"`) and in
// the app's details page. Dates are typed DD/MM/YYYY or YYYY-MM-DD.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/Audit.hpp"

namespace par::actions {

// Every field, in the order the page and `details --help` show them.
const std::vector<std::string>& detailFields();
bool isDateDetail(const std::string& field);

// The value as shown (dates DD/MM/YYYY); throws UsageError for an unknown field.
std::string detailValue(const Audit& audit, const std::string& field);

// Sets a field (an empty value clears it). Returns the change, or nullopt when the value is already
// that. Throws UsageError naming the field and what is wrong (unknown field, unreadable date, an end
// before its start, an empty unit name); the audit is then unchanged.
std::optional<ChangeCode> setDetail(Audit& audit, const std::string& field, const std::string& value);

// The visit/period order checks, for a page that stores dates one at a time.
std::vector<std::pair<std::string, std::string>> detailErrors(const Audit& audit);

}  // namespace par::actions
