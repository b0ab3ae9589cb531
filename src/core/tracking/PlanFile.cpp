#include "core/tracking/PlanFile.hpp"

#include <set>

#include "core/common/AtomicFile.hpp"
#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"

namespace par::track {

namespace {
using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

XMLElement* child(XMLDocument& doc, XMLElement& parent, const char* name) {
    XMLElement* e = doc.NewElement(name);
    parent.InsertEndChild(e);
    return e;
}
}  // namespace

PlanAction* PlanFile::find(const std::string& actionId) {
    for (auto& a : actions)
        if (a.action.id == actionId)
            return &a;
    return nullptr;
}

PlanFile PlanFile::load(const std::string& path) {
    std::string text = readFile(path, kMaxXmlFileBytes);
    return parse(text, path);
}

PlanFile PlanFile::parse(std::string_view xml, const std::string& name) {
    XmlReader x = XmlReader::parse(xml, name);
    PlanFile p;
    p.file = name;
    std::string rootName = x.rootName();
    if (rootName != "plan" && rootName != "response")
        throw ParseError(
            {name, 1, 0},
            fmt(tr("không phải tệp kế hoạch khắc phục: phần tử gốc là <{}>, cần <plan> hoặc "
                   "<response>",
                   "not a remediation plan file: the root is <{}>, expected <plan> or <response>"),
                rootName));
    const XMLElement& root = x.root(rootName.c_str());
    x.checkFormatVersion(root, kPlanFormatVersion, tr("tệp kế hoạch khắc phục", "the plan file"));
    p.kind = rootName == "plan" ? Kind::Plan : Kind::Response;
    p.auditId = x.attr(root, "audit");
    p.fingerprint = x.attr(root, "fingerprint");
    p.unit = x.attr(root, "unit");
    p.inspectedUnit = x.attrOr(root, "inspected-unit", "");
    p.exportedAt = x.attrOr(root, "exported", "");
    p.respondedAt = x.attrOr(root, "responded", "");
    p.respondedBy = x.attrOr(root, "by", "");
    if (const XMLElement* n = root.FirstChildElement("notice")) {
        p.noticeNumber = x.attrOr(*n, "number", "");
        p.noticeDate = x.optDateAttr(*n, "date");
    }
    // The <action> elements have the audit file's form: the audit reader reads each in place, so a
    // message carries the line of the attribute's element, and the file is parsed once.
    std::set<std::string> ids;
    for (const auto& e : children(root, "action")) {
        PlanAction pa;
        pa.line = e.GetLineNum();
        pa.action = AuditReader::readAction(x, e);
        if (!ids.insert(pa.action.id).second)
            x.fail(e,
                   fmt(tr("mã hành động '{}' bị trùng", "duplicate action id '{}'"), pa.action.id));
        if (const XMLElement* ft = e.FirstChildElement("finding-text"))
            pa.findingText = x.rawText(*ft);
        p.actions.push_back(std::move(pa));
    }
    return p;
}

std::string PlanFile::toXml() const {
    // The actions are written by the audit writer (one format for both files), then moved here.
    Audit carrier;
    carrier.unit.name = "-";
    for (const auto& pa : actions)
        carrier.actions.push_back(pa.action);
    XMLDocument written;
    std::string carrierXml = AuditWriter::toXml(carrier);
    written.Parse(carrierXml.data(), carrierXml.size());
    const XMLElement* writtenActions = written.RootElement()->FirstChildElement("actions");

    XMLDocument doc;
    doc.InsertFirstChild(doc.NewDeclaration("xml version=\"1.0\" encoding=\"UTF-8\""));
    XMLElement* root = doc.NewElement(kind == Kind::Plan ? "plan" : "response");
    doc.InsertEndChild(root);
    root->SetAttribute("format-version", kPlanFormatVersion);
    root->SetAttribute("audit", auditId.c_str());
    root->SetAttribute("fingerprint", fingerprint.c_str());
    root->SetAttribute("unit", unit.c_str());
    setAttrIfNotEmpty(*root, "inspected-unit", inspectedUnit);
    setAttrIfNotEmpty(*root, "exported", exportedAt);
    setAttrIfNotEmpty(*root, "responded", respondedAt);
    setAttrIfNotEmpty(*root, "by", respondedBy);
    if (!noticeNumber.empty() || noticeDate) {
        XMLElement* n = child(doc, *root, "notice");
        setAttrIfNotEmpty(*n, "number", noticeNumber);
        if (noticeDate)
            n->SetAttribute("date", isoDate(*noticeDate).c_str());
    }
    size_t i = 0;
    for (const XMLElement* e = writtenActions ? writtenActions->FirstChildElement("action")
                                              : nullptr;
         e != nullptr; e = e->NextSiblingElement("action"), ++i) {
        auto* copy = e->DeepClone(&doc)->ToElement();
        if (!actions[i].findingText.empty()) {
            XMLElement* ft = doc.NewElement("finding-text");
            ft->SetText(actions[i].findingText.c_str());
            copy->InsertFirstChild(ft);
        }
        root->InsertEndChild(copy);
    }
    return toXmlString(doc);
}

}  // namespace par::track
