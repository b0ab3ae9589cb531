// SPDX-License-Identifier: Apache-2.0
#include "core/report/AuditData.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/UnitName.hpp"
#include "core/model/TeamRole.hpp"
#include "core/findings/FindingsEngine.hpp"
#include "core/report/DossierFigures.hpp"
#include "core/tracking/Deadlines.hpp"

namespace par::report {

namespace {

icu::UnicodeString capitalised(const icu::UnicodeString& word) {
    if (word.isEmpty())
        return word;
    UChar32 c = word.char32At(0);
    icu::UnicodeString out;
    out.append(u_toupper(c));
    out.append(word, U16_LENGTH(c), word.length() - U16_LENGTH(c));
    return out;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// Ends each line of a list with ";" and the last with "." (the closing punctuation the audit's
// text may already carry is replaced).
std::string withEnd(std::string text, bool last) {
    text = trim(text);
    while (!text.empty() && (text.back() == ';' || text.back() == '.' || text.back() == ','))
        text.pop_back();
    return text + (last ? "." : ";");
}

std::string dayMonthYear(const Date& d) {
    return vietnameseDate(d);
}

std::string docRef(const char* vi, const char* en, const DocumentRef& r) {
    if (r.number.empty())
        return "";
    std::string s = fmt(tr(vi, en), r.number);
    if (r.date)
        s += fmt(tr(" ngày {}", " of {}"), dayMonthYear(*r.date));
    return s;
}

std::string roleLabel(const std::string& role) { return teamRoleLabel(role, language()); }

std::string visitPhrase(const Audit& a, Language lang) {
    if (!a.visitStart)
        return tr("ngày … tháng … năm …", "on … ");
    if (!a.visitEnd || *a.visitEnd == *a.visitStart)
        return documentDate(*a.visitStart, lang);
    return fmt(tr("từ {} đến {}", "from {} to {}"), documentDate(*a.visitStart, lang),
               documentDate(*a.visitEnd, lang));
}

std::string periodPhrase(const Audit& a) {
    if (a.periodStart && a.periodEnd)
        return fmt(tr("từ ngày {} đến ngày {}", "from {} to {}"), dayMonthYear(*a.periodStart),
                   dayMonthYear(*a.periodEnd));
    if (a.periodStart)
        return fmt(tr("từ ngày {}", "from {}"), dayMonthYear(*a.periodStart));
    if (a.periodEnd)
        return fmt(tr("đến ngày {}", "until {}"), dayMonthYear(*a.periodEnd));
    return "";
}

std::string areaName(const Form& form, const std::string& id) {
    const NamedItem* a = form.findArea(id);
    return a == nullptr ? id : a->label.get();
}

// Areas in the form's order, then the areas the form does not know in order of appearance.
std::vector<std::string> areaOrder(const Form& form, const std::vector<const Finding*>& findings,
                                   const std::vector<AreaSummary>& summaries) {
    std::vector<std::string> order;
    for (const auto& a : form.areas)
        order.push_back(a.id);
    auto add = [&](const std::string& id) {
        if (std::find(order.begin(), order.end(), id) == order.end())
            order.push_back(id);
    };
    for (const auto& s : summaries)
        add(s.area);
    for (const Finding* f : findings)
        add(f->area);
    return order;
}

struct Deadline {
    std::string text;  // "đến hết ngày 17/01/2019"
    std::string date;  // "18/01/2019", or the rule's words without a date
    std::string rule;  // "30 ngày làm việc"
};

Deadline deadlineOf(const DeadlineRule& r, const std::optional<Date>& notice,
                    const cal::WorkingCalendar& calendar) {
    Deadline d;
    switch (r.kind) {
        case DeadlineRule::Kind::None:
            return d;
        case DeadlineRule::Kind::WorkingDays:
            d.rule = fmt(tr("{} ngày làm việc", "{} working days"), std::to_string(r.count));
            break;
        case DeadlineRule::Kind::CalendarDays:
            d.rule = fmt(tr("{} ngày", "{} days"), std::to_string(r.count));
            break;
        case DeadlineRule::Kind::FixedDate:
            break;
    }
    std::optional<Date> date = track::computeDeadline(r, notice, calendar);
    const char* from = tr("kể từ ngày ban hành Thông báo", "from the date of the notice");
    if (date) {
        // The date is what the unit acts on; the rule it comes from stays in `rule`.
        d.date = dayMonthYear(*date);
        // Counted in a year whose holidays are not announced yet: said next to the date.
        if (r.kind != DeadlineRule::Kind::FixedDate && notice && calendar.isForecast(*notice, *date))
            d.date += " (" + calendar.forecastNote(*notice, *date) + ")";
        d.text = fmt(tr("đến hết ngày {}", "by {}"), d.date);
    } else {
        d.text = d.rule + " " + from;
        d.date = d.text;
    }
    return d;
}

}  // namespace

std::string groupThousands(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += '.';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string percent(double ratio) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(ratio * 1000.0) / 10.0);
    std::string s = buf;
    std::replace(s.begin(), s.end(), '.', ',');
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ",0") == 0)
        s.resize(s.size() - 2);
    return s + "%";
}

