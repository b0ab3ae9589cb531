// SPDX-License-Identifier: Apache-2.0
// PlanXlsx.hpp - a unit's plan as an Excel workbook (`plan export --format xlsx`, docs/tracking.md,
// "The workbook") and the filled workbook read back as a response (`plan import AUDIT FILE.xlsx`).
//   - sheet "Kế hoạch": the plan to read (notice, each action's finding, content, deadline as a real
//     date dd/mm/yyyy, status, the inspectors' notes), with how to answer;
//   - sheet "Trả lời": one row per action, the clerk fills "Ngày báo cáo", "Số văn bản báo cáo" and
//     "Ghi chú"; the id, content and deadline are locked (sheet protection, no password: it
//     prevents slips, not a determined user) and the action's fingerprint sits in a hidden column;
//   - sheet "Dữ liệu" (hidden): the plan file itself, exactly as `plan export` writes it, cut into
//     cells of at most 30,000 bytes.
// Reading (the dossier module's streaming XlsxReader): the plan is rebuilt from "Dữ liệu", every
// answer row is checked (a known id, its fingerprint unchanged, a real date, date given when
// anything is), and the answers become a response through `respond` with `made` = when the
// workbook was last saved (docProps/core.xml, else the file's time), so the import applies the same
// per-action checks as to any response. A workbook with any wrong or blank-but-needed cell is
// refused as a whole, each problem naming the sheet, the cell and what is wrong.
#pragma once

#include <string>

#include "core/tracking/PlanFile.hpp"
#include "core/tracking/ResponseArchive.hpp"

namespace par::track {

// Names of the sheets (Vietnamese: the workbook is for the unit's clerk).
extern const char* const kPlanSheet;
extern const char* const kAnswerSheet;
extern const char* const kDataSheet;

// The workbook's bytes. `agencyName` ("SỞ NỘI VỤ") heads the plan sheet; may be empty.
std::string planXlsx(const PlanFile& plan, const std::string& agencyName);

// Whether `path` is an .xlsx workbook (a zip holding xl/workbook.xml), by content.
bool isWorkbook(const std::string& path);

// The filled workbook as a response package (no evidence: a workbook carries none). Throws
// IoError / ParseError (not a plan workbook, damaged), or ImportRefused listing every wrong cell
// ("Trả lời!D5: '31/02/2019' không phải ngày có thật").
ResponsePackage readWorkbookResponse(const std::string& path);

// Any response a unit sends: a filled plan workbook, else readResponsePackage (.zip or .xml).
ResponsePackage readAnyResponse(const std::string& path);

}  // namespace par::track
