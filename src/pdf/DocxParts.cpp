// SPDX-License-Identifier: Apache-2.0
#include "pdf/DocxParts.hpp"

#include <tinyxml2.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <memory>
#include <tuple>

#include "core/common/Error.hpp"
#include "par/Version.hpp"

namespace par::pdf::docx {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

XMLElement* add(XMLElement* parent, const char* name) {
    return parent->InsertNewChildElement(name);
}
XMLElement* add(XMLElement* parent, const char* name, const std::string& val) {
    XMLElement* e = parent->InsertNewChildElement(name);
    e->SetAttribute("w:val", val.c_str());
    return e;
}

int twips(double points) {
    return static_cast<int>(std::lround(points * 20));
}
int halfPoints(double points) {
    return static_cast<int>(std::lround(points * 2));
}
int eighths(double points) {
    return std::clamp(static_cast<int>(std::lround(points * 8)), 2, 96);
}

namespace {

auto key(const ParaProps& p) {
    return std::make_tuple(static_cast<int>(p.align), halfPoints(p.size), twips(p.firstIndent),
                           twips(p.leftIndent), twips(p.rightIndent), twips(p.spaceBefore),
                           twips(p.spaceAfter), std::lround(p.lineSpacing * 240));
}


std::string print(XMLDocument& doc) {
    tinyxml2::XMLPrinter printer(nullptr, true);
    doc.Print(&printer);
    return std::string(printer.CStr(), static_cast<size_t>(printer.CStrSize() - 1));
}

XMLElement* start(XMLDocument& doc, const char* root) {
    doc.InsertEndChild(
        doc.NewDeclaration(R"(xml version="1.0" encoding="UTF-8" standalone="yes")"));
    XMLElement* r = doc.NewElement(root);
    doc.InsertEndChild(r);
    return r;
}

const char* jcName(Align a) {
    switch (a) {
        case Align::Left:
            return "left";
        case Align::Center:
            return "center";
        case Align::Right:
            return "right";
        case Align::Justify:
            break;
    }
    return "both";
}

const char* kFont = "Times New Roman";

}  // namespace

bool ParaProps::operator==(const ParaProps& o) const {
    return key(*this) == key(o);
}
bool ParaProps::operator<(const ParaProps& o) const {
    return key(*this) < key(o);
}

ParaProps propsOf(const Paragraph& p) {
    ParaProps r;
    r.align = p.align;
    r.size = p.fontSize;
    r.firstIndent = p.firstIndent;
    r.leftIndent = p.leftIndent;
    r.rightIndent = p.rightIndent;
    r.spaceBefore = p.spaceBefore;
    r.spaceAfter = p.spaceAfter;
    r.lineSpacing = p.lineSpacing;
    return r;
}

namespace {
void collect(const BlockList& blocks, std::map<ParaRole, std::map<ParaProps, int>>& counts) {
    for (const Block& b : blocks) {
        switch (b.kind) {
            case Block::Kind::Paragraph:
                ++counts[b.paragraph.role][propsOf(b.paragraph)];
                break;
            case Block::Kind::Table:
                for (const auto& row : b.table->rows)
                    for (const auto& cell : row.cells)
                        collect(cell.content, counts);
                break;
            case Block::Kind::Columns:
                for (const auto& col : b.columns->columns)
                    collect(col, counts);
                break;
            case Block::Kind::KeepTogether:
                collect(b.keep->blocks, counts);
                break;
            default:
                break;
        }
    }
}
}  // namespace

std::vector<StyleDef> chooseStyles(const Document& doc) {
    std::map<ParaRole, std::map<ParaProps, int>> counts;
    for (const auto& s : doc.sections)
        collect(s.blocks, counts);
    // Role, id, the name Word shows (the built-in names where Word has one, so that its own
    // commands find them; Vietnamese for the others).
    struct Known {
        ParaRole role;
        const char* id;
        const char* name;
    };
    const Known known[] = {{ParaRole::Body, "Normal", "Normal"},
                           {ParaRole::Heading, "Heading1", "heading 1"},
                           {ParaRole::ListItem, "ParListItem", "Mục liệt kê"},
                           {ParaRole::Cell, "ParTableText", "Chữ trong bảng"},
                           {ParaRole::Block, "ParBlock", "Khối thể thức"}};
    std::vector<StyleDef> out;
    for (const auto& k : known) {
        StyleDef s;
        s.role = k.role;
        s.id = k.id;
        s.name = k.name;
        int best = 0;
        for (const auto& [props, n] : counts[k.role])
            if (n > best) {
                best = n;
                s.props = props;
            }
        if (best == 0 && k.role != ParaRole::Body)
            s.props = out.front().props;
        s.bold = k.role == ParaRole::Heading;
        s.keepNext = k.role == ParaRole::Heading;
        out.push_back(s);
    }
    return out;
}

void appendLayout(XMLElement* pPr, const ParaProps& p, const ParaProps* base) {
    auto differs = [&](double a, double b) { return base == nullptr || twips(a) != twips(b); };
    if (differs(p.spaceBefore, base ? base->spaceBefore : 0) ||
        differs(p.spaceAfter, base ? base->spaceAfter : 0) || base == nullptr ||
        std::lround(p.lineSpacing * 240) != std::lround(base->lineSpacing * 240)) {
        XMLElement* sp = add(pPr, "w:spacing");
        sp->SetAttribute("w:before", twips(p.spaceBefore));
        sp->SetAttribute("w:after", twips(p.spaceAfter));
        sp->SetAttribute("w:line", static_cast<int>(std::lround(p.lineSpacing * 240)));
        sp->SetAttribute("w:lineRule", "auto");
    }
    if (base == nullptr || differs(p.leftIndent, base->leftIndent) ||
        differs(p.rightIndent, base->rightIndent) || differs(p.firstIndent, base->firstIndent)) {
        XMLElement* ind = add(pPr, "w:ind");
        ind->SetAttribute("w:left", twips(p.leftIndent));
        ind->SetAttribute("w:right", twips(p.rightIndent));
        if (p.firstIndent >= 0)
            ind->SetAttribute("w:firstLine", twips(p.firstIndent));
        else
            ind->SetAttribute("w:hanging", twips(-p.firstIndent));
    }
    if (base == nullptr || base->align != p.align)
        add(pPr, "w:jc", jcName(p.align));
}

std::string stylesXml(const std::vector<StyleDef>& styles) {
    XMLDocument doc;
    XMLElement* root = start(doc, "w:styles");
    root->SetAttribute("xmlns:w", kNsW);
    XMLElement* defaults = add(root, "w:docDefaults");
    XMLElement* rPr = add(add(defaults, "w:rPrDefault"), "w:rPr");
    XMLElement* fonts = add(rPr, "w:rFonts");
    for (const char* a : {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"})
        fonts->SetAttribute(a, kFont);
    add(rPr, "w:sz", "26");
    add(rPr, "w:szCs", "26");
    XMLElement* lang = add(rPr, "w:lang", "vi-VN");
    lang->SetAttribute("w:eastAsia", "en-US");
    lang->SetAttribute("w:bidi", "ar-SA");
    XMLElement* pPrDefault = add(add(defaults, "w:pPrDefault"), "w:pPr");
    XMLElement* sp = add(pPrDefault, "w:spacing");
    sp->SetAttribute("w:after", 0);
    sp->SetAttribute("w:line", 240);
    sp->SetAttribute("w:lineRule", "auto");

    const ParaProps* normal = nullptr;
    for (const auto& s : styles) {
        XMLElement* st = add(root, "w:style");
        st->SetAttribute("w:type", "paragraph");
        if (s.id == "Normal")
            st->SetAttribute("w:default", "1");
        st->SetAttribute("w:styleId", s.id.c_str());
        add(st, "w:name", s.name);
        if (s.id != "Normal") {
            add(st, "w:basedOn", "Normal");
            add(st, "w:next", s.role == ParaRole::Heading ? "Normal" : s.id);
        }
        add(st, "w:qFormat");
        XMLElement* pPr = add(st, "w:pPr");
        if (s.keepNext)
            add(pPr, "w:keepNext");
        add(pPr, "w:widowControl");
        appendLayout(pPr, s.props, normal);
        if (s.role == ParaRole::Heading)
            add(pPr, "w:outlineLvl", "0");
        XMLElement* r = add(st, "w:rPr");
        if (s.bold) {
            add(r, "w:b");
            add(r, "w:bCs");
        }
        add(r, "w:sz", std::to_string(halfPoints(s.props.size)));
        add(r, "w:szCs", std::to_string(halfPoints(s.props.size)));
        if (s.id == "Normal")
            normal = &s.props;
    }
    for (const char* hf : {"Header", "Footer"}) {
        XMLElement* st = add(root, "w:style");
        st->SetAttribute("w:type", "paragraph");
        st->SetAttribute("w:styleId", hf);
        add(st, "w:name", hf[0] == 'H' ? "header" : "footer");
        add(st, "w:basedOn", "Normal");
        XMLElement* pPr = add(st, "w:pPr");
        XMLElement* s0 = add(pPr, "w:spacing");
        s0->SetAttribute("w:before", 0);
        s0->SetAttribute("w:after", 0);
        XMLElement* ind = add(pPr, "w:ind");
        ind->SetAttribute("w:left", 0);
        ind->SetAttribute("w:right", 0);
        ind->SetAttribute("w:firstLine", 0);
        add(pPr, "w:jc", "center");
    }
    XMLElement* dpf = add(root, "w:style");
    dpf->SetAttribute("w:type", "character");
    dpf->SetAttribute("w:default", "1");
    dpf->SetAttribute("w:styleId", "DefaultParagraphFont");
    add(dpf, "w:name", "Default Paragraph Font");
    add(dpf, "w:uiPriority", "1");
    add(dpf, "w:semiHidden");
    add(dpf, "w:unhideWhenUsed");

    XMLElement* tn = add(root, "w:style");
    tn->SetAttribute("w:type", "table");
    tn->SetAttribute("w:default", "1");
    tn->SetAttribute("w:styleId", "TableNormal");
    add(tn, "w:name", "Normal Table");
    add(tn, "w:semiHidden");
    add(tn, "w:unhideWhenUsed");
    XMLElement* tblPr = add(tn, "w:tblPr");
    XMLElement* tind = add(tblPr, "w:tblInd");
    tind->SetAttribute("w:w", 0);
    tind->SetAttribute("w:type", "dxa");
    XMLElement* mar = add(tblPr, "w:tblCellMar");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"}) {
        XMLElement* m = add(mar, side);
        m->SetAttribute("w:w", side[2] == 'l' || side[2] == 'r' ? 108 : 0);
        m->SetAttribute("w:type", "dxa");
    }
    for (int grid = 0; grid < 2; ++grid) {
        XMLElement* t = add(root, "w:style");
        t->SetAttribute("w:type", "table");
        t->SetAttribute("w:styleId", grid ? "ParTable" : "ParLayoutTable");
        add(t, "w:name", grid ? "Bảng có lưới" : "Bảng bố cục (không viền)");
        add(t, "w:basedOn", "TableNormal");
        XMLElement* pr = add(t, "w:tblPr");
        XMLElement* borders = add(pr, "w:tblBorders");
        for (const char* side :
             {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
            XMLElement* b = add(borders, side, grid ? "single" : "nil");
            if (grid) {
                b->SetAttribute("w:sz", 4);
                b->SetAttribute("w:space", 0);
                b->SetAttribute("w:color", "000000");
            }
        }
    }
    XMLElement* nl = add(root, "w:style");
    nl->SetAttribute("w:type", "numbering");
    nl->SetAttribute("w:default", "1");
    nl->SetAttribute("w:styleId", "NoList");
    add(nl, "w:name", "No List");
    add(nl, "w:semiHidden");
    add(nl, "w:unhideWhenUsed");
    return print(doc);
}

std::string numberingXml(const std::vector<ListDef>& lists) {
    XMLDocument doc;
    XMLElement* root = start(doc, "w:numbering");
    root->SetAttribute("xmlns:w", kNsW);
    struct Kind {
        ListKind kind;
        const char* fmt;
        const char* text;
    };
    const Kind kinds[] = {
        {ListKind::Decimal, "decimal", "%1."},  {ListKind::Alpha, "lowerLetter", "%1)"},
        {ListKind::Roman, "upperRoman", "%1."}, {ListKind::Bullet, "bullet", "•"},
        {ListKind::Dash, "bullet", "-"},        {ListKind::Plus, "bullet", "+"}};
    std::map<ListKind, int> abstractId;
    int id = 0;
    for (const auto& k : kinds) {
        XMLElement* a = add(root, "w:abstractNum");
        a->SetAttribute("w:abstractNumId", id);
        add(a, "w:multiLevelType", "singleLevel");
        XMLElement* lvl = add(a, "w:lvl");
        lvl->SetAttribute("w:ilvl", 0);
        add(lvl, "w:start", "1");
        add(lvl, "w:numFmt", k.fmt);
        add(lvl, "w:suff", "space");
        add(lvl, "w:lvlText", k.text);
        add(lvl, "w:lvlJc", "left");
        XMLElement* fonts = add(add(lvl, "w:rPr"), "w:rFonts");
        fonts->SetAttribute("w:ascii", kFont);
        fonts->SetAttribute("w:hAnsi", kFont);
        fonts->SetAttribute("w:cs", kFont);
        abstractId[k.kind] = id++;
    }
    for (const auto& l : lists) {
        XMLElement* n = add(root, "w:num");
        n->SetAttribute("w:numId", l.numId);
        add(n, "w:abstractNumId", std::to_string(abstractId[l.kind]));
        XMLElement* o = add(n, "w:lvlOverride");
        o->SetAttribute("w:ilvl", 0);
        add(o, "w:startOverride", std::to_string(l.start));
    }
    return print(doc);
}

std::string settingsXml() {
    XMLDocument doc;
    XMLElement* root = start(doc, "w:settings");
    root->SetAttribute("xmlns:w", kNsW);
    add(root, "w:zoom")->SetAttribute("w:percent", 100);
    add(root, "w:defaultTabStop", "720");
    add(root, "w:characterSpacingControl", "doNotCompress");
    XMLElement* compat = add(root, "w:compat");
    XMLElement* cs = add(compat, "w:compatSetting");
    cs->SetAttribute("w:name", "compatibilityMode");
    cs->SetAttribute("w:uri", "http://schemas.microsoft.com/office/word");
    cs->SetAttribute("w:val", "15");
    add(root, "w:themeFontLang", "vi-VN");
    return print(doc);
}

std::string coreXml(const Document& d, const std::string& keywords,
                    std::optional<long long> epoch) {
    XMLDocument doc;
    XMLElement* root = start(doc, "cp:coreProperties");
    root->SetAttribute("xmlns:cp",
                       "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    root->SetAttribute("xmlns:dc", "http://purl.org/dc/elements/1.1/");
    root->SetAttribute("xmlns:dcterms", "http://purl.org/dc/terms/");
    root->SetAttribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    auto text = [&](const char* name, const std::string& v) {
        if (!v.empty())
            add(root, name)->SetText(v.c_str());
    };
    text("dc:title", d.title);
    text("dc:subject", d.subject);
    text("dc:creator", d.author);
    text("cp:keywords", keywords);
    add(root, "dc:language")->SetText("vi-VN");
    if (epoch) {
        std::time_t t = static_cast<std::time_t>(*epoch);
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        for (const char* name : {"dcterms:created", "dcterms:modified"}) {
            XMLElement* e = add(root, name);
            e->SetAttribute("xsi:type", "dcterms:W3CDTF");
            e->SetText(buf);
        }
    }
    return print(doc);
}

std::string appXml() {
    XMLDocument doc;
    XMLElement* root = start(doc, "Properties");
    root->SetAttribute("xmlns",
                       "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    add(root, "Application")->SetText((std::string("par-audit ") + PAR_VERSION).c_str());
    return print(doc);
}

std::string contentTypesXml(const std::vector<HeaderFooterPart>& parts) {
    XMLDocument doc;
    XMLElement* root = start(doc, "Types");
    root->SetAttribute("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
    auto def = [&](const char* ext, const char* type) {
        XMLElement* e = add(root, "Default");
        e->SetAttribute("Extension", ext);
        e->SetAttribute("ContentType", type);
    };
    auto over = [&](const std::string& part, const std::string& type) {
        XMLElement* e = add(root, "Override");
        e->SetAttribute("PartName", part.c_str());
        e->SetAttribute("ContentType", type.c_str());
    };
    def("rels", "application/vnd.openxmlformats-package.relationships+xml");
    def("xml", "application/xml");
    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    over("/word/document.xml", wml + "document.main+xml");
    over("/word/styles.xml", wml + "styles+xml");
    over("/word/settings.xml", wml + "settings+xml");
    over("/word/numbering.xml", wml + "numbering+xml");
    for (const auto& p : parts)
        over("/word/" + p.file, wml + (p.footer ? "footer+xml" : "header+xml"));
    over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    over("/docProps/app.xml",
         "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    return print(doc);
}

namespace {
XMLElement* relationship(XMLElement* root, const std::string& id, const std::string& type,
                         const std::string& target) {
    XMLElement* e = add(root, "Relationship");
    e->SetAttribute("Id", id.c_str());
    e->SetAttribute("Type", type.c_str());
    e->SetAttribute("Target", target.c_str());
    return e;
}
const char* kRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
const std::string kOfficeRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
}  // namespace

std::string packageRelsXml() {
    XMLDocument doc;
    XMLElement* root = start(doc, "Relationships");
    root->SetAttribute("xmlns", kRelNs);
    relationship(root, "rId1", kOfficeRel + "officeDocument", "word/document.xml");
    relationship(
        root, "rId2",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml");
    relationship(root, "rId3", kOfficeRel + "extended-properties", "docProps/app.xml");
    return print(doc);
}

std::string documentRelsXml(const std::vector<HeaderFooterPart>& parts) {
    XMLDocument doc;
    XMLElement* root = start(doc, "Relationships");
    root->SetAttribute("xmlns", kRelNs);
    relationship(root, "rId1", kOfficeRel + "styles", "styles.xml");
    relationship(root, "rId2", kOfficeRel + "settings", "settings.xml");
    relationship(root, "rId3", kOfficeRel + "numbering", "numbering.xml");
    for (const auto& p : parts)
        relationship(root, p.relId, kOfficeRel + (p.footer ? "footer" : "header"), p.file);
    return print(doc);
}

std::string zipPackage(const std::vector<std::pair<std::string, std::string>>& entries,
                       std::optional<long long> epoch) {
    zip_error_t error;
    zip_error_init(&error);
    auto fail = [&](const std::string& what) {
        std::string msg = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw Error("DOCX: " + what + ": " + msg);
    };
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (buffer == nullptr)
        fail("zip_source_buffer_create");
    zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (za == nullptr) {
        zip_source_free(buffer);
        fail("zip_open_from_source");
    }
    zip_source_keep(buffer);
    // DOS dates start in 1980; a fixed date keeps the bytes reproducible.
    const std::time_t when =
        static_cast<std::time_t>(std::max(epoch.value_or(315532800LL), 315532800LL));
    for (const auto& [name, data] : entries) {
        zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
        zip_int64_t idx = s ? zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            if (s)
                zip_source_free(s);
            zip_error_set(&error, zip_error_code_zip(zip_get_error(za)), 0);
            zip_discard(za);
            zip_source_free(buffer);
            fail("zip_file_add " + name);
        }
        zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), when, 0);
    }
    if (zip_close(za) != 0) {
        zip_error_set(&error, zip_error_code_zip(zip_get_error(za)), 0);
        zip_discard(za);
        zip_source_free(buffer);
        fail("zip_close");
    }
    std::string out;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        zip_int64_t size = zip_source_tell(buffer);
        zip_source_seek(buffer, 0, SEEK_SET);
        out.resize(static_cast<size_t>(std::max<zip_int64_t>(size, 0)));
        zip_int64_t got = zip_source_read(buffer, out.data(), out.size());
        zip_source_close(buffer);
        if (got != size)
            out.clear();
    }
    zip_source_free(buffer);
    if (out.empty())
        throw Error("DOCX: could not read the package back from memory");
    return out;
}

}  // namespace par::pdf::docx
