// SPDX-License-Identifier: Apache-2.0
// PlanHtml.hpp - a unit's plan as one self-contained HTML form (docs/tracking.md, "The HTML form"):
// the page templates/plan-form/plan-form.html with plan-form.css and plan-form.js put inline and
// the plan embedded as JSON in a <script type="application/json"> data island. The clerk opens it
// offline in a browser, fills the reports, attaches evidence, and the page saves the response file
// `plan import` reads. The data island is built with nlohmann-json and escaped for the HTML script
// context, so no text of the audit (a finding quoting "</script>", quotes, U+2028) can end the
// element or the string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/Audit.hpp"
#include "core/tracking/PlanFile.hpp"
#include "core/tracking/ResponseArchive.hpp"

namespace par::track {

// What the page shows and checks besides the plan itself.
struct PlanFormInfo {
    std::string inspectingParent;  // "UBND TỈNH NGHỆ AN"
    std::string inspectingName;    // "SỞ NỘI VỤ"
    std::string responseName;      // the saved file's name without .zip / .xml
    // The evidence limits the import enforces (the page refuses earlier, with the same numbers).
    std::uint64_t evidenceFileBytes = kMaxEvidenceFileBytes;
    std::uint64_t evidenceTotalBytes = kMaxResponseBytes;
    std::uint64_t evidenceNameChars = kMaxEvidenceNameChars;
};

// The info for `audit`'s plan written to `htmlPath`: "x/quynh-luu.plan.html" saves
// "quynh-luu.response.zip" (or ".xml" without attachments).
PlanFormInfo planFormInfo(const Audit& audit, const std::string& htmlPath);

// The form's template: the page skeleton with its three placeholders {{STYLE}}, {{SCRIPT}} and
// {{PLAN_DATA}} (each exactly once), and the CSS and JS it inlines (templates/plan-form/).
struct PlanFormTemplate {
    std::string html, css, js;
    std::string name;  // for messages: the skeleton's path
};

// The installed template (dataPath("templates/plan-form/plan-form.{html,css,js}")). Throws
// IoError when a part cannot be read.
PlanFormTemplate loadPlanFormTemplate();

// The page: the skeleton with the CSS, the JS and the plan's data island put in. Throws
// UsageError naming the template when a placeholder is missing or repeated, or when the CSS or JS
// holds "</style", "</script" or "<!--" (which would end its element early).
std::string planFormHtml(const PlanFile& plan, const PlanFormInfo& info,
                         const PlanFormTemplate& tpl);

// The same with the installed template.
std::string planFormHtml(const PlanFile& plan, const PlanFormInfo& info);

// JSON text made safe inside <script type="application/json">: inside its strings, '<', '>', '&',
// ':', U+2028 and U+2029 written as \u escapes and '/' as "\/" (the same characters once parsed),
// so the text holds no "</script", "<!--" or line separator, and no "http:" or "//" even when the
// audit quotes an address: the page as a whole never names a URL, which its test checks.
std::string scriptSafeJson(std::string_view json);

}  // namespace par::track
