// SPDX-License-Identifier: Apache-2.0
// The one Catch2 main shared by every test executable.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <cstdlib>

namespace {
// The tests never read the developer's own data folder (~/.local/share/par-audit/calendars/ would
// change every deadline): $XDG_DATA_HOME points at an empty folder of the build tree, for the test
// executables and for the par-audit processes they start. A test that needs a user folder sets
// XDG_DATA_HOME itself.
#ifdef _WIN32  // (Wine passes the Unix environment on: the same variable matters there)
const bool isolatedUserData =
    ::_putenv_s("XDG_DATA_HOME", PAR_TEST_BINARY_DIR "/test-xdg-data") == 0;
#else
const bool isolatedUserData =
    ::setenv("XDG_DATA_HOME", PAR_TEST_BINARY_DIR "/test-xdg-data", 1) == 0;
#endif
}  // namespace
