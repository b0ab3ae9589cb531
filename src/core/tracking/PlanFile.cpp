// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/PlanFile.hpp"

#include <cstdio>
#include <random>
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

bool isSha256Hex(std::string_view s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

const char* noteKindName(InspectorNote::Kind k) {
    return k == InspectorNote::Kind::Reopen ? "reopen" : "extension";
}

void readAnswer(const XmlReader& x, const XMLElement& e, PlanAction& pa) {
    const XMLElement* r = e.FirstChildElement("report");
    if (r == nullptr || pa.action.report.made.empty())
        return;
    pa.answered = true;
    if (!isIsoDateTime(pa.action.report.made))
        x.fail(*r, fmt(tr("{}: 'made' phải có dạng YYYY-MM-DDTHH:MM:SS, không phải '{}'",
                          "{}: 'made' must read YYYY-MM-DDTHH:MM:SS, not '{}'"),
                       pa.action.id, pa.action.report.made));
    if (pa.action.report.seq < 1)
        x.fail(*r, fmt(tr("{}: báo cáo cần 'seq' là số nguyên từ 1", "{}: the report needs a 'seq' of 1 or more"),
                       pa.action.id));
    for (const auto& ev : children(*r, "evidence")) {
        EvidenceRef ref;
        ref.file = x.attr(ev, "file");
        ref.sha256 = x.attr(ev, "sha256");
        if (!isSha256Hex(ref.sha256))
            x.fail(ev, fmt(tr("{}: minh chứng '{}': sha256 phải là 64 chữ số hexa thường",
                              "{}: evidence '{}': sha256 must be 64 lower-case hex digits"),
                           pa.action.id, ref.file));
        long long size = x.intAttr(ev, "size");
        if (size < 0)
            x.fail(ev, fmt(tr("{}: minh chứng '{}': kích thước âm", "{}: evidence '{}': negative size"),
                           pa.action.id, ref.file));
        ref.size = static_cast<std::uint64_t>(size);
        pa.evidence.push_back(std::move(ref));
    }
}
}  // namespace

std::string randomId() {
    std::random_device rd;
    std::string out;
    char buf[9];
    for (int i = 0; i < 4; ++i) {
        std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(rd()));
        out += buf;
    }
    return out;
}

bool isIsoDateTime(std::string_view s) {
    if (s.size() != 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
        if (s[i] < '0' || s[i] > '9')
            return false;
    return parseIsoDate(s.substr(0, 10)).has_value();
}

PlanAction* PlanFile::find(const std::string& actionId) {
    for (auto& a : actions)
        if (a.action.id == actionId)
            return &a;
    return nullptr;
}

const PlanAction* PlanFile::find(const std::string& actionId) const {
    return const_cast<PlanFile*>(this)->find(actionId);
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
    p.formatVersion =
        x.checkFormatVersion(root, kPlanFormatVersion, tr("tệp kế hoạch khắc phục", "the plan file"));
    p.kind = rootName == "plan" ? Kind::Plan : Kind::Response;
    p.auditId = x.attr(root, "audit");
    p.unit = x.attr(root, "unit");
    p.inspectedUnit = x.attrOr(root, "inspected-unit", "");
    p.exportedAt = x.attrOr(root, "exported", "");
    if (p.formatVersion < 2) {
        p.fingerprint = x.attrOr(root, "fingerprint", "");
        p.declaredBy = x.attrOr(root, "by", "");
    } else {
        p.exportId = x.attr(root, "export-id");
        p.declaredBy = x.attrOr(root, "declared-by", "");
        p.respondedAt = x.attrOr(root, "responded", "");
        if (p.kind == Kind::Response)
            p.responseId = x.attr(root, "response-id");
    }
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
        if (p.formatVersion >= 2) {
            pa.fingerprint = x.attr(e, "fingerprint");
            if (!isSha256Hex(pa.fingerprint))
                x.fail(e, fmt(tr("{}: dấu vân tay phải là 64 chữ số hexa thường",
                                 "{}: the fingerprint must be 64 lower-case hex digits"),
                              pa.action.id));
            for (const auto& ne : children(e, "inspector-note")) {
                InspectorNote n;
                std::string kind = x.attr(ne, "kind");
                if (kind != "reopen" && kind != "extension")
                    x.fail(ne, fmt(tr("loại ghi chú '{}' không hợp lệ (reopen, extension)",
                                      "invalid note kind '{}' (reopen, extension)"),
                                   kind));
                n.kind = kind == "reopen" ? InspectorNote::Kind::Reopen
                                          : InspectorNote::Kind::Extension;
                n.date = x.optDateAttr(ne, "date");
                n.text = x.rawText(ne);
                pa.notes.push_back(std::move(n));
            }
            if (p.kind == Kind::Response)
                readAnswer(x, e, pa);
        }
        pa.action.history.clear();
        p.actions.push_back(std::move(pa));
    }
    return p;
}

std::string PlanFile::toXml() const {
    // The actions are written by the audit writer (one format for both files), then moved here.
    Audit carrier;
    carrier.unit.name = "-";
    for (const auto& pa : actions) {
        carrier.actions.push_back(pa.action);
        carrier.actions.back().history.clear();
        carrier.actions.back().stale = false;
        carrier.actions.back().report.responseId.clear();  // the root's response-id says it
        if (!pa.answered) {  // a report held at export is shown, not answered again
            carrier.actions.back().report.made.clear();
            carrier.actions.back().report.seq = 0;
        }
    }
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
    root->SetAttribute("unit", unit.c_str());
    setAttrIfNotEmpty(*root, "inspected-unit", inspectedUnit);
    setAttrIfNotEmpty(*root, "exported", exportedAt);
    root->SetAttribute("export-id", exportId.c_str());
    if (kind == Kind::Response) {
        root->SetAttribute("response-id", responseId.c_str());
        setAttrIfNotEmpty(*root, "declared-by", declaredBy);
        setAttrIfNotEmpty(*root, "responded", respondedAt);
    }
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
        const PlanAction& pa = actions[i];
        auto* copy = e->DeepClone(&doc)->ToElement();
        copy->SetAttribute("fingerprint", pa.fingerprint.c_str());
        XMLElement* content = copy->FirstChildElement("content");
        XMLElement* after = content;  // notes go after <content>, before <report>
        for (const auto& n : pa.notes) {
            XMLElement* ne = doc.NewElement("inspector-note");
            ne->SetAttribute("kind", noteKindName(n.kind));
            if (n.date)
                ne->SetAttribute("date", isoDate(*n.date).c_str());
            ne->SetText(n.text.c_str());
            if (after != nullptr)
                copy->InsertAfterChild(after, ne);
            else
                copy->InsertEndChild(ne);
            after = ne;
        }
        if (pa.answered)
            if (XMLElement* r = copy->FirstChildElement("report")) {
                size_t k = 0;
                for (XMLElement* ev = r->FirstChildElement("evidence"); ev != nullptr;
                     ev = ev->NextSiblingElement("evidence"), ++k)
                    if (k < pa.evidence.size()) {
                        ev->SetAttribute("sha256", pa.evidence[k].sha256.c_str());
                        ev->SetAttribute("size", std::to_string(pa.evidence[k].size).c_str());
                    }
            }
        if (!pa.findingText.empty()) {
            XMLElement* ft = doc.NewElement("finding-text");
            ft->SetText(pa.findingText.c_str());
            copy->InsertFirstChild(ft);
        }
        root->InsertEndChild(copy);
    }
    return toXmlString(doc);
}

}  // namespace par::track
