// SPDX-License-Identifier: Apache-2.0
#include "core/model/ProcedureCatalog.hpp"

#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"

namespace par {

namespace {
std::optional<int> parseClock(const std::string& s) {
    if (s.size() != 5 || s[2] != ':') return std::nullopt;
    for (size_t i : {0u, 1u, 3u, 4u})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    int h = (s[0] - '0') * 10 + (s[1] - '0');
    int m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

void fromXml(const XmlReader& x, ValidationResult& problems,
             std::map<std::string, Procedure>& byCode) {
    const auto& root = x.root("procedures");
    if (root.Attribute("format-version") != nullptr) x.checkFormatVersion(root, 1, tr("danh mục thủ tục", "the catalog"));
    for (const auto* e = root.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
        if (std::string_view(e->Name()) != "procedure") {
            problems.error(x.at(*e), fmt(tr("phần tử <{}> không được phép trong <procedures>",
                                            "element <{}> is not allowed in <procedures>"),
                                         e->Name()));
            continue;
        }
        try {
            Procedure p;
            p.where = x.at(*e);
            p.code = trim(x.attr(*e, "code"));
            p.name = x.attrOr(*e, "name", "");
            long long days = x.intAttr(*e, "working-days");
            if (days < 0 || days > 365) {
                problems.error(p.where, fmt(tr("working-days của thủ tục {} phải từ 0 đến 365",
                                               "working-days of procedure {} must be 0 to 365"),
                                            p.code));
                continue;
            }
            p.workingDays = static_cast<int>(days);
            if (auto c = x.optAttr(*e, "cutoff")) {
                p.cutoffMinutes = parseClock(trim(*c));
                if (!p.cutoffMinutes)
                    problems.error(p.where, fmt(tr("giờ cutoff '{}' không hợp lệ; dùng HH:MM", "invalid cutoff '{}'; use HH:MM"),
                                                *c));
            }
            p.level = x.attrOr(*e, "level", "");
            p.example = x.boolAttr(*e, "example", false);
            if (const auto* s = e->FirstChildElement("source")) p.source = x.text(*s);
            for (const auto& c : children(*e, "component"))
                p.components.push_back({x.text(c), x.boolAttr(c, "required", true)});
            if (byCode.count(p.code) != 0) {
                problems.error(p.where, fmt(tr("mã thủ tục '{}' bị trùng", "duplicate procedure code '{}'"), p.code));
                continue;
            }
            byCode.emplace(p.code, std::move(p));
        } catch (const ParseError& pe) {
            problems.error(pe.where(), pe.message());
        }
    }
}
}  // namespace

ProcedureCatalog ProcedureCatalog::load(const std::string& path) {
    ProcedureCatalog c;
    fromXml(XmlReader::load(path), c.problems_, c.byCode_);
    return c;
}

ProcedureCatalog ProcedureCatalog::parse(const std::string& xml, const std::string& name) {
    ProcedureCatalog c;
    fromXml(XmlReader::parse(xml, name), c.problems_, c.byCode_);
    return c;
}

void ProcedureCatalog::merge(const ProcedureCatalog& other) {
    for (const auto& [code, p] : other.byCode_) byCode_[code] = p;
    problems_.merge(other.problems_);
}

const Procedure* ProcedureCatalog::find(const std::string& code) const {
    auto it = byCode_.find(trim(code));
    return it == byCode_.end() ? nullptr : &it->second;
}

std::string componentKey(const std::string& text) {
    // Drop parenthesised remarks such as "(bản chính)", then punctuation.
    std::string noParens;
    int depth = 0;
    for (char c : text) {
        if (c == '(') ++depth;
        else if (c == ')' && depth > 0) --depth;
        else if (depth == 0) noParens += c;
    }
    std::string folded = foldKey(noParens);
    std::string out;
    for (char c : folded) {
        if (c == ',' || c == '.' || c == ';' || c == ':' || c == '-' || c == '"' || c == '\'') c = ' ';
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::optional<std::vector<std::string>> ProcedureCatalog::surplus(const std::string& code,
                                                                  const std::vector<std::string>& requested) const {
    const Procedure* p = find(code);
    if (p == nullptr) return std::nullopt;
    std::vector<std::string> keys;
    for (const auto& c : p->components) keys.push_back(componentKey(c.text));
    std::vector<std::string> out;
    for (const auto& r : requested) {
        std::string k = componentKey(r);
        if (k.empty()) continue;
        bool found = false;
        for (const auto& pk : keys) {
            // Equal, or one is the other with words added at the end ("tờ khai" vs "tờ khai theo mẫu").
            if (pk == k || (k.size() >= 12 && pk.rfind(k, 0) == 0) || (pk.size() >= 12 && k.rfind(pk, 0) == 0)) {
                found = true;
                break;
            }
        }
        if (!found) out.push_back(r);
    }
    return out;
}

}  // namespace par
