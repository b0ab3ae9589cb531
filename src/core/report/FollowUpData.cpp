// SPDX-License-Identifier: Apache-2.0
#include "core/report/FollowUpData.hpp"

#include "core/common/Dates.hpp"
#include "core/common/Text.hpp"
#include "core/report/AuditData.hpp"
#include "core/tracking/RegisterFormats.hpp"

namespace par::report {

Data followUpData(const track::RegisterView& v, const std::string& agencyParent,
                  const std::string& agencyName, const std::string& scope, const FollowUpDocument& doc) {
    Data d;
    d["agency"].set("parent", agencyParent).set("name", agencyName).set("title", agencyTitle(agencyName));
    const std::string blank = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0";
    std::string number = documentNumber(trim(doc.number));
    d["doc"]
        .set("number", number.empty() ? blank : number)
        .set("symbol", trim(doc.symbol).empty() ? std::string("BC") : trim(doc.symbol))
        .set("place", trim(doc.place).empty() ? blank + blank : trim(doc.place))
        .set("date", doc.date ? par::documentDate(*doc.date) : std::string(tr("ngày … tháng … năm …", "… … …")));
    d["signer"].set("authority", trim(doc.signFor)).set("title", trim(doc.signerTitle)).set("name", trim(doc.signer));
    std::vector<std::string> recipients;
    std::string archive;
    for (const auto& r : doc.recipients) {
        std::string t = trim(r);
        if (t.rfind("Lưu", 0) == 0) archive = t;
        else if (!t.empty()) recipients.push_back(t);
    }
    recipients.push_back(archive.empty() ? std::string("Lưu: VT") : archive);
    Data& rl = d["recipients"];
    rl = Data::list();
    for (size_t i = 0; i < recipients.size(); ++i) {
        std::string t = recipients[i];
        while (!t.empty() && (t.back() == ';' || t.back() == '.')) t.pop_back();
        rl.push(Data::map().set("text", t + (i + 1 == recipients.size() ? "." : ";")));
    }
    d["as_of"] = vietnameseDate(v.asOf);
    d["as_of_long"] = par::documentDate(v.asOf);
    d["audits"] = std::to_string(v.audits);
    d["count"] = std::to_string(v.entries.size());
    d["scope"] = scope;
    d["rows"] = Data::list();
    int n = 0;
    for (const auto& e : v.entries) {
        Data r;
        r.set("no", std::to_string(++n));
        r.set("unit", e.action().responsible);
        r.set("audit", e.noticeRef().empty() ? e.auditId() : e.noticeRef());
        r.set("action", e.action().content);
        std::string deadline = e.action().deadline ? vietnameseDate(*e.action().deadline) : "—";
        if (std::string note = track::forecastNote(v, e); !note.empty())
            deadline += " (" + note + ")";
        r.set("deadline", deadline);
        r.set("status", actionStatusLabel(e.action().status));
        r.set("overdue", e.overdue ? std::to_string(e.daysOverdue) : "");
        d["rows"].push(std::move(r));
    }
    d["units"] = Data::list();
    for (const auto& u : v.units) {
        Data r;
        r.set("unit", u.unit.empty() ? tr("Tổng cộng", "Total") : u.unit);
        r.set("actions", std::to_string(u.actions));
        r.set("open", std::to_string(u.open));
        r.set("overdue", std::to_string(u.overdue));
        r.set("reported", std::to_string(u.reported));
        r.set("accepted", std::to_string(u.accepted));
        r.set("rate", track::rateText(u.onTimeRate()));
        d["units"].push(std::move(r));
    }
    return d;
}

}  // namespace par::report
