// DossierApply.hpp - writes a log's per-year figures into an audit's dossier-results table
// (`ket_qua_giai_quyet`: one row per calendar year of receipt), so the form's late-handling rules
// turn them into findings. Rows are matched by `nam`; the counted columns are replaced, the
// inspectors' own columns (phieu_xin_loi, ghi_chu) are kept.
#pragma once

#include <string>
#include <vector>

#include "core/dossier/DossierStats.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"

namespace par::dossier {

constexpr const char* kResultsTable = "ket_qua_giai_quyet";

struct YearWritten {
    int year = 0;
    bool added = false;           // a new row (else an existing row updated)
    bool needsApologies = false;  // late dossiers but no phieu_xin_loi entered yet
    DossierCounts counts;
};

struct ApplyReport {
    std::vector<YearWritten> years;
    std::string summary() const;  // one line per year, for the change log and the CLI
};

// Whether the form has the results table with every column apply writes.
bool formHasResultsTable(const Form& form);

// Updates audit.answers (no logging, no saving). Throws UsageError, leaving the audit untouched,
// when the form has no such table or the figures hold no year.
ApplyReport applyYearFigures(Audit& audit, const Form& form, const DossierStats& stats);

}  // namespace par::dossier
