// SPDX-License-Identifier: Apache-2.0
#include "core/report/ReminderData.hpp"

#include <map>

#include "core/common/Dates.hpp"
#include "core/common/Text.hpp"
#include "core/common/UnitName.hpp"
#include "core/report/AuditData.hpp"
#include "core/tracking/Deadlines.hpp"

namespace par::report {

namespace {
const std::string kBlank = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0";

void setDocument(Data& d, const ReminderOptions& o) {
    const ReminderDocument& doc = o.document;
    d["agency"]
        .set("parent", o.agencyParent)
        .set("name", o.agencyName)
        .set("title", agencyTitle(o.agencyName));
    std::string number = documentNumber(trim(doc.number));
    d["doc"]
        .set("number", number.empty() ? kBlank : number)
        .set("symbol", trim(doc.symbol).empty() ? kBlank : trim(doc.symbol))
        .set("place", trim(doc.place).empty() ? kBlank + kBlank : trim(doc.place))
        .set("date", doc.date ? par::documentDate(*doc.date)
                              : std::string(tr("ngày … tháng … năm …", "… … …")));
    d["signer"]
        .set("authority", trim(doc.signFor))
        .set("title", trim(doc.signerTitle))
        .set("name", trim(doc.signer));
    d["draft"]
        .set("mark", doc.draft ? tr("DỰ THẢO", "DRAFT") : "")
        .set("footer", doc.draft ? tr("Dự thảo, chưa ký ban hành", "Draft, not signed") : "");
    // "Như trên" (the addressee) first, the file copy last, as Decree 30 lists recipients.
    std::vector<std::string> recipients{tr("Như trên", "As above")};
    std::string archive;
    for (const auto& r : doc.recipients) {
        std::string t = trim(r);
        while (!t.empty() && (t.back() == ';' || t.back() == '.'))
            t.pop_back();
        if (t.rfind("Lưu", 0) == 0)
            archive = t;
        else if (!t.empty() && t != recipients.front())
            recipients.push_back(t);
    }
    recipients.push_back(archive.empty() ? std::string("Lưu: VT") : archive);
    Data& rl = d["recipients"];
    rl = Data::list();
    for (size_t i = 0; i < recipients.size(); ++i)
        rl.push(Data::map().set("text",
                                recipients[i] + (i + 1 == recipients.size() ? "." : ";")));
}
}  // namespace

std::vector<std::string> reminderMissingParts(const ReminderDocument& d) {
    std::vector<std::string> out;
    auto need = [&](bool missing, const char* vi, const char* en, const char* option) {
        if (missing)
            out.push_back(fmt("{} ({})", tr(vi, en), option));
    };
    need(trim(d.number).empty(), "số văn bản", "document number", "--number");
    need(trim(d.symbol).empty(), "ký hiệu", "symbol", "--symbol");
    need(!d.date, "ngày ký", "date signed", "--date");
    need(trim(d.place).empty(), "địa danh", "place", "--place");
    need(trim(d.signer).empty(), "người ký", "signer", "--signer");
    need(trim(d.signerTitle).empty(), "chức vụ người ký", "signer's title", "--signer-title");
    return out;
}

std::vector<Reminder> reminders(const std::vector<track::RegisterEntry>& entries,
                                const cal::WorkingCalendar& calendar, const ReminderOptions& o) {
    std::vector<Reminder> out;
    std::map<std::string, size_t> byUnit;  // unitKey → index in out
    for (const auto& e : entries) {
        const Action& a = e.action();
        if (!track::isPending(a.status) || !a.deadline)
            continue;
        const bool overdue = track::isOverdue(a, o.asOf);
        if (!overdue && !track::isDueWithin(a, o.asOf, o.soonDays, calendar))
            continue;
        auto [it, added] = byUnit.emplace(unitKey(a.responsible), out.size());
        if (added) {
            out.emplace_back();
            out.back().unit = a.responsible;
        }
        Reminder& r = out[it->second];
        r.entries.push_back(e);
        if (overdue)
            ++r.overdue;
    }
    for (Reminder& r : out) {
        Data& d = r.data;
        setDocument(d, o);
        d["unit"] = r.unit;
        d["as_of"] = vietnameseDate(o.asOf);
        d["as_of_long"] = par::documentDate(o.asOf);
        d["soon"] = std::to_string(o.soonDays);
        d["count"] = std::to_string(r.entries.size());
        d["overdue"] = std::to_string(r.overdue);
        const size_t soon = r.entries.size() - size_t(r.overdue);
        d["due_soon"] = std::to_string(soon);
        d["situation"] = soon == 0         ? tr("đã quá thời hạn", "overdue")
                         : r.overdue == 0 ? tr("sắp đến hạn", "due soon")
                                          : tr("đã quá thời hạn hoặc sắp đến hạn", "overdue or due soon");
        // One group per conclusion notice, in the order the register meets them.
        Data& notices = d["notices"];
        notices = Data::list();
        std::map<const track::RegisterAudit*, size_t> group;
        int no = 0;
        for (const auto& e : r.entries) {
            auto [g, first] = group.emplace(e.audit.get(), notices.items().size());
            if (first) {
                Data n;
                n.set("audit", e.auditId());
                n.set("number", e.noticeRef());
                n.set("date", e.noticeDate() ? vietnameseDate(*e.noticeDate()) : "");
                n.set("inspected", e.inspectedUnit());
                n["rows"] = Data::list();
                notices.push(std::move(n));
            }
            const Action& a = e.action();
            Data row;
            row.set("no", std::to_string(++no));
            row.set("id", a.id);
            row.set("content", a.content);
            row.set("note", a.status == ActionStatus::Reopened
                                ? tr("(Đoàn kiểm tra yêu cầu thực hiện lại)", "(reopened by the inspectors)")
                                : "");
            std::string deadline = vietnameseDate(*a.deadline);
            if (calendar.isForecast(*a.deadline, o.asOf))
                deadline += " (" + calendar.forecastNote(*a.deadline, o.asOf) + ")";
            row.set("deadline", deadline);
            if (e.overdue || track::isOverdue(a, o.asOf)) {
                int days = track::workingDaysOverdue(a, o.asOf, calendar);
                row.set("overdue", std::to_string(days));
                row.set("days", std::to_string(days));
            } else {
                int left = calendar.workingDaysBetween(o.asOf, *a.deadline);
                row.set("overdue", "");
                row.set("days", left == 0 ? std::string(tr("Đến hạn hôm nay", "Due today"))
                                          : fmt(tr("Chưa quá hạn (còn {} ngày làm việc)",
                                                   "Not yet due ({} working days left)"),
                                                std::to_string(left)));
            }
            notices.items()[g->second]["rows"].push(std::move(row));
        }
    }
    return out;
}

}  // namespace par::report
