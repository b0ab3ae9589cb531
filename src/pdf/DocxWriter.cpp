// SPDX-License-Identifier: Apache-2.0
#include "pdf/DocxWriter.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <numeric>

#include "core/common/Error.hpp"
#include "pdf/DocxParts.hpp"
#include "pdf/Fonts.hpp"
#include "pdf/Layout.hpp"
#include "pdf/LineBreaker.hpp"
#include "pdf/PdfWriter.hpp"

namespace par::pdf {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;
using namespace docx;

namespace {

XMLElement* addWidth(XMLElement* parent, const char* name, int w) {
    XMLElement* e = add(parent, name);
    e->SetAttribute("w:w", w);
    e->SetAttribute("w:type", "dxa");
    return e;
}

std::string print(XMLDocument& doc) {
    tinyxml2::XMLPrinter printer(nullptr, true);
    doc.Print(&printer);
    return std::string(printer.CStr(), static_cast<size_t>(printer.CStrSize() - 1));
}

// Text in a run: <w:t xml:space="preserve">, a "\n" as <w:br/>.
void addText(XMLElement* r, const std::string& text) {
    size_t from = 0;
    while (from <= text.size()) {
        size_t nl = text.find('\n', from);
        std::string piece =
            text.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
        if (!piece.empty()) {
            XMLElement* t = add(r, "w:t");
            t->SetAttribute("xml:space", "preserve");
            t->SetText(piece.c_str());
        }
        if (nl == std::string::npos)
            break;
        add(r, "w:br");
        from = nl + 1;
    }
}


// Rounds each column to whole twips so that the grid adds up to the rounded total.
std::vector<int> twipWidths(const std::vector<double>& widths) {
    std::vector<int> out;
    double acc = 0;
    int done = 0;
    for (double w : widths) {
        acc += w;
        int edge = twips(acc);
        out.push_back(std::max(1, edge - done));
        done = edge;
    }
    return out;
}

class BodyWriter {
public:
    int inTable_ = 0;  // depth of ruled tables being written (not <columns>)

    BodyWriter(const Document& doc, const TextMeasurer* m) : doc_(doc), m_(m) {
        styles_ = chooseStyles(doc);
        root_ = xml_.NewElement("w:document");
        xml_.InsertEndChild(
            xml_.NewDeclaration(R"(xml version="1.0" encoding="UTF-8" standalone="yes")"));
        xml_.InsertEndChild(root_);
        root_->SetAttribute("xmlns:w", kNsW);
        root_->SetAttribute("xmlns:r", kNsR);
        body_ = add(root_, "w:body");
    }

    void write() {
        for (size_t i = 0; i < doc_.sections.size(); ++i)
            section(doc_.sections[i], i + 1 == doc_.sections.size());
    }

    std::string documentXml() { return print(xml_); }
    const std::vector<StyleDef>& styles() const { return styles_; }
    const std::vector<ListDef>& lists() const { return lists_; }
    const std::vector<HeaderFooterPart>& parts() const { return parts_; }
    size_t paragraphs = 0;
    size_t tables = 0;

private:
    const StyleDef& style(ParaRole role) const {
        for (const auto& s : styles_)
            if (s.role == role)
                return s;
        return styles_.front();
    }

    int numFor(const Paragraph& p) {
        auto it = numIds_.find(p.listId);
        if (it != numIds_.end())
            return it->second;
        ListDef l;
        l.numId = static_cast<int>(lists_.size()) + 1;
        l.kind = p.list;
        l.start = p.listStart;
        lists_.push_back(l);
        numIds_[p.listId] = l.numId;
        return l.numId;
    }

