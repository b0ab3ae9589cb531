// SPDX-License-Identifier: Apache-2.0
// ChartPanel.hpp - a bar chart of rates (0-100 %), shapes drawn with wxGraphicsContext, texts with the DC: one bar per entry of
// a par::wizard::RateBar series (vertical bars, or horizontal ones for long labels such as unit names,
// the panel then growing with the number of bars), the value above each bar in the message language's format
// ("87,5%"), a grid at 0, 25, 50, 75 and 100 %, a title and both axes labelled. Entries without
// data (nothing resolved) are drawn as an empty slot with "—". The series is the page state's; the
// panel only draws it.
#pragma once

#include <wx/colour.h>
#include <wx/font.h>
#include <wx/panel.h>

class wxDC;
class wxGraphicsContext;

#include <vector>

#include "core/wizard/DossierPageState.hpp"

namespace par::gui {

class ChartPanel : public wxPanel {
public:
    // `category` titles the axis of the bars' labels, `value` the axis of the rates.
    ChartPanel(wxWindow* parent, const wxString& title, const wxString& category, const wxString& value,
               bool horizontal = false);
    void setSeries(std::vector<par::wizard::RateBar> bars);
    // Rate drawn as a reference line (the form's 95 % target), or < 0 for none.
    void setTarget(double rate, const wxString& label);

private:
    void paint();
    void paintShapes(wxGraphicsContext& gc);
    // Text goes through these: the font is set on the context (for measuring) and remembered; the
    // text is drawn with the DC after the shapes (paint()).
    void setFont(wxGraphicsContext& gc, const wxFont& font, const wxColour& colour);
    void drawText(const wxString& text, double x, double y, double angle = 0);
    void textExtent(const wxString& text, double* w, double* h) const;  // in the current font
    // Shortens a label with "…" until it fits `room` pixels.
    wxString fitted(wxString label, double room) const;
    void paintVertical(wxGraphicsContext& gc, const wxSize& size, double top);
    void paintHorizontal(wxGraphicsContext& gc, const wxSize& size, double top);

    wxString title_, category_, value_, targetLabel_;
    bool horizontal_ = false;
    double target_ = -1;
    std::vector<par::wizard::RateBar> bars_;
    struct Text {
        wxString text;
        wxFont font;
        wxColour colour;
        double x, y, angle;
    };
    std::vector<Text> texts_;
    wxDC* dc_ = nullptr;  // while painting
    wxFont font_;
    wxColour colour_;
};

}  // namespace par::gui
