// SPDX-License-Identifier: Apache-2.0
#include "core/calendar/HolidayRules.hpp"

#include <algorithm>

#include "core/calendar/LunarCalendar.hpp"
#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"

namespace par::cal {

namespace {

constexpr int kRulesFormatVersion = 1;
const char* const kWeekdayKeys[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::string withConfidence(const std::string& source, const std::string& confidence) {
    return confidence.empty() ? source : source + " [" + confidence + "]";
}

int weekdayIndex(const XmlReader& x, const tinyxml2::XMLElement& e, const std::string& key) {
    for (int i = 0; i < 7; ++i)
        if (key == kWeekdayKeys[i])
            return i;
    x.fail(e, fmt(tr("'{}' không phải tên thứ (sun, mon, tue, wed, thu, fri, sat)",
                     "'{}' is not a weekday name (sun, mon, tue, wed, thu, fri, sat)"),
                  key));
}

int intIn(const XmlReader& x, const tinyxml2::XMLElement& e, const char* name, int lo, int hi) {
    const long long v = x.intAttr(e, name);
    if (v < lo || v > hi)
        x.fail(e, fmt(tr("thuộc tính '{}' phải trong khoảng {}..{}, không phải {}",
                         "attribute '{}' must be in {}..{}, not {}"),
                      name, std::to_string(lo), std::to_string(hi), std::to_string(v)));
    return static_cast<int>(v);
}

std::string confidenceOf(const XmlReader& x, const tinyxml2::XMLElement& e,
                         const std::string& fallback) {
    std::string c = x.attrOr(e, "confidence", fallback);
    if (c != "H" && c != "M" && c != "L")
        x.fail(e, fmt(tr("confidence phải là H, M hoặc L, không phải '{}'",
                         "confidence must be H, M or L, not '{}'"),
                      c));
    return c;
}

HolidayRule readHoliday(const XmlReader& x, const tinyxml2::XMLElement& e, const LawPeriod& law) {
    HolidayRule h;
    const std::string tag = e.Name();
    h.name = x.attr(e, "name");
    h.from = x.optDateAttr(e, "from");
    h.to = x.optDateAttr(e, "to");
    h.source = x.attrOr(e, "source", law.source);
    h.confidence = confidenceOf(x, e, law.confidence);
    if (tag == "solar" || tag == "lunar") {
        h.kind = tag == "solar" ? HolidayRule::Kind::Solar : HolidayRule::Kind::Lunar;
        h.month = intIn(x, e, "month", 1, 12);
        h.day = intIn(x, e, "day", 1, tag == "solar" ? 31 : 30);
        if (h.kind == HolidayRule::Kind::Solar && h.day > (h.month == 2 ? 29 : 31))
            x.fail(e, tr("ngày không tồn tại", "no such day"));
    } else if (tag == "tet") {
        h.kind = HolidayRule::Kind::Tet;
        h.days = intIn(x, e, "days", 1, 15);
        const std::string placement = x.attr(e, "placement");
        if (placement == "lunar") {
            h.placement = TetPlacement::Lunar;
            h.daysBefore = intIn(x, e, "days-before", 0, h.days);
        } else if (placement == "weekdays") {
            h.placement = TetPlacement::Weekdays;
            h.startOffset = intIn(x, e, "start-offset", -10, 10);
        } else {
            x.fail(e, fmt(tr("placement phải là 'lunar' hoặc 'weekdays', không phải '{}'",
                             "placement must be 'lunar' or 'weekdays', not '{}'"),
                          placement));
        }
    } else {
        x.fail(e, fmt(tr("phần tử <{}> không được phép trong <law>",
                         "element <{}> is not allowed in <law>"),
                      tag));
    }
    if (const auto* adj = e.FirstChildElement("adjacent-day")) {
        h.hasAdjacent = true;
        for (int i = 0; i < 7; ++i) {
            const std::string v = x.attr(*adj, kWeekdayKeys[i]);
            if (v == "before")
                h.adjacentOffset[i] = -1;
            else if (v == "after")
                h.adjacentOffset[i] = 1;
            else if (v == "none")
                h.adjacentOffset[i] = 0;
            else
                x.fail(*adj, fmt(tr("'{}' phải là before, after hoặc none",
                                    "'{}' must be before, after or none"),
                                 v));
        }
        h.adjacentSource =
            withConfidence(x.attr(*adj, "source"), confidenceOf(x, *adj, h.confidence));
    }
    return h;
}

// The consecutive weekdays (not weekly rest) starting on the first one on or after `start`.
std::vector<par::Date> weekdaysFrom(const HolidayRules& rules, par::Date start, int count) {
    std::vector<par::Date> out;
    for (par::Date d = start; static_cast<int>(out.size()) < count; d += boost::gregorian::days(1))
        if (!rules.isWeeklyRest(d))
            out.push_back(d);
    return out;
}

}  // namespace

HolidayRules HolidayRules::load(const std::string& file) {
    return read(XmlReader::load(file));
}

HolidayRules HolidayRules::parse(std::string_view xml, const std::string& name) {
    return read(XmlReader::parse(xml, name));
}

HolidayRules HolidayRules::read(const XmlReader& x) {
    const auto& root = x.root("holiday-rules");
    x.checkFormatVersion(root, kRulesFormatVersion, "holiday-rules");
    HolidayRules r;

    const auto* rest = root.FirstChildElement("weekly-rest");
    if (rest == nullptr)
        x.fail(root, tr("thiếu phần tử <weekly-rest>", "the <weekly-rest> element is missing"));
    for (const std::string& day : splitList(x.attr(*rest, "days"), " ,"))
        r.weeklyRest_[weekdayIndex(x, *rest, day)] = true;
    r.weeklyRestSource_ = withConfidence(x.attr(*rest, "source"), confidenceOf(x, *rest, "M"));

    for (const auto& le : children(root, "law")) {
        LawPeriod law;
        law.id = x.attr(le, "id");
        law.source = x.attr(le, "source");
        law.confidence = confidenceOf(x, le, "M");
        law.from = x.dateAttr(le, "from");
        law.to = x.optDateAttr(le, "to");
        if (law.to && *law.to < law.from)
            x.fail(le, tr("'to' đứng trước 'from'", "'to' is before 'from'"));
        if (!r.laws_.empty()) {
            const LawPeriod& prev = r.laws_.back();
            if (!prev.to || *prev.to + boost::gregorian::days(1) != law.from)
                x.fail(le, tr("các <law> phải liên tiếp: 'from' là ngày sau 'to' của <law> trước",
                              "<law> periods must be contiguous: 'from' is the day after the "
                              "previous 'to'"));
        }
        law.compensatory = x.boolAttr(le, "compensatory", true);
        law.compensatorySource = x.attrOr(le, "compensatory-source", law.source);
        for (const auto* he = le.FirstChildElement(); he != nullptr; he = he->NextSiblingElement())
            law.holidays.push_back(readHoliday(x, *he, law));
        r.laws_.push_back(std::move(law));
    }
    if (r.laws_.empty())
        x.fail(root, tr("không có <law> nào", "there is no <law>"));
    return r;
}

const LawPeriod* HolidayRules::lawAt(par::Date d) const {
    for (const auto& law : laws_)
        if (law.covers(d))
            return &law;
    return nullptr;
}

std::vector<HolidayOccurrence> HolidayRules::holidaysOf(int year) const {
    using boost::gregorian::days;
    std::vector<HolidayOccurrence> out;
    const auto y = static_cast<unsigned short>(year);
    // Each holiday follows the law in force on its (main) day, so a year that changes law (2013)
    // takes each holiday from the right code.
    for (const auto& law : laws_) {
        for (const auto& h : law.holidays) {
            par::Date main;
            if (h.kind == HolidayRule::Kind::Solar) {
                if (h.month == 2 && h.day == 29 &&
                    !boost::gregorian::gregorian_calendar::is_leap_year(y))
                    continue;
                main = par::Date(y, static_cast<unsigned short>(h.month),
                                 static_cast<unsigned short>(h.day));
            } else if (h.kind == HolidayRule::Kind::Lunar) {
                main = fromLunar(LunarDate{h.day, h.month, year, false});
            } else {
                main = tet(year);
            }
            if (!law.covers(main) || (h.from && main < *h.from) || (h.to && main > *h.to))
                continue;
            HolidayOccurrence occ;
            occ.name = h.name;
            occ.source = withConfidence(h.source, h.confidence);
            occ.compensable = law.compensatory;
            if (h.kind != HolidayRule::Kind::Tet) {
                occ.days.push_back(main);
                if (h.hasAdjacent) {
                    const int off = h.adjacentOffset[main.day_of_week().as_number()];
                    if (off != 0) {
                        occ.days.push_back(main + days(off));
                        occ.source += "; " + h.adjacentSource;
                    }
                }
            } else if (h.placement == TetPlacement::Lunar) {
                for (int i = 0; i < h.days; ++i)
                    occ.days.push_back(main + days(i - h.daysBefore));
            } else {
                occ.days = weekdaysFrom(*this, main + days(h.startOffset), h.days);
            }
            std::sort(occ.days.begin(), occ.days.end());
            out.push_back(std::move(occ));
        }
    }
    return out;
}

}  // namespace par::cal
