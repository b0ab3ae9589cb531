// SPDX-License-Identifier: Apache-2.0
#include "core/actions/FieldValues.hpp"

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::actions {

std::optional<ChangeCode> setDateField(std::optional<Date>& field, const std::string& name, const std::string& value,
                                       const std::string& prefix, const std::function<void()>& check) {
    std::optional<Date> parsed;
    if (!value.empty()) {
        parsed = parseUserDate(value);
        if (!parsed)
            throw UsageError(fmt(tr("{}: '{}' không phải ngày hợp lệ (DD/MM/YYYY)", "{}: '{}' is not a valid date (DD/MM/YYYY)"),
                                 name, value));
    }
    if (field == parsed) return std::nullopt;
    std::optional<Date> before = field;
    field = parsed;
    try {
        check();
    } catch (...) {
        field = before;
        throw;
    }
    if (!parsed) return ChangeCode{prefix + ".clear", {name}};
    return ChangeCode{prefix + ".set", {name, isoDate(*parsed)}};
}

}  // namespace par::actions
