// SPDX-License-Identifier: Apache-2.0
#include "core/model/LocalizedText.hpp"

#include "core/common/Text.hpp"

namespace par {

const std::string& LocalizedText::get() const {
    if (language() == Language::English && !en.empty()) return en;
    return vi.empty() ? en : vi;
}

}  // namespace par
