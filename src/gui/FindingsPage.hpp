// SPDX-License-Identifier: Apache-2.0
// FindingsPage.hpp - the findings review: every finding (from the form's rules and entered by the
// team) with its severity, area and text; rule findings whose condition no longer holds are
// highlighted, dismissed ones (with the team's reason) greyed and struck through. The rules are re-evaluated when the page opens and on demand; findings are edited in
// a FindingDialog, manual ones added and removed here. The logic is par::wizard::FindingsReview.
#pragma once

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <string>

#include "core/wizard/FindingsReview.hpp"
#include "gui/EditorPage.hpp"

namespace par::gui {

class FindingDialog;

class FindingsPage : public EditorPage {
public:
    FindingsPage(wxWindow* parent, AuditEditorPanel& editor);
    void reload() override;
    void entered() override;

    // Test hooks.
    std::string addManual();
    FindingDialog* makeDialog(const std::string& id);
    long count() const { return list_->GetItemCount(); }
    // Dismisses (reason not empty) or restores a rule finding as the buttons do; false when refused.
    bool dismiss(const std::string& id, const std::string& reason);
    bool restore(const std::string& id);
    // Dismisses `others` as duplicates of `keep` (the core's merge), as the merge button does.
    bool merge(const std::string& keep, const std::vector<std::string>& others);
    // Whether the row of a finding is drawn struck through.
    bool shownDismissed(const std::string& id) const;

private:
    void evaluate();
    void edit();
    void remove();
    void dismissSelected();
    void restoreSelected();
    void mergeIntoSelected();
    void updateButtons();
    // The counts line: the last evaluation's news, what is stale and dismissed now.
    void showSummary();
    std::string selectedId() const;

    par::wizard::FindingsReview review_;
    wxListCtrl* list_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxButton* dismiss_ = nullptr;
    wxButton* restore_ = nullptr;
    wxButton* merge_ = nullptr;
    size_t lastAdded_ = 0;
    size_t lastRefreshed_ = 0;
    wxString lastProblem_;
};

}  // namespace par::gui
