// SPDX-License-Identifier: Apache-2.0
#include "gui/SubUnitDialog.hpp"

#include <wx/button.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>

#include "core/wizard/AnswerEditor.hpp"
#include "core/wizard/SectionPageState.hpp"
#include "gui/AuditEditorPanel.hpp"
#include "gui/GuiUtil.hpp"
#include "gui/QuestionPanel.hpp"

namespace par::gui {

using namespace par::wizard;

SubUnitDialog::SubUnitDialog(wxWindow* parent, AuditEditorPanel& editor, const par::Question& repeat, size_t instance)
    : wxDialog(parent, wxID_ANY, wx(repeat.label.get()) + wxString::Format(" - #%zu", instance + 1), wxDefaultPosition,
               wxSize(860, 640), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      editor_(editor),
      repeat_(repeat),
      instance_(instance) {
    auto* scroll = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL);
    scroll->SetScrollRate(0, 12);
    auto* inner = new wxBoxSizer(wxVERTICAL);
    for (const auto& child : repeat.children) {
        std::string id = child.id;
        auto* p = new QuestionPanel(scroll, child, [this, id](const std::string& input) {
            AnswerEditor(editor_.session()).enter(FieldPath::cell(repeat_.id, static_cast<int>(instance_), id), input);
            refreshState();
            editor_.changed();
        });
        panels_.push_back(p);
        inner->Add(p, 0, wxEXPAND | wxALL, 8);
    }
    scroll->SetSizer(inner);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(scroll, 1, wxEXPAND);
    message_ = makeMessageLabel(this);
    top->Add(message_, 0, wxALL, 8);
    auto* buttons = new wxStdDialogButtonSizer;
    buttons->AddButton(new wxButton(this, wxID_CLOSE));
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);
    SetEscapeId(wxID_CLOSE);
    SetAffirmativeId(wxID_CLOSE);
    reload();
    refreshState();
    if (!panels_.empty()) panels_.front()->SetFocus();
}

void SubUnitDialog::reload() {
    AnswerEditor ed(editor_.session());
    for (auto* p : panels_) {
        FieldPath f = FieldPath::cell(repeat_.id, static_cast<int>(instance_), p->question().id);
        p->setValue(ed.value(f), false, editor_.session().inputError(f).has_value());
    }
}

void SubUnitDialog::refreshState() {
    const auto& session = editor_.session();
    const Section* section = session.form().sectionOf(repeat_.id);
    size_t index = static_cast<size_t>(section - session.form().sections.data());
    SectionPageState state(session, index);
    for (auto* p : panels_) {
        FieldPath f = FieldPath::cell(repeat_.id, static_cast<int>(instance_), p->question().id);
        std::vector<std::string> errors;
        if (auto e = session.inputError(f)) errors.push_back(*e);
        p->setMessages(errors, {});
        p->Show(state.childVisible(repeat_.id, instance_, p->question().id));
    }
    std::vector<std::string> errors, warnings;
    for (const auto& q : state.questions())
        if (q.question->id == repeat_.id) {
            errors = q.errors;
            warnings = q.warnings;
        }
    setMessages(message_, errors, warnings);
    Layout();
    if (!panels_.empty()) {
        panels_.front()->GetParent()->Layout();
        static_cast<wxScrolledWindow*>(panels_.front()->GetParent())->FitInside();
    }
}

void SubUnitDialog::simulateInput(const std::string& child, const std::string& text) {
    for (auto* p : panels_)
        if (p->question().id == child) p->simulateInput(text);
}

}  // namespace par::gui
