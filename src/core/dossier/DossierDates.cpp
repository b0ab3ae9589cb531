// SPDX-License-Identifier: Apache-2.0
// DossierDates.cpp - hand-written parsing: boost's string parsers are far too slow for the hot
// path.
#include "core/dossier/DossierDates.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/dossier/Digits.hpp"

namespace par::dossier {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Reads 1..maxDigits digits at s[i]; advances i. -1 when none.
int readNumber(std::string_view s, size_t& i, size_t minDigits, size_t maxDigits) {
    size_t start = i;
    int v = 0;
    while (i < s.size() && isDigit(s[i]) && i - start < maxDigits)
        v = v * 10 + (s[i++] - '0');
    return i - start < minDigits ? -1 : v;
}

int daysInMonth(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return kDays[m - 1];
}

// " HH:MM[:SS[.fff]][ SA|CH|AM|PM]" or "THH:MM..." at s[i] (i at the separator), or nothing. -1
// when malformed, -2 when impossible.
int readTime(std::string_view s, size_t i, bool allowT) {
    if (i == s.size())
        return 0;
    if (s[i] == ' ' || (allowT && s[i] == 'T')) {
        ++i;
        while (i < s.size() && s[i] == ' ')
            ++i;
    } else {
        return -1;
    }
    int h = readNumber(s, i, 1, 2);
    if (h < 0 || i >= s.size() || s[i] != ':')
        return -1;
    ++i;
    int m = readNumber(s, i, 2, 2);
    if (m < 0)
        return -1;
    int sec = 0;
    if (i < s.size() && s[i] == ':') {
        ++i;
        sec = readNumber(s, i, 2, 2);
        if (sec < 0)
            return -1;
        if (i < s.size() && s[i] == '.') {
            ++i;
            if (readNumber(s, i, 1, 9) < 0)
                return -1;
        }
    }
    // Excel's Vietnamese 12-hour formats: "4:30:00 CH" (chiều, p.m.), "9:15 SA" (sáng, a.m.);
    // AM/PM as in English exports. Any case, spaces before.
    int half = 0;  // 1: a.m., 2: p.m.
    size_t j = i;
    while (j < s.size() && s[j] == ' ')
        ++j;
    if (j + 2 == s.size() && j > i) {
        const char a = static_cast<char>(s[j] & ~0x20), b = static_cast<char>(s[j + 1] & ~0x20);
        if ((a == 'S' && b == 'A') || (a == 'A' && b == 'M'))
            half = 1;
        else if ((a == 'C' && b == 'H') || (a == 'P' && b == 'M'))
            half = 2;
        if (half != 0)
            i = s.size();
    }
    if (i != s.size())
        return -1;
    if (half != 0) {
        if (h < 1 || h > 12)
            return -2;
        h = h % 12 + (half == 2 ? 12 : 0);
    }
    if (h > 23 || m > 59 || sec > 59)
        return -2;
    return h * 3600 + m * 60 + sec;
}

ParsedStamp make(int y, int mo, int d, int time) {
    ParsedStamp r;
    if (time == -1) {
        r.status = DateStatus::Malformed;
        return r;
    }
    if (time == -2 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
        r.status = DateStatus::Impossible;
        return r;
    }
    if (y < cal::kWorkFirstYear || y > cal::kWorkLastYear) {
        r.status = DateStatus::OutOfRange;
        return r;
    }
    r.status = DateStatus::Ok;
    r.stamp.day = Date(static_cast<unsigned short>(y), static_cast<unsigned short>(mo),
                       static_cast<unsigned short>(d));
    r.stamp.seconds = time;
    return r;
}

// A spreadsheet date serial: whole days since the system's day 0, the fraction the time of day,
// rounded to the nearest second (spreadsheets store 15:00 as 0.625 or 0.62499999...). Read in
// integers: the fraction's first 13 digits exactly (the rest is below a nanosecond), no floating
// point and no year/month/day split (a million cells a run; it was a quarter of an XLSX log's
// time with the double arithmetic and the calendar conversions).
ParsedStamp fromSerial(std::string_view s, bool date1904) {
    ParsedStamp r;
    r.status = DateStatus::Malformed;
    constexpr std::uint64_t kMaxSerial = 1000000;  // beyond it, never a date (and no overflow)
    constexpr int kFractionDigits = 13;            // fraction * 86400 stays below 2^64
    static constexpr std::uint64_t kPow10[kFractionDigits + 1] = {
        1ULL,           10ULL,           100ULL,           1000ULL,          10000ULL,
        100000ULL,      1000000ULL,      10000000ULL,      100000000ULL,     1000000000ULL,
        10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL};
    std::uint64_t whole = 0, fraction = 0;
    size_t fractionDigits = 0;  // of `fraction`, at most kFractionDigits
    bool read = false;
    // What spreadsheets write, "44989.64517361111": 1 to 7 digits, then '.' and at most 13
    // digits, read eight at a time.
    const char* const p = s.data();
    const size_t n = s.size();
    const std::uint64_t w = loadWord(p, n);
    const int k = leadingDigits(w);
    if (k >= 1 && k <= 7) {
        whole = digitsValue(w, k);
        const size_t rest = n > static_cast<size_t>(k) ? n - static_cast<size_t>(k) - 1 : 0;
        if (static_cast<size_t>(k) == n) {
            read = true;
        } else if (p[k] == '.' && rest <= static_cast<size_t>(kFractionDigits)) {
            size_t got = 0;
            if (rest > 0) {
                const std::uint64_t w1 = loadWord(p + k + 1, rest);
                const int a = leadingDigits(w1);
                if (a > 0)
                    fraction = digitsValue(w1, a);
                got = static_cast<size_t>(a);
                if (a == 8 && rest > 8) {
                    const std::uint64_t w2 = loadWord(p + k + 9, rest - 8);
                    const int b = leadingDigits(w2);
                    if (b > 0)
                        fraction = fraction * kPow10[b] + digitsValue(w2, b);
                    got += static_cast<size_t>(b);
                }
            }
            if (got == rest) {
                fractionDigits = rest;
                read = true;
            }
        }
    }
    if (!read) {  // anything else: leading zeros, a long fraction, or not a number
        whole = fraction = 0;
        fractionDigits = 0;
        size_t i = 0;
        while (i < n && isDigit(s[i])) {
            whole = whole * 10 + static_cast<std::uint64_t>(s[i++] - '0');
            if (whole > kMaxSerial)
                return r;
        }
        if (i == 0)
            return r;
        if (i < n && s[i] == '.') {
            for (++i; i < n && isDigit(s[i]); ++i) {
                // (digits after the 13th change nothing)
                if (fractionDigits < static_cast<size_t>(kFractionDigits)) {
                    fraction = fraction * 10 + static_cast<std::uint64_t>(s[i] - '0');
                    ++fractionDigits;
                }
            }
        }
        if (i != n)
            return r;
    }
    // A serial of exactly 1,000,000 and a fraction is past the limit too (as "1000000.5" always
    // was); the 13 digits read decide it, later ones are below a nanosecond.
    if (whole > kMaxSerial || (whole == kMaxSerial && fraction != 0))
        return r;
    long days = static_cast<long>(whole);
    // The fraction as 13 digits, so that the division is by a constant (a multiplication).
    fraction *= kPow10[kFractionDigits - fractionDigits];
    long secs = static_cast<long>((fraction * 86400 + kPow10[kFractionDigits] / 2) /
                                  kPow10[kFractionDigits]);  // half up
    if (secs >= 86400) {
        ++days;
        secs -= 86400;
    }
    // 1900 system: serial 60 is the non-existent 29/02/1900 (and 0 the "00/01/1900" spreadsheets
    // show); serial 61 = 1900-03-01; before it, days of 1900 (outside the calendar in any case).
    if (!date1904 && (days == 0 || days == 60)) {
        r.status = DateStatus::Impossible;
        return r;
    }
    if (!date1904 && days < 61) {
        r.status = DateStatus::OutOfRange;
        return r;
    }
    static const Date base1900(1899, 12, 30), base1904(1904, 1, 1);
    static const Date first(cal::kWorkFirstYear, 1, 1), last(cal::kWorkLastYear, 12, 31);
    const Date d = (date1904 ? base1904 : base1900) + boost::gregorian::days(days);
    if (d < first || d > last) {
        r.status = DateStatus::OutOfRange;
        return r;
    }
    r.status = DateStatus::Ok;
    r.stamp.day = d;
    r.stamp.seconds = static_cast<int>(secs);
    return r;
}

}  // namespace

