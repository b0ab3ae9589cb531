// SPDX-License-Identifier: Apache-2.0
#include "core/calendar/LunarCalendar.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::cal {

namespace {

// The astronomical part follows Hồ Ngọc Đức, "Thuật toán tính âm lịch"
// (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html), itself after Meeus,
// "Astronomical Algorithms". Day numbers are Julian Day Numbers (Boost's julian_day()).
constexpr double kPi = 3.14159265358979323846;

long long floorInt(double x) {
    return static_cast<long long>(std::floor(x));
}

long jdn(par::Date d) {
    return static_cast<long>(d.julian_day());
}

par::Date dateFromJdn(long jd) {
    static const par::Date base(1970, 1, 1);  // JDN 2440588
    return base + boost::gregorian::date_duration(jd - 2440588);
}

// Julian date (fractional, UT) of the k-th new moon after 1900-01-01 13:52 UT.
double newMoon(long k) {
    const double T = k / 1236.85;  // Julian centuries since 1900-01-01 12:00
    const double T2 = T * T;
    const double T3 = T2 * T;
    const double dr = kPi / 180;
    double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
    jd1 += 0.00033 * std::sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
    const double M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
    const double Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
    const double F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
    double c1 = (0.1734 - 0.000393 * T) * std::sin(M * dr) + 0.0021 * std::sin(2 * dr * M);
    c1 = c1 - 0.4068 * std::sin(Mpr * dr) + 0.0161 * std::sin(dr * 2 * Mpr);
    c1 = c1 - 0.0004 * std::sin(dr * 3 * Mpr);
    c1 = c1 + 0.0104 * std::sin(dr * 2 * F) - 0.0051 * std::sin(dr * (M + Mpr));
    c1 = c1 - 0.0074 * std::sin(dr * (M - Mpr)) + 0.0004 * std::sin(dr * (2 * F + M));
    c1 = c1 - 0.0004 * std::sin(dr * (2 * F - M)) - 0.0006 * std::sin(dr * (2 * F + Mpr));
    c1 = c1 + 0.0010 * std::sin(dr * (2 * F - Mpr)) + 0.0005 * std::sin(dr * (2 * Mpr + M));
    double deltaT;
    if (T < -11)
        deltaT = 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3;
    else
        deltaT = -0.000278 + 0.000265 * T + 0.000262 * T2;
    return jd1 + c1 - deltaT;
}

// The sun's apparent longitude in radians, normalised to [0, 2π), at Julian date jd (UT).
double sunLongitude(double jd) {
    const double T = (jd - 2451545.0) / 36525;  // Julian centuries since 2000-01-01 12:00 UT
    const double T2 = T * T;
    const double dr = kPi / 180;
    const double M = 357.52910 + 35999.05030 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
    const double L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
    double DL = (1.914600 - 0.004817 * T - 0.000014 * T2) * std::sin(dr * M);
    DL = DL + (0.019993 - 0.000101 * T) * std::sin(dr * 2 * M) + 0.000290 * std::sin(dr * 3 * M);
    double L = (L0 + DL) * dr;
    L = L - kPi * 2 * static_cast<double>(floorInt(L / (kPi * 2)));
    return L;
}

// Local day (JDN) of the k-th new moon.
long newMoonDay(long k, double tz) {
    return static_cast<long>(floorInt(newMoon(k) + 0.5 + tz / 24));
}

// Which of the 12 thirty-degree sectors the sun is in at the start of local day `day`.
int sunSector(long day, double tz) {
    return static_cast<int>(floorInt(sunLongitude(day - 0.5 - tz / 24) / kPi * 6));
}

// Start (JDN) of lunar month 11 of solar year y: the month that holds the winter solstice.
long lunarMonth11(int y, double tz) {
    const long off = jdn(par::Date(static_cast<unsigned short>(y), 12, 31)) - 2415021;
    const long k = static_cast<long>(floorInt(off / 29.530588853));
    long nm = newMoonDay(k, tz);
    if (sunSector(nm, tz) >= 9)
        nm = newMoonDay(k - 1, tz);
    return nm;
}

// Offset (from month 11 starting at a11) of the leap month in a 13-month year: the first month
// in which the sun enters no new sector.
int leapMonthOffset(long a11, double tz) {
    const long k = static_cast<long>(floorInt((a11 - 2415021.076998695) / 29.530588853 + 0.5));
    int i = 1;
    int arc = sunSector(newMoonDay(k + i, tz), tz);
    int last;
    do {
        last = arc;
        ++i;
        arc = sunSector(newMoonDay(k + i, tz), tz);
    } while (arc != last && i < 14);
    return i - 1;
}

// JDN of 1968-01-01: months that began before it follow the Chinese calendar (UTC+8).
constexpr long kUtc7From = 2439857;

struct Month {
    long start;  // JDN of day 1
    int month;
    int year;
    bool leap;
};

// Key order of lunar months: year, month, leap after the normal month of the same number.
bool before(const Month& m, int year, int month, bool leap) {
    if (m.year != year)
        return m.year < year;
    if (m.month != month)
        return m.month < month;
    return !m.leap && leap;
}

// Every lunar month from month 11 of 1899 to month 11 of 2200, plus a sentinel start.
class MonthTable {
public:
    MonthTable() {
        for (int y = kLunarFirstYear; y <= kLunarLastYear + 1; ++y)
            addSegment(y);
        // Sentinel: the start of the month after the last one.
        const double tz = lunarTimeZone(kLunarLastYear + 1);
        const long a11 = lunarMonth11(kLunarLastYear + 1, tz);
        months_.push_back({a11, 0, 0, false});
        for (size_t i = 0; i + 1 < months_.size(); ++i) {
            const long len = months_[i + 1].start - months_[i].start;
            if (len != 29 && len != 30)
                throw std::logic_error("lunar month table is not contiguous near JDN " +
                                       std::to_string(months_[i].start));
        }
    }

