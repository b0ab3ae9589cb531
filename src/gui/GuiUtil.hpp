// SPDX-License-Identifier: Apache-2.0
// GuiUtil.hpp - the few helpers every GUI file needs: UTF-8 conversions between the core's
// std::string and wxString, and showing an error the core threw as a dialog (the GUI's edge for
// exceptions, STYLE.md rule 6).
#pragma once

#include <wx/string.h>
#include <wx/window.h>

#include <exception>
#include <string>
#include <vector>

namespace par::gui {

inline wxString wx(const std::string& utf8) { return wxString::FromUTF8(utf8.c_str()); }
inline std::string std8(const wxString& s) { return std::string(s.utf8_str()); }

// A modal error dialog for an exception the core threw while doing `what`.
void showError(wxWindow* parent, const wxString& what, const std::exception& e);
// Headless (self-test) mode: errors go to stderr instead of a modal dialog, and are counted.
void setHeadless(bool headless);
int headlessErrorCount();

// Colours of inline messages: errors in dark red, warnings (missing answers) in dark orange.
wxColour errorColour();
wxColour warningColour();

// The step list's status marks (complete, incomplete, errors) in characters the window's font
// shows: "✓ ○ ✗" where it has them (GTK finds any missing glyph in another font, so always there),
// else "√ ○ ×" (in every Windows UI font: WGL4), else "+ o x". On Windows a missing glyph is drawn
// as an empty box (seen under Wine), hence the check.
struct StatusMarks {
    wxString complete, incomplete, errors;
};
StatusMarks statusMarks(const wxWindow& window);

// Self-test screenshots: the window's area of the (virtual) screen saved as DIR/NAME.png with
// ImageMagick's `import`. Returns the file written, or "" when the command failed.
wxString screenshotWindow(wxWindow& window, const wxString& dir, const wxString& name);

}  // namespace par::gui

class wxSizer;
class wxStaticText;
namespace par {
struct Question;
}

namespace par::gui {

// The label (bold, wrapped, "*" when required) and help text of a question, added to `sizer`.
void addQuestionHeader(wxWindow* parent, wxSizer* sizer, const par::Question& q);
// A label for inline messages (hidden while empty).
wxStaticText* makeMessageLabel(wxWindow* parent);
// Shows errors first, then warnings, in their colours; hides the label when there is nothing to say.
void setMessages(wxStaticText* label, const std::vector<std::string>& errors,
                 const std::vector<std::string>& warnings);

// Breaks a short label (a grid column header) into lines of at most `chars` characters.
wxString wrapLabel(const wxString& text, size_t chars);

// Width at which question texts wrap.
constexpr int kWrapWidth = 760;

}  // namespace par::gui
