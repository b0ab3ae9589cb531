// SPDX-License-Identifier: Apache-2.0
#include "TestSupport.hpp"

#ifndef _WIN32
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace par::test {

ScratchDir::ScratchDir(const std::string& tag) {
#ifdef _WIN32
    // No mkdtemp: a random name, created exclusively (create_directory is false if it exists).
    std::random_device rd;
    for (int attempt = 0; attempt < 100 && path_.empty(); ++attempt) {
        auto p = std::filesystem::temp_directory_path() / (tag + "-" + std::to_string(rd()));
        if (std::filesystem::create_directory(p)) path_ = p.u8string();
    }
    if (path_.empty()) throw std::runtime_error("cannot create a scratch directory");
#else
    std::string templ = (std::filesystem::temp_directory_path() / (tag + "-XXXXXX")).string();
    if (::mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
#endif
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(std::filesystem::u8path(path_), ec);
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream out(std::filesystem::u8path(path), std::ios::binary);  // UTF-8 also on Windows
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string readText(const std::string& path) {
    std::ifstream in(std::filesystem::u8path(path), std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

CommandResult run(const std::string& commandLine) {
    ScratchDir dir("par-run");
    std::string outFile = dir.file("out"), errFile = dir.file("err");
#ifdef _WIN32
    // cmd.exe: the command lines of the CLI tests are POSIX sh (VAR=value prefixes, '…' quoting),
    // so those tests are not built for Windows (tests/windows/skip.txt); this serves plain ones.
    std::string full = commandLine + " >\"" + outFile + "\" 2>\"" + errFile + "\" <NUL";
    int status = std::system(full.c_str());
    CommandResult r;
    r.exitCode = status;
#else
    std::string full = "(" + commandLine + ") >" + outFile + " 2>" + errFile + " </dev/null";
    int status = std::system(full.c_str());
    CommandResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#endif
    r.out = readText(outFile);
    r.err = readText(errFile);
    return r;
}

}  // namespace par::test
