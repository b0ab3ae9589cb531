// SPDX-License-Identifier: Apache-2.0
#include "gui/StepListPanel.hpp"

#include <wx/control.h>
#include <wx/dcclient.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/GuiUtil.hpp"

namespace par::gui {

using par::wizard::StepStatus;

namespace {
// Wide enough for most section titles of the shipped forms at the default font.
constexpr int kListWidth = 390;
}  // namespace

StepListPanel::StepListPanel(wxWindow* parent, std::function<void(size_t)> onPick)
    : wxPanel(parent), onPick_(std::move(onPick)) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("S&teps")), 0, wxALL, 6);
    list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(kListWidth, -1));
    top->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    marks_ = statusMarks(*list_);
    auto* legend = new wxStaticText(this, wxID_ANY, marks_.complete + " " + _("complete") + "   " +
                                                        marks_.incomplete + " " + _("incomplete") + "   " +
                                                        marks_.errors + " " + _("errors"));
    legend->SetFont(legend->GetFont().Smaller());
    top->Add(legend, 0, wxALL, 6);
    SetSizer(top);
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        if (!updating_ && e.GetSelection() != wxNOT_FOUND) onPick_(static_cast<size_t>(e.GetSelection()));
    });
    list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { fit(); });
    });
    // The whole title of the line under the mouse, shortened or not.
    list_->Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
        e.Skip();
        int i = list_->HitTest(e.GetPosition());
        if (i == tipShown_) return;
        tipShown_ = i;
        if (i == wxNOT_FOUND || static_cast<size_t>(i) >= lines_.size()) list_->UnsetToolTip();
        else list_->SetToolTip(fullText(static_cast<size_t>(i)));
    });
}

wxString StepListPanel::fullText(size_t step) const {
    if (step >= lines_.size()) return {};
    const auto& l = lines_[step];
    return l[0] + l[1] + l[2];
}

wxString StepListPanel::shownText(size_t step) const {
    return step < list_->GetCount() ? list_->GetString(static_cast<unsigned>(step)) : wxString();
}

void StepListPanel::update(const std::vector<par::wizard::Step>& steps, size_t current) {
    lines_.clear();
    for (const auto& s : steps) {
        const wxString mark = (s.status == StepStatus::Complete     ? marks_.complete
                               : s.status == StepStatus::Incomplete ? marks_.incomplete
                                                                    : marks_.errors) +
                              " ";
        wxString counts;
        if (s.errors > 0) counts = wxString::Format(" (%s)", wxString::Format(wxPLURAL("%zu error", "%zu errors", s.errors), s.errors));
        else if (s.missing > 0)
            counts = wxString::Format(" (%s)", wxString::Format(wxPLURAL("%zu missing", "%zu missing", s.missing), s.missing));
        lines_.push_back({mark, wx(s.title), counts});
    }
    updating_ = true;
    fit();
    list_->SetSelection(static_cast<int>(current));
    updating_ = false;
    tipShown_ = -2;
}

void StepListPanel::fit() {
    // Room for the text: the list's client width less the row padding GTK draws.
    int width = list_->GetClientSize().x - 16;
    if (width < 80) width = kListWidth - 24;
    wxClientDC dc(list_);
    dc.SetFont(list_->GetFont());
    wxArrayString items;
    for (const auto& l : lines_) {
        int fixed = dc.GetTextExtent(l[0] + l[2]).x;
        wxString title = wxControl::Ellipsize(l[1], dc, wxELLIPSIZE_END, std::max(40, width - fixed));
        items.Add(l[0] + title + l[2]);
    }
    bool wasUpdating = updating_;
    updating_ = true;
    int sel = list_->GetSelection();
    if (list_->GetCount() != items.size()) {
        list_->Set(items);
    } else {
        for (unsigned i = 0; i < items.size(); ++i)
            if (list_->GetString(i) != items[i]) list_->SetString(i, items[i]);
    }
    if (sel != wxNOT_FOUND && static_cast<size_t>(sel) < items.size()) list_->SetSelection(sel);
    updating_ = wasUpdating;
}

}  // namespace par::gui
