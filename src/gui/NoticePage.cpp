// SPDX-License-Identifier: Apache-2.0
#include "gui/NoticePage.hpp"

#include <wx/sizer.h>
#include <wx/statbox.h>

#include <algorithm>

#include "core/common/Error.hpp"
#include "gui/AuditEditorPanel.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

using namespace par::wizard;

namespace {
// The page is about 770 px wide beside the step list: labels in a column of their own in every box,
// so the controls line up; help and messages under their control, wrapped to what is left.
constexpr int kLabelWidth = 190;
constexpr int kControlWrap = 520;
constexpr int kPageWrap = 700;

// A grid of label and control (help and message under it), in a titled box.
std::pair<wxWindow*, wxFlexGridSizer*> group(wxWindow* page, wxSizer* top, const wxString& caption) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, page, caption);
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
    grid->AddGrowableCol(1);
    box->Add(grid, 0, wxEXPAND | wxALL, 6);
    top->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    return {box->GetStaticBox(), grid};
}

wxStaticText* helpText(wxWindow* parent, const wxString& text, int width) {
    auto* help = new wxStaticText(parent, wxID_ANY, text);
    help->SetForegroundColour(wxColour(90, 90, 90));
    help->SetFont(help->GetFont().Smaller());
    help->Wrap(width);
    return help;
}

void press(wxButton* button) {
    wxCommandEvent e(wxEVT_BUTTON, button->GetId());
    e.SetEventObject(button);
    button->ProcessWindowEvent(e);
}

// As setMessages (errors first, then warnings), wrapped to the width under a control.
void showMessages(wxStaticText* label, const std::vector<std::string>& errors, const std::vector<std::string>& warnings) {
    wxString text;
    for (const auto& m : errors.empty() ? warnings : errors) text += (text.empty() ? "" : "\n") + wx(m);
    label->SetForegroundColour(errors.empty() ? warningColour() : errorColour());
    if (label->GetLabel() != text) {  // a wrapped label differs from its text: wrapped again, the same way
        label->SetLabel(text);
        label->Wrap(kControlWrap);
    }
    label->Show(!text.empty());
}
}  // namespace

NoticePage::NoticePage(wxWindow* parent, AuditEditorPanel& editor)
    : EditorPage(parent, editor), state_(editor.session()), areas_(state_.areas()) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top_ = top;
    auto* title = new wxStaticText(this, wxID_ANY, _("Conclusion notice"));
    title->SetFont(title->GetFont().Scaled(1.3f).Bold());
    top->Add(title, 0, wxALL, 10);

    // What is still missing, first: the page exists to make the notice signable.
    auto* readyBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Before signing"));
    wxWindow* rb = readyBox->GetStaticBox();
    required_ = new wxStaticText(rb, wxID_ANY, "");
    recommended_ = new wxStaticText(rb, wxID_ANY, "");
    recommended_->SetForegroundColour(warningColour());
    readyBox->Add(required_, 0, wxLEFT | wxRIGHT | wxTOP, 6);
    readyBox->Add(recommended_, 0, wxLEFT | wxRIGHT | wxTOP, 6);
    auto* suggestRow = new wxBoxSizer(wxHORIZONTAL);
    suggest_ = new wxButton(rb, wxID_ANY, _("Fill in su&ggestions"));
    suggested_ = new wxStaticText(rb, wxID_ANY, "");
    suggestRow->Add(suggest_, 0, wxRIGHT, 10);
    suggestRow->Add(suggested_, 1, wxALIGN_CENTER_VERTICAL);
    readyBox->Add(suggestRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
    readyBox->Add(helpText(rb,
                           _("Suggestions fill only empty parts: the symbol from the inspecting body's code, the summary "
                             "line, the inspection plan and the decision as legal bases, the unit and the archive as "
                             "recipients."),
                           kPageWrap),
                  0, wxALL, 6);
    top->Add(readyBox, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);

    auto [idBox, id] = group(this, top, _("Number, date and place"));
    addField(idBox, id, "number", _("N&umber:"));
    addField(idBox, id, "symbol", _("S&ymbol:"));
    addField(idBox, id, "date", _("&Date:"));
    // msgids stay ASCII (wx converts them with the C library's locale, which may not be UTF-8): the
    // Vietnamese words of the document are arguments.
    addField(idBox, id, "place", _("&Place:"),
             wxString::Format(_("As printed on the date line: %s."), wx("\"Nghệ An, ngày … tháng … năm …\"")));

    auto [signBox, sign] = group(this, top, _("Signature"));
    addField(signBox, sign, "signer", _("&Signer:"));
    addField(signBox, sign, "signer-title", _("Signer's &title:"));
    addSignFor(signBox, sign, _("Signs &for:"));

    auto [textBox, text] = group(this, top, _("Summary line and report deadline"));
    addField(textBox, text, "summary", _("Su&mmary line:"));
    addField(textBox, text, "report-by", _("Unit &reports by:"),
             _("Empty: the notice gives the latest deadline of the remediation actions."));

    addList("basis", _("Legal bases"),
            wxString::Format(_("Each %s line of the notice, in the order they are printed."), wx("\"Căn cứ …\"")));
    addList("area-summary", _("Summaries by area"), _("What the team saw in each area, printed before the findings."));
    addList("strength", _("Strengths"), wxString());
    addList("recipient", _("Recipients"),
            wxString::Format(_("The %s block, e.g. %s."), wx("\"Nơi nhận\""),
                             wx("\"UBND xã … (để thực hiện)\", \"Lưu: VT, CCHC\"")));
    SetSizer(top);

    suggest_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { fillSuggestions(); });
}

