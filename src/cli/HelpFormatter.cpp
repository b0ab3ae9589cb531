// SPDX-License-Identifier: Apache-2.0
#include "cli/HelpFormatter.hpp"

namespace par::cli {

namespace {
// Code points of UTF-8 text (NFC Vietnamese: one per letter; no double-width characters here).
std::size_t displayWidth(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}
}  // namespace

std::string HelpFormatter::helpLine(const std::string& name, const std::string& description,
                                    std::size_t width) {
    std::string out = "  " + name;
    const std::size_t shown = displayWidth(out);
    if (!description.empty()) {
        if (shown >= width)
            out += "\n" + std::string(width, ' ');
        else
            out += std::string(width - shown, ' ');
        for (char c : description) {
            out += c;
            if (c == '\n')
                out += std::string(width, ' ');
        }
    }
    out += "\n";
    return out;
}

std::string HelpFormatter::make_option(const CLI::Option* opt, bool isPositional) const {
    return helpLine(make_option_name(opt, isPositional) + make_option_opts(opt),
                    make_option_desc(opt), get_column_width());
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
    return helpLine(sub->get_display_name(true), sub->get_description(), get_column_width());
}

}  // namespace par::cli
