// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/RegisterFormats.hpp"

#include "core/common/UnitName.hpp"
#include "core/tracking/EvidenceStore.hpp"

#include <libical/ical.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/common/Csv.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/Deadlines.hpp"

namespace par::track {

namespace {
size_t codePoints(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string pad(const std::string& s, size_t width) {
    size_t w = codePoints(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

std::string dateText(const std::optional<Date>& d) {
    return d ? vietnameseDate(*d) : "—";
}

nlohmann::json summaryJson(const UnitSummary& u) {
    nlohmann::json j;
    j["actions"] = u.actions;
    j["open"] = u.open;
    j["overdue"] = u.overdue;
    j["reported"] = u.reported;
    j["accepted"] = u.accepted;
    j["accepted_on_time"] = u.acceptedOnTime;
    if (auto r = u.onTimeRate())
        j["on_time_rate"] = *r;
    else
        j["on_time_rate"] = nullptr;
    return j;
}

icaltimetype icalDate(Date d) {
    icaltimetype t = icaltime_null_date();
    t.year = d.year();
    t.month = d.month();
    t.day = d.day();
    return t;
}
}  // namespace

std::string rateText(const std::optional<double>& rate) {
    if (!rate)
        return "—";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", *rate * 100.0);
    std::string s = buf;
    if (language() == Language::Vietnamese)
        for (auto& c : s)
            if (c == '.')
                c = ',';
    return s;
}

std::optional<int> forecastYear(const RegisterView& v, const RegisterEntry& e) {
    const Action& a = e.action();
    if (!v.lastAnnouncedYear || !a.deadline)
        return std::nullopt;
    // The deadline itself, and the working days between it and the as-of date.
    const Date lo = std::min(*a.deadline, v.asOf), hi = std::max(*a.deadline, v.asOf);
    const Date last = isPending(a.status) ? hi : *a.deadline;
    if (last.year() <= *v.lastAnnouncedYear)
        return std::nullopt;
    return std::max(static_cast<int>(lo.year()), *v.lastAnnouncedYear + 1);
}

std::string forecastNote(const RegisterView& v, const RegisterEntry& e) {
    auto y = forecastYear(v, e);
    return y ? cal::WorkingCalendar::forecastNote(*y) : std::string();
}

std::string registerTable(const RegisterView& v) {
    std::string out =
        fmt(tr("Theo dõi khắc phục tính đến ngày {}: {} hành động, {} đợt kiểm tra",
               "Remediation register as of {}: {} actions, {} audits"),
            vietnameseDate(v.asOf), std::to_string(v.entries.size()), std::to_string(v.audits)) +
        "\n";
    // Appended piece by piece: a register of 300,000 actions prints tens of thousands of rows.
    const std::string due = tr("hạn ", "due ");
    const std::string overdueText = tr(", quá hạn {} ngày làm việc", ", {} working days overdue");
    const char* staleText =
        tr(", cần xem lại (phát hiện không còn hiệu lực)", ", review (finding stale)");
    auto padded = [&out](const std::string& s, size_t width) {
        out += s;
        for (size_t w = codePoints(s); w < width; ++w)
            out += ' ';
    };
    out.reserve(out.size() + v.entries.size() * 256);
    const std::string* unit = nullptr;
    for (const auto& e : v.entries) {
        const Action& a = e.action();
        // A new heading per unit identity: another spelling of the same unit (tone placement,
        // spacing, case) stays under the first one's heading.
        if (unit == nullptr || (a.responsible != *unit && unitKey(a.responsible) != unitKey(*unit))) {
            unit = &a.responsible;
            out += '\n';
            out += *unit;
            out += '\n';
        }
        out += "  ";
        padded(a.id, 6);
        out += ' ';
        padded(e.auditId(), 16);
        out += ' ';
        out += due;
        padded(dateText(a.deadline), 10);
        if (auto note = forecastNote(v, e); !note.empty())
            out += " (" + note + ")";
        out += "  ";
        out += actionStatusLabel(a.status);
        if (e.overdue)
            out += fmt(overdueText, std::to_string(e.daysOverdue));
        if (a.stale)
            out += staleText;
        out += "\n         ";
        out += a.content;
        out += '\n';
        if (!a.report.evidence.empty()) {
            out += "         ";
            out += fmt(tr("minh chứng: {}", "evidence: {}"), evidenceFolder(e.auditFile()) + "/" + a.id);
            out += '\n';
        }
    }
    out += "\n" + std::string(tr("Tổng hợp theo đơn vị", "Summary per unit")) + "\n";
    const size_t w = 40;
    out += "  " + pad(tr("Đơn vị", "Unit"), w) +
           tr("  Số HĐ  Chưa xong  Quá hạn  Đã báo cáo  Hoàn thành  Đúng hạn",
              "  Acts    Open  Overdue  Reported  Accepted   On time") +
           "\n";
    for (const auto& u : v.units) {
        char nums[96];
        std::snprintf(nums, sizeof nums, "  %5d  %9d  %7d  %10d  %10d  %8s", u.actions, u.open,
                      u.overdue, u.reported, u.accepted, rateText(u.onTimeRate()).c_str());
        out += "  " + pad(u.unit.empty() ? tr("Tổng cộng", "Total") : u.unit, w) + nums + "\n";
    }
    return out;
}

std::string registerCsv(const RegisterView& v) {
    std::string out = kCsvBom;  // Excel otherwise reads UTF-8 as the ANSI code page
    out +=
        tr("Đơn vị chịu trách nhiệm,Mã đợt kiểm tra,Đơn vị được kiểm tra,Thông báo,Mã hành động,Mã "
           "phát hiện,"
           "Nội dung,Thời hạn,Trạng thái,Mã trạng thái,Số ngày làm việc quá hạn,Ngày báo cáo,Số "
           "văn bản báo cáo,"
           "Cần xem lại,Tệp kiểm tra,Lịch nghỉ dự kiến",
           "Responsible unit,Audit,Inspected "
           "unit,Notice,Action,Finding,Content,Deadline,Status,Status code,"
           "Working days overdue,Report date,Report document,Stale,Audit file,Forecast calendar");
    out += "\r\n";
    for (const auto& e : v.entries) {
        const Action& a = e.action();
        std::vector<std::string> f = {a.responsible,
                                      e.auditId(),
                                      e.inspectedUnit(),
                                      e.noticeRef(),
                                      a.id,
                                      a.finding,
                                      a.content,
                                      a.deadline ? isoDate(*a.deadline) : "",
                                      actionStatusLabel(a.status),
                                      actionStatusName(a.status),
                                      std::to_string(e.daysOverdue),
                                      a.report.date ? isoDate(*a.report.date) : "",
                                      a.report.doc,
                                      a.stale ? "x" : "",
                                      e.auditFile(),
                                      forecastNote(v, e)};
        appendCsvRow(out, f);
    }
    return out;
}

std::string registerJson(const RegisterView& v) {
    nlohmann::json j;
    j["as_of"] = isoDate(v.asOf);
    j["audits"] = v.audits;
    j["actions"] = nlohmann::json::array();
    for (const auto& e : v.entries) {
        const Action& a = e.action();
        nlohmann::json x;
        x["audit"] = e.auditId();
        x["audit_file"] = e.auditFile();
        x["inspected_unit"] = e.inspectedUnit();
        x["notice"] = e.noticeRef();
        x["id"] = a.id;
        x["finding"] = a.finding;
        x["responsible"] = a.responsible;
        x["content"] = a.content;
        x["deadline_rule"] = a.deadlineRule.str();
        x["deadline"] = a.deadline ? nlohmann::json(isoDate(*a.deadline)) : nlohmann::json(nullptr);
        x["status"] = actionStatusName(a.status);
        x["overdue"] = e.overdue;
        x["working_days_overdue"] = e.daysOverdue;
        if (auto y = forecastYear(v, e))
            x["forecast"] = {{"year", *y}, {"note", cal::WorkingCalendar::forecastNote(*y)}};
        else
            x["forecast"] = nullptr;
        x["stale"] = a.stale;
        if (!a.report.empty()) {
            x["report"]["date"] =
                a.report.date ? nlohmann::json(isoDate(*a.report.date)) : nlohmann::json(nullptr);
            x["report"]["doc"] = a.report.doc;
            x["report"]["note"] = a.report.note;
            x["report"]["evidence"] = a.report.evidence;
            // Where the evidence sent with the report is kept (NAME.evidence/<id>/ beside the
            // audit, written by `plan import`), for a script or the tracker to open.
            x["report"]["evidence_folder"] =
                a.report.evidence.empty()
                    ? nlohmann::json(nullptr)
                    : nlohmann::json(evidenceFolder(e.auditFile()) + "/" + a.id);
        }
        j["actions"].push_back(std::move(x));
    }
    j["units"] = nlohmann::json::array();
    for (const auto& u : v.units) {
        if (u.unit.empty()) {
            j["total"] = summaryJson(u);
        } else {
            nlohmann::json s = summaryJson(u);
            s["unit"] = u.unit;
            j["units"].push_back(std::move(s));
        }
    }
    return j.dump(2) + "\n";
}

std::string registerIcs(const RegisterView& v) {
    icalcomponent* cal = icalcomponent_new_vcalendar();
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal,
                               icalproperty_new_prodid("-//par-audit//Theo doi khac phuc//VI"));
    icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
    icaltimetype stamp = icaltime_null_time();
    stamp.year = v.asOf.year();
    stamp.month = v.asOf.month();
    stamp.day = v.asOf.day();
    stamp.zone = icaltimezone_get_utc_timezone();
    for (const auto& e : v.entries) {
        const Action& a = e.action();
        if (!a.deadline)
            continue;
        icalcomponent* ev = icalcomponent_new_vevent();
        std::string uid = e.auditId() + "-" + a.id + "@par-audit";
        icalcomponent_add_property(ev, icalproperty_new_uid(uid.c_str()));
        icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
        icalcomponent_add_property(ev, icalproperty_new_dtstart(icalDate(*a.deadline)));
        icalcomponent_add_property(
            ev, icalproperty_new_dtend(icalDate(*a.deadline + boost::gregorian::days(1))));
        std::string summary = fmt(tr("Hạn khắc phục {} – {}: {}", "Remediation due {} – {}: {}"),
                                  a.id, a.responsible, a.content);
        icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
        std::string desc =
            fmt(tr("Đợt kiểm tra: {} ({})\nThông báo: {}\nPhát hiện: {}\nTrạng thái: {}",
                   "Audit: {} ({})\nNotice: {}\nFinding: {}\nStatus: {}"),
                e.auditId(), e.inspectedUnit(), e.noticeRef(), a.finding, actionStatusLabel(a.status));
        if (e.overdue)
            desc += fmt(tr(" (quá hạn {} ngày làm việc)", " ({} working days overdue)"),
                        std::to_string(e.daysOverdue));
        if (auto note = forecastNote(v, e); !note.empty())
            desc += "\n" + note;
        icalcomponent_add_property(ev, icalproperty_new_description(desc.c_str()));
        icalcomponent_add_property(ev, icalproperty_new_categories(actionStatusName(a.status)));
        icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
        if (isPending(a.status)) {
            icalcomponent* alarm = icalcomponent_new_valarm();
            icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
            icalcomponent_add_property(alarm, icalproperty_new_description(summary.c_str()));
            icaltriggertype trigger{};
            trigger.time = icaltime_null_time();
            trigger.duration = icaldurationtype_from_int(-3 * 24 * 3600);
            icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
            icalcomponent_add_component(ev, alarm);
        }
        icalcomponent_add_component(cal, ev);
    }
    char* text = icalcomponent_as_ical_string_r(cal);
    std::string out = text != nullptr ? text : "";
    std::free(text);
    icalcomponent_free(cal);
    return out;
}

}  // namespace par::track