wxSizer* NoticePage::addRow(wxWindow* parent, wxSizer* grid, const std::string& field, const wxString& label,
                            wxWindow* control, const wxString& help) {
    auto* l = new wxStaticText(parent, wxID_ANY, label);
    l->SetMinSize(wxSize(std::max(kLabelWidth, l->GetBestSize().x), -1));  // never cut a longer label
    // Level with the first line of the control's text, however tall the control is drawn.
    int single = field == "summary" ? GetCharHeight() + 12 : control->GetBestSize().y;
    grid->Add(l, 0, wxTOP, std::max(0, (single - l->GetBestSize().y) / 2));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(control, 0);
    if (!help.empty()) column->Add(helpText(parent, help, kControlWrap), 0, wxTOP, 2);
    auto* m = makeMessageLabel(parent);
    column->Add(m, 0, wxTOP, 2);
    messages_[field] = m;
    grid->Add(column, 0, wxEXPAND);
    return column;
}

void NoticePage::addField(wxWindow* parent, wxSizer* grid, const std::string& field, const wxString& label,
                          const wxString& help) {
    bool date = NoticePageState::isDate(field);
    bool summary = field == "summary";
    long style = summary ? wxTE_MULTILINE | wxTE_WORDWRAP : 0;
    wxSize size(date ? 130 : 380, summary ? 56 : -1);
    if (field == "number") size.x = 90;
    auto* t = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition, size, style);
    if (date) t->SetHint(_("DD/MM/YYYY"));
    if (field == "number") t->SetHint(_("e.g. 05"));
    if (field == "symbol") t->SetHint(_("e.g. TB-SNV"));
    addRow(parent, grid, field, label, t, help);
    texts_[field] = t;
    t->Bind(wxEVT_TEXT, [this, field, t](wxCommandEvent&) { fieldEdited(field, t->GetValue()); });
    if (summary)  // one line in the notice: Enter goes on to the next field instead of breaking it
        t->Bind(wxEVT_KEY_DOWN, [t](wxKeyEvent& e) {
            if (e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) t->Navigate();
            else e.Skip();
        });
}

void NoticePage::addSignFor(wxWindow* parent, wxSizer* grid, const wxString& label) {
    signFor_ = new wxComboBox(parent, wxID_ANY, "", wxDefaultPosition, wxSize(380, -1), wxArrayString(), wxCB_DROPDOWN);
    addRow(parent, grid, "sign-for", label, signFor_,
           _("Empty when the head signs in person. Otherwise KT. (for the head), TM. (for a collective body), "
             "Q. (acting), TL. or TUQ. (by order), then the head's title: pick one or type it."));
    // A choice from the list fires wxEVT_COMBOBOX and, with GTK, wxEVT_TEXT: storing the same value
    // twice changes nothing the second time.
    signFor_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { fieldEdited("sign-for", signFor_->GetValue()); });
    signFor_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { fieldEdited("sign-for", signFor_->GetValue()); });
}

