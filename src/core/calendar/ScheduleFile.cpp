// SPDX-License-Identifier: Apache-2.0
#include "core/calendar/ScheduleFile.hpp"

#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"

namespace par::cal {

namespace {
constexpr int kScheduleFormatVersion = 1;
constexpr int kMaxHolidaySpanDays = 31;
}  // namespace

ScheduleFile ScheduleFile::load(const std::string& path) {
    return read(XmlReader::load(path));
}

ScheduleFile ScheduleFile::parse(std::string_view xml, const std::string& name) {
    return read(XmlReader::parse(xml, name));
}

ScheduleFile ScheduleFile::read(const XmlReader& x) {
    const auto& root = x.root("calendar-schedule");
    x.checkFormatVersion(root, kScheduleFormatVersion, "calendar-schedule");
    ScheduleFile f;
    f.file = x.fileName();
    for (const auto* ae = root.FirstChildElement(); ae != nullptr; ae = ae->NextSiblingElement()) {
        if (std::string_view(ae->Name()) != "announcement")
            x.fail(*ae, fmt(tr("phần tử <{}> không được phép ở đây; cần <announcement>",
                               "element <{}> is not allowed here; expected <announcement>"),
                            ae->Name()));
        const std::string document = x.attr(*ae, "document");
        const std::string confidence = x.attrOr(*ae, "confidence", "");
        if (!confidence.empty() && confidence != "H" && confidence != "M" && confidence != "L")
            x.fail(*ae, fmt(tr("confidence phải là H, M hoặc L, không phải '{}'",
                               "confidence must be H, M or L, not '{}'"),
                            confidence));
        const std::string source =
            confidence.empty() ? document : document + " [" + confidence + "]";
        for (const auto* e = ae->FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
            const std::string tag = e->Name();
            if (tag == "holiday") {
                ScheduledHoliday h;
                h.name = x.attr(*e, "name");
                h.from = x.dateAttr(*e, "from");
                h.to = x.dateAttr(*e, "to");
                if (h.to < h.from)
                    x.fail(*e, tr("'to' đứng trước 'from'", "'to' is before 'from'"));
                if ((h.to - h.from).days() >= kMaxHolidaySpanDays)
                    x.fail(*e, fmt(tr("kỳ nghỉ dài hơn {} ngày",
                                      "the holiday period is longer than {} days"),
                                   std::to_string(kMaxHolidaySpanDays)));
                h.year = static_cast<int>(x.optIntAttr(*e, "year").value_or(h.to.year()));
                if (h.year != h.from.year() && h.year != h.to.year())
                    x.fail(*e, tr("'year' phải là năm của 'from' hoặc 'to'",
                                  "'year' must be the year of 'from' or of 'to'"));
                h.source = source;
                h.where = x.at(*e);
                f.holidays.push_back(std::move(h));
            } else if (tag == "off" || tag == "work") {
                ScheduledDay d;
                d.date = x.dateAttr(*e, "date");
                d.working = tag == "work";
                d.name = x.attr(*e, "name");
                d.source = source;
                d.where = x.at(*e);
                f.days.push_back(std::move(d));
            } else {
                x.fail(*e, fmt(tr("phần tử <{}> không được phép trong <announcement>; cần "
                                  "<holiday>, <off> "
                                  "hoặc <work>",
                                  "element <{}> is not allowed in <announcement>; expected "
                                  "<holiday>, <off> "
                                  "or <work>"),
                               tag));
            }
        }
    }
    return f;
}

}  // namespace par::cal
