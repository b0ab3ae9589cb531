// PlanHtml.hpp - a unit's plan as one self-contained HTML form (docs/tracking.md, "The HTML form"):
// the page templates/plan-form/plan-form.html (its CSS and JS inline) with the plan embedded as
// JSON in a <script type="application/json"> data island. The clerk opens it offline in a browser,
// fills the reports, attaches evidence, and the page saves the response file `plan import` reads.
// The data island is built with nlohmann-json and escaped for the HTML script context, so no text
// of the audit (a finding quoting "</script>", quotes, U+2028) can end the element or the string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/Audit.hpp"
#include "core/tracking/PlanFile.hpp"

namespace par::track {

// What the page shows and checks besides the plan itself.
struct PlanFormInfo {
    std::string inspectingParent;  // "UBND TỈNH NGHỆ AN"
    std::string inspectingName;    // "SỞ NỘI VỤ"
    std::string responseName;      // the saved file's name without .zip / .xml
    // The evidence limits the import enforces (the page refuses earlier, with the same numbers).
    std::uint64_t evidenceFileBytes = 25u * 1024u * 1024u;
    std::uint64_t evidenceTotalBytes = 100u * 1024u * 1024u;
    int evidenceNameChars = 120;
};

// The info for `audit`'s plan written to `htmlPath`: "x/quynh-luu.plan.html" saves
// "quynh-luu.response.zip" (or ".xml" without attachments).
PlanFormInfo planFormInfo(const Audit& audit, const std::string& htmlPath);

// Where the installed template is (dataPath("templates/plan-form/plan-form.html")).
std::string planFormTemplatePath();

// The page: `templateHtml` with its one "{{PLAN_DATA}}" filled. Throws UsageError naming
// `templateName` when the placeholder is missing or repeated.
std::string planFormHtml(const PlanFile& plan, const PlanFormInfo& info,
                         std::string_view templateHtml, const std::string& templateName);

// The same with the installed template (throws IoError when it cannot be read).
std::string planFormHtml(const PlanFile& plan, const PlanFormInfo& info);

// JSON text made safe inside <script type="application/json">: '<', '>', '&', U+2028 and U+2029
// written as \u escapes (all of them can occur only inside JSON strings, where the escape means the
// same character), so the text holds no "</script", "<!--" or line separator.
std::string scriptSafeJson(std::string_view json);

}  // namespace par::track
