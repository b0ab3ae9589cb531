// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/PlanHtml.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"

namespace par::track {

namespace {
std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string badTemplate(const std::string& name, const std::string& what) {
    return fmt(tr("{}: mẫu biểu mẫu HTML không dùng được: {}; hãy cài lại par-audit hoặc sửa mẫu",
                  "{}: the HTML form template cannot be used: {}; reinstall par-audit or fix the "
                  "template"),
               name, what);
}

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

PlanFormTemplate loadPlanFormTemplate() {
    const std::string base = dataPath("templates/plan-form/plan-form");
    return {readFile(base + ".html"), readFile(base + ".css"), readFile(base + ".js"),
            base + ".html"};
}

std::string scriptSafeJson(std::string_view json) {
    // Only the characters inside strings are rewritten (':' is also JSON's own separator); an
    // escape sequence of the input is copied as it is.
    std::string out;
    out.reserve(json.size() + json.size() / 16);
    bool inString = false;
    for (size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (!inString) {
            inString = c == '"';
            out += c;
        } else if (c == '\\' && i + 1 < json.size()) {
            out += c;
            out += json[++i];
        } else if (c == '"') {
            inString = false;
            out += c;
        } else if (c == '<')
            out += "\\u003c";
        else if (c == '>')
            out += "\\u003e";
        else if (c == '&')
            out += "\\u0026";
        else if (c == ':')
            out += "\\u003a";
        else if (c == '/')
            out += "\\/";
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
                         const PlanFormTemplate& tpl) {
    // Our own CSS and JS go in as they are: they must not end their element early.
    for (const auto& [part, closer] :
         {std::pair{&tpl.css, "</style"}, std::pair{&tpl.js, "</script"}})
        for (const char* bad : {closer, "<!--"})
            if (lowerAscii(*part).find(bad) != std::string::npos)
                throw UsageError(badTemplate(
                    tpl.name, fmt(tr("phần CSS hoặc JS chứa '{}'", "its CSS or JS holds '{}'"),
                                  std::string(bad))));
    nlohmann::json data = {
        {"planXml", plan.toXml()},
        {"inspecting", {{"parent", info.inspectingParent}, {"name", info.inspectingName}}},
        {"responseName", info.responseName},
        {"limits",
         {{"fileBytes", info.evidenceFileBytes},
          {"responseBytes", info.evidenceTotalBytes},
          {"nameChars", info.evidenceNameChars}}},
    };
    const std::string island = scriptSafeJson(data.dump());
    // Each placeholder is found in the skeleton only (never in what was put in), exactly once.
    std::vector<std::pair<size_t, std::pair<std::string_view, const std::string*>>> at;
    for (const auto& [key, value] :
         {std::pair<std::string_view, const std::string*>{"{{STYLE}}", &tpl.css},
          {"{{SCRIPT}}", &tpl.js},
          {"{{PLAN_DATA}}", &island}}) {
        const size_t p = tpl.html.find(key);
        if (p == std::string::npos || tpl.html.find(key, p + key.size()) != std::string::npos)
            throw UsageError(badTemplate(
                tpl.name, fmt(tr("phải có đúng một chỗ {}", "it must hold {} exactly once"),
                              std::string(key))));
        at.push_back({p, {key, value}});
    }
    std::sort(at.begin(), at.end());
    std::string out;
    out.reserve(tpl.html.size() + tpl.css.size() + tpl.js.size() + island.size());
    size_t from = 0;
    for (const auto& [p, kv] : at) {
        out.append(tpl.html, from, p - from);
        out += *kv.second;
        from = p + kv.first.size();
    }
    out.append(tpl.html, from, std::string::npos);
    return out;
}

std::string planFormHtml(const PlanFile& plan, const PlanFormInfo& info) {
    return planFormHtml(plan, info, loadPlanFormTemplate());
}

}  // namespace par::track
