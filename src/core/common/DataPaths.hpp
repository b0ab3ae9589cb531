// DataPaths.hpp - where the bundled data lives (forms/, calendars/, templates/, reference/):
// $PAR_AUDIT_DATA if set, else the installed share/par-audit, else the source tree it was built from.
#pragma once

#include <string>

namespace par {

// The directory holding the bundled data folders.
std::string dataDirectory();

// dataDirectory() + "/" + relative.
std::string dataPath(const std::string& relative);

}  // namespace par