    // The widest line of the paragraph as the PDF engine breaks it (Word's breaks are alike: the
    // same metrics, first fit); without the fonts, an estimate.
    double textWidth(const Paragraph& p, double width) const {
        if (m_ != nullptr) {
            double widest = 0;
            for (const Line& l : breakLinesBalanced(p, *m_, width))
                widest = std::max(widest, l.natural);
            return widest;
        }
        double widest = 0, line = 0;
        for (const auto& r : p.runs) {
            size_t from = 0;
            while (true) {
                size_t nl = r.text.find('\n', from);
                std::string piece =
                    r.text.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
                line += 0.5 * p.fontSize * static_cast<double>(piece.size());
                if (nl == std::string::npos)
                    break;
                widest = std::max(widest, line);
                line = 0;
                from = nl + 1;
            }
        }
        return std::max(widest, line);
    }

    // An empty paragraph of exactly `height` points: vertical space, or a rule drawn as its bottom
    // border between the indents (the short rules of Decree 30).
    XMLElement* gap(XMLElement* parent, double height, double after = 0, double ruleLeft = -1,
                    double ruleRight = 0, double thickness = 0, bool keepNext = false) {
        XMLElement* p = add(parent, "w:p");
        XMLElement* pPr = add(p, "w:pPr");
        if (keepNext)
            add(pPr, "w:keepNext");
        if (ruleLeft >= 0) {
            XMLElement* b = add(add(pPr, "w:pBdr"), "w:bottom", "single");
            b->SetAttribute("w:sz", eighths(thickness));
            b->SetAttribute("w:space", 0);
            b->SetAttribute("w:color", "000000");
        }
        XMLElement* sp = add(pPr, "w:spacing");
        sp->SetAttribute("w:before", 0);
        sp->SetAttribute("w:after", twips(after));
        sp->SetAttribute("w:line", std::max(twips(height), 20));
        sp->SetAttribute("w:lineRule", "exact");
        XMLElement* ind = add(pPr, "w:ind");
        ind->SetAttribute("w:left", twips(std::max(0.0, ruleLeft)));
        ind->SetAttribute("w:right", twips(ruleRight));
        ind->SetAttribute("w:firstLine", 0);
        XMLElement* rPr = add(pPr, "w:rPr");
        add(rPr, "w:sz", "2");
        add(rPr, "w:szCs", "2");
        return p;
    }

    // A centred paragraph as the PDF engine breaks it (breakLinesBalanced): Word breaks lines first
    // fit with the same metrics, which would leave "… tại UBND xã Ngọc / Sơn"; the even breaks are
    // written as line breaks (the Shift+Enter a clerk would type), and stay editable. Unchanged when
    // first fit already breaks there, without the fonts, or with a label or forced breaks.
    Paragraph withEvenBreaks(const Paragraph& para, double width) const {
        // Not in a ruled table's cells: Word's cell margins may leave a little less room than
        // the PDF engine's, and a forced break there could make a line wrap twice; the header's
        // columns (borderless, no padding) are taken.
        if (m_ == nullptr || para.align != Align::Center || !para.label.empty() || inTable_ > 0)
            return para;
        for (const auto& r : para.runs)
            if (r.text.find('\n') != std::string::npos)
                return para;
        const std::vector<Line> even = breakLinesBalanced(para, *m_, width);
        const std::vector<Line> first = breakLines(para, *m_, width);
        if (even.size() < 2 || even.size() != first.size())
            return para;
        std::vector<size_t> breaks;  // after how many words each new line starts
        bool same = true;
        size_t words = 0;
        for (size_t i = 0; i + 1 < even.size(); ++i) {
            words += even[i].words.size();
            breaks.push_back(words);
        }
        words = 0;
        for (size_t i = 0; i + 1 < first.size(); ++i) {
            words += first[i].words.size();
            same = same && words == breaks[i];
        }
        if (same)
            return para;
        Paragraph out = para;
        size_t count = 0, next = 0;
        bool inWord = false, dropping = false;
        for (auto& r : out.runs) {
            std::string text;
            for (char c : r.text) {
                const bool space = c == ' ' || c == '\t' || c == '\r';
                if (space) {
                    if (inWord && next < breaks.size() && count == breaks[next]) {
                        text += '\n';
                        ++next;
                        dropping = true;
                    } else if (!dropping) {
                        text += c;
                    }
                    inWord = false;
                    continue;
                }
                if (!inWord)
                    ++count;
                inWord = true;
                dropping = false;
                text += c;
            }
            r.text = std::move(text);
        }
        return out;
    }

