// SPDX-License-Identifier: Apache-2.0
#include "cli/HelpFormatter.hpp"

#include "core/common/Text.hpp"

namespace par::cli {

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
