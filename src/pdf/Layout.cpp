// SPDX-License-Identifier: Apache-2.0
#include "pdf/Layout.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "pdf/LineBreaker.hpp"

namespace par::pdf {

std::vector<double> scaledWidths(const std::vector<double>& weights, size_t n, double total) {
    std::vector<double> ws(n, 1.0);
    for (size_t i = 0; i < n && i < weights.size(); ++i)
        ws[i] = std::max(0.01, weights[i]);
    const double sum = std::accumulate(ws.begin(), ws.end(), 0.0);
    for (auto& v : ws)
        v = v / sum * total;
    return ws;
}

namespace {

constexpr double kEps = 0.01;

// One unbreakable horizontal band; y of its ops is relative to its top.
struct Strip {
    double height = 0;
    double spaceBefore = 0;  // dropped at the top of a page
    bool keepWithNext = false;
    bool pageBreakBefore = false;
    int table = -1;  // the table it is a row of
    bool header = false;
    std::vector<TextOp> texts;
    std::vector<LineOp> lines;
};

void append(Strip& into, const Strip& from, double dy) {
    for (auto t : from.texts) {
        t.baseline += dy;
        into.texts.push_back(std::move(t));
    }
    for (auto l : from.lines) {
        l.y1 += dy;
        l.y2 += dy;
        into.lines.push_back(l);
    }
}

// Height of strips stacked: the first one's space before is not counted.
double stackHeight(const std::vector<Strip>& strips, size_t from, size_t to) {
    double h = 0;
    for (size_t i = from; i < to; ++i)
        h += (i == from ? 0 : strips[i].spaceBefore) + strips[i].height;
    return h;
}

double spaceAfter(const Block& b) {
    switch (b.kind) {
        case Block::Kind::Paragraph:
            return b.paragraph.spaceAfter;
        case Block::Kind::Table:
            return b.table->spaceAfter;
        case Block::Kind::Columns:
            return b.columns->spaceAfter;
        case Block::Kind::Rule:
            return b.rule.spaceAfter;
        default:
            return 0;
    }
}

class StripBuilder {
public:
    StripBuilder(const TextMeasurer& m, double pageContentHeight)
        : m_(m), pageHeight_(pageContentHeight) {}

    // Lays blocks out in a box [x, x + w]; returns the space owed after the last one.
    double blocks(const BlockList& list, double x, double w, std::vector<Strip>& out) {
        double pending = 0;
        bool breakPending = false;
        for (const Block& b : list) {
            if (b.kind == Block::Kind::PageBreak) {
                breakPending = true;
                continue;
            }
            size_t first = out.size();
            double trailing = block(b, x, w, out);
            if (out.size() > first) {
                out[first].spaceBefore += pending;
                if (breakPending)
                    out[first].pageBreakBefore = true;
                breakPending = false;
                pending = 0;
            }
            pending += spaceAfter(b) + trailing;
        }
        return pending;
    }

    double headerHeight(int table) const {
        auto it = headers_.find(table);
        if (it == headers_.end())
            return 0;
        double h = 0;
        for (const auto& s : it->second)
            h += s.height;
        return h;
    }
    const std::vector<Strip>* headers(int table) const {
        auto it = headers_.find(table);
        return it == headers_.end() ? nullptr : &it->second;
    }

private:
    double block(const Block& b, double x, double w, std::vector<Strip>& out) {
        switch (b.kind) {
            case Block::Kind::Paragraph:
                paragraph(b.paragraph, x, w, out);
                return 0;
            case Block::Kind::Table:
                table(*b.table, x, w, out);
                return 0;
            case Block::Kind::Columns:
                columns(*b.columns, x, w, out);
                return 0;
            case Block::Kind::Rule:
                rule(b.rule, x, w, out);
                return 0;
            case Block::Kind::Spacer: {
                Strip s;
                s.spaceBefore = b.spacer.height;
                out.push_back(std::move(s));
                return 0;
            }
            case Block::Kind::KeepTogether: {
                size_t first = out.size();
                double trailing = blocks(b.keep->blocks, x, w, out);
                for (size_t i = first; i + 1 < out.size(); ++i)
                    out[i].keepWithNext = true;
                return trailing;
            }
            case Block::Kind::PageBreak:
                return 0;
        }
        return 0;
    }

