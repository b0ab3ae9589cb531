// SPDX-License-Identifier: Apache-2.0
// OutputPage.hpp - the last step: where the audit stands (required answers, errors, findings to
// review), saving it, and the documents made from it (the conclusion notice and the remediation plan
// as PDF, opened with the system viewer) once the report engine is part of the build, and the check
// of a signed document (fingerprint and signatures, as `par-audit verify`).
#pragma once

#include <wx/button.h>
#include <wx/stattext.h>

#include "gui/EditorPage.hpp"

namespace par::gui {

class OutputPage : public EditorPage {
public:
    OutputPage(wxWindow* parent, AuditEditorPanel& editor);
    void reload() override;
    void refreshState() override { reload(); }

    // Prints a document (0 notice, 1 plan, 2 minutes) to `path` through the core's DocumentPrinter,
    // after saving the audit when it has unsaved changes (a document is made from the audit as
    // saved); `draft` prints what is missing as a draft. Test hook and the buttons' action.
    bool makeDocument(int kind, const wxString& path, bool draft = false);

    // Checks a PDF as `par-audit verify` does (fingerprint against this audit, every signature,
    // certificates against "tin-cay/" beside the audit when present); `text` the report. Test hook.
    bool checkDocument(const wxString& path, wxString& text);

private:
    void chooseAndMake(int kind);
    void chooseAndCheck();

    wxStaticText* summary_ = nullptr;
    wxStaticText* where_ = nullptr;
    wxStaticText* documentStatus_ = nullptr;
    wxButton* open_ = nullptr;
    wxString lastDocument_;
};

}  // namespace par::gui
