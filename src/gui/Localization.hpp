// SPDX-License-Identifier: Apache-2.0
// Localization.hpp - the app's language, set up once at start (Poedit's habit): wxTranslations with
// the par-audit-gui catalog (English msgids, po/vi.po) and wx's own catalog, and the core's message
// language (par::setLanguage) to match. Vietnamese by default; English from --lang en or the setting.
#pragma once

#include <wx/string.h>

namespace par::gui {

class Localization {
public:
    // `lang` is "vi" or "en"; anything else means Vietnamese.
    static void apply(const wxString& lang);
    static wxString current();
    // The language chosen in the settings (takes effect at the next start).
    static wxString saved();
    static void save(const wxString& lang);
};

}  // namespace par::gui
