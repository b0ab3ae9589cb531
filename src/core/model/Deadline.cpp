// SPDX-License-Identifier: Apache-2.0
#include "core/model/Deadline.hpp"

#include <cstdlib>

#include "core/common/Text.hpp"

namespace par {

std::optional<DeadlineRule> DeadlineRule::parse(std::string_view text) {
    std::string t = trim(text);
    DeadlineRule r;
    if (t.empty()) return r;
    if (auto d = parseIsoDate(t)) {
        r.kind = Kind::FixedDate;
        r.date = *d;
        return r;
    }
    size_t space = t.find(' ');
    if (space == std::string::npos) return std::nullopt;
    std::string num = t.substr(0, space);
    std::string unit = trim(t.substr(space + 1));
    if (num.empty() || num.size() > 4 || num.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    r.count = std::atoi(num.c_str());
    if (r.count <= 0) return std::nullopt;
    if (unit == "working-days" || unit == "working-day") r.kind = Kind::WorkingDays;
    else if (unit == "calendar-days" || unit == "calendar-day") r.kind = Kind::CalendarDays;
    else return std::nullopt;
    return r;
}

std::string DeadlineRule::str() const {
    switch (kind) {
        case Kind::None: return "";
        case Kind::WorkingDays: return std::to_string(count) + " working-days";
        case Kind::CalendarDays: return std::to_string(count) + " calendar-days";
        case Kind::FixedDate: return isoDate(date);
    }
    return "";
}

std::string DeadlineRule::display() const {
    switch (kind) {
        case Kind::None: return tr("không định hạn", "no deadline");
        case Kind::WorkingDays:
            return fmt(tr("{} ngày làm việc kể từ ngày ban hành thông báo", "{} working days from the notice date"),
                       std::to_string(count));
        case Kind::CalendarDays:
            return fmt(tr("{} ngày kể từ ngày ban hành thông báo", "{} days from the notice date"), std::to_string(count));
        case Kind::FixedDate: return fmt(tr("trước ngày {}", "by {}"), vietnameseDate(date));
    }
    return "";
}

}  // namespace par
