// SPDX-License-Identifier: Apache-2.0
#include "core/common/Dates.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>

namespace par {

namespace {
// Reads 1..maxDigits decimal digits from s at pos; -1 on failure.
int readNumber(std::string_view s, size_t& pos, size_t minDigits, size_t maxDigits) {
    size_t start = pos;
    int v = 0;
    while (pos < s.size() && pos - start < maxDigits && s[pos] >= '0' && s[pos] <= '9') {
        v = v * 10 + (s[pos] - '0');
        ++pos;
    }
    if (pos - start < minDigits) return -1;
    return v;
}

std::optional<Date> makeDate(int y, int m, int d) {
    if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    if (d > boost::gregorian::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}
}  // namespace

std::optional<Date> parseIsoDate(std::string_view s) {
    size_t pos = 0;
    int y = readNumber(s, pos, 4, 4);
    if (y < 0 || pos >= s.size() || s[pos++] != '-') return std::nullopt;
    int m = readNumber(s, pos, 2, 2);
    if (m < 0 || pos >= s.size() || s[pos++] != '-') return std::nullopt;
    int d = readNumber(s, pos, 2, 2);
    if (d < 0 || pos != s.size()) return std::nullopt;
    return makeDate(y, m, d);
}

std::optional<Date> parseUserDate(std::string_view s) {
    if (auto iso = parseIsoDate(s)) return iso;
    size_t pos = 0;
    int d = readNumber(s, pos, 1, 2);
    if (d < 0 || pos >= s.size() || s[pos++] != '/') return std::nullopt;
    int m = readNumber(s, pos, 1, 2);
    if (m < 0 || pos >= s.size() || s[pos++] != '/') return std::nullopt;
    int y = readNumber(s, pos, 4, 4);
    if (y < 0 || pos != s.size()) return std::nullopt;
    return makeDate(y, m, d);
}

std::string isoDate(const Date& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d.year()), int(d.month()), int(d.day()));
    return buf;
}

std::string vietnameseDate(const Date& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", int(d.day()), int(d.month()), int(d.year()));
    return buf;
}

std::string documentDate(const Date& d) {
    char buf[64];
    int month = d.month();
    if (month <= 2)
        std::snprintf(buf, sizeof buf, "ngày %02d tháng %02d năm %04d", int(d.day()), month, int(d.year()));
    else
        std::snprintf(buf, sizeof buf, "ngày %02d tháng %d năm %04d", int(d.day()), month, int(d.year()));
    return buf;
}

}  // namespace par
