// SPDX-License-Identifier: Apache-2.0
// BandScale.hpp - classification bands ("xếp loại") as configuration: no national scale exists, so
// each province keeps its own bands file (bands/*.xml, docs/scoring.md): labels and thresholds,
// checked on load (numbers, order, no gap, no overlap, 0 to 100 covered), every problem reported
// with file:line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/Error.hpp"

namespace par::scoring {

constexpr int kBandsFormatVersion = 1;
// Coverage (assessed / assessable scored criteria, percent) below which a total is provisional
// when the scale file says nothing (`min-coverage`); docs/scoring.md explains the choice.
constexpr double kDefaultMinCoverage = 70;

// Totals from `from` (inclusive) to `below` (exclusive); the highest band has no `below` and
// includes 100.
struct Band {
    std::string id;
    std::string label;    // Vietnamese, as printed
    std::string labelEn;  // optional
    double from = 0;
    std::optional<double> below;
    SourceLocation where;

    const std::string& displayLabel() const;  // in the message language, falling back to Vietnamese
    std::string range() const;                // "80,00 – dưới 90,00", "≥ 90,00"
};

class BandScale {
public:
    std::string id;
    std::string title;
    bool example = false;  // the shipped default: an illustration, not a regulation
    std::string file;
    // Below this coverage (percent of the assessable criteria assessed) a total and its band are
    // provisional ("tạm tính"): root attribute `min-coverage`, default kDefaultMinCoverage.
    double minCoverage = kDefaultMinCoverage;
    std::vector<Band> bands;  // highest first

    // Throws IoError (unreadable) or ParseError (file:line; several problems listed in one
    // message).
    static BandScale load(const std::string& path);
    static BandScale parse(std::string_view xml, const std::string& name);
    // bands/vi-du-mac-dinh.xml from the bundled data.
    static std::string defaultPath();

    // The band of a total, compared after rounding it to 2 decimals (as it is shown);
    // nullptr only for a total outside 0-100.
    const Band* classify(double total) const;
};

// "Khá" or, when the score's coverage is below the scale's threshold, "Khá (tạm tính)"; "—" when
// there is no band.
std::string bandLabel(const Band* band, bool provisional);

}  // namespace par::scoring