    void paragraph(const Paragraph& p, double x, double w, std::vector<Strip>& out) {
        std::vector<Line> lines = breakLinesBalanced(p, m_, w);
        const double single = m_.lineHeight(p.fontSize);
        const double lh = single * std::max(1.0, p.lineSpacing);
        const double baseline = (lh - single) + m_.ascent(p.fontSize);
        const size_t n = lines.size();
        double widest = 0;
        double widestIndent = 0;
        for (size_t i = 0; i < n; ++i) {
            const Line& line = lines[i];
            Strip s;
            s.height = lh;
            s.spaceBefore = i == 0 ? p.spaceBefore : 0;
            bool widowOrphan = n >= 2 && (i == 0 || i + 2 == n);
            s.keepWithNext = i + 1 < n ? (p.keepTogether || widowOrphan) : p.keepWithNext;
            std::vector<double> xs = wordPositions(line, p.align);
            const bool merge =
                !(p.align == Align::Justify && !line.endsParagraph && !line.forcedBreak);
            bool open = false;  // the last TextOp may be extended by the next word
            for (size_t k = 0; k < line.words.size(); ++k) {
                const Word& word = line.words[k];
                double px = x + xs[k];
                for (size_t pi = 0; pi < word.pieces.size(); ++pi) {
                    const Piece& pc = word.pieces[pi];
                    if (merge && open && pi == 0 && s.texts.back().style == pc.style) {
                        s.texts.back().text += " " + pc.text;
                    } else {
                        s.texts.push_back({px, baseline, pc.text, pc.style, p.fontSize});
                    }
                    open = true;
                    px += pc.width;
                }
            }
            if (line.natural > widest) {
                widest = line.natural;
                widestIndent = xs.empty() ? 0 : xs.front();
            }
            out.push_back(std::move(s));
        }
        if (p.ruleBelow > 0 && !out.empty()) {
            Strip& last = out.back();
            double len = widest * std::min(1.0, p.ruleBelow);
            double cx = p.align == Align::Center
                            ? x + p.leftIndent + (w - p.leftIndent - p.rightIndent) / 2
                            : x + widestIndent + len / 2;
            double y = last.height + 2.5;
            last.lines.push_back({cx - len / 2, y, cx + len / 2, y, 0.6});
            last.height += 4.5;
        }
    }

    void rule(const Rule& r, double x, double w, std::vector<Strip>& out) {
        Strip s;
        s.spaceBefore = r.spaceBefore;
        s.height = r.thickness;
        double len = w * std::clamp(r.width, 0.0, 1.0);
        double x1 = r.align == Align::Center  ? x + (w - len) / 2
                    : r.align == Align::Right ? x + w - len
                                              : x;
        s.lines.push_back({x1, r.thickness / 2, x1 + len, r.thickness / 2, r.thickness});
        out.push_back(std::move(s));
    }

    void columns(const Columns& c, double x, double w, std::vector<Strip>& out) {
        std::vector<double> widths = scaledWidths(c.widths, c.columns.size(), w);
        std::vector<std::vector<Strip>> cols(c.columns.size());
        double cx = x;
        double height = 0;
        for (size_t i = 0; i < c.columns.size(); ++i) {
            blocks(c.columns[i], cx, widths[i], cols[i]);
            if (!cols[i].empty())
                height = std::max(height, stackHeight(cols[i], 0, cols[i].size()));
            cx += widths[i];
        }
        if (height > pageHeight_) {
            // Taller than a page: give up side by side rather than overflow the page.
            for (auto& col : cols)
                for (auto& s : col)
                    out.push_back(std::move(s));
            if (!out.empty())
                out.back().spaceBefore += c.spaceBefore;
            return;
        }
        Strip band;
        band.spaceBefore = c.spaceBefore;
        band.height = height;
        for (const auto& col : cols) {
            double y = 0;
            for (size_t i = 0; i < col.size(); ++i) {
                y += i == 0 ? 0 : col[i].spaceBefore;
                append(band, col[i], y);
                y += col[i].height;
            }
        }
        out.push_back(std::move(band));
    }

