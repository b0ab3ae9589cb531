// SPDX-License-Identifier: Apache-2.0
#include "gui/Localization.hpp"

#include <wx/config.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include <clocale>
#include <cstring>

#include "core/common/Text.hpp"

namespace par::gui {

namespace {
wxString g_current = "vi";
}

void Localization::apply(const wxString& lang) {
    g_current = lang == "en" ? "en" : "vi";
    par::setLanguage(g_current == "en" ? par::Language::English : par::Language::Vietnamese);

    // Catalogs, relative to the executable: <prefix>/bin/../share/locale when installed (also the
    // Windows install folder), <build>/bin/../locale in a build tree. No compiled-in path.
    wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath() + "/../share/locale");
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath() + "/../locale");

    // GTK translates its own parts (stock buttons, the native file and message dialogs) with gettext
    // in the process locale. Without a vi_VN locale installed, C.UTF-8 plus LANGUAGE still selects
    // GTK's Vietnamese catalog (glibc ignores LANGUAGE only in the plain "C" locale).
#ifdef LC_MESSAGES  // (GTK only: Windows has no LC_MESSAGES and draws its own dialogs)
    const char* messages = std::setlocale(LC_MESSAGES, nullptr);
    if (messages == nullptr || std::strcmp(messages, "C") == 0 || std::strcmp(messages, "POSIX") == 0)
        std::setlocale(LC_MESSAGES, "C.UTF-8");
#endif
    wxSetEnv("LANGUAGE", g_current);

    auto* t = new wxTranslations;
    wxTranslations::Set(t);  // owned by wx from here on
    if (g_current == "vi") {
        t->SetLanguage("vi");
        // Our catalog first: it also translates the wx stock strings wx3.2-i18n has no Vietnamese for.
        t->AddCatalog("par-audit-gui", wxLANGUAGE_ENGLISH_US);
        t->AddStdCatalog();
    } else {
        t->SetLanguage(wxLANGUAGE_ENGLISH_US);
    }
}

wxString Localization::current() { return g_current; }

wxString Localization::saved() {
    wxString lang = "vi";
    wxConfigBase::Get()->Read("/Settings/Language", &lang, "vi");
    return lang;
}

void Localization::save(const wxString& lang) {
    wxConfigBase::Get()->Write("/Settings/Language", lang);
    wxConfigBase::Get()->Flush();
}

}  // namespace par::gui
