// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/UnitFileName.hpp"

#include <map>

#include "core/common/Sha256.hpp"
#include "core/common/Text.hpp"
#include "core/common/UnitName.hpp"

namespace par::track {

namespace {
constexpr size_t kMaxSlug = 60;

bool windowsDeviceName(const std::string& s) {
    if (s == "con" || s == "prn" || s == "aux" || s == "nul")
        return true;
    return s.size() == 4 && (s.compare(0, 3, "com") == 0 || s.compare(0, 3, "lpt") == 0) &&
           s[3] >= '1' && s[3] <= '9';
}

std::string disambiguator(const std::string& unit) {
    return sha256Hex(unitKey(unit)).substr(0, 6);
}
}  // namespace

std::string unitSlug(const std::string& unit) {
    // foldKey: NFC, diacritics dropped, đ → d, lower case; what is still not ASCII becomes '-'.
    std::string folded = foldKey(unit);
    std::string out;
    bool dash = false;
    for (unsigned char c : folded) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && !out.empty())
                out += '-';
            dash = false;
            out += static_cast<char>(c);
        } else {
            dash = true;
        }
    }
    if (out.size() > kMaxSlug) {
        out.resize(kMaxSlug);
        if (size_t cut = out.rfind('-'); cut != std::string::npos && cut > kMaxSlug / 2)
            out.resize(cut);
        while (!out.empty() && out.back() == '-')
            out.pop_back();
    }
    return out;
}

std::vector<std::string> unitFileStems(const std::vector<std::string>& units) {
    std::vector<std::string> slugs;
    std::map<std::string, std::map<std::string, int>> identities;  // slug → unit keys using it
    for (const auto& u : units) {
        slugs.push_back(unitSlug(u));
        identities[slugs.back()][unitKey(u)]++;
    }
    std::vector<std::string> stems;
    for (size_t i = 0; i < units.size(); ++i) {
        const std::string& s = slugs[i];
        if (s.empty())
            stems.push_back("don-vi-" + disambiguator(units[i]));
        else if (identities[s].size() > 1 || windowsDeviceName(s))
            stems.push_back(s + "-" + disambiguator(units[i]));
        else
            stems.push_back(s);
    }
    return stems;
}

}  // namespace par::track