    const std::vector<Month>& months() const { return months_; }

private:
    // The months from month 11 of solar year y-1 up to (not including) month 11 of year y, all
    // computed in the time zone of lunar year y.
    void addSegment(int y) {
        const double tz = lunarTimeZone(y);
        const long a11 = lunarMonth11(y - 1, tz);
        const long b11 = lunarMonth11(y, tz);
        const long k0 = static_cast<long>(floorInt(0.5 + (a11 - 2415021.076998695) / 29.530588853));
        const bool hasLeap = b11 - a11 > 365;
        const int leapOffset = hasLeap ? leapMonthOffset(a11, tz) : 99;
        const int count = hasLeap ? 13 : 12;
        for (int i = 0; i < count; ++i) {
            Month m{};
            m.start = newMoonDay(k0 + i, tz);
            // A month that began before 1968 keeps its UTC+8 start (lunar month 11 of 1967).
            const long startUtc8 = newMoonDay(k0 + i, 8.0);
            if (startUtc8 < kUtc7From)
                m.start = startUtc8;
            m.leap = hasLeap && i == leapOffset;
            int number = (hasLeap && i >= leapOffset) ? i + 10 : i + 11;
            if (number > 12)
                number -= 12;
            m.month = number;
            m.year = (number >= 11 && i < 4) ? y - 1 : y;
            months_.push_back(m);
        }
    }

    std::vector<Month> months_;
};

const MonthTable& table() {
    static const MonthTable t;
    return t;
}

[[noreturn]] void outOfRange(par::Date d) {
    throw UsageError(fmt(tr("ngày {} nằm ngoài khoảng âm lịch được hỗ trợ ({}-01-01 đến {}-12-31)",
                            "date {} is outside the supported lunar range ({}-01-01 to {}-12-31)"),
                         isoDate(d), std::to_string(kLunarFirstYear),
                         std::to_string(kLunarLastYear)));
}

bool inSolarRange(par::Date d) {
    return !d.is_special() && d.year() >= kLunarFirstYear && d.year() <= kLunarLastYear;
}

// The month holding d (which must be in the solar range).
const Month& monthOf(par::Date d) {
    const auto& ms = table().months();
    const long day = jdn(d);
    auto it = std::upper_bound(ms.begin(), ms.end(), day,
                               [](long v, const Month& m) { return v < m.start; });
    return *(it - 1);
}

std::string lunarText(const LunarDate& l) {
    return std::to_string(l.day) + "/" + std::to_string(l.month) + "/" + std::to_string(l.year) +
           (l.leap ? tr(" (nhuận)", " (leap)") : "");
}

}  // namespace

