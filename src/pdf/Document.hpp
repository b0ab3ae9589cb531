// SPDX-License-Identifier: Apache-2.0
// Document.hpp - the document model the layout engine reads: sections of blocks (paragraphs of
// styled runs, lists, tables, rules, side-by-side columns, keep-together groups). Templates build
// it; nothing here knows about libharu. Lengths are in PostScript points (1 mm = 72 / 25.4 pt).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace par::pdf {

constexpr double kPointsPerMm = 72.0 / 25.4;
inline double mm(double v) {
    return v * kPointsPerMm;
}

enum class FontStyle { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };
inline FontStyle makeStyle(bool bold, bool italic) {
    return static_cast<FontStyle>((bold ? 1 : 0) | (italic ? 2 : 0));
}
inline bool isBold(FontStyle s) {
    return (static_cast<int>(s) & 1) != 0;
}
inline bool isItalic(FontStyle s) {
    return (static_cast<int>(s) & 2) != 0;
}

// A stretch of text in one style. `text` is NFC UTF-8; white space separates words, "\n" forces a
// line break.
struct Run {
    std::string text;
    FontStyle style = FontStyle::Regular;
};

enum class Align { Left, Center, Right, Justify };

// What a paragraph is in the template (<p>, <h>, <item>, a cell's text, a paragraph of <columns>).
// The PDF engine ignores it; the DOCX back end gives each role a named style.
enum class ParaRole { Body, Heading, ListItem, Cell, Block };

// The list an <item> belongs to: its numbering kind and which <list> (items of one list share an
// id, unique within a process). The PDF engine prints `label`; the DOCX back end makes Word
// numbering of it.
enum class ListKind { None, Decimal, Alpha, Roman, Bullet, Dash, Plus };

struct Paragraph {
    std::vector<Run> runs;
    Align align = Align::Justify;
    double fontSize = 13;
    double lineSpacing = 1.0;  // multiple of single spacing
    double firstIndent = 0;    // first line, added to leftIndent
    double leftIndent = 0;
    double rightIndent = 0;
    double spaceBefore = 0;
    double spaceAfter = 0;
    bool keepWithNext = false;  // headings: never last on a page
    bool keepTogether = false;  // never split across pages
    // A solid rule under the paragraph, `ruleBelow` times the width of its widest line, centred
    // under the text (Decree 30: 1/3 to 1/2 of the text above). 0 = none.
    double ruleBelow = 0;
    // List label drawn in the first-line indent ("1.", "-", "a)"), hanging at leftIndent -
    // labelGap.
    std::string label;
    ParaRole role = ParaRole::Body;
    ListKind list = ListKind::None;
    int listId = 0;
    int listStart = 1;
};

struct Block;
using BlockList = std::vector<Block>;

struct TableCell {
    BlockList content;  // paragraphs (usually one)
    int colSpan = 1;
    // Grey fill, 0 (none) to 1 (black). Only the DOCX back end paints it (its bar chart); the PDF
    // engine draws its chart with rules.
    double fill = 0;
};

struct TableRow {
    std::vector<TableCell> cells;
    bool header = false;  // repeated at the top of each page the table continues on
};

struct Table {
    std::vector<double> columnWidths;  // relative weights; scaled to the text width
    std::vector<TableRow> rows;
    double cellPadding = 3;
    double borderWidth = 0.5;
    double spaceBefore = 0;
    double spaceAfter = 0;
};

// Side-by-side columns laid out as one unbreakable band (the page-1 header, the closing block).
struct Columns {
    std::vector<double> widths;  // relative weights
    std::vector<BlockList> columns;
    double spaceBefore = 0;
    double spaceAfter = 0;
};

// A horizontal rule across `width` (fraction of the text width), aligned like a paragraph.
struct Rule {
    double width = 1.0;
    Align align = Align::Center;
    double thickness = 0.5;
    double spaceBefore = 2;
    double spaceAfter = 2;
};

struct Spacer {
    double height = 0;
};

struct PageBreak {};

// Blocks kept on one page when they fit on one (the signature block).
struct KeepTogether {
    BlockList blocks;
};

struct Block {
    enum class Kind { Paragraph, Table, Columns, Rule, Spacer, PageBreak, KeepTogether };
    Kind kind = Kind::Paragraph;
    Paragraph paragraph;
    std::shared_ptr<Table> table;
    std::shared_ptr<Columns> columns;
    Rule rule;
    Spacer spacer;
    std::shared_ptr<KeepTogether> keep;

    static Block of(Paragraph p) {
        Block b;
        b.kind = Kind::Paragraph;
        b.paragraph = std::move(p);
        return b;
    }
    static Block of(Table t) {
        Block b;
        b.kind = Kind::Table;
        b.table = std::make_shared<Table>(std::move(t));
        return b;
    }
    static Block of(Columns c) {
        Block b;
        b.kind = Kind::Columns;
        b.columns = std::make_shared<Columns>(std::move(c));
        return b;
    }
    static Block of(Rule r) {
        Block b;
        b.kind = Kind::Rule;
        b.rule = r;
        return b;
    }
    static Block of(Spacer s) {
        Block b;
        b.kind = Kind::Spacer;
        b.spacer = s;
        return b;
    }
    static Block of(PageBreak) {
        Block b;
        b.kind = Kind::PageBreak;
        return b;
    }
    static Block of(KeepTogether k) {
        Block b;
        b.kind = Kind::KeepTogether;
        b.keep = std::make_shared<KeepTogether>(std::move(k));
        return b;
    }
};

enum class Orientation { Portrait, Landscape };

// A run of pages with one geometry and one page numbering (the notice; each annex on its own).
struct Section {
    Orientation orientation = Orientation::Portrait;
    double pageWidth = mm(210);  // of the portrait page; swapped for landscape
    double pageHeight = mm(297);
    double marginTop = mm(20);
    double marginBottom = mm(20);
    double marginLeft = mm(30);
    double marginRight = mm(15);
    bool pageNumbers = true;
    bool numberFirstPage = false;  // Decree 30: no number on page 1
    double pageNumberSize = 13;
    BlockList blocks;
};

struct Document {
    std::vector<Section> sections;
    // Metadata, UTF-8 (written as UTF-16BE text strings: Vietnamese keeps its diacritics).
    std::string title;
    std::string subject;
    std::string author;
    std::string keywords;
    // A small line at the bottom of every page (the fingerprint of the audit); empty = none.
    std::string footer;
    double footerSize = 7;
    // A word in bold at the top right of every page ("DỰ THẢO" on a draft); empty = none.
    std::string mark;
    double markSize = 13;
    // The signer's name as printed under the signature space (a notice's signature block): the
    // writer records the space above it in the Info dictionary for `par-audit sign`. Empty = none.
    std::string signer;
};

}  // namespace par::pdf
