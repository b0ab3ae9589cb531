// SPDX-License-Identifier: Apache-2.0
// ScorePage.hpp - the score page: the audit's score per section (points, penalties, maximum, share,
// part of the total) and in total, the band, and the band scale with the warning that the shipped
// scale is an EXAMPLE, not a regulation. Recomputed whenever the page is shown after a change.
// The logic is par::wizard::ScorePageState.
#pragma once

#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <memory>

#include "core/wizard/ScorePageState.hpp"
#include "gui/EditorPage.hpp"

namespace par::gui {

class ScorePage : public EditorPage {
public:
    ScorePage(wxWindow* parent, AuditEditorPanel& editor);
    void reload() override;
    void refreshState() override;

    // Test hook: the total and band as shown.
    wxString shownTotal() const { return total_->GetLabel(); }
    wxString shownBand() const { return band_->GetLabel(); }

private:
    std::unique_ptr<par::wizard::ScorePageState> state_;
    wxStaticText* total_ = nullptr;
    wxStaticText* band_ = nullptr;
    wxStaticText* scale_ = nullptr;
    wxStaticText* notes_ = nullptr;
    wxListCtrl* sections_ = nullptr;
};

}  // namespace par::gui
