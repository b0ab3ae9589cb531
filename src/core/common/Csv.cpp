// SPDX-License-Identifier: Apache-2.0
#include "core/common/Csv.hpp"

namespace par {

std::string csvField(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

void appendCsvRow(std::string& out, const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i != 0)
            out += ',';
        out += csvField(fields[i]);
    }
    out += "\r\n";
}

}  // namespace par
