// SPDX-License-Identifier: Apache-2.0
// NoticePage.hpp - the conclusion notice page: number, symbol, date, place, signer, signer's title,
// signing authority, summary line, the date by which the unit reports, and the lists (legal bases,
// area summaries, strengths, recipients); a button that fills the empty parts with suggestions from
// the inspecting body and the unit; and what the notice still lacks before it can be signed. Every
// edit goes through par::wizard::NoticePageState (the core's notice actions, as `par-audit notice`).
#pragma once

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/wizard/NoticePageState.hpp"
#include "gui/EditorPage.hpp"
#include "gui/WrappedListBox.hpp"

class wxSizer;

namespace par::gui {

class NoticePage : public EditorPage {
public:
    NoticePage(wxWindow* parent, AuditEditorPanel& editor);
    void reload() override;
    void refreshState() override;

    // Test hooks: they go through the page's own controls and handlers.
    void simulateInput(const std::string& field, const std::string& text);
    // Types into a list's entry (and picks the area for area summaries), then presses Add; false when
    // the value was refused (the message is shown under the list).
    bool simulateAdd(const std::string& list, const std::string& text, const std::string& area = "");
    // Selects item `index` of a list and presses Remove.
    void simulateRemove(const std::string& list, size_t index);
    // Presses the suggestions button; returns how many parts it filled.
    size_t simulateSuggestions();
    wxString shownValue(const std::string& field) const;
    wxString fieldMessage(const std::string& field) const;
    size_t shownItems(const std::string& list) const;
    wxString shownMissing() const;

private:
    struct ListControls {
        WrappedListBox* box = nullptr;
        wxChoice* area = nullptr;  // area summaries only
        wxTextCtrl* entry = nullptr;
        wxButton* add = nullptr;
        wxButton* remove = nullptr;
        wxStaticText* message = nullptr;
    };

    void addField(wxWindow* parent, wxSizer* grid, const std::string& field, const wxString& label,
                  const wxString& help = wxString());
    void addSignFor(wxWindow* parent, wxSizer* grid, const wxString& label);
    // The label, then the control with its help and message under it.
    wxSizer* addRow(wxWindow* parent, wxSizer* grid, const std::string& field, const wxString& label, wxWindow* control,
                    const wxString& help);
    void addList(const std::string& list, const wxString& caption, const wxString& help);
    void fieldEdited(const std::string& field, const wxString& value);
    bool addItem(const std::string& list);
    void removeItem(const std::string& list);
    size_t fillSuggestions();
    void reloadLists();
    void refreshMissing();

    par::wizard::NoticePageState state_;
    wxSizer* top_ = nullptr;
    std::map<std::string, wxTextCtrl*> texts_;
    wxComboBox* signFor_ = nullptr;
    std::map<std::string, wxStaticText*> messages_;
    std::map<std::string, ListControls> lists_;
    std::vector<std::pair<std::string, std::string>> areas_;
    wxStaticText* required_ = nullptr;
    wxStaticText* recommended_ = nullptr;
    wxStaticText* suggested_ = nullptr;
    wxButton* suggest_ = nullptr;
    size_t lastFilled_ = 0;
    bool loading_ = false;
};

}  // namespace par::gui
