// SPDX-License-Identifier: Apache-2.0
// UnitFileName.hpp - file names for one output per responsible unit (`plan export --all`,
// `plan remind`): safe on Windows and on any shared drive, readable, derived from the unit's name.
// The stem is the name folded to ASCII (diacritics dropped, đ → d, lower case, every run of other
// characters one '-', at most 60 characters): "UBND xã Tân Thành" → "ubnd-xa-tan-thanh". Units whose
// stems fold the same ("Tân Thành" / "Tân Thạnh", different places: UnitName.hpp) each get a short
// disambiguator, the first 6 hex digits of the SHA-256 of their identity key, so neither file
// depends on which unit came first. A Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9) or an
// empty stem gets the same suffix ("don-vi-…" when nothing is left).
#pragma once

#include <string>
#include <vector>

namespace par::track {

// The ASCII slug alone ("ubnd-xa-tan-thanh"); may be empty.
std::string unitSlug(const std::string& unit);

// One stem per unit, in the order given. Units with the same identity (unitKey) get the same stem:
// callers pass each unit once.
std::vector<std::string> unitFileStems(const std::vector<std::string>& units);

}  // namespace par::track
