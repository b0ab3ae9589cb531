// SPDX-License-Identifier: Apache-2.0
// FuzzSupport.hpp - what the harnesses share: the rule that a reader may refuse any input with a
// par::Error (a clear message) but nothing else, and a scratch file for readers that take a path.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/common/Error.hpp"

namespace par::fuzz {

inline std::string_view bytes(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Runs f; a par::Error is an accepted answer to bad input. Any other exception escapes, and
// libFuzzer reports it as a crash (an uncaught exception aborts).
template <typename F>
void refuseOnlyWithParError(F&& f) {
    try {
        f();
    } catch (const par::Error&) {
    }
}

// A per-process file under $TMPDIR holding the input, for readers that open a path.
inline const std::string& scratchFile(const char* suffix) {
    static const std::string path = [&] {
        const char* tmp = std::getenv("TMPDIR");
        return std::string(tmp && *tmp ? tmp : "/tmp") + "/par-fuzz-" + std::to_string(getpid()) +
               suffix;
    }();
    return path;
}

inline const std::string& writeScratch(std::string_view data, const char* suffix) {
    const std::string& path = scratchFile(suffix);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) std::abort();
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), f) != data.size()) std::abort();
    std::fclose(f);
    return path;
}

}  // namespace par::fuzz