double lunarTimeZone(int lunarYear) {
    return lunarYear <= 1967 ? 8.0 : 7.0;
}

LunarDate toLunar(par::Date d) {
    if (!inSolarRange(d))
        outOfRange(d);
    const Month& m = monthOf(d);
    return LunarDate{static_cast<int>(jdn(d) - m.start + 1), m.month, m.year, m.leap};
}

int lunarMonthLength(par::Date d) {
    if (!inSolarRange(d))
        outOfRange(d);
    const Month& m = monthOf(d);
    return static_cast<int>((&m + 1)->start - m.start);
}

par::Date fromLunar(const LunarDate& l) {
    const auto& ms = table().months();
    auto it = std::lower_bound(ms.begin(), ms.end() - 1, l, [](const Month& m, const LunarDate& v) {
        return before(m, v.year, v.month, v.leap);
    });
    const bool found =
        it != ms.end() - 1 && it->year == l.year && it->month == l.month && it->leap == l.leap;
    if (!found || l.day < 1 || l.day > (it + 1)->start - it->start)
        throw UsageError(fmt(tr("ngày âm lịch {} không tồn tại hoặc nằm ngoài khoảng được hỗ trợ",
                                "lunar date {} does not exist or is outside the supported range"),
                             lunarText(l)));
    const par::Date d = dateFromJdn(it->start + l.day - 1);
    if (!inSolarRange(d))
        outOfRange(d);
    return d;
}

par::Date tet(int year) {
    if (year < kLunarFirstYear || year > kLunarLastYear)
        throw UsageError(fmt(tr("năm {} nằm ngoài khoảng âm lịch được hỗ trợ ({}-{})",
                                "year {} is outside the supported lunar range ({}-{})"),
                             std::to_string(year), std::to_string(kLunarFirstYear),
                             std::to_string(kLunarLastYear)));
    return fromLunar(LunarDate{1, 1, year, false});
}

namespace detail {

LunarDate toLunarDirect(par::Date d, double tz) {
    const long dayNumber = jdn(d);
    const int yy = d.year();
    const long k = static_cast<long>(floorInt((dayNumber - 2415021.076998695) / 29.530588853));
    long monthStart = newMoonDay(k + 1, tz);
    if (monthStart > dayNumber)
        monthStart = newMoonDay(k, tz);
    // Guard added to the published algorithm: near midnight the k-th new moon can also fall
    // after the day (1939-04-19, 1947-03-22 under UTC+8), which would give day 0.
    if (monthStart > dayNumber)
        monthStart = newMoonDay(k - 1, tz);
    long a11 = lunarMonth11(yy, tz);
    long b11 = a11;
    int lunarYear;
    if (a11 >= monthStart) {
        lunarYear = yy;
        a11 = lunarMonth11(yy - 1, tz);
    } else {
        lunarYear = yy + 1;
        b11 = lunarMonth11(yy + 1, tz);
    }
    LunarDate l;
    l.day = static_cast<int>(dayNumber - monthStart + 1);
    const int diff = static_cast<int>(floorInt((monthStart - a11) / 29.0));
    l.month = diff + 11;
    if (b11 - a11 > 365) {
        const int leapDiff = leapMonthOffset(a11, tz);
        if (diff >= leapDiff) {
            l.month = diff + 10;
            l.leap = diff == leapDiff;
        }
    }
    if (l.month > 12)
        l.month -= 12;
    if (l.month >= 11 && diff < 4)
        lunarYear -= 1;
    l.year = lunarYear;
    return l;
}

}  // namespace detail

}  // namespace par::cal
