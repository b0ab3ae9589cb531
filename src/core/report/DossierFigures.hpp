// SPDX-License-Identifier: Apache-2.0
// DossierFigures.hpp - the dossier-results table a notice prints under the procedures area: the
// yearly figures the team entered in the form's `ket_qua_giai_quyet` table (received, resolved
// early / on time / late, apology slips), with the on-time rate computed and the numbers written in
// Vietnamese style (17.334).
#pragma once

#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"
#include "core/report/Data.hpp"

namespace par::report {

// The id of the table question the figures come from.
constexpr const char* kDossierTable = "ket_qua_giai_quyet";

// A list of rows {year, received, early, onTime, late, inTime, resolved, rate, rate766, apologies,
// unknownProcedure, note}; empty when the form has no such table or the audit no rows. Cells left
// empty stay empty ("" not "0"). rate766 is computed from the row's figures, else taken from the
// row's `ty_le_dung_han_766` (written by `dossiers apply`), else "—"; unknownProcedure is the
// row's `khong_ro_thu_tuc`.
Data dossierFigures(const Audit& audit, const Form& form);

}  // namespace par::report
