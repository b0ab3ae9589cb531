// SPDX-License-Identifier: Apache-2.0
// WrappedListBox.hpp - a list whose items are long sentences (the notice's legal bases, strengths,
// area summaries): each item is numbered as `par-audit notice --remove LIST=N` counts it and wrapped
// to the control's width instead of being cut at its right edge as a wxListBox line would be.
#pragma once

#include <wx/arrstr.h>
#include <wx/vlbox.h>

namespace par::gui {

class WrappedListBox : public wxVListBox {
public:
    WrappedListBox(wxWindow* parent, const wxSize& minSize);

    // Replaces the items; keeps the selection when its index still exists.
    void setItems(const wxArrayString& items);
    const wxArrayString& items() const { return items_; }
    // Scrolls so that the last item ends at the bottom (after an item was added).
    void scrollToEnd();

protected:
    void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override;
    wxCoord OnMeasureItem(size_t n) const override;

private:
    wxArrayString lines(size_t n) const;
    int numberWidth() const;

    wxArrayString items_;
};

}  // namespace par::gui
