// SPDX-License-Identifier: Apache-2.0
#include "core/model/AuditWriter.hpp"

#include <tinyxml2.h>

#include "core/common/AtomicFile.hpp"
#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"

namespace par {

namespace {
using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

XMLElement* child(XMLDocument& doc, XMLElement& parent, const char* name) {
    XMLElement* e = doc.NewElement(name);
    parent.InsertEndChild(e);
    return e;
}

XMLElement* textChild(XMLDocument& doc, XMLElement& parent, const char* name, const std::string& text) {
    XMLElement* e = child(doc, parent, name);
    if (!text.empty()) e->SetText(text.c_str());
    return e;
}

void setDate(XMLElement& e, const char* name, const std::optional<Date>& d) {
    if (d) e.SetAttribute(name, isoDate(*d).c_str());
}

void writeAnswers(XMLDocument& doc, XMLElement& parent, const AnswerSet& set) {
    for (const auto& [qid, a] : set.answers) {
        XMLElement* e = child(doc, parent, "answer");
        e->SetAttribute("q", qid.c_str());
        if (a.na) {
            e->SetAttribute("na", "true");
            continue;
        }
        if (!a.rows.empty()) {
            for (const auto& row : a.rows) {
                XMLElement* r = child(doc, *e, "row");
                for (const auto& [col, v] : row) {
                    XMLElement* c = textChild(doc, *r, "cell", v);
                    c->SetAttribute("c", col.c_str());
                }
            }
        } else if (!a.instances.empty()) {
            for (const auto& inst : a.instances) writeAnswers(doc, *child(doc, *e, "instance"), inst);
        } else if (!a.value.empty()) {
            e->SetText(a.value.c_str());
        }
    }
}
}  // namespace

std::string AuditWriter::toXml(const Audit& a, int formatVersion) {
    XMLDocument doc;
    doc.InsertFirstChild(doc.NewDeclaration("xml version=\"1.0\" encoding=\"UTF-8\""));
    XMLElement* root = doc.NewElement("audit");
    doc.InsertEndChild(root);
    root->SetAttribute("format-version", formatVersion);
    setAttrIfNotEmpty(*root, "id", a.id);
    root->SetAttribute("revision", a.revision);

    XMLElement* u = child(doc, *root, "unit");
    u->SetAttribute("name", a.unit.name.c_str());
    setAttrIfNotEmpty(*u, "type", a.unit.type);
    setAttrIfNotEmpty(*u, "level", a.unit.level);
    setAttrIfNotEmpty(*u, "province", a.unit.province);

    XMLElement* b = child(doc, *root, "inspecting-body");
    setAttrIfNotEmpty(*b, "parent", a.body.parent);
    setAttrIfNotEmpty(*b, "name", a.body.name);
    setAttrIfNotEmpty(*b, "code", a.body.code);
    setAttrIfNotEmpty(*b, "place", a.body.place);

    auto docRef = [&](const char* name, const DocumentRef& r) {
        if (r.number.empty() && !r.date && r.issuer.empty()) return;
        XMLElement* e = child(doc, *root, name);
        setAttrIfNotEmpty(*e, "number", r.number);
        setDate(*e, "date", r.date);
        setAttrIfNotEmpty(*e, "issuer", r.issuer);
    };
    docRef("plan", a.plan);
    docRef("decision", a.decision);

    if (!a.team.empty()) {
        XMLElement* t = child(doc, *root, "team");
        for (const auto& m : a.team) {
            XMLElement* e = child(doc, *t, "member");
            e->SetAttribute("name", m.name.c_str());
            setAttrIfNotEmpty(*e, "role", m.role);
            setAttrIfNotEmpty(*e, "title", m.title);
        }
    }
    if (a.visitStart || a.visitEnd) {
        XMLElement* v = child(doc, *root, "visit");
        setDate(*v, "start", a.visitStart);
        setDate(*v, "end", a.visitEnd);
    }
    if (a.periodStart || a.periodEnd) {
        XMLElement* p = child(doc, *root, "period");
        setDate(*p, "start", a.periodStart);
        setDate(*p, "end", a.periodEnd);
    }
    XMLElement* f = child(doc, *root, "form");
    f->SetAttribute("id", a.form.id.c_str());
    setAttrIfNotEmpty(*f, "version", a.form.version);
    setAttrIfNotEmpty(*f, "href", a.form.href);
    if (!a.catalogHref.empty() || !a.registryHref.empty()) {
        XMLElement* r = child(doc, *root, "reference");
        setAttrIfNotEmpty(*r, "catalog", a.catalogHref);
        setAttrIfNotEmpty(*r, "registry", a.registryHref);
    }

    const NoticeInfo& n = a.notice;
    XMLElement* ne = child(doc, *root, "notice");
    setAttrIfNotEmpty(*ne, "number", n.number);
    setAttrIfNotEmpty(*ne, "symbol", n.symbol);
    setDate(*ne, "date", n.date);
    setAttrIfNotEmpty(*ne, "signer", n.signer);
    setAttrIfNotEmpty(*ne, "signer-title", n.signerTitle);
    setAttrIfNotEmpty(*ne, "sign-for", n.signFor);
    setAttrIfNotEmpty(*ne, "summary", n.summary);
    setDate(*ne, "report-by", n.reportBy);
    for (const auto& s : n.bases) textChild(doc, *ne, "basis", s);
    for (const auto& s : n.areaSummaries) textChild(doc, *ne, "summary-of", s.text)->SetAttribute("area", s.area.c_str());
    for (const auto& s : n.strengths) textChild(doc, *ne, "strength", s);
    for (const auto& s : n.recipients) textChild(doc, *ne, "recipient", s);

    writeAnswers(doc, *child(doc, *root, "answers"), a.answers);

    XMLElement* fs = child(doc, *root, "findings");
    for (const auto& fd : a.findings) {
        XMLElement* e = child(doc, *fs, "finding");
        e->SetAttribute("id", fd.id.c_str());
        e->SetAttribute("origin", fd.origin == FindingOrigin::Rule ? "rule" : "manual");
        setAttrIfNotEmpty(*e, "rule", fd.rule);
        setAttrIfNotEmpty(*e, "key", fd.key);
        setAttrIfNotEmpty(*e, "category", fd.category);
        e->SetAttribute("severity", severityName(fd.severity));
        setAttrIfNotEmpty(*e, "area", fd.area);
        e->SetAttribute("state", fd.state == FindingState::Active ? "active" : "stale");
        if (fd.edited) e->SetAttribute("edited", "true");
        textChild(doc, *e, "text", fd.text);
        if (fd.dismissed) {
            XMLElement* d = textChild(doc, *e, "dismissal", fd.dismissReason);
            setAttrIfNotEmpty(*d, "duplicate-of", fd.duplicateOf);
        }
        for (const auto& lb : fd.legalBasis) textChild(doc, *e, "legal-basis", lb);
        if (!fd.recommendation.text.empty() || fd.recommendation.deadline.kind != DeadlineRule::Kind::None) {
            XMLElement* r = child(doc, *e, "recommendation");
            setAttrIfNotEmpty(*r, "deadline", fd.recommendation.deadline.str());
            setAttrIfNotEmpty(*r, "responsible", fd.recommendation.responsible);
            textChild(doc, *r, "text", fd.recommendation.text);
        }
    }

    if (!a.actions.empty()) {
        XMLElement* as = child(doc, *root, "actions");
        for (const auto& ac : a.actions) {
            XMLElement* e = child(doc, *as, "action");
            e->SetAttribute("id", ac.id.c_str());
            setAttrIfNotEmpty(*e, "finding", ac.finding);
            setAttrIfNotEmpty(*e, "responsible", ac.responsible);
            setAttrIfNotEmpty(*e, "deadline-rule", ac.deadlineRule.str());
            setDate(*e, "deadline", ac.deadline);
            e->SetAttribute("status", actionStatusName(ac.status));
            if (ac.stale) e->SetAttribute("stale", "true");
            textChild(doc, *e, "content", ac.content);
            if (!ac.report.empty()) {
                XMLElement* r = child(doc, *e, "report");
                setDate(*r, "date", ac.report.date);
                setAttrIfNotEmpty(*r, "doc", ac.report.doc);
                setAttrIfNotEmpty(*r, "made", ac.report.made);
                if (ac.report.seq > 0) r->SetAttribute("seq", ac.report.seq);
                setAttrIfNotEmpty(*r, "response", ac.report.responseId);
                if (!ac.report.note.empty()) textChild(doc, *r, "note", ac.report.note);
                for (const auto& f : ac.report.evidence) child(doc, *r, "evidence")->SetAttribute("file", f.c_str());
            }
            if (!ac.history.empty()) {
                XMLElement* h = child(doc, *e, "history");
                for (const auto& ev : ac.history) {
                    bool status = ev.kind == ActionEvent::Kind::Status;
                    XMLElement* he = child(doc, *h, status ? "status" : "extension");
                    he->SetAttribute("at", ev.at.c_str());
                    setAttrIfNotEmpty(*he, "by", ev.by);
                    setAttrIfNotEmpty(*he, "declared-by", ev.declaredBy);
                    setAttrIfNotEmpty(*he, "source", ev.source);
                    setAttrIfNotEmpty(*he, "signed-by", ev.signedBy);
                    if (status) {
                        he->SetAttribute("from", actionStatusName(ev.from));
                        he->SetAttribute("to", actionStatusName(ev.to));
                    } else {
                        setAttrIfNotEmpty(*he, "old-rule", ev.oldRule);
                        setDate(*he, "from", ev.oldDeadline);
                        setDate(*he, "to", ev.newDeadline);
                    }
                    if (!ev.note.empty()) he->SetText(ev.note.c_str());
                }
            }
        }
    }

    XMLElement* log = child(doc, *root, "change-log");
    for (const auto& c : a.changeLog) {
        XMLElement* e = c.code.empty() ? textChild(doc, *log, "change", c.what) : child(doc, *log, "change");
        e->SetAttribute("at", c.at.c_str());
        setAttrIfNotEmpty(*e, "by", c.by);
        if (!c.code.empty()) {
            e->SetAttribute("code", c.code.c_str());
            for (const auto& arg : c.args) textChild(doc, *e, "arg", arg);
        }
    }
    return toXmlString(doc);
}

namespace {
std::string conflictMessage(const std::string& file, int disk, int loaded, const std::string& by,
                            const std::string& at) {
    std::string who = by.empty() ? tr("một người khác", "someone else") : by;
    std::string when = at.empty() ? tr("(không rõ thời điểm)", "(time unknown)") : at;
    return fmt(tr("{}: không ghi được vì tệp đã được {} lưu lúc {} (phiên bản {}), mới hơn phiên bản {} "
                  "bạn đã mở. Thay đổi của bạn chưa được ghi; hãy mở lại tệp để xem thay đổi của họ rồi làm lại.",
                  "{}: not saved: {} saved this file at {} (revision {}), newer than revision {} you "
                  "opened. Your changes were not written; reopen the file to see theirs, then redo yours."),
               file, who, when, std::to_string(disk), std::to_string(loaded));
}

// Throws RevisionConflict when `path` holds the same audit at a newer revision. A file that cannot
// be read or parsed is not a conflict (the save then replaces it, keeping it as the backup).
void checkNotNewer(const Audit& audit, const std::string& path) {
    std::string text;
    try {
        text = readFile(path, kMaxXmlFileBytes);
    } catch (const Error&) {  // unreadable, not a file, too large
        return;
    }
    XMLDocument doc;
    if (doc.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) return;
    const XMLElement* root = doc.RootElement();
    if (root == nullptr || std::string_view(root->Name()) != "audit") return;
    const char* id = root->Attribute("id");
    if (std::string(id != nullptr ? id : "") != audit.id) return;
    int disk = root->IntAttribute("revision", 0);
    if (disk <= audit.revision) return;
    std::string by, at;
    if (const XMLElement* log = root->FirstChildElement("change-log")) {
        if (const XMLElement* last = log->LastChildElement("change")) {
            by = last->Attribute("by") != nullptr ? last->Attribute("by") : "";
            at = last->Attribute("at") != nullptr ? last->Attribute("at") : "";
        }
    }
    throw RevisionConflict(path, disk, audit.revision, by, at);
}
}  // namespace

RevisionConflict::RevisionConflict(std::string file, int diskRevision, int loadedRevision,
                                   std::string lastBy, std::string lastAt)
    : Error(conflictMessage(file, diskRevision, loadedRevision, lastBy, lastAt)),
      file_(std::move(file)),
      diskRevision_(diskRevision),
      loadedRevision_(loadedRevision),
      lastBy_(std::move(lastBy)),
      lastAt_(std::move(lastAt)) {}

void AuditWriter::save(Audit& audit, const std::string& path) {
    checkNotNewer(audit, path);
    Audit next = audit;
    next.revision = audit.revision + 1;
    writeFileAtomically(path, toXml(next));
    audit.revision = next.revision;
    audit.file = path;
}

}  // namespace par