std::string documentDate(const Date& d, Language lang) {
    if (lang == Language::Vietnamese)
        return par::documentDate(d);
    static const char* months[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d %s %d", int(d.day()), months[int(d.month()) - 1],
                  int(d.year()));
    return buf;
}

std::string agencyTitle(const std::string& upperName) {
    static const std::set<std::string> acronyms{"UBND", "HĐND", "CCHC", "TTHC"};
    static const std::set<std::string> typeWords{"sở", "ban", "thanh", "văn", "cục", "chi"};
    icu::Locale vi("vi");
    std::vector<std::string> words = splitList(upperName, " ");
    std::string out;
    bool capitaliseNext = true;
    for (size_t i = 0; i < words.size(); ++i) {
        std::string w = words[i];
        if (acronyms.count(w) == 0) {
            icu::UnicodeString u = icu::UnicodeString::fromUTF8(w);
            u.toLower(vi);
            std::string lower = utf8(u);
            w = capitaliseNext ? utf8(capitalised(u)) : lower;
            // "Sở Nội vụ", "Ban Dân tộc": the word after the agency type starts the proper name.
            capitaliseNext = i == 0 && typeWords.count(lower) != 0;
        } else {
            capitaliseNext = false;
        }
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

std::string documentNumber(const std::string& number) {
    std::string n = trim(number);
    if (n.size() == 1 && n[0] >= '0' && n[0] <= '9')
        return "0" + n;
    return n;
}

Data auditData(const AuditBundle& bundle, const AuditDataOptions& options) {
    LanguageScope languageScope(options.language);
    const Language lang = options.language;
    std::optional<cal::WorkingCalendar> ownCalendar;
    if (options.calendar == nullptr)
        // The calendars the office dropped beside the audit count too (docs/calendar.md).
        ownCalendar.emplace(cal::WorkingCalendar::standard(
            bundle.audit.file.empty() ? std::string() : std::filesystem::u8path(bundle.audit.file).parent_path().u8string()));
    const cal::WorkingCalendar& calendar = options.calendar ? *options.calendar : *ownCalendar;

    // Findings as they stand now: rules evaluated on a copy, stale ones dropped.
    Audit audit = bundle.audit;
    const Form& form = *bundle.form;
    MergeReport merge = FindingsEngine(form, bundle.reference).apply(audit);
    if (options.problems != nullptr)
        options.problems->merge(merge.problems);
    std::vector<const Finding*> active;
    for (const auto& f : audit.findings)
        if (f.inEffect())
            active.push_back(&f);

    const NoticeInfo& n = audit.notice;
    Data d;
    d.set("lang", lang == Language::English ? "en" : "vi");
    d["agency"]
        .set("parent", audit.body.parent)
        .set("name", audit.body.name)
        .set("title", agencyTitle(audit.body.name))
        .set("place", audit.body.place)
        .set("code", audit.body.code);
    std::string number = documentNumber(n.number);
    d["notice"]
        .set("number", number.empty() ? "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0" : number)
        .set("symbol", n.symbol)
        .set("date", n.date ? documentDate(*n.date, lang)
                            : std::string(tr("ngày … tháng … năm …", "… … …")))
        .set("dateShort", n.date ? dayMonthYear(*n.date) : std::string("…/…/…"))
        .set("summary", n.summary);
    d["unit"].set("name", audit.unit.name).set("type", audit.unit.type);

    // Time and participants.
    Data& insp = d["inspection"];
    insp.set("date", visitPhrase(audit, lang))
        .set("period", periodPhrase(audit))
        .set("plan", docRef("Kế hoạch số {}", "Plan No. {}", audit.plan))
        .set("planIssuer", trim(audit.plan.issuer).empty() ? agencyTitle(audit.body.name) : trim(audit.plan.issuer))
        .set("decision", docRef("Quyết định số {}", "Decision No. {}", audit.decision))
        .set("team", fmt(tr("Đoàn kiểm tra của {}", "The inspection team of {}"),
                         agencyTitle(audit.body.name)));
    Data& team = d["team"];
    team = Data::list();
    std::string leader, secretary;
    for (size_t i = 0; i < audit.team.size(); ++i) {
        const TeamMember& m = audit.team[i];
        team.push(Data::map()
                      .set("name", m.name)
                      .set("role", roleLabel(m.role))
                      .set("title", m.title)
                      .set("end", i + 1 == audit.team.size() ? "." : ";"));
        if (m.role == "leader" && leader.empty())
            leader = m.name;
        if (m.role == "secretary" && secretary.empty())
            secretary = m.name;
    }
    insp.set("leader", leader).set("secretary", secretary);

    Data& bases = d["bases"];
    bases = Data::list();
    for (size_t i = 0; i < n.bases.size(); ++i) {
        std::string t = withEnd(n.bases[i], i + 1 == n.bases.size());
        bases.push(
            Data::map().set("text", t.substr(0, t.size() - 1)).set("end", t.substr(t.size() - 1)));
    }

    // Results area by area: the team's summaries in form order, with generated figures.
    std::vector<std::string> order = areaOrder(form, active, n.areaSummaries);
    Data dossiers = dossierFigures(audit, form);
    Data& results = d["results"];
    results = Data::list();
    for (const auto& area : order) {
        std::string text;
        for (const auto& s : n.areaSummaries)
            if (s.area == area)
                text += (text.empty() ? "" : " ") + trim(s.text);
        bool figures = area == "procedures" && dossiers.truthy();
        if (text.empty() && !figures)
            continue;
        Data r =
            Data::map().set("area", areaName(form, area)).set("areaId", area).set("text", text);
        r["dossiers"] = figures ? dossiers : Data::list();
        results.push(std::move(r));
    }

    Data& strengths = d["strengths"];
    strengths = Data::list();
    for (const auto& s : n.strengths)
        strengths.push(Data::map().set("text", trim(s)));

    // Shortcomings grouped by area, numbered through; requests and the plan follow that order.
    Data& findings = d["findings"];
    Data& shortcomings = d["shortcomings"];
    Data& requests = d["requests"];
    Data& plan = d["plan"];
    findings = Data::list();
    shortcomings = Data::list();
    requests = Data::list();
    plan = Data::list();
    int no = 0;
    std::optional<Date> latest;
    bool allDated = true;
    std::set<std::string> seenRequests;
    for (const auto& area : order) {
        Data group = Data::map().set("area", areaName(form, area)).set("areaId", area);
        Data& items = group["findings"];
        items = Data::list();
        for (const Finding* f : active) {
            if (f->area != area)
                continue;
            std::string num = std::to_string(++no);
            Data item = Data::map()
                            .set("no", num)
                            .set("id", f->id)
                            .set("area", areaName(form, area))
                            .set("text", trim(f->text))
                            .set("severity", severityLabel(f->severity));
            items.push(item);
            findings.push(item);
            const Recommendation& rec = f->recommendation;
            Deadline dl = deadlineOf(rec.deadline, n.date, calendar);
            if (auto dd = track::computeDeadline(rec.deadline, n.date, calendar))
                latest = latest ? std::max(*latest, *dd) : *dd;
            else if (!trim(rec.text).empty())
                allDated = false;
            std::string responsible = trim(rec.responsible);
            // The plan follows the register: the finding's remediation actions with their ids,
            // current deadlines (an extension noted) and statuses; before `plan make`, the
            // recommendation itself.
            bool hasActions = false;
            for (const Action& act : audit.actions) {
                if (act.finding != f->id || act.stale)
                    continue;
                hasActions = true;
                std::string deadline = act.deadline ? dayMonthYear(*act.deadline) : dl.date;
                if (act.deadline && n.date && act.deadlineRule.kind != DeadlineRule::Kind::FixedDate &&
                    calendar.isForecast(*n.date, *act.deadline))
                    deadline += " (" + calendar.forecastNote(*n.date, *act.deadline) + ")";
                for (const auto& ev : act.history)
                    if (ev.kind == ActionEvent::Kind::Extension && ev.oldDeadline) {
                        deadline += fmt(tr(" (đã gia hạn, hạn cũ {})", " (extended, was {})"), dayMonthYear(*ev.oldDeadline));
                        break;
                    }
                plan.push(Data::map()
                              .set("no", num)
                              .set("id", act.id)
                              .set("finding", trim(f->text))
                              .set("action", trim(act.content))
                              .set("responsible", trim(act.responsible))
                              .set("deadline", deadline)
                              .set("status", actionStatusLabel(act.status)));
            }
            if (!hasActions)
                plan.push(Data::map()
                              .set("no", num)
                              .set("id", "")
                              .set("finding", trim(f->text))
                              .set("action", trim(rec.text))
                              .set("responsible", responsible)
                              .set("deadline", dl.date)
                              .set("status", actionStatusLabel(ActionStatus::Open)));
            if (trim(rec.text).empty())
                continue;
            // The same request for several findings (two years of late dossiers) is asked once.
            std::string key = trim(rec.text) + "\n" + responsible + "\n" + dl.text;
            if (!seenRequests.insert(key).second)
                continue;
            // The unit itself is the one addressed; name others (a department, the communes).
            std::string assignee =
                sameUnitName(responsible, audit.unit.name) ? "" : responsible;
            requests.push(Data::map()
                              .set("text", trim(rec.text))
                              .set("responsible", responsible)
                              .set("assignee", assignee)
                              .set("deadline", dl.text)
                              .set("date", dl.date)
                              .set("rule", dl.rule));
        }
        if (items.truthy())
            shortcomings.push(std::move(group));
    }
    for (size_t i = 0; i < shortcomings.items().size(); ++i)
        shortcomings.items()[i].set("letter", std::string(1, static_cast<char>('a' + i % 26)));
    // The date the unit reports by: the notice's own when set, else the latest action deadline.
    d["report"].set("deadline", n.reportBy          ? documentDate(*n.reportBy, lang)
                                : latest && allDated ? documentDate(*latest, lang)
                                                     : std::string());

    // Recipients: "- Name;" lines, the file copy ("Lưu: VT, <unit>.") last.
    std::vector<std::string> recipients;
    std::string archive;
    for (const auto& r : n.recipients) {
        std::string t = trim(r);
        if (t.rfind("Lưu", 0) == 0)
            archive = t;
        else if (!t.empty())
            recipients.push_back(t);
    }
    recipients.push_back(archive.empty() ? std::string("Lưu: VT") : archive);
    Data& rl = d["recipients"];
    rl = Data::list();
    for (size_t i = 0; i < recipients.size(); ++i)
        rl.push(Data::map().set("text", withEnd(recipients[i], i + 1 == recipients.size())));

    d["signer"].set("authority", n.signFor).set("title", n.signerTitle).set("name", n.signer);
    // Minutes (Mẫu 1.9): made by the team on the visit day, at the inspected unit.
    d["minutes"]
        .set("symbol", "BB-" + (audit.body.code.empty() ? std::string("ĐKT") : audit.body.code))
        .set("date", audit.visitStart ? documentDate(*audit.visitStart, lang)
                                      : std::string(tr("ngày … tháng … năm …", "… … …")))
        .set("place", audit.unit.name);
    const std::string fingerprint = bundle.audit.fingerprint();
    d.set("fingerprint", fingerprint);
    d["draft"]
        .set("mark", options.draft ? tr("DỰ THẢO", "DRAFT") : "")
        .set("footer", options.draft ? fmt(tr("Dự thảo, chưa ký ban hành — dữ liệu kiểm tra SHA-256: {}",
                                              "Draft, not signed — audit data SHA-256: {}"),
                                           fingerprint)
                                     : std::string());
    return d;
}

}  // namespace par::report
