// SPDX-License-Identifier: Apache-2.0
// Deadline.hpp - how a recommendation's deadline is given: N working days or N calendar days from the
// notice date, or a fixed date. Computing the actual date needs the working-day calendar and is done
// by the tracking code; this file only parses and prints the rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/common/Dates.hpp"

namespace par {

struct DeadlineRule {
    enum class Kind { None, WorkingDays, CalendarDays, FixedDate };
    Kind kind = Kind::None;
    int count = 0;  // for WorkingDays / CalendarDays
    Date date;      // for FixedDate

    // "30 working-days", "15 calendar-days", "2019-03-31"; nullopt when malformed. "" gives Kind::None.
    static std::optional<DeadlineRule> parse(std::string_view text);
    std::string str() const;      // the file form, as parse() reads it
    std::string display() const;  // "30 ngày làm việc kể từ ngày ban hành thông báo"
};

}  // namespace par
