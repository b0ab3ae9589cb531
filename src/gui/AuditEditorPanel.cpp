// SPDX-License-Identifier: Apache-2.0
#include "gui/AuditEditorPanel.hpp"

#include <wx/sizer.h>

#include "gui/DetailsPage.hpp"
#include "gui/DossierPage.hpp"
#include "gui/EditorPage.hpp"
#include "gui/FindingsPage.hpp"
#include "gui/GuiUtil.hpp"
#include "gui/MainFrame.hpp"
#include "gui/NoticePage.hpp"
#include "gui/OutputPage.hpp"
#include "gui/ScorePage.hpp"
#include "gui/SectionPage.hpp"
#include "gui/StepListPanel.hpp"

namespace par::gui {

using namespace par::wizard;

AuditEditorPanel::AuditEditorPanel(wxWindow* parent, AuditSession& session, MainFrame& frame)
    : wxPanel(parent), session_(session), frame_(frame), steps_(session, StepOptions::forSession(session)) {
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    stepList_ = new StepListPanel(this, [this](size_t i) { goTo(i); });
    top->Add(stepList_, 0, wxEXPAND);

    auto* right = new wxBoxSizer(wxVERTICAL);
    book_ = new wxSimplebook(this);
    for (size_t i = 0; i < steps_.count(); ++i) {
        Step s = steps_.step(i);
        EditorPage* p = nullptr;
        switch (s.kind) {
            case StepKind::Details: p = new DetailsPage(book_, *this); break;
            case StepKind::Section: p = new SectionPage(book_, *this, s.section); break;
            case StepKind::Findings: p = new FindingsPage(book_, *this); break;
            case StepKind::Output: p = new OutputPage(book_, *this); break;
            case StepKind::Dossier: p = new DossierPage(book_, *this); break;
            case StepKind::Score: p = new ScorePage(book_, *this); break;
            case StepKind::Notice: p = new NoticePage(book_, *this); break;
        }
        pages_.push_back(p);
        book_->AddPage(p, wx(s.title));
    }
    right->Add(book_, 1, wxEXPAND | wxALL, 6);

    auto* nav = new wxBoxSizer(wxHORIZONTAL);
    blocked_ = new wxStaticText(this, wxID_ANY, "");
    blocked_->SetForegroundColour(errorColour());
    nav->Add(blocked_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    // The same msgids as wxWizard's buttons, so one translation serves both.
    back_ = new wxButton(this, wxID_BACKWARD, _("< &Back"));
    next_ = new wxButton(this, wxID_FORWARD, _("&Next >"));
    nav->Add(back_, 0, wxRIGHT, 6);
    nav->Add(next_, 0);
    right->Add(nav, 0, wxEXPAND | wxALL, 8);
    top->Add(right, 1, wxEXPAND);
    SetSizer(top);

    back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { goBack(); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { goNext(); });
    showCurrent();
}

void AuditEditorPanel::showCurrent() {
    size_t c = steps_.current();
    book_->ChangeSelection(c);
    pages_[c]->entered();
    updateNavigation();
    pages_[c]->SetFocus();
    if (wxWindow* first = pages_[c]->GetChildren().IsEmpty() ? nullptr : pages_[c]->GetChildren().front())
        first->SetFocus();
    pages_[c]->NavigateIn(wxNavigationKeyEvent::IsForward);
}

void AuditEditorPanel::updateNavigation() {
    stepList_->update(steps_.steps(), steps_.current());
    back_->Enable(steps_.canGoBack());
    bool last = steps_.current() + 1 >= steps_.count();
    next_->Enable(!last && steps_.canGoNext());
    blocked_->SetLabel(last ? wxString() : wx(steps_.blockReason()));
    Layout();
}

void AuditEditorPanel::changed() {
    if (inChange_) return;
    inChange_ = true;
    currentPage()->refreshState();
    updateNavigation();
    frame_.sessionChanged();
    inChange_ = false;
}

void AuditEditorPanel::commit() { currentPage()->commit(); }

bool AuditEditorPanel::goNext() {
    commit();
    if (!steps_.next()) {
        updateNavigation();
        wxBell();
        return false;
    }
    showCurrent();
    return true;
}

bool AuditEditorPanel::goBack() {
    commit();
    if (!steps_.back()) return false;
    showCurrent();
    return true;
}

bool AuditEditorPanel::goTo(size_t step) {
    commit();
    if (!steps_.goTo(step)) {
        updateNavigation();
        wxBell();
        return false;
    }
    showCurrent();
    return true;
}

}  // namespace par::gui
