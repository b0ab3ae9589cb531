// SPDX-License-Identifier: Apache-2.0
// The DOCX back end on its own: the package's parts and relationships, the sections (A4, margins,
// orientation, a different first page, numbering from 1, a PAGE field in the other pages' header),
// lists as Word numbering, named styles, <columns> as borderless tables, the short rules, the draft
// mark and footer, the chart's grey bars, reproducible bytes. Read back with libzip and TinyXML-2.
#include <catch2/catch.hpp>

#include <tinyxml2.h>
#include <zip.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "PdfTestSupport.hpp"
#include "core/report/SampleData.hpp"
#include "pdf/BarChart.hpp"
#include "pdf/DocxMark.hpp"
#include "pdf/DocxWriter.hpp"
#include "pdf/Fonts.hpp"
#include "pdf/Template.hpp"

using namespace par;
using namespace par::pdf;
using tinyxml2::XMLElement;

namespace {

// The entries of a zip in memory, in their order.
std::vector<std::pair<std::string, std::string>> unzip(const std::string& bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    REQUIRE(src != nullptr);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    REQUIRE(z != nullptr);
    std::vector<std::pair<std::string, std::string>> out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        REQUIRE(zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) == 0);
        std::string data(static_cast<size_t>(st.size), '\0');
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        REQUIRE(f != nullptr);
        REQUIRE(zip_fread(f, data.data(), data.size()) == static_cast<zip_int64_t>(data.size()));
        zip_fclose(f);
        out.emplace_back(st.name, data);
    }
    zip_close(z);
    return out;
}

struct Package {
    std::map<std::string, std::string> parts;
    std::vector<std::string> order;
    explicit Package(const std::string& bytes) {
        for (auto& [name, data] : unzip(bytes)) {
            order.push_back(name);
            parts[name] = data;
        }
    }
    const std::string& part(const std::string& name) const {
        auto it = parts.find(name);
        INFO(name);
        REQUIRE(it != parts.end());
        return it->second;
    }
};

// Every element named `name` under `e`, depth first.
void collect(const XMLElement* e, const char* name, std::vector<const XMLElement*>& out) {
    for (const XMLElement* c = e->FirstChildElement(); c != nullptr; c = c->NextSiblingElement()) {
        if (std::string(c->Name()) == name)
            out.push_back(c);
        collect(c, name, out);
    }
}
std::vector<const XMLElement*> all(const tinyxml2::XMLDocument& d, const char* name) {
    std::vector<const XMLElement*> out;
    collect(d.RootElement(), name, out);
    return out;
}

void parse(tinyxml2::XMLDocument& d, const std::string& xml) {
    INFO(xml.substr(0, 200));
    REQUIRE(d.Parse(xml.data(), xml.size()) == tinyxml2::XML_SUCCESS);
}

std::string val(const XMLElement* e, const char* attr = "w:val") {
    const char* v = e ? e->Attribute(attr) : nullptr;
    return v ? v : "";
}

Document notice(size_t findings = 0) {
    return Template::load(test::templatePath("thong-bao-ket-luan.xml"))
        .render(report::sampleNoticeData(findings));
}

Paragraph para(const std::string& text, ParaRole role = ParaRole::Body) {
    Paragraph p;
    p.runs.push_back({text, FontStyle::Regular});
    p.role = role;
    return p;
}

}  // namespace