    void paragraph(XMLElement* parent, const Paragraph& given, double width, bool keep) {
        const Paragraph para = withEvenBreaks(given, width);
        ++paragraphs;
        const StyleDef& st = style(para.role);
        XMLElement* p = add(parent, "w:p");
        XMLElement* pPr = add(p, "w:pPr");
        if (st.id != "Normal")
            add(pPr, "w:pStyle", st.id);
        bool keepNext = para.keepWithNext || keep;
        if (keepNext != st.keepNext)
            keepNext ? (void)add(pPr, "w:keepNext") : (void)add(pPr, "w:keepNext", "0");
        if (para.keepTogether)
            add(pPr, "w:keepLines");
        if (pageBreak_) {
            add(pPr, "w:pageBreakBefore");
            pageBreak_ = false;
        }
        if (para.list != ListKind::None) {
            XMLElement* numPr = add(pPr, "w:numPr");
            add(numPr, "w:ilvl", "0");
            add(numPr, "w:numId", std::to_string(numFor(para)));
        }
        ParaProps props = propsOf(para);
        if (para.ruleBelow > 0)
            props.spaceAfter = 0;  // after the rule
        appendLayout(pPr, props, &st.props);
        if (halfPoints(para.fontSize) != halfPoints(st.props.size)) {
            XMLElement* rPr = add(pPr, "w:rPr");
            add(rPr, "w:sz", std::to_string(halfPoints(para.fontSize)));
            add(rPr, "w:szCs", std::to_string(halfPoints(para.fontSize)));
        }
        auto run = [&](const std::string& text, FontStyle fs) {
            XMLElement* r = add(p, "w:r");
            XMLElement* rPr = add(r, "w:rPr");
            if (isBold(fs) != st.bold) {
                isBold(fs) ? (void)add(rPr, "w:b") : (void)add(rPr, "w:b", "0");
                isBold(fs) ? (void)add(rPr, "w:bCs") : (void)add(rPr, "w:bCs", "0");
            }
            if (isItalic(fs)) {
                add(rPr, "w:i");
                add(rPr, "w:iCs");
            }
            if (halfPoints(para.fontSize) != halfPoints(st.props.size)) {
                add(rPr, "w:sz", std::to_string(halfPoints(para.fontSize)));
                add(rPr, "w:szCs", std::to_string(halfPoints(para.fontSize)));
            }
            if (rPr->NoChildren())
                r->DeleteChild(rPr);
            addText(r, text);
        };
        if (para.list == ListKind::None && !para.label.empty())
            run(para.label + " ", para.runs.empty() ? FontStyle::Regular : para.runs.front().style);
        for (const auto& r : para.runs)
            run(r.text, r.style);
        if (para.ruleBelow > 0) {
            double avail = std::max(1.0, width - para.leftIndent - para.rightIndent);
            double len = std::min(textWidth(para, width), avail) * std::min(1.0, para.ruleBelow);
            double left = para.align == Align::Center
                              ? para.leftIndent + (avail - len) / 2
                              : para.leftIndent + std::max(0.0, para.firstIndent);
            gap(parent, 2.5, para.spaceAfter, left, std::max(0.0, width - left - len), 0.6,
                keepNext);
        }
    }

