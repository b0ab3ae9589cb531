// SPDX-License-Identifier: Apache-2.0
// Ranking.hpp - the provincial ranking: every audit of a workspace (a folder of *.audit.xml, read
// recursively) scored, the audits of one year (optionally one unit type) ranked by total, with the
// per-area scores, the band, and the change since the same unit's audit of the year before. Equal
// totals (at 2 decimals) share a rank (1, 2, 2, 4). Files that cannot be read are skipped with a
// warning, never fatal. docs/scoring.md describes each choice.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/Error.hpp"
#include "core/common/Progress.hpp"
#include "core/model/Audit.hpp"
#include "core/scoring/BandScale.hpp"
#include "core/scoring/Scorer.hpp"

namespace par::scoring {

struct ScoredAudit {
    std::string file;
    std::string auditId;
    InspectedUnit unit;
    InspectingBody body;
    std::string formId;
    std::optional<Date> date;  // the day that gives the year
    int year = 0;
    AuditScore score;
};

struct WorkspaceScan {
    std::vector<ScoredAudit> audits;  // path order
    std::vector<Problem> skipped;     // one warning per file left out: "file: reason"
};

// The year of an audit: the year of its visit (its end, else its start), else of its notice date.
std::optional<Date> auditDate(const Audit& audit);

// Same unit across years: par::unitKey of the name (case, spacing, Unicode form and tone-mark
// placement ignored; any other diacritic difference is another unit) plus the folded type.
std::string unitKey(const InspectedUnit& unit);

// Opens and scores every *.audit.xml under `dir`. Throws IoError only when `dir` itself cannot be
// read; a file that fails to load or has no date is skipped and reported.
WorkspaceScan scanWorkspace(const std::string& dir, Progress* progress = nullptr);

struct RankedArea {
    std::string id;
    std::string label;
};

struct RankEntry {
    std::string file;
    std::string unitName;
    std::string unitType;
    double total = 0;
    // Parallel to Ranking::areas; nullopt when not scored. Shown as percent(): the share of what
    // was assessed in the area, comparable across units whatever the others' coverage.
    std::vector<std::optional<AreaScore>> areas;
    int assessed = 0;  // criteria assessed (AuditScore::assessed)
    int assessable = 0;
    bool provisional = false;  // coverage below the scale's min-coverage
    std::string band;  // label ("" when the scale leaves the total out)
    std::string bandId;
    int rank = 0;  // 1-based; equal totals share it
    bool tied = false;
    std::optional<double> previousTotal;  // same unit, year - 1
    std::string previousFile;
    std::optional<double> change() const;  // total - previousTotal (rounded values)
};

struct TieGroup {
    int rank = 0;
    double total = 0;
    std::vector<std::string> units;  // display order
};

struct Ranking {
    int year = 0;
    std::string type;  // unit-type filter, empty for all
    std::vector<RankedArea> areas;
    std::vector<RankEntry> entries;  // display order: rank, then unit name
    std::vector<TieGroup> ties;
    std::vector<std::string> notes;  // audits left out of the ranking and why
    BandScale bands;
    InspectingBody body;  // of the first ranked audit: the Department that made the ranking

    // Sentences explaining the ties and the display order, in the message language.
    std::vector<std::string> tieExplanations() const;
};

// Ranks the audits of `year` (and of `type` when not empty). Two audits of one unit in a year: the
// later one counts, the other is named in notes.
Ranking rankAudits(const std::vector<ScoredAudit>& audits, int year, const std::string& type,
                   const BandScale& bands);

}  // namespace par::scoring
