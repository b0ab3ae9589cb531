// SPDX-License-Identifier: Apache-2.0
// Utf8.cpp - UTF-8 validation (Text.hpp), kept apart because simdjson's header is large. Audit files
// are checked whole before they are read (the register reads 530 MB for 10,000 of them:
// docs/performance.md); simdjson validates with the vector instructions the processor has, chosen
// at run time, and by the Unicode standard's rules (no overlong forms, surrogates or code points
// past U+10FFFF), like the byte-by-byte check it replaced.
#include <simdjson.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/common/Text.hpp"

namespace par {

bool isValidUtf8(std::string_view bytes) { return simdjson::validate_utf8(bytes.data(), bytes.size()); }

size_t firstInvalidUtf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const int32_t length = static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX));
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return static_cast<size_t>(start);
    }
    return std::string_view::npos;
}

int lineOfOffset(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    int line = 1;
    const char* p = text.data();
    const char* end = p + offset;
    while (p < end) {
        const void* hit = std::memchr(p, '\n', static_cast<size_t>(end - p));
        const char* stop = hit != nullptr ? static_cast<const char*>(hit) : end;
        // A CR not followed by LF ends a line too (files saved with CR-only line ends).
        for (const char* q = p; q < stop; ++q)
            if (*q == '\r' && (q + 1 >= text.data() + text.size() || q[1] != '\n')) ++line;
        if (hit == nullptr) break;
        ++line;
        p = stop + 1;
    }
    return line;
}

}  // namespace par
