// SPDX-License-Identifier: Apache-2.0
#include "gui/ChartPanel.hpp"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "gui/GuiUtil.hpp"

namespace par::gui {

using par::wizard::DossierPageState;

namespace {
const wxColour kInk(40, 40, 40), kGrid(215, 215, 215), kBar(46, 110, 180), kLow(200, 90, 40);
constexpr double kRowHeight = 22;    // horizontal bars
constexpr double kLabelWidth = 250;  // horizontal bars: room for the unit names

wxString valueText(const par::wizard::RateBar& b) {
    return b.hasData() ? wx(DossierPageState::formatPercent(b.rate)) : wxString::FromUTF8("—");
}

}  // namespace

ChartPanel::ChartPanel(wxWindow* parent, const wxString& title, const wxString& category, const wxString& value,
                       bool horizontal)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, 300), wxFULL_REPAINT_ON_RESIZE),
      title_(title), category_(category), value_(value), horizontal_(horizontal) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(420, 300));
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
}

void ChartPanel::setSeries(std::vector<par::wizard::RateBar> bars) {
    bars_ = std::move(bars);
    if (horizontal_)
        SetMinSize(wxSize(420, static_cast<int>(90 + kRowHeight * static_cast<double>(std::max<size_t>(bars_.size(), 3)))));
    Refresh();
}

void ChartPanel::setTarget(double rate, const wxString& label) {
    target_ = rate;
    targetLabel_ = label;
    Refresh();
}

void ChartPanel::setFont(wxGraphicsContext& gc, const wxFont& font, const wxColour& colour) {
    gc.SetFont(font, colour);
    font_ = font;
    colour_ = colour;
}

void ChartPanel::textExtent(const wxString& text, double* w, double* h) const {
    wxCoord x = 0, y = 0;
    dc_->GetTextExtent(text, &x, &y, nullptr, nullptr, &font_);
    *w = x;
    *h = y;
}

wxString ChartPanel::fitted(wxString label, double room) const {
    double w = 0, h = 0;
    textExtent(label, &w, &h);
    while (w > room && label.length() > 4) {
        label = label.Left(label.length() - 2) + wxString::FromUTF8("…");
        textExtent(label, &w, &h);
    }
    return label;
}

void ChartPanel::drawText(const wxString& text, double x, double y, double angle) {
    texts_.push_back({text, font_, colour_, x, y, angle});
}

void ChartPanel::paint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    texts_.clear();
    dc_ = &dc;
    {
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (!gc) return;
        paintShapes(*gc);
    }
    // The texts with the DC itself (measured with it too), over the shapes, once the graphics
    // context is gone: under Wine the GDI+ context draws no text at all (the labels were missing
    // on Windows builds), and its measures differ from the DC's.
    for (const auto& t : texts_) {
        dc.SetFont(t.font);
        dc.SetTextForeground(t.colour);
        const wxPoint at(static_cast<int>(std::lround(t.x)), static_cast<int>(std::lround(t.y)));
        if (t.angle == 0) dc.DrawText(t.text, at);
        else dc.DrawRotatedText(t.text, at, t.angle * 180 / M_PI);
    }
    dc_ = nullptr;
}

void ChartPanel::paintShapes(wxGraphicsContext& gcRef) {
    wxGraphicsContext* gc = &gcRef;
    const wxSize size = GetClientSize();
    double tw = 0, th = 0;
    setFont(*gc, GetFont().Bold(), kInk);
    textExtent(title_, &tw, &th);
    drawText(title_, (size.x - tw) / 2, 4);
    // The target's legend at the top right: "- - 95 %".
    if (target_ >= 0) {
        setFont(*gc, GetFont().Smaller(), kLow);
        double w = 0, h = 0;
        textExtent(targetLabel_, &w, &h);
        drawText(targetLabel_, size.x - 12 - w, 6);
        gc->SetPen(wxPen(kLow, 1, wxPENSTYLE_SHORT_DASH));
        gc->StrokeLine(size.x - 12 - w - 30, 6 + h / 2, size.x - 16 - w, 6 + h / 2);
    }
    const double top = 14 + th + 8;
    if (bars_.empty()) {
        setFont(*gc, GetFont(), kInk);
        wxString none = _("No data yet: import a file.");
        textExtent(none, &tw, &th);
        drawText(none, (size.x - tw) / 2, size.y / 2 - th / 2);
        return;
    }
    if (horizontal_) paintHorizontal(*gc, size, top);
    else paintVertical(*gc, size, top);
}

