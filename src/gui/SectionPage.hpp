// SPDX-License-Identifier: Apache-2.0
// SectionPage.hpp - one page per form section, generated from the form: a QuestionPanel, TablePanel
// or RepeatPanel per question, hidden while the question is not relevant, with its inline messages.
// What is visible, valid and complete comes from par::wizard::SectionPageState.
#pragma once

#include <vector>

#include "gui/EditorPage.hpp"

namespace par {
struct Question;
}

namespace par::gui {

class QuestionPanel;
class TablePanel;
class RepeatPanel;

class SectionPage : public EditorPage {
public:
    SectionPage(wxWindow* parent, AuditEditorPanel& editor, size_t section);

    void reload() override;
    void refreshState() override;

    // Test hooks: the panel of a question (nullptr when it is of another kind or unknown).
    QuestionPanel* questionPanel(const std::string& id);
    TablePanel* tablePanel(const std::string& id);
    RepeatPanel* repeatPanel(const std::string& id);
    bool isShown(const std::string& id);

private:
    struct Block {
        const par::Question* question = nullptr;
        wxWindow* window = nullptr;
        QuestionPanel* scalar = nullptr;
        TablePanel* table = nullptr;
        RepeatPanel* repeat = nullptr;
    };
    Block* find(const std::string& id);

    size_t section_;
    std::vector<Block> blocks_;
};

}  // namespace par::gui