void NoticePage::addList(const std::string& list, const wxString& caption, const wxString& help) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, caption);
    wxWindow* sb = box->GetStaticBox();
    ListControls c;
    if (!help.empty()) box->Add(helpText(sb, help, kPageWrap), 0, wxLEFT | wxRIGHT | wxTOP, 6);
    auto* listRow = new wxBoxSizer(wxHORIZONTAL);
    c.box = new WrappedListBox(sb, wxSize(300, list == "recipient" ? 100 : 130));
    c.remove = new wxButton(sb, wxID_ANY, _("Remove"));
    c.remove->Disable();
    listRow->Add(c.box, 1, wxRIGHT, 6);
    listRow->Add(c.remove, 0, wxALIGN_TOP);
    box->Add(listRow, 0, wxEXPAND | wxALL, 6);
    auto* entryRow = new wxBoxSizer(wxHORIZONTAL);
    if (list == "area-summary") {
        c.area = new wxChoice(sb, wxID_ANY, wxDefaultPosition, wxSize(200, -1));
        for (const auto& a : areas_) c.area->Append(wx(a.second));
        if (!areas_.empty()) c.area->SetSelection(0);
        entryRow->Add(c.area, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, 6);
    }
    c.entry = new wxTextCtrl(sb, wxID_ANY, "", wxDefaultPosition, wxSize(200, -1), wxTE_PROCESS_ENTER);
    c.entry->SetHint(_("A new item; Enter or Add"));
    c.add = new wxButton(sb, wxID_ANY, _("Add"));
    entryRow->Add(c.entry, 1, wxRIGHT | wxALIGN_CENTER_VERTICAL, 6);
    entryRow->Add(c.add, 0, wxALIGN_CENTER_VERTICAL);
    box->Add(entryRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    c.message = makeMessageLabel(sb);
    box->Add(c.message, 0, wxLEFT | wxRIGHT | wxBOTTOM, 6);
    top_->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    lists_[list] = c;

    c.add->Bind(wxEVT_BUTTON, [this, list](wxCommandEvent&) { addItem(list); });
    c.entry->Bind(wxEVT_TEXT_ENTER, [this, list](wxCommandEvent&) { addItem(list); });
    c.remove->Bind(wxEVT_BUTTON, [this, list](wxCommandEvent&) { removeItem(list); });
    c.box->Bind(wxEVT_LISTBOX, [this, list](wxCommandEvent&) {
        lists_[list].remove->Enable(lists_[list].box->GetSelection() != wxNOT_FOUND);
    });
}

void NoticePage::fieldEdited(const std::string& field, const wxString& value) {
    if (loading_) return;
    wxString v = value;
    if (field == "summary") {  // a pasted line break: the summary is one line of the notice
        v.Replace("\r", " ");
        v.Replace("\n", " ");
    }
    state_.set(field, std8(v));
    editor_.changed();
}

bool NoticePage::addItem(const std::string& list) {
    ListControls& c = lists_[list];
    std::string value = std8(c.entry->GetValue());
    if (c.area != nullptr) {
        int a = c.area->GetSelection();
        std::string area = a == wxNOT_FOUND ? std::string() : areas_[static_cast<size_t>(a)].first;
        value = area + ":" + value;
    }
    try {
        state_.add(list, value);
    } catch (const UsageError& e) {
        showMessages(c.message, {e.what()}, {});
        Layout();
        FitInside();
        return false;
    }
    showMessages(c.message, {}, {});
    c.entry->ChangeValue("");
    reloadLists();
    // The new item selected (scrolled into view), ready to be removed again if it was a mistake.
    c.box->SetSelection(static_cast<int>(c.box->GetItemCount()) - 1);
    c.box->scrollToEnd();
    c.remove->Enable();
    editor_.changed();
    return true;
}

void NoticePage::removeItem(const std::string& list) {
    ListControls& c = lists_[list];
    int sel = c.box->GetSelection();
    if (sel == wxNOT_FOUND) return;
    try {
        state_.remove(list, static_cast<size_t>(sel));
    } catch (const UsageError& e) {
        showMessages(c.message, {e.what()}, {});
        return;
    }
    showMessages(c.message, {}, {});
    reloadLists();
    // The next item is selected, so several can be removed in a row.
    int count = static_cast<int>(c.box->GetItemCount());
    if (count > 0) c.box->SetSelection(std::min(sel, count - 1));
    c.remove->Enable(c.box->GetSelection() != wxNOT_FOUND);
    editor_.changed();
}

size_t NoticePage::fillSuggestions() {
    size_t n = state_.fillDefaults();
    lastFilled_ = n;
    suggested_->SetLabel(n == 0 ? _("Nothing to fill: every part with a suggestion already has a value.")
                                : wxString::Format(wxPLURAL("Filled %zu part from the inspecting body and the unit.",
                                                            "Filled %zu parts from the inspecting body and the unit.", n),
                                                   n));
    reload();
    editor_.changed();
    return n;
}

