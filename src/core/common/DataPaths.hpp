// SPDX-License-Identifier: Apache-2.0
// DataPaths.hpp - where the bundled data lives (forms/, calendars/, templates/, reference/, bands/,
// samples/, fonts/ on Windows), found relative to the running executable, never through a path
// compiled into it:
//   1. $PAR_AUDIT_DATA if set;
//   2. <dir of the executable>/../share/par-audit (an installed tree: /usr/bin + /usr/share/par-audit,
//      an extracted .deb in any folder, the Windows install folder's bin\ + share\par-audit\);
//   3. in a build tree: the source tree named by the marker file <build>/par-audit-source-dir that
//      CMake writes beside bin/ (the executables of a build sit in <build>/bin);
//   4. else the current directory (a clear "file not found" then names the path tried).
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
// when neither variable is usable. On Windows: %XDG_DATA_HOME%\par-audit when that is an absolute
// path, else %APPDATA%\par-audit. The folder may not exist.
std::string userDataDirectory();
// The folder of the running executable, as UTF-8 ("" if the system does not tell).
std::string executableDirectory();

// Whether `name` is a bare file name that stays in the folder it is resolved in: not empty, at most
// 255 bytes, no '/' or '\\', not "." or "..", no control character. Names that come from files made
// elsewhere (evidence in a response, a template's <include>) must pass it, so that "../../etc/passwd"
// or "/etc/passwd" never reach the file system.
bool isPlainFileName(std::string_view name);

}  // namespace par
