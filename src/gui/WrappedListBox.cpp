// SPDX-License-Identifier: Apache-2.0
#include "gui/WrappedListBox.hpp"

#include <wx/dc.h>
#include <wx/settings.h>
#include <wx/textwrapper.h>

namespace par::gui {

namespace {
constexpr int kPad = 4;

class LineCollector : public wxTextWrapper {
public:
    wxArrayString lines;

protected:
    void OnOutputLine(const wxString& line) override { lines.Add(line); }
};
}  // namespace

WrappedListBox::WrappedListBox(wxWindow* parent, const wxSize& minSize)
    : wxVListBox(parent, wxID_ANY, wxDefaultPosition, minSize, wxBORDER_THEME) {
    SetMinSize(minSize);
    SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
    // Heights depend on the width: measured again after every resize.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        RefreshAll();
        e.Skip();
    });
}

void WrappedListBox::setItems(const wxArrayString& items) {
    int sel = GetSelection();
    items_ = items;
    SetItemCount(items_.size());
    SetSelection(sel != wxNOT_FOUND && sel < static_cast<int>(items_.size()) ? sel : wxNOT_FOUND);
    RefreshAll();
}

void WrappedListBox::scrollToEnd() {
    size_t first = items_.size();
    int room = GetClientSize().y;
    while (first > 0) {
        int h = OnMeasureItem(first - 1);
        if (h > room && first < items_.size()) break;
        room -= h;
        --first;
    }
    if (first < items_.size()) ScrollToRow(first);
}

int WrappedListBox::numberWidth() const { return GetTextExtent(wxString::Format("%zu.", items_.size())).x + 2 * kPad; }

wxArrayString WrappedListBox::lines(size_t n) const {
    int width = GetClientSize().x - numberWidth() - 2 * kPad;
    LineCollector c;
    c.Wrap(const_cast<WrappedListBox*>(this), items_[n], width > 50 ? width : 50);
    if (c.lines.empty()) c.lines.Add("");
    return c.lines;
}

wxCoord WrappedListBox::OnMeasureItem(size_t n) const {
    return static_cast<wxCoord>(lines(n).size()) * GetCharHeight() + 2 * kPad;
}

void WrappedListBox::OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const {
    dc.SetFont(GetFont());
    dc.SetTextForeground(IsSelected(n) ? wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT)
                                       : wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT));
    int x = rect.x + kPad;
    int y = rect.y + kPad;
    dc.DrawText(wxString::Format("%zu.", n + 1), x, y);
    x += numberWidth();
    for (const auto& line : lines(n)) {
        dc.DrawText(line, x, y);
        y += GetCharHeight();
    }
}

}  // namespace par::gui