TEST_CASE("docx: the package's parts, content types and relationships", "[docx]") {
    DocxResult r = renderDocx(notice());
    Package pkg(r.docx);
    CHECK(pkg.order.front() == "[Content_Types].xml");
    for (const char* name :
         {"_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
          "word/settings.xml", "word/numbering.xml", "docProps/core.xml", "docProps/app.xml"})
        CHECK(pkg.parts.count(name) == 1);
    // Every part is well-formed XML; no part names Liberation Serif.
    for (const auto& [name, data] : pkg.parts) {
        INFO(name);
        tinyxml2::XMLDocument d;
        parse(d, data);
        CHECK(data.find("Liberation") == std::string::npos);
    }
    // Every relationship's target exists and has a content type.
    tinyxml2::XMLDocument rels, types;
    parse(rels, pkg.part("word/_rels/document.xml.rels"));
    parse(types, pkg.part("[Content_Types].xml"));
    std::set<std::string> overridden;
    for (const XMLElement* o : all(types, "Override"))
        overridden.insert(val(o, "PartName"));
    for (const XMLElement* rel : all(rels, "Relationship")) {
        std::string target = "word/" + val(rel, "Target");
        INFO(target);
        CHECK(pkg.parts.count(target) == 1);
        CHECK(overridden.count("/" + target) == 1);
    }
    // The title in Vietnamese, the fingerprint under the DOCX's own marker.
    const std::string& core = pkg.part("docProps/core.xml");
    CHECK_THAT(core, Catch::Contains("<dc:title>Thông báo kết luận kiểm tra 05/TB-SNV</dc:title>"));
    CHECK_THAT(core,
               Catch::Contains("par-audit-docx-sha256:") && !Catch::Contains("par-audit-sha256:"));
    CHECK(r.sections == 2);
}

