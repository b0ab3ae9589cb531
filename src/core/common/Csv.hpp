// SPDX-License-Identifier: Apache-2.0
// Csv.hpp - writing CSV the way every export of par-audit does (RFC 4180): a field is quoted only
// when it holds a comma, a double quote or a line break, quotes inside are doubled, and rows end
// with CRLF. Exports put the UTF-8 byte-order mark (kCsvBom) first so that Excel shows diacritics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace par {

inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

// One field, quoted when needed.
std::string csvField(std::string_view s);

// Appends the fields as one row, separated by commas and ended by CRLF.
void appendCsvRow(std::string& out, const std::vector<std::string>& fields);

}  // namespace par
