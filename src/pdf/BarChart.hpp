// SPDX-License-Identifier: Apache-2.0
// BarChart.hpp - a horizontal bar chart as document blocks, drawn by the engine as vector strokes:
// one band per item (label | bar over a grid of scale lines | value) and a scale row under them.
// Built only from existing blocks (Columns, a borderless-content Table for the grid, Rules of the
// bar's thickness for the bars), so the layout engine and the writer need no change; the bars are
// stroked paths, not images. Header-only so that it adds no source to par_pdf's build.
// replaceMarker() puts the chart where a template has a paragraph holding only a marker text.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/Document.hpp"

namespace par::pdf {

struct BarChartItem {
    std::string label;      // "1. UBND xã Ngọc Sơn"
    double value = 0;       // in scale units
    std::string valueText;  // "87,50"
};

struct BarChartSpec {
    std::vector<BarChartItem> items;
    double scaleMax = 100;
    int divisions = 4;                       // grid lines at 0, 25, 50, 75, 100
    std::vector<std::string> tickLabels;     // divisions + 1 labels; empty = the numbers
    std::vector<double> widths{30, 60, 10};  // label, bars, value (relative)
    double fontSize = 9;
    double barThickness = 7;
    double rowPadding = 2;  // above and below each bar
    double gridWidth = 0.3;
};

namespace detail {

inline Paragraph chartText(const std::string& text, Align align, double size, double left = 0,
                           double right = 0) {
    Paragraph p;
    p.runs.push_back({text, FontStyle::Regular});
    p.align = align;
    p.fontSize = size;
    p.leftIndent = left;
    p.rightIndent = right;
    return p;
}

// A cell of the grid: the part of the bar that falls in [from, to) of the scale.
inline BlockList barPiece(double value, double from, double to, const BarChartSpec& s) {
    BlockList b;
    b.push_back(Block::of(Spacer{0}));  // the first strip's space is not counted in a band
    double f = std::clamp((value - from) / (to - from), 0.0, 1.0);
    if (f > 0) {
        Rule r;
        r.width = f;
        r.align = Align::Left;
        r.thickness = s.barThickness;
        r.spaceBefore = s.rowPadding;
        r.spaceAfter = 0;
        b.push_back(Block::of(r));
        b.push_back(Block::of(Spacer{s.rowPadding}));
    } else {
        b.push_back(Block::of(Spacer{2 * s.rowPadding + s.barThickness}));
    }
    return b;
}

}  // namespace detail

inline BlockList barChart(const BarChartSpec& s) {
    BlockList out;
    const int n = std::max(1, s.divisions);
    const double step = s.scaleMax / n;
    for (const auto& item : s.items) {
        Table grid;  // one row of n cells: its borders are the scale lines, its content the bar
        grid.cellPadding = 0;
        grid.borderWidth = s.gridWidth;
        grid.columnWidths.assign(static_cast<size_t>(n), 1.0);
        TableRow row;
        for (int k = 0; k < n; ++k)
            row.cells.push_back({detail::barPiece(item.value, k * step, (k + 1) * step, s), 1});
        grid.rows.push_back(std::move(row));

        Columns band;
        band.widths = s.widths;
        band.columns.resize(3);
        band.columns[0].push_back(
            Block::of(detail::chartText(item.label, Align::Right, s.fontSize, 0, 6)));
        band.columns[1].push_back(Block::of(std::move(grid)));
        band.columns[2].push_back(
            Block::of(detail::chartText(item.valueText, Align::Left, s.fontSize, 4, 0)));
        out.push_back(Block::of(std::move(band)));
    }
    // The scale: labels centred under the grid lines (the outer ones flush with the ends).
    Columns ticks;
    std::vector<BlockList> cols;
    for (int k = 0; k <= n; ++k) {
        std::string label = static_cast<size_t>(k) < s.tickLabels.size()
                                ? s.tickLabels[static_cast<size_t>(k)]
                                : std::to_string(static_cast<int>(k * step + 0.5));
        Align a = k == 0 ? Align::Left : k == n ? Align::Right : Align::Center;
        ticks.widths.push_back(k == 0 || k == n ? 0.5 : 1.0);
        ticks.columns.push_back({Block::of(detail::chartText(label, a, s.fontSize - 1))});
    }
    Columns scale;
    scale.widths = s.widths;
    scale.columns.resize(3);
    scale.columns[1].push_back(Block::of(std::move(ticks)));
    scale.spaceBefore = 1;
    out.push_back(Block::of(std::move(scale)));
    return out;
}

// The same chart for the DOCX back end, which has no vector strokes in its text: one borderless
// table whose bar area is `resolution` narrow grid columns; each item's bar is a grey-filled cell
// spanning its value's share of them (Word draws and the user may edit it like any table). The
// scale row prints the tick values at the left of each division, the last at the right end.
inline Table barChartTable(const BarChartSpec& s, int resolution = 100) {
    const int n = std::max(1, s.divisions);
    resolution = std::max(resolution, n);
    Table t;
    t.borderWidth = 0;
    t.cellPadding = 0;
    t.spaceBefore = 2;
    t.spaceAfter = 4;
    t.columnWidths.push_back(s.widths.size() > 0 ? s.widths[0] : 30);
    const double bars = s.widths.size() > 1 ? s.widths[1] : 60;
    for (int k = 0; k < resolution; ++k)
        t.columnWidths.push_back(bars / resolution);
    t.columnWidths.push_back(s.widths.size() > 2 ? s.widths[2] : 10);
    auto text = [&](const std::string& str, Align a, double size, double left = 0, double right = 0) {
        BlockList b;
        Paragraph p = detail::chartText(str, a, size, left, right);
        p.role = ParaRole::Cell;
        p.spaceBefore = s.rowPadding;
        p.spaceAfter = s.rowPadding;
        b.push_back(Block::of(std::move(p)));
        return b;
    };
    for (const auto& item : s.items) {
        TableRow row;
        row.cells.push_back({text(item.label, Align::Right, s.fontSize, 0, 6), 1, 0});
        double f = s.scaleMax > 0 ? std::clamp(item.value / s.scaleMax, 0.0, 1.0) : 0;
        int filled = static_cast<int>(f * resolution + 0.5);
        if (filled > 0)
            row.cells.push_back({text("", Align::Left, s.fontSize), filled, 0.55});
        if (filled < resolution)
            row.cells.push_back({text("", Align::Left, s.fontSize), resolution - filled, 0});
        row.cells.push_back({text(item.valueText, Align::Left, s.fontSize, 4, 0), 1, 0});
        t.rows.push_back(std::move(row));
    }
    TableRow scale;
    scale.cells.push_back({text("", Align::Left, s.fontSize - 1), 1, 0});
    const double step = s.scaleMax / n;
    for (int k = 0; k <= n; ++k) {
        std::string label = static_cast<size_t>(k) < s.tickLabels.size()
                                ? s.tickLabels[static_cast<size_t>(k)]
                                : std::to_string(static_cast<int>(k * step + 0.5));
        if (k < n) {
            int span = resolution / n + (k + 1 == n ? resolution % n : 0);
            scale.cells.push_back({text(label, Align::Left, s.fontSize - 1), span, 0});
        } else {
            scale.cells.push_back({text(label, Align::Left, s.fontSize - 1), 1, 0});
        }
    }
    t.rows.push_back(std::move(scale));
    return t;
}

// Replaces, in every section, each top-level paragraph whose whole text is `marker` with `blocks`.
// Returns how many markers were replaced.
inline int replaceMarker(Document& doc, std::string_view marker, const BlockList& blocks) {
    int count = 0;
    for (auto& sec : doc.sections) {
        BlockList out;
        for (auto& b : sec.blocks) {
            bool isMarker = false;
            if (b.kind == Block::Kind::Paragraph) {
                std::string text;
                for (const auto& r : b.paragraph.runs)
                    text += r.text;
                isMarker = text == marker;
            }
            if (isMarker) {
                out.insert(out.end(), blocks.begin(), blocks.end());
                ++count;
            } else {
                out.push_back(std::move(b));
            }
        }
        sec.blocks = std::move(out);
    }
    return count;
}

}  // namespace par::pdf
