// SPDX-License-Identifier: Apache-2.0
#include "core/model/AuditReader.hpp"

#include <set>

#include "core/common/DataPaths.hpp"
#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"

namespace par {

namespace {
using tinyxml2::XMLElement;

// Sub-unit repeats nest answers in instances; files made by hand could nest them without end.
constexpr int kMaxAnswerDepth = 4;
// Rows of one table answer (or instances of one repeat) held in memory: far above any real audit (a
// year's procedures, a district's communes), far below what would exhaust memory.
constexpr size_t kMaxAnswerRows = 10000;

void checkRowCount(const XmlReader& x, const XMLElement& e, size_t n) {
    if (n > kMaxAnswerRows)
        x.fail(e, fmt(tr("câu trả lời có hơn {} dòng; tệp bị hỏng hoặc cần tách đợt kiểm tra",
                         "the answer has more than {} rows; the file is damaged, or split the audit"),
                      std::to_string(kMaxAnswerRows)));
}

void readAnswers(const XmlReader& x, const XMLElement& parent, AnswerSet& set, int depth) {
    if (depth > kMaxAnswerDepth)
        x.fail(parent, tr("các câu trả lời lồng nhau quá sâu", "answers nested too deeply"));
    for (const auto& e : children(parent)) {
        if (std::string_view(e.Name()) != "answer")
            x.fail(e, fmt(tr("phần tử <{}> không được phép trong <answers>; chỉ dùng <answer>",
                             "element <{}> is not allowed in <answers>; use <answer>"),
                          e.Name()));
        Answer a;
        a.question = x.attr(e, "q");
        a.line = e.GetLineNum();
        a.na = x.boolAttr(e, "na", false);
        if (set.answers.count(a.question) != 0)
            x.fail(e, fmt(tr("câu '{}' được trả lời hai lần", "question '{}' is answered twice"), a.question));
        bool hasRows = e.FirstChildElement("row") != nullptr;
        bool hasInstances = e.FirstChildElement("instance") != nullptr;
        if (hasRows && hasInstances)
            x.fail(e, tr("một câu trả lời không thể vừa có <row> vừa có <instance>",
                         "an answer cannot hold both <row> and <instance>"));
        for (const auto& r : children(e, "row")) {
            std::map<std::string, std::string> row;
            for (const auto& c : children(r, "cell")) {
                std::string col = x.attr(c, "c");
                if (row.count(col) != 0)
                    x.fail(c, fmt(tr("cột '{}' xuất hiện hai lần trong một dòng", "column '{}' appears twice in one row"),
                                  col));
                row[col] = x.rawText(c);
            }
            a.rows.push_back(std::move(row));
            checkRowCount(x, e, a.rows.size());
        }
        for (const auto& inst : children(e, "instance")) {
            AnswerSet sub;
            readAnswers(x, inst, sub, depth + 1);
            a.instances.push_back(std::move(sub));
            checkRowCount(x, e, a.instances.size());
        }
        if (!hasRows && !hasInstances) a.value = x.rawText(e);
        set.answers.emplace(a.question, std::move(a));
    }
}

DocumentRef readDocRef(const XmlReader& x, const XMLElement* e) {
    DocumentRef r;
    if (e == nullptr) return r;
    r.number = x.attrOr(*e, "number", "");
    r.date = x.optDateAttr(*e, "date");
    r.issuer = x.attrOr(*e, "issuer", "");
    return r;
}

FindingOrigin readOrigin(const XmlReader& x, const XMLElement& e) {
    std::string o = x.attrOr(e, "origin", "manual");
    if (o == "rule") return FindingOrigin::Rule;
    if (o == "manual") return FindingOrigin::Manual;
    x.fail(e, fmt(tr("origin '{}' không hợp lệ (rule hoặc manual)", "invalid origin '{}' (rule or manual)"), o));
}

ActionStatus readStatus(const XmlReader& x, const XMLElement& e, const char* name, const char* fallback) {
    std::string v = x.attrOr(e, name, fallback);
    auto s = parseActionStatus(v);
    if (!s)
        x.fail(e, fmt(tr("trạng thái '{}' không hợp lệ (open, reported, accepted, reopened)",
                         "invalid status '{}' (open, reported, accepted, reopened)"),
                      v));
    return *s;
}

DeadlineRule readDeadlineRule(const XmlReader& x, const XMLElement& e, const char* name) {
    std::string dl = x.attrOr(e, name, "");
    auto rule = DeadlineRule::parse(dl);
    if (!rule)
        x.fail(e, fmt(tr("thời hạn '{}' không hợp lệ; dùng 'N working-days', 'N calendar-days' hoặc YYYY-MM-DD",
                         "invalid deadline '{}'; use 'N working-days', 'N calendar-days' or YYYY-MM-DD"),
                      dl));
    return *rule;
}

void readActions(const XmlReader& x, const XMLElement& parent, std::vector<Action>& out) {
    std::set<std::string> ids;
    size_t count = 0;
    for (const XMLElement* e = parent.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) ++count;
    out.reserve(out.size() + count);
    for (const auto& e : children(parent)) {
        if (std::string_view(e.Name()) != "action")
            x.fail(e, fmt(tr("phần tử <{}> không được phép trong <actions>; chỉ dùng <action>",
                             "element <{}> is not allowed in <actions>; use <action>"),
                          e.Name()));
        Action a = AuditReader::readAction(x, e);
        if (!ids.insert(a.id).second)
            x.fail(e, fmt(tr("mã hành động '{}' bị trùng", "duplicate action id '{}'"), a.id));
        out.push_back(std::move(a));
    }
}
}  // namespace

Action AuditReader::readAction(const XmlReader& x, const XMLElement& e) {
    Action a;
    a.id = x.attr(e, "id");
    a.line = e.GetLineNum();
    a.finding = x.attrOr(e, "finding", "");
    a.responsible = x.attrOr(e, "responsible", "");
    a.deadlineRule = readDeadlineRule(x, e, "deadline-rule");
    a.deadline = x.optDateAttr(e, "deadline");
    a.status = readStatus(x, e, "status", "open");
    a.stale = x.boolAttr(e, "stale", false);
    if (const XMLElement* c = e.FirstChildElement("content")) a.content = x.rawText(*c);
    if (const XMLElement* r = e.FirstChildElement("report")) {
        a.report.date = x.optDateAttr(*r, "date");
        a.report.doc = x.attrOr(*r, "doc", "");
        a.report.made = x.attrOr(*r, "made", "");
        a.report.seq = static_cast<int>(x.optIntAttr(*r, "seq").value_or(0));
        a.report.responseId = x.attrOr(*r, "response", "");
        if (const XMLElement* n = r->FirstChildElement("note")) a.report.note = x.rawText(*n);
        for (const auto& ev : children(*r, "evidence")) {
            std::string file = x.attr(ev, "file");
            // Responses come from outside: an evidence entry names a file sent with the report,
            // never a path that could point elsewhere on this machine.
            if (!isPlainFileName(file))
                x.fail(ev, fmt(tr("minh chứng '{}' phải là tên tệp, không phải đường dẫn (không có '/', '\\', '..')",
                                  "evidence '{}' must be a file name, not a path (no '/', '\\', '..')"),
                               file));
            a.report.evidence.push_back(std::move(file));
        }
    }
    if (const XMLElement* h = e.FirstChildElement("history")) {
        for (const auto& he : children(*h)) {
            ActionEvent ev;
            std::string_view kind = he.Name();
            ev.at = x.attr(he, "at");
            ev.by = x.attrOr(he, "by", "");
            ev.declaredBy = x.attrOr(he, "declared-by", "");
            ev.source = x.attrOr(he, "source", "");
            ev.signedBy = x.attrOr(he, "signed-by", "");
            ev.note = x.rawText(he);
            if (kind == "status") {
                ev.kind = ActionEvent::Kind::Status;
                ev.from = readStatus(x, he, "from", "open");
                ev.to = readStatus(x, he, "to", "open");
            } else if (kind == "extension") {
                ev.kind = ActionEvent::Kind::Extension;
                ev.oldRule = readDeadlineRule(x, he, "old-rule").str();
                ev.oldDeadline = x.optDateAttr(he, "from");
                ev.newDeadline = x.optDateAttr(he, "to");
            } else {
                x.fail(he, fmt(tr("phần tử <{}> không được phép trong <history>; dùng <status> hoặc <extension>",
                                  "element <{}> is not allowed in <history>; use <status> or <extension>"),
                               he.Name()));
            }
            a.history.push_back(std::move(ev));
        }
    }
    return a;
}

namespace {
Audit fromXml(const XmlReader& x) {
    const XMLElement& root = x.root("audit");
    Audit a;
    a.formatVersion = x.checkFormatVersion(root, kAuditFormatVersion, tr("tệp kiểm tra", "the audit file"));
    a.id = x.attrOr(root, "id", "");
    a.revision = static_cast<int>(x.optIntAttr(root, "revision").value_or(0));
    a.file = x.fileName();

    const XMLElement* u = root.FirstChildElement("unit");
    if (u == nullptr)
        x.fail(root, tr("thiếu <unit> (đơn vị được kiểm tra)", "missing <unit> (the inspected unit)"));
    a.unit.name = x.attr(*u, "name");
    a.unit.type = x.attrOr(*u, "type", "");
    a.unit.level = x.attrOr(*u, "level", "");
    a.unit.province = x.attrOr(*u, "province", "");

    if (const XMLElement* b = root.FirstChildElement("inspecting-body")) {
        a.body.parent = x.attrOr(*b, "parent", "");
        a.body.name = x.attrOr(*b, "name", "");
        a.body.code = x.attrOr(*b, "code", "");
        a.body.place = x.attrOr(*b, "place", "");
    }
    a.plan = readDocRef(x, root.FirstChildElement("plan"));
    a.decision = readDocRef(x, root.FirstChildElement("decision"));
    if (const XMLElement* t = root.FirstChildElement("team")) {
        for (const auto& m : children(*t, "member")) {
            std::string role = x.attrOr(m, "role", "member");
            if (role != "leader" && role != "member" && role != "secretary" && role != "deputy-leader")
                x.fail(m, fmt(tr("vai trò '{}' không hợp lệ (leader, deputy-leader, member, secretary)",
                                 "invalid role '{}' (leader, deputy-leader, member, secretary)"),
                              role));
            a.team.push_back({x.attr(m, "name"), role, x.attrOr(m, "title", "")});
        }
    }
    if (const XMLElement* v = root.FirstChildElement("visit")) {
        a.visitStart = x.optDateAttr(*v, "start");
        a.visitEnd = x.optDateAttr(*v, "end");
        if (a.visitStart && a.visitEnd && *a.visitEnd < *a.visitStart)
            x.fail(*v, tr("ngày kết thúc đợt kiểm tra trước ngày bắt đầu", "the visit ends before it starts"));
    }
    if (const XMLElement* p = root.FirstChildElement("period")) {
        a.periodStart = x.optDateAttr(*p, "start");
        a.periodEnd = x.optDateAttr(*p, "end");
        if (a.periodStart && a.periodEnd && *a.periodEnd < *a.periodStart)
            x.fail(*p, tr("kỳ kiểm tra kết thúc trước khi bắt đầu", "the period ends before it starts"));
    }
    const XMLElement* f = root.FirstChildElement("form");
    if (f == nullptr)
        x.fail(root, tr("thiếu <form> (biểu mẫu đã dùng)", "missing <form> (the checklist used)"));
    a.form.id = x.attr(*f, "id");
    a.form.version = x.attrOr(*f, "version", "");
    a.form.href = x.attrOr(*f, "href", "");
    if (const XMLElement* r = root.FirstChildElement("reference")) {
        a.catalogHref = x.attrOr(*r, "catalog", "");
        a.registryHref = x.attrOr(*r, "registry", "");
    }
    if (const XMLElement* n = root.FirstChildElement("notice")) {
        NoticeInfo& ni = a.notice;
        ni.number = x.attrOr(*n, "number", "");
        ni.symbol = x.attrOr(*n, "symbol", "");
        ni.date = x.optDateAttr(*n, "date");
        ni.signer = x.attrOr(*n, "signer", "");
        ni.signerTitle = x.attrOr(*n, "signer-title", "");
        ni.signFor = x.attrOr(*n, "sign-for", "");
        ni.summary = x.attrOr(*n, "summary", "");
        ni.reportBy = x.optDateAttr(*n, "report-by");
        for (const auto& e : children(*n, "basis")) ni.bases.push_back(x.text(e));
        for (const auto& e : children(*n, "summary-of")) ni.areaSummaries.push_back({x.attr(e, "area"), x.text(e)});
        for (const auto& e : children(*n, "strength")) ni.strengths.push_back(x.text(e));
        for (const auto& e : children(*n, "recipient")) ni.recipients.push_back(x.text(e));
    }
    if (const XMLElement* an = root.FirstChildElement("answers")) readAnswers(x, *an, a.answers, 0);

    if (const XMLElement* fs = root.FirstChildElement("findings")) {
        std::set<std::string> ids;
        for (const auto& e : children(*fs, "finding")) {
            Finding fd;
            fd.id = x.attr(e, "id");
            fd.line = e.GetLineNum();
            if (!ids.insert(fd.id).second)
                x.fail(e, fmt(tr("mã phát hiện '{}' bị trùng", "duplicate finding id '{}'"), fd.id));
            fd.origin = readOrigin(x, e);
            fd.rule = x.attrOr(e, "rule", "");
            if (fd.origin == FindingOrigin::Rule && fd.rule.empty())
                x.fail(e, tr("phát hiện từ quy tắc phải có thuộc tính 'rule'", "a rule finding needs a 'rule' attribute"));
            fd.key = x.attrOr(e, "key", "");
            fd.category = x.attrOr(e, "category", "");
            std::string sev = x.attrOr(e, "severity", "medium");
            auto s = parseSeverity(sev);
            if (!s)
                x.fail(e, fmt(tr("mức độ '{}' không hợp lệ (high, medium, low)", "invalid severity '{}' (high, medium, low)"),
                              sev));
            fd.severity = *s;
            fd.area = x.attrOr(e, "area", "");
            std::string state = x.attrOr(e, "state", "active");
            if (state != "active" && state != "stale")
                x.fail(e, fmt(tr("trạng thái '{}' không hợp lệ (active, stale)", "invalid state '{}' (active, stale)"),
                              state));
            fd.state = state == "active" ? FindingState::Active : FindingState::Stale;
            fd.edited = x.boolAttr(e, "edited", false);
            if (const XMLElement* t = e.FirstChildElement("text")) fd.text = x.rawText(*t);
            if (const XMLElement* d = e.FirstChildElement("dismissal")) {
                fd.dismissed = true;
                fd.dismissReason = x.rawText(*d);
                fd.duplicateOf = x.attrOr(*d, "duplicate-of", "");
            }
            for (const auto& lb : children(e, "legal-basis")) fd.legalBasis.push_back(x.text(lb));
            if (const XMLElement* r = e.FirstChildElement("recommendation")) {
                std::string dl = x.attrOr(*r, "deadline", "");
                auto rule = DeadlineRule::parse(dl);
                if (!rule)
                    x.fail(*r, fmt(tr("thời hạn '{}' không hợp lệ; dùng 'N working-days', 'N calendar-days' hoặc YYYY-MM-DD",
                                      "invalid deadline '{}'; use 'N working-days', 'N calendar-days' or YYYY-MM-DD"),
                                   dl));
                fd.recommendation.deadline = *rule;
                fd.recommendation.responsible = x.attrOr(*r, "responsible", "");
                if (const XMLElement* t = r->FirstChildElement("text")) fd.recommendation.text = x.rawText(*t);
            }
            a.findings.push_back(std::move(fd));
        }
    }
    if (const XMLElement* as = root.FirstChildElement("actions")) readActions(x, *as, a.actions);
    if (const XMLElement* log = root.FirstChildElement("change-log")) {
        for (const auto& e : children(*log, "change"))
        {
            ChangeEntry c{x.attr(e, "at"), x.attrOr(e, "by", ""), "", x.attrOr(e, "code", ""), {}};
            if (c.code.empty()) c.what = x.rawText(e);
            else
                for (const auto& arg : children(e, "arg")) c.args.push_back(x.rawText(arg));
            a.changeLog.push_back(std::move(c));
        }
    }
    return a;
}
}  // namespace

Audit AuditReader::load(const std::string& path) { return fromXml(XmlReader::load(path)); }

Audit AuditReader::parse(std::string_view xml, const std::string& name) {
    return fromXml(XmlReader::parse(xml, name));
}

}  // namespace par
