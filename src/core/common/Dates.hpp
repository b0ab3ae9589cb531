// SPDX-License-Identifier: Apache-2.0
// Dates.hpp - reading and writing the dates users type and files carry: ISO "2018-11-28",
// Vietnamese "28/11/2018", and the state-document form "ngày 28 tháng 11 năm 2018".
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace par {

using Date = boost::gregorian::date;

// Strict "YYYY-MM-DD"; nullopt when malformed or impossible (2018-02-31).
std::optional<Date> parseIsoDate(std::string_view s);

// "YYYY-MM-DD" or "D/M/YYYY" (one or two digits for day and month); nullopt when malformed or impossible.
std::optional<Date> parseUserDate(std::string_view s);

std::string isoDate(const Date& d);          // 2018-12-05
std::string vietnameseDate(const Date& d);   // 05/12/2018
// "ngày 05 tháng 12 năm 2018": days below 10 and months 1-2 zero-padded (Decree 30/2020).
std::string documentDate(const Date& d);

}  // namespace par
