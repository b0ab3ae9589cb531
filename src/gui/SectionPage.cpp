// SPDX-License-Identifier: Apache-2.0
#include "gui/SectionPage.hpp"

#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include "core/wizard/AnswerEditor.hpp"
#include "core/wizard/SectionPageState.hpp"
#include "gui/AuditEditorPanel.hpp"
#include "gui/GuiUtil.hpp"
#include "gui/QuestionPanel.hpp"
#include "gui/RepeatPanel.hpp"
#include "gui/TablePanel.hpp"

namespace par::gui {

using namespace par::wizard;

SectionPage::SectionPage(wxWindow* parent, AuditEditorPanel& editor, size_t section)
    : EditorPage(parent, editor), section_(section) {
    const Section& s = editor.session().form().sections[section];
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, wx(s.label.get()));
    title->SetFont(title->GetFont().Scaled(1.3f).Bold());
    top->Add(title, 0, wxALL, 10);
    top->Add(new wxStaticText(this, wxID_ANY, _("Questions marked * are required.")), 0, wxLEFT | wxBOTTOM, 10);
    for (const auto& q : s.questions) {
        Block b;
        b.question = &q;
        std::string id = q.id;
        if (q.type == QuestionType::Table) {
            b.table = new TablePanel(this, editor, q);
            b.window = b.table;
        } else if (q.type == QuestionType::Repeat) {
            b.repeat = new RepeatPanel(this, editor, q);
            b.window = b.repeat;
        } else {
            b.scalar = new QuestionPanel(
                this, q,
                [this, id](const std::string& input) {
                    AnswerEditor(editor_.session()).enter(FieldPath::scalar(id), input);
                    editor_.changed();
                },
                [this, id](bool na) {
                    AnswerEditor(editor_.session()).setNotApplicable(id, na);
                    editor_.changed();
                });
            b.window = b.scalar;
        }
        top->Add(b.window, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
        blocks_.push_back(b);
    }
    SetSizer(top);
}

void SectionPage::reload() {
    AnswerEditor ed(editor_.session());
    for (auto& b : blocks_) {
        if (b.scalar != nullptr) {
            FieldPath f = FieldPath::scalar(b.question->id);
            b.scalar->setValue(ed.value(f), ed.notApplicable(b.question->id),
                               editor_.session().inputError(f).has_value());
        }
        if (b.table != nullptr) b.table->reload();
        if (b.repeat != nullptr) b.repeat->reload();
    }
    refreshState();
}

void SectionPage::refreshState() {
    SectionPageState state(editor_.session(), section_);
    auto list = state.questions();
    for (size_t i = 0; i < blocks_.size() && i < list.size(); ++i) {
        Block& b = blocks_[i];
        const QuestionState& qs = list[i];
        if (b.window->IsShown() != qs.visible) b.window->Show(qs.visible);
        if (b.scalar != nullptr) b.scalar->setMessages(qs.errors, qs.warnings);
        if (b.table != nullptr) b.table->setMessages(qs.errors, qs.warnings);
        if (b.repeat != nullptr) {
            b.repeat->reload();  // sub-unit names change in their dialog
            b.repeat->setMessages(qs.errors, qs.warnings);
        }
    }
    // Messages change heights too: lay out after every edit.
    Layout();
    FitInside();
}

SectionPage::Block* SectionPage::find(const std::string& id) {
    for (auto& b : blocks_)
        if (b.question->id == id) return &b;
    return nullptr;
}

QuestionPanel* SectionPage::questionPanel(const std::string& id) {
    Block* b = find(id);
    return b == nullptr ? nullptr : b->scalar;
}

TablePanel* SectionPage::tablePanel(const std::string& id) {
    Block* b = find(id);
    return b == nullptr ? nullptr : b->table;
}

RepeatPanel* SectionPage::repeatPanel(const std::string& id) {
    Block* b = find(id);
    return b == nullptr ? nullptr : b->repeat;
}

bool SectionPage::isShown(const std::string& id) {
    Block* b = find(id);
    return b != nullptr && b->window->IsShown();
}

}  // namespace par::gui
