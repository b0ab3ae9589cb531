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

// Whether `name` is a bare file name that stays in the folder it is resolved in: not empty, at most
// 255 bytes, no '/' or '\\', not "." or "..", no control character. Names that come from files made
// elsewhere (evidence in a response, a template's <include>) must pass it, so that "../../etc/passwd"
// or "/etc/passwd" never reach the file system.
bool isPlainFileName(std::string_view name);

}  // namespace par