    // A table; `layout` for <columns> (no borders, no padding, never split).
    void table(XMLElement* parent, const Table& t, double width, bool keep, bool layout) {
        ++tables;
        size_t ncols = t.columnWidths.size();
        for (const auto& r : t.rows) {
            size_t span = 0;
            for (const auto& c : r.cells)
                span += static_cast<size_t>(std::max(1, c.colSpan));
            ncols = std::max(ncols, span);
        }
        ncols = std::max<size_t>(ncols, 1);
        std::vector<int> grid = twipWidths(scaledWidths(t.columnWidths, ncols, width));
        XMLElement* tbl = add(parent, "w:tbl");
        XMLElement* tblPr = add(tbl, "w:tblPr");
        add(tblPr, "w:tblStyle", layout || t.borderWidth <= 0 ? "ParLayoutTable" : "ParTable");
        addWidth(tblPr, "w:tblW", std::accumulate(grid.begin(), grid.end(), 0));
        addWidth(tblPr, "w:tblInd", 0);
        if (!layout && t.borderWidth > 0 && eighths(t.borderWidth) != 4) {
            XMLElement* borders = add(tblPr, "w:tblBorders");
            for (const char* side :
                 {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
                XMLElement* b = add(borders, side, "single");
                b->SetAttribute("w:sz", eighths(t.borderWidth));
                b->SetAttribute("w:space", 0);
                b->SetAttribute("w:color", "000000");
            }
        }
        add(tblPr, "w:tblLayout")->SetAttribute("w:type", "fixed");
        XMLElement* mar = add(tblPr, "w:tblCellMar");
        const double pad = layout ? 0 : t.cellPadding;
        for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"})
            addWidth(mar, side, twips(pad));
        XMLElement* tblGrid = add(tbl, "w:tblGrid");
        for (int w : grid)
            addWidth(tblGrid, "w:gridCol", w);
        for (const auto& row : t.rows) {
            XMLElement* tr = add(tbl, "w:tr");
            XMLElement* trPr = add(tr, "w:trPr");
            // As the PDF engine: a row moves whole to the next page (Word still cuts one taller
            // than a page).
            add(trPr, "w:cantSplit");
            if (row.header)
                add(trPr, "w:tblHeader");
            if (trPr->NoChildren())
                tr->DeleteChild(trPr);
            size_t col = 0;
            auto cellOf = [&](const TableCell* cell) {
                size_t span =
                    cell ? std::min(static_cast<size_t>(std::max(1, cell->colSpan)), ncols - col)
                         : 1;
                int w = 0;
                for (size_t k = col; k < col + span; ++k)
                    w += grid[k];
                XMLElement* tc = add(tr, "w:tc");
                XMLElement* tcPr = add(tc, "w:tcPr");
                addWidth(tcPr, "w:tcW", w);
                if (span > 1)
                    add(tcPr, "w:gridSpan", std::to_string(span));
                if (cell && cell->fill > 0) {
                    int grey =
                        static_cast<int>(std::lround(255 * (1 - std::clamp(cell->fill, 0.0, 1.0))));
                    char hex[8];
                    std::snprintf(hex, sizeof hex, "%02X%02X%02X", grey, grey, grey);
                    XMLElement* shd = add(tcPr, "w:shd", "clear");
                    shd->SetAttribute("w:color", "auto");
                    shd->SetAttribute("w:fill", hex);
                }
                if (cell)
                    blocks(tc, cell->content, std::max(1.0, w / 20.0 - 2 * pad), keep);
                const XMLElement* last = tc->LastChildElement();
                if (last == nullptr || std::string(last->Name()) != "w:p")
                    add(tc, "w:p");  // a cell ends with a paragraph
                col += span;
            };
            for (const auto& cell : row.cells) {
                if (col >= ncols)
                    break;
                cellOf(&cell);
            }
            while (col < ncols)
                cellOf(nullptr);  // missing cells: empty
        }
    }

    void blocks(XMLElement* parent, const BlockList& list, double width, bool keep) {
        bool lastWasTable = false;
        for (size_t i = 0; i < list.size(); ++i) {
            const Block& b = list[i];
            bool keepThis = keep && i + 1 < list.size();
            switch (b.kind) {
                case Block::Kind::Paragraph:
                    paragraph(parent, b.paragraph, width, keepThis);
                    lastWasTable = false;
                    break;
                case Block::Kind::Table:
                case Block::Kind::Columns: {
                    double before = b.kind == Block::Kind::Table ? b.table->spaceBefore
                                                                 : b.columns->spaceBefore;
                    double after =
                        b.kind == Block::Kind::Table ? b.table->spaceAfter : b.columns->spaceAfter;
                    // Two tables in a row would merge into one in Word: a paragraph between.
                    if (before >= 0.5 || lastWasTable || pageBreak_)
                        breakOrGap(parent, std::max(before, 1.0), keep);
                    if (b.kind == Block::Kind::Table) {
                        ++inTable_;
                        table(parent, *b.table, width, keep, false);
                        --inTable_;
                    } else {
                        Table t;
                        t.columnWidths = b.columns->widths;
                        TableRow row;
                        for (const auto& col : b.columns->columns)
                            row.cells.push_back({col, 1, 0});
                        t.rows.push_back(std::move(row));
                        table(parent, t, width, keep || keepThis, true);
                    }
                    lastWasTable = true;
                    if (after >= 0.5) {
                        gap(parent, after, 0, -1, 0, 0, keepThis);
                        lastWasTable = false;
                    }
                    break;
                }
                case Block::Kind::Rule: {
                    const Rule& r = b.rule;
                    double len = width * std::clamp(r.width, 0.0, 1.0);
                    double left = r.align == Align::Center  ? (width - len) / 2
                                  : r.align == Align::Right ? width - len
                                                            : 0;
                    gap(parent, std::max(1.0, r.spaceBefore), r.spaceAfter, left,
                        std::max(0.0, width - left - len), r.thickness, keepThis);
                    lastWasTable = false;
                    break;
                }
                case Block::Kind::Spacer:
                    if (b.spacer.height >= 0.5) {
                        gap(parent, b.spacer.height, 0, -1, 0, 0, keepThis);
                        lastWasTable = false;
                    }
                    break;
                case Block::Kind::PageBreak:
                    pageBreak_ = true;
                    break;
                case Block::Kind::KeepTogether:
                    blocks(parent, b.keep->blocks, width, true);
                    lastWasTable = false;
                    if (!b.keep->blocks.empty() &&
                        b.keep->blocks.back().kind != Block::Kind::Paragraph) {
                        lastWasTable = true;
                    }
                    break;
            }
        }
    }

    void breakOrGap(XMLElement* parent, double height, bool keep) {
        XMLElement* p = gap(parent, height, 0, -1, 0, 0, keep);
        if (pageBreak_) {
            XMLElement* pPr = p->FirstChildElement("w:pPr");
            XMLElement* pb = xml_.NewElement("w:pageBreakBefore");
            XMLElement* after = pPr->FirstChildElement("w:keepNext");
            after ? pPr->InsertAfterChild(after, pb) : pPr->InsertFirstChild(pb);
            pageBreak_ = false;
        }
    }

    std::string headerFooter(const Section& s, bool footer, bool first) {
        XMLDocument d;
        d.InsertEndChild(
            d.NewDeclaration(R"(xml version="1.0" encoding="UTF-8" standalone="yes")"));
        XMLElement* root = d.NewElement(footer ? "w:ftr" : "w:hdr");
        d.InsertEndChild(root);
        root->SetAttribute("xmlns:w", kNsW);
        root->SetAttribute("xmlns:r", kNsR);
        XMLElement* p = add(root, "w:p");
        XMLElement* pPr = add(p, "w:pPr");
        add(pPr, "w:pStyle", footer ? "Footer" : "Header");
        const double textWidth =
            (s.orientation == Orientation::Landscape ? s.pageHeight : s.pageWidth) - s.marginLeft -
            s.marginRight;
        auto runProps = [&](XMLElement* r, double size, bool bold) {
            XMLElement* rPr = add(r, "w:rPr");
            if (bold)
                add(rPr, "w:b");
            add(rPr, "w:sz", std::to_string(halfPoints(size)));
            add(rPr, "w:szCs", std::to_string(halfPoints(size)));
        };
        if (footer) {
            XMLElement* r = add(p, "w:r");
            runProps(r, doc_.footerSize, false);
            addText(r, doc_.footer);
            return print(d);
        }
        XMLElement* tabs = add(pPr, "w:tabs");
        XMLElement* c = add(tabs, "w:tab", "center");
        c->SetAttribute("w:pos", twips(textWidth / 2));
        XMLElement* rt = add(tabs, "w:tab", "right");
        rt->SetAttribute("w:pos", twips(textWidth));
        add(pPr, "w:jc", "left");
        XMLElement* rPr = add(pPr, "w:rPr");
        add(rPr, "w:sz", std::to_string(halfPoints(s.pageNumberSize)));
        if (s.pageNumbers && !first) {
            XMLElement* t = add(p, "w:r");
            add(t, "w:tab");
            auto fld = [&](const char* type) {
                XMLElement* r = add(p, "w:r");
                runProps(r, s.pageNumberSize, false);
                add(r, "w:fldChar")->SetAttribute("w:fldCharType", type);
            };
            fld("begin");
            XMLElement* instr = add(p, "w:r");
            runProps(instr, s.pageNumberSize, false);
            XMLElement* it = add(instr, "w:instrText");
            it->SetAttribute("xml:space", "preserve");
            it->SetText(" PAGE ");
            fld("separate");
            XMLElement* shown = add(p, "w:r");
            runProps(shown, s.pageNumberSize, false);
            add(shown, "w:t")->SetText("2");
            fld("end");
        }
        if (!doc_.mark.empty()) {
            XMLElement* r = add(p, "w:r");
            if (!(s.pageNumbers && !first))
                add(r, "w:tab");
            add(r, "w:tab");
            XMLElement* m = add(p, "w:r");
            runProps(m, doc_.markSize, true);
            addText(m, doc_.mark);
        }
        return print(d);
    }

    std::string newPart(const Section& s, bool footer, bool first) {
        HeaderFooterPart part;
        part.footer = footer;
        int n = 1;
        for (const auto& p : parts_)
            n += p.footer == footer ? 1 : 0;
        part.file = std::string(footer ? "footer" : "header") + std::to_string(n) + ".xml";
        part.relId = "rId" + std::to_string(10 + parts_.size());
        part.xml = headerFooter(s, footer, first);
        parts_.push_back(part);
        return part.relId;
    }

    void section(const Section& s, bool last) {
        const bool landscape = s.orientation == Orientation::Landscape;
        const double pageW = landscape ? s.pageHeight : s.pageWidth;
        const double pageH = landscape ? s.pageWidth : s.pageHeight;
        blocks(body_, s.blocks, pageW - s.marginLeft - s.marginRight, false);
        XMLElement* holder = body_;
        if (!last) {
            XMLElement* lastChild = body_->LastChildElement();
            if (lastChild == nullptr || std::string(lastChild->Name()) != "w:p")
                lastChild = gap(body_, 1);
            XMLElement* pPr = lastChild->FirstChildElement("w:pPr");
            if (pPr == nullptr)
                pPr = lastChild->InsertFirstChild(xml_.NewElement("w:pPr"))->ToElement();
            holder = pPr;
        }
        XMLElement* sp = add(holder, "w:sectPr");
        const bool titlePg = !s.numberFirstPage;
        auto ref = [&](const char* kind, const char* type, const std::string& id) {
            XMLElement* e = add(sp, kind);
            e->SetAttribute("w:type", type);
            e->SetAttribute("r:id", id.c_str());
        };
        // Every section names its own parts: without them Word carries the previous section's over.
        ref("w:headerReference", "default", newPart(s, false, false));
        if (titlePg)
            ref("w:headerReference", "first", newPart(s, false, true));
        if (!doc_.footer.empty()) {
            std::string f = newPart(s, true, false);
            ref("w:footerReference", "default", f);
            if (titlePg)
                ref("w:footerReference", "first", f);
        }
        add(sp, "w:type", "nextPage");
        XMLElement* pgSz = add(sp, "w:pgSz");
        pgSz->SetAttribute("w:w", twips(pageW));
        pgSz->SetAttribute("w:h", twips(pageH));
        if (landscape)
            pgSz->SetAttribute("w:orient", "landscape");
        XMLElement* mar = add(sp, "w:pgMar");
        mar->SetAttribute("w:top", twips(s.marginTop));
        mar->SetAttribute("w:right", twips(s.marginRight));
        mar->SetAttribute("w:bottom", twips(s.marginBottom));
        mar->SetAttribute("w:left", twips(s.marginLeft));
        mar->SetAttribute("w:header", twips(s.marginTop * 0.45));
        mar->SetAttribute("w:footer", twips(s.marginBottom * 0.4));
        mar->SetAttribute("w:gutter", 0);
        add(sp, "w:pgNumType")->SetAttribute("w:start", 1);
        if (titlePg)
            add(sp, "w:titlePg");
    }

    const Document& doc_;
    const TextMeasurer* m_;
    XMLDocument xml_;
    XMLElement* root_ = nullptr;
    XMLElement* body_ = nullptr;
    std::vector<StyleDef> styles_;
    std::vector<ListDef> lists_;
    std::map<int, int> numIds_;
    std::vector<HeaderFooterPart> parts_;
    bool pageBreak_ = false;
};

std::string docxKeywords(const std::string& keywords) {
    // The PDF's marker becomes the DOCX's: see kDocxFingerprintMarker.
    const std::string pdfMarker = "par-audit-sha256:";
    std::string out = keywords;
    for (size_t at = out.find(pdfMarker); at != std::string::npos;
         at = out.find(pdfMarker, at + 1)) {
        out.replace(at, pdfMarker.size(), kDocxFingerprintMarker);
        at += std::string(kDocxFingerprintMarker).size() - 1;
    }
    return out;
}

}  // namespace

DocxResult renderDocx(const Document& doc, const DocxOptions& options) {
    // The real metrics size the short rules under the agency name, the motto and the summary, and
    // place the even line breaks of centred paragraphs; without the fonts an estimate sizes the
    // rules and Word breaks every line.
    std::unique_ptr<HaruFonts> fonts;
    try {
        fonts = std::make_unique<HaruFonts>(findSerifFonts());
    } catch (const Error&) {
        fonts.reset();
    }
    BodyWriter w(doc, fonts.get());
    w.write();
    const auto epoch =
        options.sourceDateEpoch ? options.sourceDateEpoch : sourceDateEpochFromEnvironment();
    std::vector<std::pair<std::string, std::string>> entries;
    entries.emplace_back("[Content_Types].xml", contentTypesXml(w.parts()));
    entries.emplace_back("_rels/.rels", packageRelsXml());
    entries.emplace_back("word/document.xml", w.documentXml());
    entries.emplace_back("word/_rels/document.xml.rels", documentRelsXml(w.parts()));
    entries.emplace_back("word/styles.xml", stylesXml(w.styles()));
    entries.emplace_back("word/settings.xml", settingsXml());
    entries.emplace_back("word/numbering.xml", numberingXml(w.lists()));
    for (const auto& p : w.parts())
        entries.emplace_back("word/" + p.file, p.xml);
    entries.emplace_back("docProps/core.xml", coreXml(doc, docxKeywords(doc.keywords), epoch));
    entries.emplace_back("docProps/app.xml", appXml());
    DocxResult r;
    r.docx = zipPackage(entries, epoch);
    r.sections = doc.sections.size();
    r.paragraphs = w.paragraphs;
    r.tables = w.tables;
    return r;
}

}  // namespace par::pdf
