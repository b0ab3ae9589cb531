// SPDX-License-Identifier: Apache-2.0
// posix_env.hpp - setenv/unsetenv for the tests built for Windows (MinGW has neither), forced into
// every test source of the Windows build by tests/CMakeLists.txt (-include), so that the tests that
// set a variable for themselves or for the programs they start build unchanged. _putenv_s with an
// empty value removes the variable.
#pragma once

#include <cstdlib>

#ifdef _WIN32
inline int setenv(const char* name, const char* value, int overwrite) {
    if (overwrite == 0 && std::getenv(name) != nullptr) return 0;
    return ::_putenv_s(name, value);
}
inline int unsetenv(const char* name) { return ::_putenv_s(name, ""); }
#endif
