#include "core/tracking/PlanHtml.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"

namespace par::track {

namespace {
constexpr std::string_view kPlaceholder = "{{PLAN_DATA}}";

bool endsWith(const std::string& s, std::string_view tail) {
    return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
}  // namespace

PlanFormInfo planFormInfo(const Audit& audit, const std::string& htmlPath) {
    PlanFormInfo info;
    info.inspectingParent = audit.body.parent;
    info.inspectingName = audit.body.name;
    std::string base = std::filesystem::u8path(htmlPath).filename().u8string();
    for (std::string_view ext : {".plan.html", ".plan.htm", ".html", ".htm"})
        if (endsWith(base, ext)) {
            base.resize(base.size() - ext.size());
            break;
        }
    if (base.empty())
        base = "bao-cao";
    info.responseName = base + ".response";
    return info;
}

std::string planFormTemplatePath() { return dataPath("templates/plan-form/plan-form.html"); }

std::string scriptSafeJson(std::string_view json) {
    std::string out;
    out.reserve(json.size() + json.size() / 16);
    for (size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '<')
            out += "\\u003c";
        else if (c == '>')
            out += "\\u003e";
        else if (c == '&')
            out += "\\u0026";
        else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
                 (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
            out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else
            out += c;
    }
    return out;
}

std::string planFormHtml(const PlanFile& plan, const PlanFormInfo& info,
                         std::string_view templateHtml, const std::string& templateName) {
    const size_t at = templateHtml.find(kPlaceholder);
    if (at == std::string_view::npos ||
        templateHtml.find(kPlaceholder, at + kPlaceholder.size()) != std::string_view::npos)
        throw UsageError(fmt(tr("{}: mẫu biểu mẫu HTML phải có đúng một chỗ {}; hãy cài lại "
                                "par-audit hoặc sửa mẫu",
                                "{}: the HTML form template must hold {} exactly once; reinstall "
                                "par-audit or fix the template"),
                             templateName, std::string(kPlaceholder)));
    nlohmann::json data = {
        {"planXml", plan.toXml()},
        {"inspecting", {{"parent", info.inspectingParent}, {"name", info.inspectingName}}},
        {"responseName", info.responseName},
        {"limits",
         {{"fileBytes", info.evidenceFileBytes},
          {"responseBytes", info.evidenceTotalBytes},
          {"nameChars", info.evidenceNameChars}}},
    };
    std::string out;
    out.reserve(templateHtml.size() + 4096);
    out.append(templateHtml.substr(0, at));
    out += scriptSafeJson(data.dump());
    out.append(templateHtml.substr(at + kPlaceholder.size()));
    return out;
}

std::string planFormHtml(const PlanFile& plan, const PlanFormInfo& info) {
    const std::string path = planFormTemplatePath();
    return planFormHtml(plan, info, readFile(path), path);
}

}  // namespace par::track
