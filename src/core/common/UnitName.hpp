// SPDX-License-Identifier: Apache-2.0
// UnitName.hpp - one rule for "is this the same unit?" wherever names typed by people, exported by
// one-stop systems or written in audits meet (dossier logs, plans, registers). The key is an exact
// identity after normalising only what does not change a name:
//   - Unicode form (NFC or NFD: macOS and some web exports decompose),
//   - letter case ("UBND XÃ" / "UBND xã"),
//   - white space (runs of spaces, tabs, no-break spaces; leading and trailing),
//   - where the tone mark sits in a syllable, old or new style ("Hoà" / "Hòa", "Thuỷ" / "Thủy").
// Any other difference keeps the names apart: a different tone or vowel mark ("Tân Thành" is not
// "Tân Thạnh"), d / đ, i / y, a hyphen, an abbreviation ("UBND" / "Ủy ban nhân dân").
// Unlike foldKey (Text.hpp), which drops every diacritic for searching, this never merges two
// names that Vietnamese readers tell apart.
#pragma once

#include <string>
#include <string_view>

namespace par {

// The key (UTF-8; compare keys, do not show them). Invalid UTF-8 is keyed by its bytes.
std::string unitKey(std::string_view name);

inline bool sameUnitName(std::string_view a, std::string_view b) {
    return unitKey(a) == unitKey(b);
}

}  // namespace par
