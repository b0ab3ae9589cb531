#include "gui/StepListPanel.hpp"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/GuiUtil.hpp"

namespace par::gui {

using par::wizard::StepStatus;

StepListPanel::StepListPanel(wxWindow* parent, std::function<void(size_t)> onPick)
    : wxPanel(parent), onPick_(std::move(onPick)) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("S&teps")), 0, wxALL, 6);
    list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(330, -1));
    top->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    auto* legend = new wxStaticText(this, wxID_ANY, wxString::FromUTF8("✓ ") + _("complete") +
                                                        wxString::FromUTF8("   ○ ") + _("incomplete") +
                                                        wxString::FromUTF8("   ✗ ") + _("errors"));
    legend->SetFont(legend->GetFont().Smaller());
    top->Add(legend, 0, wxALL, 6);
    SetSizer(top);
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        if (!updating_ && e.GetSelection() != wxNOT_FOUND) onPick_(static_cast<size_t>(e.GetSelection()));
    });
}

void StepListPanel::update(const std::vector<par::wizard::Step>& steps, size_t current) {
    updating_ = true;
    wxArrayString items;
    for (const auto& s : steps) {
        wxString mark = wxString::FromUTF8(s.status == StepStatus::Complete     ? "✓ "
                                           : s.status == StepStatus::Incomplete ? "○ "
                                                                                : "✗ ");
        wxString text = mark + wx(s.title);
        if (s.errors > 0) text += wxString::Format(" (%s)", wxString::Format(wxPLURAL("%zu error", "%zu errors", s.errors), s.errors));
        else if (s.missing > 0)
            text += wxString::Format(" (%s)", wxString::Format(wxPLURAL("%zu missing", "%zu missing", s.missing), s.missing));
        items.Add(text);
    }
    if (list_->GetCount() != items.size()) {
        list_->Set(items);
    } else {
        for (unsigned i = 0; i < items.size(); ++i)
            if (list_->GetString(i) != items[i]) list_->SetString(i, items[i]);
    }
    list_->SetSelection(static_cast<int>(current));
    updating_ = false;
}

}  // namespace par::gui
