// SPDX-License-Identifier: Apache-2.0
// LocalizedText.hpp - a text that exists in Vietnamese (always) and optionally in English, as forms,
// rules and templates carry it.
#pragma once

#include <string>

namespace par {

struct LocalizedText {
    std::string vi;
    std::string en;

    // The text in the current message language, falling back to Vietnamese.
    const std::string& get() const;
    bool empty() const { return vi.empty() && en.empty(); }
};

}  // namespace par