    void table(const Table& t, double x, double w, std::vector<Strip>& out) {
        const int id = nextTable_++;
        size_t ncols = t.columnWidths.size();
        for (const auto& r : t.rows) {
            size_t span = 0;
            for (const auto& c : r.cells)
                span += static_cast<size_t>(std::max(1, c.colSpan));
            ncols = std::max(ncols, span);
        }
        std::vector<double> widths = scaledWidths(t.columnWidths, ncols, w);
        std::vector<double> edges{x};
        for (double cw : widths)
            edges.push_back(edges.back() + cw);
        const double pad = t.cellPadding;
        bool firstStrip = true;
        for (const auto& row : t.rows) {
            // Each cell laid out as a stack of strips.
            struct CellBox {
                double x1, x2;
                std::vector<Strip> strips;
            };
            std::vector<CellBox> cells;
            size_t col = 0;
            for (const auto& cell : row.cells) {
                if (col >= ncols)
                    break;
                size_t span = std::min(static_cast<size_t>(std::max(1, cell.colSpan)), ncols - col);
                CellBox box{edges[col], edges[col + span], {}};
                blocks(cell.content, box.x1 + pad, std::max(1.0, box.x2 - box.x1 - 2 * pad),
                       box.strips);
                cells.push_back(std::move(box));
                col += span;
            }
            if (col < ncols)
                cells.push_back({edges[col], edges[ncols], {}});  // missing cells: empty
            double capacity = pageHeight_ - (row.header ? 0 : headerHeight(id)) - 2 * pad;
            capacity = std::max(capacity, pageHeight_ / 4);
            // Chunks of each cell's strips, each at most `capacity` high.
            std::vector<std::vector<std::pair<size_t, size_t>>> chunks(cells.size());
            size_t nChunks = 1;
            for (size_t ci = 0; ci < cells.size(); ++ci) {
                const auto& ss = cells[ci].strips;
                size_t start = 0;
                while (start < ss.size()) {
                    size_t end = start + 1;
                    while (end < ss.size() && stackHeight(ss, start, end + 1) <= capacity + kEps)
                        ++end;
                    chunks[ci].push_back({start, end});
                    start = end;
                }
                nChunks = std::max(nChunks, chunks[ci].size());
            }
            for (size_t k = 0; k < nChunks; ++k) {
                Strip s;
                s.table = id;
                s.header = row.header;
                s.keepWithNext = row.header;
                if (firstStrip)
                    s.spaceBefore = t.spaceBefore;
                firstStrip = false;
                double inner = 0;
                for (size_t ci = 0; ci < cells.size(); ++ci) {
                    if (k >= chunks[ci].size())
                        continue;
                    auto [from, to] = chunks[ci][k];
                    inner = std::max(inner, stackHeight(cells[ci].strips, from, to));
                    double y = pad;
                    for (size_t i = from; i < to; ++i) {
                        y += i == from ? 0 : cells[ci].strips[i].spaceBefore;
                        append(s, cells[ci].strips[i], y);
                        y += cells[ci].strips[i].height;
                    }
                }
                s.height = inner + 2 * pad;
                const double bw = t.borderWidth;
                s.lines.push_back({edges.front(), 0, edges.back(), 0, bw});
                s.lines.push_back({edges.front(), s.height, edges.back(), s.height, bw});
                s.lines.push_back({edges.front(), 0, edges.front(), s.height, bw});
                for (const auto& c : cells)
                    s.lines.push_back({c.x2, 0, c.x2, s.height, bw});
                if (row.header)
                    headers_[id].push_back(s);
                out.push_back(std::move(s));
            }
        }
    }

    const TextMeasurer& m_;
    double pageHeight_;
    int nextTable_ = 0;
    std::map<int, std::vector<Strip>> headers_;
};

class Paginator {
public:
    Paginator(const Section& s, int index, std::vector<PageLayout>& pages)
        : sec_(s), index_(index), pages_(pages) {
        landscape_ = s.orientation == Orientation::Landscape;
        width_ =
            landscape_ ? std::max(s.pageWidth, s.pageHeight) : std::min(s.pageWidth, s.pageHeight);
        height_ =
            landscape_ ? std::min(s.pageWidth, s.pageHeight) : std::max(s.pageWidth, s.pageHeight);
    }
    double contentWidth() const { return width_ - sec_.marginLeft - sec_.marginRight; }
    double contentHeight() const { return height_ - sec_.marginTop - sec_.marginBottom; }

