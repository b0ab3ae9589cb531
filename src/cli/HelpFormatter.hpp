// SPDX-License-Identifier: Apache-2.0
// HelpFormatter.hpp - CLI11's help with columns aligned by what the eye sees. CLI11 pads the option
// column with std::setw, which counts bytes, so a Vietnamese label such as "TÙY_CHỌN" (3 letters of
// 2 bytes) pushed its description out of line. This formatter pads by code points instead.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace par::cli {

class HelpFormatter : public CLI::Formatter {
public:
    std::string make_option(const CLI::Option* opt, bool isPositional) const override;
    std::string make_subcommand(const CLI::App* sub) const override;

    // One help line: "  name" padded to `width` code points, then the description (continuation
    // lines indented to the same column). Public for its test.
    static std::string helpLine(const std::string& name, const std::string& description,
                                std::size_t width);
};

}  // namespace par::cli