void ChartPanel::paintVertical(wxGraphicsContext& gc, const wxSize& size, double top) {
    const wxFont small = GetFont().Smaller();
    const double left = 62, right = size.x - 14, bottom = size.y - 46;
    if (right - left < 40 || bottom - top < 40) return;
    auto yOf = [&](double rate) { return bottom - rate * (bottom - top); };
    double tw = 0, th = 0;
    setFont(gc, small, kInk);
    for (int pct = 0; pct <= 100; pct += 25) {
        double y = yOf(pct / 100.0);
        gc.SetPen(wxPen(kGrid, 1));
        gc.StrokeLine(left, y, right, y);
        wxString label = wx(DossierPageState::formatPercent(pct / 100.0));
        textExtent(label, &tw, &th);
        drawText(label, left - 6 - tw, y - th / 2);
    }
    textExtent(value_, &tw, &th);
    drawText(value_, 2, (top + bottom) / 2 + tw / 2, M_PI / 2);
    textExtent(category_, &tw, &th);
    drawText(category_, left + (right - left - tw) / 2, size.y - th - 4);
    gc.SetPen(wxPen(kInk, 1));
    gc.StrokeLine(left, top, left, bottom);
    gc.StrokeLine(left, bottom, right, bottom);
    if (target_ >= 0) {
        gc.SetPen(wxPen(kLow, 1, wxPENSTYLE_SHORT_DASH));
        gc.StrokeLine(left, yOf(target_), right, yOf(target_));
    }

    const double slot = (right - left) / static_cast<double>(bars_.size());
    const double barWidth = std::max(4.0, std::min(60.0, slot * 0.62));
    for (size_t i = 0; i < bars_.size(); ++i) {
        const auto& b = bars_[i];
        const double cx = left + slot * (static_cast<double>(i) + 0.5);
        double barTop = bottom;
        if (b.hasData()) {
            barTop = yOf(b.rate);
            gc.SetBrush(wxBrush(target_ >= 0 && b.rate < target_ ? kLow : kBar));
            gc.SetPen(*wxTRANSPARENT_PEN);
            gc.DrawRectangle(cx - barWidth / 2, barTop, barWidth, bottom - barTop);
        }
        setFont(gc, small, kInk);
        wxString value = valueText(b);
        textExtent(value, &tw, &th);
        if (tw < slot) drawText(value, cx - tw / 2, barTop - th - 2);
        wxString label = fitted(wx(b.label), slot - 2);
        textExtent(label, &tw, &th);
        drawText(label, cx - tw / 2, bottom + 4);
    }
}

void ChartPanel::paintHorizontal(wxGraphicsContext& gc, const wxSize& size, double top) {
    const wxFont small = GetFont().Smaller();
    double tw = 0, th = 0;
    setFont(gc, small, kInk);
    // The category axis title above the labels, the value axis title under the plot.
    textExtent(category_, &tw, &th);
    drawText(category_, 8, top - 4);
    top += th;
    const double left = kLabelWidth + 12, right = size.x - 60;
    const double bottom = top + kRowHeight * static_cast<double>(bars_.size());
    if (right - left < 60) return;
    auto xOf = [&](double rate) { return left + rate * (right - left); };
    for (int pct = 0; pct <= 100; pct += 25) {
        double x = xOf(pct / 100.0);
        gc.SetPen(wxPen(kGrid, 1));
        gc.StrokeLine(x, top, x, bottom);
        wxString label = wx(DossierPageState::formatPercent(pct / 100.0));
        textExtent(label, &tw, &th);
        drawText(label, x - tw / 2, bottom + 4);
    }
    textExtent(value_, &tw, &th);
    drawText(value_, left + (right - left - tw) / 2, bottom + 6 + th);
    gc.SetPen(wxPen(kInk, 1));
    gc.StrokeLine(left, top, left, bottom);
    gc.StrokeLine(left, bottom, right, bottom);
    if (target_ >= 0) {
        gc.SetPen(wxPen(kLow, 1, wxPENSTYLE_SHORT_DASH));
        gc.StrokeLine(xOf(target_), top, xOf(target_), bottom);
    }
    const double barHeight = kRowHeight * 0.66;
    for (size_t i = 0; i < bars_.size(); ++i) {
        const auto& b = bars_[i];
        const double cy = top + kRowHeight * (static_cast<double>(i) + 0.5);
        double barEnd = left;
        if (b.hasData()) {
            barEnd = xOf(b.rate);
            gc.SetBrush(wxBrush(target_ >= 0 && b.rate < target_ ? kLow : kBar));
            gc.SetPen(*wxTRANSPARENT_PEN);
            gc.DrawRectangle(left, cy - barHeight / 2, barEnd - left, barHeight);
        }
        setFont(gc, small, kInk);
        wxString label = fitted(wx(b.label), kLabelWidth - 4);
        textExtent(label, &tw, &th);
        drawText(label, left - 8 - tw, cy - th / 2);
        wxString value = valueText(b);
        textExtent(value, &tw, &th);
        drawText(value, barEnd + 4, cy - th / 2);
    }
}

}  // namespace par::gui
