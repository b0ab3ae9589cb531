// Utf8.cpp - UTF-8 validation (Text.hpp), kept apart because simdjson's header is large. Audit files
// are checked whole before they are read (the register reads 530 MB for 10,000 of them:
// docs/performance.md); simdjson validates with the vector instructions the processor has, chosen
// at run time, and by the Unicode standard's rules (no overlong forms, surrogates or code points
// past U+10FFFF), like the byte-by-byte check it replaced.
#include <simdjson.h>

#include "core/common/Text.hpp"

namespace par {

bool isValidUtf8(std::string_view bytes) { return simdjson::validate_utf8(bytes.data(), bytes.size()); }

}  // namespace par
