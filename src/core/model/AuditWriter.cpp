#include "core/model/AuditWriter.hpp"

#include <tinyxml2.h>

#include "core/common/AtomicFile.hpp"
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

std::string AuditWriter::toXml(const Audit& a) {
    XMLDocument doc;
    doc.InsertFirstChild(doc.NewDeclaration("xml version=\"1.0\" encoding=\"UTF-8\""));
    XMLElement* root = doc.NewElement("audit");
    doc.InsertEndChild(root);
    root->SetAttribute("format-version", kAuditFormatVersion);
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
        if (r.number.empty() && !r.date) return;
        XMLElement* e = child(doc, *root, name);
        setAttrIfNotEmpty(*e, "number", r.number);
        setDate(*e, "date", r.date);
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
        for (const auto& lb : fd.legalBasis) textChild(doc, *e, "legal-basis", lb);
        if (!fd.recommendation.text.empty() || fd.recommendation.deadline.kind != DeadlineRule::Kind::None) {
            XMLElement* r = child(doc, *e, "recommendation");
            setAttrIfNotEmpty(*r, "deadline", fd.recommendation.deadline.str());
            setAttrIfNotEmpty(*r, "responsible", fd.recommendation.responsible);
            textChild(doc, *r, "text", fd.recommendation.text);
        }
    }

    XMLElement* log = child(doc, *root, "change-log");
    for (const auto& c : a.changeLog) {
        XMLElement* e = textChild(doc, *log, "change", c.what);
        e->SetAttribute("at", c.at.c_str());
        setAttrIfNotEmpty(*e, "by", c.by);
    }
    return toXmlString(doc);
}

void AuditWriter::save(Audit& audit, const std::string& path) {
    Audit next = audit;
    next.revision = audit.revision + 1;
    writeFileAtomically(path, toXml(next));
    audit.revision = next.revision;
    audit.file = path;
}

}  // namespace par
