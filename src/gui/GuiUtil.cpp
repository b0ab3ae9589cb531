// SPDX-License-Identifier: Apache-2.0
#include "gui/GuiUtil.hpp"

#include <wx/arrstr.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include <cstdio>

#ifdef __WXMSW__
#include <windows.h>

#include <algorithm>
#include <string>
#include <vector>
#endif

namespace par::gui {

namespace {
bool g_headless = false;
int g_errors = 0;
}  // namespace

void setHeadless(bool headless) { g_headless = headless; }
int headlessErrorCount() { return g_errors; }

void showError(wxWindow* parent, const wxString& what, const std::exception& e) {
    if (g_headless) {
        ++g_errors;
        std::fprintf(stderr, "%s: %s\n", what.utf8_str().data(), e.what());
        return;
    }
    wxMessageDialog dlg(parent, wx(e.what()), what, wxOK | wxICON_ERROR);
    dlg.ShowModal();
}

wxColour errorColour() { return wxColour(170, 20, 20); }
wxColour warningColour() { return wxColour(160, 90, 0); }

}  // namespace par::gui

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/model/Form.hpp"

namespace par::gui {

void addQuestionHeader(wxWindow* parent, wxSizer* sizer, const par::Question& q) {
    wxString text = wx(q.label.get());
    if (q.required) text += " *";
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold());
    label->Wrap(kWrapWidth);
    sizer->Add(label, 0, wxBOTTOM, 3);
    if (!q.help.empty()) {
        auto* help = new wxStaticText(parent, wxID_ANY, wx(q.help.get()));
        help->SetForegroundColour(wxColour(90, 90, 90));
        help->SetFont(help->GetFont().Smaller());
        help->Wrap(kWrapWidth);
        sizer->Add(help, 0, wxBOTTOM, 3);
    }
}

wxStaticText* makeMessageLabel(wxWindow* parent) {
    auto* label = new wxStaticText(parent, wxID_ANY, "");
    label->Hide();
    return label;
}

void setMessages(wxStaticText* label, const std::vector<std::string>& errors, const std::vector<std::string>& warnings) {
    wxString text;
    for (const auto& e : errors) text += (text.empty() ? "" : "\n") + wx(e);
    if (errors.empty())
        for (const auto& w : warnings) text += (text.empty() ? "" : "\n") + wx(w);
    label->SetForegroundColour(errors.empty() ? warningColour() : errorColour());
    if (label->GetLabel() != text) {
        label->SetLabel(text);
        label->Wrap(kWrapWidth);
    }
    label->Show(!text.empty());
}

}  // namespace par::gui

namespace par::gui {

wxString wrapLabel(const wxString& text, size_t chars) {
    wxString out, line;
    for (const auto& word : wxSplit(text, ' ', '\0')) {
        if (!line.empty() && line.length() + 1 + word.length() > chars) {
            out += (out.empty() ? "" : "\n") + line;
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
    return out;
}

}  // namespace par::gui

namespace par::gui {

namespace {
#ifdef __WXMSW__
// Whether the font itself has a glyph for every character (no font linking: what a plain control
// draws without a box).
bool fontHasGlyphs(const wxFont& font, const wxString& chars) {
    HDC dc = ::CreateCompatibleDC(nullptr);
    if (!dc) return false;
    HGDIOBJ old = ::SelectObject(dc, font.GetHFONT());
    const std::wstring w = chars.ToStdWstring();
    std::vector<WORD> glyphs(w.size());
    const DWORD got = ::GetGlyphIndicesW(dc, w.c_str(), static_cast<int>(w.size()), glyphs.data(),
                                         GGI_MARK_NONEXISTING_GLYPHS);
    ::SelectObject(dc, old);
    ::DeleteDC(dc);
    return got != GDI_ERROR && std::none_of(glyphs.begin(), glyphs.end(), [](WORD g) { return g == 0xFFFF; });
}
#endif
}  // namespace

StatusMarks statusMarks(const wxWindow& window) {
    const StatusMarks sets[] = {
        {wxString::FromUTF8("✓"), wxString::FromUTF8("○"), wxString::FromUTF8("✗")},
        {wxString::FromUTF8("√"), wxString::FromUTF8("○"), wxString::FromUTF8("×")},
        {"+", "o", "x"},
    };
#ifdef __WXMSW__
    const wxFont font = window.GetFont();
    for (const auto& s : sets)
        if (fontHasGlyphs(font, s.complete + s.incomplete + s.errors)) return s;
    return sets[2];
#else
    (void)window;
    return sets[0];
#endif
}

wxString screenshotWindow(wxWindow& window, const wxString& dir, const wxString& name) {
    window.Update();
    const wxSize size = window.GetSize();
    const wxPoint pos = window.GetScreenPosition();
#ifdef __WXMSW__
    // Windows: no ImageMagick there, and this static wx has no PNG handler: the window's pixels are
    // copied from the screen into a BMP (scripts/test-windows.sh turns them into PNG).
    const wxString file = dir + "/" + name + ".bmp";
    wxBitmap bitmap(size.x, size.y, 24);
    {
        wxScreenDC screen;
        wxMemoryDC memory(bitmap);
        memory.Blit(0, 0, size.x, size.y, &screen, pos.x, pos.y);
    }
    return bitmap.SaveFile(file, wxBITMAP_TYPE_BMP) ? file : wxString();
#else
    const wxString file = dir + "/" + name + ".png";
    const wxString cmd = wxString::Format("import -window root -crop %dx%d+%d+%d +repage %s",
                                          size.x, size.y, pos.x, pos.y, file);
    return wxExecute(cmd, wxEXEC_SYNC | wxEXEC_NOEVENTS) == 0 ? file : wxString();
#endif
}

}  // namespace par::gui
