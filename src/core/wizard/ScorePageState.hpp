// SPDX-License-Identifier: Apache-2.0
// ScorePageState.hpp - the score page: the audit's score from its form (par::scoring::Scorer, the
// same as `par-audit score`), per section and in total, the band from a band scale (the shipped
// default is an EXAMPLE, which the page must say), recomputed only when the session changed.
#pragma once

#include <string>
#include <vector>

#include "core/scoring/BandScale.hpp"
#include "core/scoring/Scorer.hpp"
#include "core/wizard/AuditSession.hpp"

namespace par::wizard {

// One line of the page's table, already formatted ("—" where a section scores nothing).
struct ScoreRow {
    std::string label;
    std::string points;     // "12,00"
    std::string penalties;  // "3,00" or ""
    std::string max;        // "15,00" or "—"
    std::string share;      // "10,00 %" of the total, or "—"
    std::string contribution;  // points of the 100-point total, or "—"
    bool scored = false;
};

class ScorePageState {
public:
    // `bandsPath` empty: the bundled default scale (an example). Throws what BandScale::load throws.
    explicit ScorePageState(AuditSession& session, const std::string& bandsPath = "");

    // Scores again when the audit changed since the last call; true when it did.
    bool refresh();
    const scoring::AuditScore& score() const { return score_; }
    const scoring::BandScale& bands() const { return bands_; }

    bool scorable() const { return score_.scorable; }
    std::string totalText() const;   // "72,35 / 100" or "—"
    std::string bandText() const;  // "Khá", "Khá (tạm tính)" below the scale's coverage, or "—"
    std::string coverageText() const;  // "đã chấm 41/58 tiêu chí (70,69%)"
    // "Thang xếp loại: … — VÍ DỤ, không phải quy định" (bandsDescription).
    std::string scaleText() const;
    bool exampleScale() const { return bands_.example; }
    std::vector<ScoreRow> sections() const;
    // Rule findings the score counts that the audit file does not have yet, and problems.
    std::vector<std::string> notes() const;

private:
    AuditSession& session_;
    scoring::BandScale bands_;
    scoring::AuditScore score_;
    unsigned long scoredAt_ = ~0UL;
};

}  // namespace par::wizard