namespace {

bool digits(std::string_view s, size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
        if (!isDigit(s[i]))
            return false;
    return true;
}

int twoDigits(const char* p) {
    return (p[0] - '0') * 10 + (p[1] - '0');
}

// "dd/mm/yyyy[ time]", the form one-stop exports write every date in: the date part is looked up
// in a per-thread cache keyed by its ten bytes (a log has a few thousand distinct days among
// millions of cells; a text is only cached once it has the form), "HH:MM" and "HH:MM:SS" read at
// fixed places, any other time by readTime. Same results as the general path below.
bool fastDayMonthYear(std::string_view s, ParsedStamp& out) {
    const size_t n = s.size();
    if (n < 10 || (n > 10 && s[10] != ' '))
        return false;
    std::uint64_t k = 0;
    std::uint16_t k2 = 0;
    std::memcpy(&k, s.data(), 8);
    std::memcpy(&k2, s.data() + 8, 2);
    struct Entry {
        std::uint64_t k = 0;
        std::uint16_t k2 = 0;
        bool used = false;
        ParsedStamp day;
    };
    thread_local Entry cache[4096];
    // The slot from the digits as they stand (checked only on a miss): every day of any eight
    // consecutive years has its own slot, so a log's days never push each other out.
    const unsigned d0 = static_cast<unsigned char>(s[0]) & 15u,
                   d1 = static_cast<unsigned char>(s[1]) & 15u,
                   m0 = static_cast<unsigned char>(s[3]) & 15u,
                   m1 = static_cast<unsigned char>(s[4]) & 15u,
                   y3 = static_cast<unsigned char>(s[9]) & 7u;
    Entry& e = cache[((y3 * 16 + m0 * 10 + m1) * 32 + d0 * 10 + d1) & 4095u];
    if (!e.used || e.k != k || e.k2 != k2) {
        if (s[2] != '/' || s[5] != '/' || !digits(s, 0, 2) || !digits(s, 3, 2) || !digits(s, 6, 4))
            return false;
        const int d = twoDigits(s.data()), mo = twoDigits(s.data() + 3);
        const int y = twoDigits(s.data() + 6) * 100 + twoDigits(s.data() + 8);
        e.day = make(y, mo, d, 0);
        e.k = k;
        e.k2 = k2;
        e.used = true;
    }
    int time;
    const char* t = s.data();
    if (n == 10) {
        time = 0;
    } else if ((n == 16 || (n == 19 && t[16] == ':' && isDigit(t[17]) && isDigit(t[18]))) &&
               t[13] == ':' && isDigit(t[11]) && isDigit(t[12]) && isDigit(t[14]) &&
               isDigit(t[15])) {
        const int hh = twoDigits(t + 11), mm = twoDigits(t + 14),
                  ss = n == 19 ? twoDigits(t + 17) : 0;
        time = hh > 23 || mm > 59 || ss > 59 ? -2 : hh * 3600 + mm * 60 + ss;
    } else {
        time = readTime(s, 10, false);
    }
    out = e.day;
    if (time == -1) {
        out.status = DateStatus::Malformed;
    } else if (time == -2) {
        out.status = DateStatus::Impossible;
    } else if (out.status == DateStatus::Ok) {
        out.stamp.seconds = time;
    }
    return true;
}

}  // namespace