    void run(const std::vector<Strip>& strips, const StripBuilder& builder) {
        const double bottom = height_ - sec_.marginBottom;
        newPage();
        for (size_t i = 0; i < strips.size(); ++i) {
            const Strip& s = strips[i];
            if (s.pageBreakBefore && !atTop_)
                newPage();
            double sb = atTop_ ? 0 : s.spaceBefore;
            double chain = s.height;  // without the space before
            for (size_t j = i;
                 strips[j].keepWithNext && j + 1 < strips.size() && !strips[j + 1].pageBreakBefore;
                 ++j)
                chain += strips[j + 1].spaceBefore + strips[j + 1].height;
            bool body = s.table >= 0 && !s.header;
            double fresh = contentHeight() - (body ? builder.headerHeight(s.table) : 0);
            bool fitsSelf = y_ + sb + s.height <= bottom + kEps;
            bool fitsChain = y_ + sb + chain <= bottom + kEps;
            if (!atTop_ && (!fitsSelf || (!fitsChain && chain <= fresh + kEps))) {
                newPage();
                sb = 0;
                if (body) {
                    if (const auto* hs = builder.headers(s.table))
                        for (const auto& h : *hs)
                            place(h, 0);
                }
            }
            place(s, sb);
        }
        finishSection();
    }

private:
    void newPage() {
        PageLayout p;
        p.width = width_;
        p.height = height_;
        p.section = index_;
        p.numberInSection = ++count_;
        pages_.push_back(std::move(p));
        y_ = sec_.marginTop;
        atTop_ = true;
    }

    void place(const Strip& s, double sb) {
        PageLayout& p = pages_.back();
        double top = y_ + sb;
        for (auto t : s.texts) {
            t.baseline += top;
            p.texts.push_back(std::move(t));
        }
        for (auto l : s.lines) {
            l.y1 += top;
            l.y2 += top;
            p.lines.push_back(l);
        }
        y_ = top + s.height;
        atTop_ = false;
    }

    void finishSection() {}

    const Section& sec_;
    int index_;
    std::vector<PageLayout>& pages_;
    bool landscape_ = false;
    double width_ = 0, height_ = 0;
    double y_ = 0;
    bool atTop_ = true;
    int count_ = 0;
};

}  // namespace

std::vector<PageLayout> layoutDocument(const Document& doc, const TextMeasurer& m) {
    std::vector<PageLayout> pages;
    for (size_t si = 0; si < doc.sections.size(); ++si) {
        const Section& sec = doc.sections[si];
        size_t firstPage = pages.size();
        Paginator pag(sec, static_cast<int>(si), pages);
        StripBuilder builder(m, pag.contentHeight());
        std::vector<Strip> strips;
        builder.blocks(sec.blocks, sec.marginLeft, pag.contentWidth(), strips);
        pag.run(strips, builder);
        for (size_t pi = firstPage; pi < pages.size(); ++pi) {
            PageLayout& p = pages[pi];
            const double left = sec.marginLeft;
            const double cw = p.width - sec.marginLeft - sec.marginRight;
            p.numbered = sec.pageNumbers && (p.numberInSection > 1 || sec.numberFirstPage);
            if (p.numbered) {
                std::string num = std::to_string(p.numberInSection);
                double nw = m.width(num, FontStyle::Regular, sec.pageNumberSize);
                p.texts.push_back({left + (cw - nw) / 2,
                                   sec.marginTop / 2 + sec.pageNumberSize * 0.35, num,
                                   FontStyle::Regular, sec.pageNumberSize});
            }
            if (!doc.mark.empty()) {
                double mw = m.width(doc.mark, FontStyle::Bold, doc.markSize);
                p.texts.push_back({std::max(left, left + cw - mw), sec.marginTop / 2 + doc.markSize * 0.35,
                                   doc.mark, FontStyle::Bold, doc.markSize});
            }
            if (!doc.footer.empty()) {
                double fw = m.width(doc.footer, FontStyle::Regular, doc.footerSize);
                p.texts.push_back({left + std::max(0.0, (cw - fw) / 2),
                                   p.height - sec.marginBottom / 2 + doc.footerSize * 0.35,
                                   doc.footer, FontStyle::Regular, doc.footerSize});
            }
        }
    }
    return pages;
}

}  // namespace par::pdf
