// SPDX-License-Identifier: Apache-2.0
// TestSupport.hpp - helpers shared by the tests: paths into the source tree, scratch directories,
// running the CLI and capturing its output.
#pragma once

#include <string>

namespace par::test {

// Absolute path of a file in the source tree ("samples/..." → "/.../samples/...").
inline std::string sourcePath(const std::string& relative) {
    return std::string(PAR_TEST_SOURCE_DIR) + "/" + relative;
}

// Path of an executable built into build/bin.
inline std::string binaryPath(const std::string& name) {
    return std::string(PAR_TEST_BINARY_DIR) + "/bin/" + name;
}

// A text single-quoted for a shell command line (run() below), a quote inside included.
inline std::string q(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// A fresh empty directory under the system temp dir, removed when the object dies.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& tag = "par-test");
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

struct CommandResult {
    int exitCode = -1;
    std::string out;  // standard output
    std::string err;  // standard error
};

// Runs a shell command line; captures stdout and stderr separately.
CommandResult run(const std::string& commandLine);

// Writes text to a file (throws on failure).
void writeText(const std::string& path, const std::string& text);
std::string readText(const std::string& path);

}  // namespace par::test
