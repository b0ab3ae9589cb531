// SPDX-License-Identifier: Apache-2.0
// DocxParts.hpp - the parts of a DOCX package other than the body, for DocxWriter: styles (one
// named paragraph style per role, two table styles), numbering (one Word list per template list),
// settings, the core and app properties, content types and relationships, and the zip container
// (libzip, in memory, fixed entry order and dates so the bytes are reproducible). Internal to
// par_pdf.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pdf/Document.hpp"

namespace tinyxml2 {
class XMLElement;
}

namespace par::pdf::docx {

// Twentieths of a point (Word's "dxa"), half points (font sizes), eighths of a point (borders).
int twips(double points);
int halfPoints(double points);
int eighths(double points);

// The paragraph properties a style sets, or a paragraph sets directly when it differs.
struct ParaProps {
    Align align = Align::Justify;
    double size = 13;
    double firstIndent = 0, leftIndent = 0, rightIndent = 0;
    double spaceBefore = 0, spaceAfter = 0;
    double lineSpacing = 1;
    bool operator==(const ParaProps& o) const;
    bool operator<(const ParaProps& o) const;
};
ParaProps propsOf(const Paragraph& p);

// Appends <w:spacing>, <w:ind> and <w:jc> to a <w:pPr> for what differs from `base` (a style's
// properties; nullptr: all of them).
void appendLayout(tinyxml2::XMLElement* pPr, const ParaProps& p, const ParaProps* base);

struct StyleDef {
    ParaRole role = ParaRole::Body;
    std::string id;    // "Normal", "Heading1", "ParListItem", …
    std::string name;  // what Word shows: "Normal", "heading 1", "Mục liệt kê", …
    ParaProps props;   // the most common properties of the role's paragraphs in the document
    bool bold = false;
    bool keepNext = false;
};

// One style per role, with the properties most of that role's paragraphs have.
std::vector<StyleDef> chooseStyles(const Document& doc);

struct ListDef {
    int numId = 0;  // 1-based, as numbering.xml and <w:numPr> call it
    ListKind kind = ListKind::Decimal;
    int start = 1;
};

struct HeaderFooterPart {
    std::string file;  // "header1.xml", "footer1.xml"
    bool footer = false;
    std::string xml;
    std::string relId;  // in document.xml.rels
};

std::string stylesXml(const std::vector<StyleDef>& styles);
std::string numberingXml(const std::vector<ListDef>& lists);
std::string settingsXml();
std::string coreXml(const Document& doc, const std::string& keywords,
                    std::optional<long long> epoch);
std::string appXml();
std::string contentTypesXml(const std::vector<HeaderFooterPart>& parts);
std::string packageRelsXml();
std::string documentRelsXml(const std::vector<HeaderFooterPart>& parts);

// The zip container: entries in the order given, stored with `epoch` (or 1980-01-01) as their date.
std::string zipPackage(const std::vector<std::pair<std::string, std::string>>& entries,
                       std::optional<long long> epoch);

// A new child element <name>, and one with w:val="val" (the usual form of a WordprocessingML property).
tinyxml2::XMLElement* add(tinyxml2::XMLElement* parent, const char* name);
tinyxml2::XMLElement* add(tinyxml2::XMLElement* parent, const char* name, const std::string& val);

// The namespaces of WordprocessingML's main parts.
constexpr const char* kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kNsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

}  // namespace par::pdf::docx
