// SPDX-License-Identifier: Apache-2.0
#include "gui/QuestionPanel.hpp"

#include <wx/sizer.h>

#include <algorithm>

#include "core/common/Text.hpp"
#include "core/wizard/InputFormat.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

using namespace par::wizard;

QuestionPanel::QuestionPanel(wxWindow* parent, const par::Question& q, InputFn onInput, NaFn onNa)
    : wxPanel(parent), q_(q), onInput_(std::move(onInput)), onNa_(std::move(onNa)), options_(choiceOptions(q)) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    addQuestionHeader(this, top, q);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    if (q.type == QuestionType::Multiple) {
        multi_ = new wxCheckListBox(this, wxID_ANY);
        for (const auto& o : options_) multi_->Append(wx(o.label));
        multi_->SetMinSize(wxSize(420, -1));
        row->Add(multi_, 0);
        multi_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { fire(); });
    } else if (isChoiceType(q.type)) {
        choice_ = new wxChoice(this, wxID_ANY);
        choice_->Append(_("(not answered)"));
        for (const auto& o : options_) choice_->Append(wx(o.label));
        choice_->SetSelection(0);
        row->Add(choice_, 0);
        choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fire(); });
    } else {
        bool multiline = q.type == QuestionType::Text;
        text_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition,
                               multiline ? wxSize(kWrapWidth - 40, 54) : wxSize(180, -1),
                               multiline ? wxTE_MULTILINE : 0);
        if (q.type == QuestionType::Date) text_->SetHint(_("DD/MM/YYYY"));
        row->Add(text_, 0);
        text_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { fire(); });
        if (q.type != QuestionType::Text) {
            auto* expects = new wxStaticText(this, wxID_ANY, wx(expectedInputDescription(q)));
            expects->SetForegroundColour(wxColour(100, 100, 100));
            row->Add(expects, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 10);
        }
    }
    if (q.naAllowed) {
        na_ = new wxCheckBox(this, wxID_ANY, _("Not applicable"));
        row->Add(na_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 16);
        na_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
            if (loading_) return;
            if (onNa_) onNa_(na_->IsChecked());
            if (!na_->IsChecked()) fire();
        });
    }
    top->Add(row, 0, wxBOTTOM, 3);
    message_ = makeMessageLabel(this);
    top->Add(message_, 0);
    SetSizer(top);
}

void QuestionPanel::fire() {
    if (loading_) return;
    std::string input;
    if (choice_ != nullptr) {
        int i = choice_->GetSelection();
        if (i > 0) input = options_[static_cast<size_t>(i - 1)].id;
    } else if (multi_ != nullptr) {
        for (unsigned i = 0; i < multi_->GetCount(); ++i)
            if (multi_->IsChecked(i)) input += (input.empty() ? "" : ";") + options_[i].id;
    } else {
        input = std8(text_->GetValue());
    }
    if (na_ != nullptr && na_->IsChecked()) {
        loading_ = true;
        na_->SetValue(false);
        loading_ = false;
    }
    onInput_(input);
}

void QuestionPanel::setValue(const std::string& fileForm, bool na, bool keepText) {
    loading_ = true;
    if (na_ != nullptr) na_->SetValue(na);
    std::string v = na ? std::string() : fileForm;
    if (choice_ != nullptr) {
        int sel = 0;
        for (size_t i = 0; i < options_.size(); ++i)
            if (options_[i].id == v) sel = static_cast<int>(i + 1);
        choice_->SetSelection(sel);
    } else if (multi_ != nullptr) {
        auto values = splitList(v, ";");
        for (unsigned i = 0; i < multi_->GetCount(); ++i)
            multi_->Check(i, std::find(values.begin(), values.end(), options_[i].id) != values.end());
    } else if (!keepText) {
        text_->ChangeValue(wx(displayValue(q_, v)));
    }
    loading_ = false;
}

void QuestionPanel::setMessages(const std::vector<std::string>& errors, const std::vector<std::string>& warnings) {
    hasError_ = !errors.empty();
    par::gui::setMessages(message_, errors, warnings);
}

void QuestionPanel::simulateInput(const std::string& text) {
    if (text_ != nullptr) {
        text_->SetValue(wx(text));  // fires wxEVT_TEXT like typing does
        return;
    }
    std::string key = foldKey(text);
    if (choice_ != nullptr) {
        for (size_t i = 0; i < options_.size(); ++i)
            if (foldKey(options_[i].id) == key || foldKey(options_[i].label) == key) choice_->SetSelection(static_cast<int>(i + 1));
        if (key.empty()) choice_->SetSelection(0);
    } else if (multi_ != nullptr) {
        auto wanted = splitList(text, ";");
        for (unsigned i = 0; i < multi_->GetCount(); ++i)
            multi_->Check(i, std::find(wanted.begin(), wanted.end(), options_[i].id) != wanted.end());
    }
    fire();
}

}  // namespace par::gui
