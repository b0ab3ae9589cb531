// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/BundledForms.hpp"

#include <algorithm>
#include <filesystem>

#include "core/common/DataPaths.hpp"
#include "core/model/AuditBundle.hpp"

namespace par::wizard {

std::vector<FormSummary> bundledForms() {
    namespace fs = std::filesystem;
    std::vector<FormSummary> out;
    std::error_code ec;
    std::string dir = dataPath("forms");
    auto reference = ReferenceData::bundled();
    for (const auto& de : fs::directory_iterator(fs::u8path(dir), ec)) {
        if (de.path().extension() != ".xml") continue;
        try {
            auto form = loadFormByPathOrId(de.path().u8string(), reference);
            out.push_back({form->id, de.path().u8string(), form->title.get(), form->unitTypes});
        } catch (const std::exception&) {
            // Not a valid form: not offered.
        }
    }
    std::sort(out.begin(), out.end(), [](const FormSummary& a, const FormSummary& b) { return a.id < b.id; });
    return out;
}

}  // namespace par::wizard