TEST_CASE("docx: sections in Decree 30's terms", "[docx]") {
    Package pkg(renderDocx(notice()).docx);
    tinyxml2::XMLDocument d;
    parse(d, pkg.part("word/document.xml"));
    auto sects = all(d, "w:sectPr");
    REQUIRE(sects.size() == 2);
    // The notice's section closes in its last paragraph; the annex's is the body's last child.
    CHECK(std::string(sects[0]->Parent()->ToElement()->Name()) == "w:pPr");
    CHECK(std::string(sects[1]->Parent()->ToElement()->Name()) == "w:body");
    const XMLElement* sz0 = sects[0]->FirstChildElement("w:pgSz");
    const XMLElement* sz1 = sects[1]->FirstChildElement("w:pgSz");
    CHECK(val(sz0, "w:w") == "11906");
    CHECK(val(sz0, "w:h") == "16838");
    CHECK(val(sz0, "w:orient").empty());
    CHECK(val(sz1, "w:w") == "16838");
    CHECK(val(sz1, "w:h") == "11906");
    CHECK(val(sz1, "w:orient") == "landscape");
    std::set<std::string> headerIds;
    for (const XMLElement* s : sects) {
        const XMLElement* mar = s->FirstChildElement("w:pgMar");
        CHECK(val(mar, "w:top") == "1134");     // 20 mm
        CHECK(val(mar, "w:bottom") == "1134");  // 20 mm
        CHECK(val(mar, "w:left") == "1701");    // 30 mm
        CHECK(val(mar, "w:right") == "850");    // 15 mm
        CHECK(s->FirstChildElement("w:titlePg") != nullptr);
        CHECK(val(s->FirstChildElement("w:pgNumType"), "w:start") == "1");
        // Its own header parts: the first page's without a number, the others' with a PAGE field.
        tinyxml2::XMLDocument rels;
        parse(rels, pkg.part("word/_rels/document.xml.rels"));
        std::map<std::string, std::string> target;
        for (const XMLElement* rel : all(rels, "Relationship"))
            target[val(rel, "Id")] = val(rel, "Target");
        for (const XMLElement* h = s->FirstChildElement("w:headerReference"); h != nullptr;
             h = h->NextSiblingElement("w:headerReference")) {
            std::string id = val(h, "r:id");
            CHECK(headerIds.insert(id).second);
            const std::string& xml = pkg.part("word/" + target[id]);
            if (val(h, "w:type") == "first")
                CHECK_THAT(xml, !Catch::Contains("PAGE"));
            else
                CHECK_THAT(xml, Catch::Contains(
                                    "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
        }
    }
    CHECK(headerIds.size() == 4);
}

TEST_CASE("docx: lists are Word numbering, each list numbered on its own", "[docx]") {
    Document doc;
    doc.sections.emplace_back();
    for (int list = 0; list < 2; ++list)
        for (int k = 0; k < 2; ++k) {
            Paragraph p = para("item");
            p.role = ParaRole::ListItem;
            p.list = ListKind::Decimal;
            p.listId = 70 + list;
            p.listStart = list == 0 ? 1 : 3;
            p.label = std::to_string(p.listStart + k) + ".";
            doc.sections[0].blocks.push_back(Block::of(p));
        }
    Paragraph dash = para("dash");
    dash.list = ListKind::Dash;
    dash.listId = 90;
    dash.label = "-";
    doc.sections[0].blocks.push_back(Block::of(dash));
    Package pkg(renderDocx(doc).docx);
    tinyxml2::XMLDocument d, n;
    parse(d, pkg.part("word/document.xml"));
    parse(n, pkg.part("word/numbering.xml"));
    std::vector<std::string> ids;
    for (const XMLElement* numId : all(d, "w:numId"))
        ids.push_back(val(numId));
    CHECK(ids == std::vector<std::string>{"1", "1", "2", "2", "3"});
    auto nums = all(n, "w:num");
    REQUIRE(nums.size() == 3);
    CHECK(val(nums[0]->FirstChildElement("w:lvlOverride")->FirstChildElement("w:startOverride")) ==
          "1");
    CHECK(val(nums[1]->FirstChildElement("w:lvlOverride")->FirstChildElement("w:startOverride")) ==
          "3");
    // The labels come from the numbering, not from the text.
    CHECK_THAT(pkg.part("word/document.xml"), !Catch::Contains(">1.<") && !Catch::Contains(">-<"));
    CHECK_THAT(pkg.part("word/numbering.xml"), Catch::Contains("w:numFmt w:val=\"decimal\"") &&
                                                   Catch::Contains("w:lvlText w:val=\"-\""));
}

TEST_CASE("docx: named styles carry the common properties, paragraphs only their differences",
          "[docx]") {
    Package pkg(renderDocx(notice()).docx);
    const std::string& styles = pkg.part("word/styles.xml");
    for (const char* name :
         {"\"Normal\"", "\"heading 1\"", "\"Mục liệt kê\"", "\"Chữ trong bảng\"",
          "\"Khối thể thức\"", "\"Bảng có lưới\"", "\"Bảng bố cục (không viền)\""})
        CHECK_THAT(styles, Catch::Contains(std::string("<w:name w:val=") + name));
    CHECK_THAT(styles, Catch::Contains("w:ascii=\"Times New Roman\""));
    tinyxml2::XMLDocument s;
    parse(s, styles);
    // Normal: the notice's body: 13 pt, justified, first line 1.27 cm, 6 pt after.
    const XMLElement* normal = nullptr;
    for (const XMLElement* st : all(s, "w:style"))
        if (val(st, "w:styleId") == "Normal")
            normal = st;
    REQUIRE(normal != nullptr);
    CHECK(val(normal->FirstChildElement("w:pPr")->FirstChildElement("w:jc")) == "both");
    CHECK(val(normal->FirstChildElement("w:pPr")->FirstChildElement("w:ind"), "w:firstLine") ==
          "720");
    CHECK(val(normal->FirstChildElement("w:pPr")->FirstChildElement("w:spacing"), "w:after") ==
          "120");
    CHECK(val(normal->FirstChildElement("w:rPr")->FirstChildElement("w:sz")) == "26");
    // Most body paragraphs state no layout of their own.
    tinyxml2::XMLDocument d;
    parse(d, pkg.part("word/document.xml"));
    size_t bare = 0, body = 0;
    for (const XMLElement* p : all(d, "w:p")) {
        const XMLElement* pPr = p->FirstChildElement("w:pPr");
        if (pPr == nullptr || pPr->FirstChildElement("w:pStyle") != nullptr ||
            p->FirstChildElement("w:r") == nullptr)
            continue;
        ++body;
        bare +=
            pPr->FirstChildElement("w:jc") == nullptr && pPr->FirstChildElement("w:ind") == nullptr;
    }
    CHECK(body > 10);
    CHECK(bare * 2 > body);
}

TEST_CASE("docx: columns are borderless tables, the short rules bordered paragraphs", "[docx]") {
    Document doc;
    Section sec;
    Columns c;
    c.widths = {38, 62};
    Paragraph agency = para("SỞ NỘI VỤ", ParaRole::Block);
    agency.align = Align::Center;
    agency.ruleBelow = 0.45;
    c.columns = {{Block::of(agency)},
                 {Block::of(para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ParaRole::Block))}};
    sec.blocks.push_back(Block::of(c));
    sec.blocks.push_back(Block::of(c));  // two tables in a row: Word would merge them
    doc.sections.push_back(sec);
    Package pkg(renderDocx(doc).docx);
    tinyxml2::XMLDocument d;
    parse(d, pkg.part("word/document.xml"));
    auto tables = all(d, "w:tbl");
    REQUIRE(tables.size() == 2);
    CHECK(std::string(tables[0]->NextSiblingElement()->Name()) == "w:p");
    CHECK(val(tables[0]->FirstChildElement("w:tblPr")->FirstChildElement("w:tblStyle")) ==
          "ParLayoutTable");
    CHECK(tables[0]->FirstChildElement("w:tr")->FirstChildElement("w:trPr")->FirstChildElement(
        "w:cantSplit"));
    // The grid: 38:62 of the 165 mm text width (9354 twips).
    auto cols = all(d, "w:gridCol");
    REQUIRE(cols.size() == 4);
    CHECK(std::stoi(val(cols[0], "w:w")) + std::stoi(val(cols[1], "w:w")) == 9354);
    CHECK(std::abs(std::stoi(val(cols[0], "w:w")) - 3555) <= 1);
    // The rule: a paragraph with a bottom border, centred by equal indents, shorter than the text.
    auto borders = all(d, "w:pBdr");
    REQUIRE(borders.size() == 2);
    const XMLElement* ind = borders[0]->Parent()->FirstChildElement("w:ind");
    int left = std::stoi(val(ind, "w:left")), right = std::stoi(val(ind, "w:right"));
    int length = 3555 - left - right;
    CHECK(std::abs(left - right) <= 2);
    CHECK(length > 200);
    CHECK(length < 3555 / 2);
}

TEST_CASE("docx: draft mark in every header, footer on every page", "[docx]") {
    Document doc = notice();
    doc.mark = "DỰ THẢO";
    doc.footer = "Dự thảo — dữ liệu kiểm tra SHA-256 abc";
    Package pkg(renderDocx(doc).docx);
    int headers = 0, footers = 0;
    for (const auto& [name, xml] : pkg.parts) {
        if (name.rfind("word/header", 0) == 0) {
            ++headers;
            CHECK_THAT(xml, Catch::Contains("DỰ THẢO"));
        }
        if (name.rfind("word/footer", 0) == 0) {
            ++footers;
            CHECK_THAT(xml, Catch::Contains("SHA-256 abc"));
        }
    }
    CHECK(headers == 4);
    CHECK(footers >= 1);
    CHECK_THAT(pkg.part("word/document.xml"),
               Catch::Contains("w:footerReference w:type=\"first\""));
}

TEST_CASE("docx: the chart's bars are grey cells spanning the value's share", "[docx]") {
    BarChartSpec spec;
    spec.items = {{"1. UBND huyện A", 87.5, "87,50"},
                  {"2. UBND huyện B", 0, "0,00"},
                  {"3. UBND huyện C", 100, "100,00"}};
    Table t = barChartTable(spec);
    REQUIRE(t.rows.size() == 4);
    REQUIRE(t.columnWidths.size() == 102);
    for (const auto& row : t.rows) {
        int span = 0;
        for (const auto& c : row.cells)
            span += c.colSpan;
        CHECK(span == 102);
    }
    CHECK(t.rows[0].cells[1].colSpan == 88);
    CHECK(t.rows[0].cells[1].fill > 0);
    CHECK(t.rows[1].cells[1].fill == 0);  // no bar at 0
    CHECK(t.rows[2].cells[1].colSpan == 100);
    Document doc;
    doc.sections.emplace_back();
    doc.sections[0].blocks.push_back(Block::of(t));
    const std::string xml = Package(renderDocx(doc).docx).part("word/document.xml");
    CHECK_THAT(
        xml, Catch::Contains("<w:gridSpan w:val=\"88\"/>") && Catch::Contains("w:fill=\"737373\""));
}

TEST_CASE("docx: the same bytes for the same document and date", "[docx]") {
    DocxOptions o;
    o.sourceDateEpoch = 1543968000;
    Document doc = notice(40);
    std::string a = renderDocx(doc, o).docx, b = renderDocx(doc, o).docx;
    CHECK(a == b);
    CHECK_THAT(Package(a).part("docProps/core.xml"), Catch::Contains("2018-12-05T00:00:00Z"));
}

TEST_CASE("docx: a PDF printed from a par-audit DOCX is recognised in each spelling of the mark",
          "[docx]") {
    auto utf16 = [](const std::string& ascii, bool hex, bool upper) {
        std::string out;
        char buf[8];
        for (char c : ascii) {
            if (hex) {
                std::snprintf(buf, sizeof buf, upper ? "00%02X" : "00%02x",
                              static_cast<unsigned char>(c));
                out += buf;
            } else {
                out += '\0';
                out += c;
            }
        }
        return out;
    };
    const std::string mark = "par-audit-docx-sha256, 5f00";  // as LibreOffice writes the keywords
    CHECK(mentionsDocxMarker("/Keywords (" + mark + ")"));
    CHECK(mentionsDocxMarker("/Keywords <FEFF" + utf16(mark, true, true) + ">"));
    CHECK(mentionsDocxMarker("/Keywords <feff" + utf16(mark, true, false) + ">"));
    CHECK(mentionsDocxMarker("/Keywords (\xFE\xFF" + utf16(mark, false, false) + ")"));
    // par-audit's own PDF marker is not the DOCX's, nor is a near miss.
    CHECK_FALSE(mentionsDocxMarker("/Keywords (par-audit-sha256:5f00)"));
    CHECK_FALSE(mentionsDocxMarker("/Keywords (par-audit-docx-sha25)"));
}

// (session 9: Word broke the summary line first fit, "… hành chính tại UBND huyện / Quỳnh Lưu")
TEST_CASE("docx: a centred title carries the PDF's even line break", "[docx]") {
    // The break depends on the metrics: checked with the fonts the golden images use.
    if (findSerifFonts().family != "Liberation Serif") {
        WARN("the title's break is checked with Liberation Serif; skipped with " << findSerifFonts().family);
        return;
    }
    Package pkg(renderDocx(notice()).docx);
    const std::string& body = pkg.part("word/document.xml");
    CHECK_THAT(body, Catch::Contains("Kết luận kiểm tra công tác cải cách hành chính</w:t><w:br/>"
                                     "<w:t xml:space=\"preserve\">tại UBND huyện Quỳnh Lưu</w:t>"));
    // Ruled tables' cells are left to Word (its cell margins may differ a little): no break added.
    tinyxml2::XMLDocument d;
    parse(d, body);
    size_t ruled = 0;
    for (const XMLElement* tbl : all(d, "w:tbl")) {
        const XMLElement* style = tbl->FirstChildElement("w:tblPr")->FirstChildElement("w:tblStyle");
        if (val(style) != "ParTable")
            continue;
        ++ruled;
        std::vector<const XMLElement*> breaks;
        collect(tbl, "w:br", breaks);
        CHECK(breaks.empty());
    }
    CHECK(ruled > 0);
    // Justified paragraphs are left to Word: no break added inside them.
    CHECK_THAT(body, !Catch::Contains("Thực hiện Kế hoạch số 1234/KH-SNV ngày 15/10/2018 của Sở Nội vụ,</w:t><w:br/>"));
}
