// DataPaths.hpp - where the bundled data lives (forms/, calendars/, templates/, reference/):
// $PAR_AUDIT_DATA if set, else the installed share/par-audit, else the source tree it was built from.
#pragma once

#include <string>
#include <string_view>

namespace par {

// The directory holding the bundled data folders.
std::string dataDirectory();

// dataDirectory() + "/" + relative.
std::string dataPath(const std::string& relative);

// The user's own data folder, where an office adds data without touching the installation
// (calendars/ today): $XDG_DATA_HOME/par-audit when XDG_DATA_HOME is set to an absolute path (the
// XDG Base Directory rule: a relative value is ignored), else $HOME/.local/share/par-audit; empty
// when neither variable is usable. The folder may not exist.
std::string userDataDirectory();

// Whether `name` is a bare file name that stays in the folder it is resolved in: not empty, at most
// 255 bytes, no '/' or '\\', not "." or "..", no control character. Names that come from files made
// elsewhere (evidence in a response, a template's <include>) must pass it, so that "../../etc/passwd"
// or "/etc/passwd" never reach the file system.
bool isPlainFileName(std::string_view name);

}  // namespace par