void NoticePage::reload() {
    loading_ = true;
    auto& session = editor_.session();
    for (auto& [field, t] : texts_)
        if (!session.inputError(FieldPath::scalar("$notice." + field))) t->ChangeValue(wx(state_.get(field)));
    // The choices follow the inspecting body, which the details page may have changed.
    wxArrayString choices;
    for (const auto& c : state_.signForChoices()) choices.Add(wx(c));
    if (signFor_->GetStrings() != choices) {
        wxString typed = signFor_->GetValue();
        signFor_->Set(choices);
        signFor_->ChangeValue(typed);
    }
    if (!session.inputError(FieldPath::scalar("$notice.sign-for"))) signFor_->ChangeValue(wx(state_.get("sign-for")));
    loading_ = false;
    reloadLists();
    refreshState();
}

void NoticePage::reloadLists() {
    for (auto& [list, c] : lists_) {
        wxArrayString items;
        for (const auto& i : state_.items(list)) items.Add(wx(i));
        if (c.box->items() != items) c.box->setItems(items);
        c.remove->Enable(c.box->GetSelection() != wxNOT_FOUND);
    }
}

void NoticePage::refreshState() {
    std::map<std::string, std::vector<std::string>> errors, warnings;
    for (const auto& [field, message] : state_.errors()) errors[field].push_back(message);
    for (const auto& m : state_.missing())
        if (m.required) warnings[m.field].push_back(std8(_("needed before signing")));
    for (auto& [field, label] : messages_) showMessages(label, errors[field], warnings[field]);
    refreshMissing();
    Layout();
    FitInside();
}

void NoticePage::refreshMissing() {
    wxString required, recommended;
    for (const auto& m : state_.missing()) {
        wxString part = wx(m.label);
        if (!NoticePageState::onThisPage(m.field)) part += " " + _("(Audit details page)");
        wxString& target = m.required ? required : recommended;
        target += (target.empty() ? "" : ", ") + part;
    }
    if (required.empty()) {
        required_->SetLabel(_("The notice has what it needs to be signed."));
        required_->SetForegroundColour(wxColour(20, 110, 40));
    } else {
        required_->SetLabel(_("Still needed before the notice can be signed: ") + required + ".");
        required_->SetForegroundColour(errorColour());
    }
    required_->Wrap(kPageWrap);
    recommended_->SetLabel(recommended.empty() ? wxString() : _("Recommended: ") + recommended + ".");
    recommended_->Wrap(kPageWrap);
    recommended_->Show(!recommended.empty());
}

void NoticePage::simulateInput(const std::string& field, const std::string& text) {
    if (field == "sign-for") {
        signFor_->SetValue(wx(text));  // fires wxEVT_TEXT like typing
        return;
    }
    if (auto it = texts_.find(field); it != texts_.end()) it->second->SetValue(wx(text));
}

bool NoticePage::simulateAdd(const std::string& list, const std::string& text, const std::string& area) {
    ListControls& c = lists_.at(list);
    if (c.area != nullptr)
        for (size_t i = 0; i < areas_.size(); ++i)
            if (areas_[i].first == area) c.area->SetSelection(static_cast<int>(i));
    c.entry->SetValue(wx(text));
    size_t before = c.box->GetItemCount();
    press(c.add);
    return c.box->GetItemCount() == before + 1;
}

void NoticePage::simulateRemove(const std::string& list, size_t index) {
    ListControls& c = lists_.at(list);
    c.box->SetSelection(static_cast<int>(index));
    c.remove->Enable();
    press(c.remove);
}

size_t NoticePage::simulateSuggestions() {
    lastFilled_ = 0;
    press(suggest_);
    return lastFilled_;
}

wxString NoticePage::shownValue(const std::string& field) const {
    if (field == "sign-for") return signFor_->GetValue();
    auto it = texts_.find(field);
    return it == texts_.end() ? wxString() : it->second->GetValue();
}

wxString NoticePage::fieldMessage(const std::string& field) const {
    auto it = messages_.find(field);
    return it == messages_.end() || !it->second->IsShown() ? wxString() : it->second->GetLabel();
}

size_t NoticePage::shownItems(const std::string& list) const { return lists_.at(list).box->GetItemCount(); }

wxString NoticePage::shownMissing() const {
    return required_->GetLabel() + (recommended_->IsShown() ? "\n" + recommended_->GetLabel() : wxString());
}

}  // namespace par::gui
