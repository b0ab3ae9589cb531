// SPDX-License-Identifier: Apache-2.0
// PlanBatch.hpp - `plan export AUDIT --all -o DIR`: one plan per responsible unit of an audit, in
// one of the exchange's forms (XML, the browser form, the workbook), named after the unit
// (UnitFileName.hpp: "ubnd-xa-tan-thanh-ec0b42.plan.xml"), all built in memory first and written
// together (FileSet.hpp): nothing half-written.
#pragma once

#include <string>
#include <vector>

#include "core/model/Audit.hpp"
#include "core/tracking/PlanFile.hpp"

namespace par::track {

enum class PlanFormat { Xml, Html, Xlsx };

// "xml", "html", "xlsx"; throws UsageError for anything else.
PlanFormat parsePlanFormat(const std::string& name);
// The file-name ending: ".plan.xml", ".plan.html", ".plan.xlsx".
const char* planExtension(PlanFormat format);
// The bytes of `audit`'s plan in that form, to be written to `path` (the HTML form names the
// response it saves after it: PlanHtml.hpp).
std::string planBytes(const Audit& audit, const PlanFile& plan, PlanFormat format,
                      const std::string& path);

struct WrittenPlan {
    std::string unit;
    std::string path;
    size_t actions = 0;
};

// Every responsible unit's plan (each unit once, by identity: UnitName.hpp), written into
// `folder` (created when missing). Throws UsageError when the audit has no actions.
std::vector<WrittenPlan> exportAllPlans(const Audit& audit, const std::string& folder,
                                        PlanFormat format);

}  // namespace par::track