ParsedStamp parseStamp(std::string_view s, bool serials, bool date1904) {
    ParsedStamp r;
    if (s.empty())
        return r;
    if (fastDayMonthYear(s, r))
        return r;
    size_t i = 0;
    int a = readNumber(s, i, 1, 4);
    if (a < 0 || i >= s.size()) {
        if (serials && a >= 0)
            return fromSerial(s, date1904);
        r.status = DateStatus::Malformed;
        return r;
    }
    if (s[i] == '/' && i <= 2) {  // d/m/yyyy
        ++i;
        int mo = readNumber(s, i, 1, 2);
        if (mo < 0 || i >= s.size() || s[i] != '/') {
            r.status = DateStatus::Malformed;
            return r;
        }
        ++i;
        int y = readNumber(s, i, 4, 4);
        if (y < 0) {
            r.status = DateStatus::Malformed;
            return r;
        }
        return make(y, mo, a, readTime(s, i, false));
    }
    if (s[i] == '-' && i == 4) {  // yyyy-mm-dd
        ++i;
        int mo = readNumber(s, i, 2, 2);
        if (mo < 0 || i >= s.size() || s[i] != '-') {
            r.status = DateStatus::Malformed;
            return r;
        }
        ++i;
        int d = readNumber(s, i, 2, 2);
        if (d < 0) {
            r.status = DateStatus::Malformed;
            return r;
        }
        return make(a, mo, d, readTime(s, i, true));
    }
    if (serials)
        return fromSerial(s, date1904);
    r.status = DateStatus::Malformed;
    return r;
}

}  // namespace par::dossier
