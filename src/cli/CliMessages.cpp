// SPDX-License-Identifier: Apache-2.0
#include "cli/CliMessages.hpp"

#include <utility>
#include <vector>

#include "core/common/Text.hpp"

namespace par::cli {

namespace {
bool startsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool endsWith(const std::string& s, const std::string& p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// "name: rest" → {"name", "rest"} when rest is one of CLI11's validator sentences.
std::pair<std::string, std::string> splitName(const std::string& s) {
    auto colon = s.find(": ");
    if (colon == std::string::npos) return {"", s};
    return {s.substr(0, colon), s.substr(colon + 2)};
}

std::string sentence(const std::string& s) {
    const std::pair<const char*, const char*> prefixes[] = {
        {"File does not exist: ", "không có tệp: "},
        {"File is actually a directory: ", "đây là thư mục, không phải tệp: "},
        {"Directory does not exist: ", "không có thư mục: "},
        {"Directory is actually a file: ", "đây là tệp, không phải thư mục: "},
        {"Path does not exist: ", "không có đường dẫn: "},
        {"Path already exists: ", "đường dẫn đã có: "},
        {"The following arguments were not expected: ", "không hiểu các tham số: "},
        {"The following argument was not expected: ", "không hiểu tham số: "},
        {"Could not convert: ", "không đọc được giá trị: "},
    };
    for (const auto& [en, vi] : prefixes)
        if (startsWith(s, en)) return vi + s.substr(std::string(en).size());
    if (s == "A subcommand is required" || s == "A subcommand")
        return "cần một lệnh (xem danh sách lệnh bằng --help)";
    if (endsWith(s, " is required")) return "thiếu " + s.substr(0, s.size() - 12);
    if (auto at = s.find(" not in "); at != std::string::npos) {
        std::string set = s.substr(at + 8);
        if (set.size() >= 2 && set.front() == '{' && set.back() == '}') set = set.substr(1, set.size() - 2);
        return "'" + s.substr(0, at) + "' không hợp lệ; chọn một trong: " + set;
    }
    if (startsWith(s, "Value ") && s.find(" not in range ") != std::string::npos) {
        auto at = s.find(" not in range ");
        return "giá trị " + s.substr(6, at - 6) + " nằm ngoài khoảng " + s.substr(at + 14);
    }
    if (startsWith(s, "Failed parsing ")) return "không đọc được " + s.substr(15);
    if (startsWith(s, "Expected exactly ") || startsWith(s, "Expected at least "))
        return "số giá trị không đúng: " + s;
    if (endsWith(s, " not found")) return "không có " + s.substr(0, s.size() - 10);
    if (auto at = s.find(" requires "); at != std::string::npos)
        return s.substr(0, at) + " cần đi kèm " + s.substr(at + 10);
    if (auto at = s.find(" excludes "); at != std::string::npos)
        return s.substr(0, at) + " không dùng cùng " + s.substr(at + 10);
    return s;
}
}  // namespace

std::string translateCliMessage(const std::string& english) {
    if (language() == Language::English) return english;
    std::string direct = sentence(english);
    if (direct != english) return direct;
    auto [name, rest] = splitName(english);
    if (name.empty()) return english;
    std::string inner = sentence(rest);
    return inner == rest ? english : name + ": " + inner;
}

std::string failureMessage(const CLI::App*, const CLI::Error& e) {
    return translateCliMessage(e.what()) + "\n" +
           tr("Gõ thêm --help để xem cách dùng.", "Run with --help for more information.") + "\n";
}

namespace {
// "TEXT", "FILE", "INT in [1 - 600]": the words of a type name or a validator's description.
std::string translateTypeWords(const std::string& t) {
    static const std::pair<const char*, const char*> words[] = {
        {"TEXT", "VĂN_BẢN"}, {"FILE", "TỆP"}, {"DIR", "THƯ_MỤC"}, {"PATH", "ĐƯỜNG_DẪN"},
        {"INT", "SỐ"},       {"UINT", "SỐ"},  {"FLOAT", "SỐ"},    {"NUMBER", "SỐ"},
        {"NONNEGATIVE", "KHÔNG_ÂM"}, {"POSITIVE", "DƯƠNG"},
    };
    std::string out;
    size_t start = 0;
    while (start <= t.size()) {
        size_t end = t.find(':', start);
        std::string part = t.substr(start, end == std::string::npos ? std::string::npos : end - start);
        for (const auto& [en, vi] : words) {
            const std::string range = std::string(en) + " in ";
            if (part == en)
                part = vi;
            else if (part.rfind(range, 0) == 0)  // a range validator: "INT in [1 - 600]"
                part = std::string(vi) + " trong " + part.substr(range.size());
        }
        out += (start == 0 ? "" : ":") + part;
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return out;
}
}  // namespace

void translateTypeNames(CLI::App& app) {
    if (language() == Language::English) return;
    for (CLI::Option* opt : app.get_options()) {
        // CLI11 shows the type name followed by each validator's description ("TEXT:FILE"): each
        // is translated where it is kept, so the help shows "VĂN_BẢN:TỆP" once.
        std::vector<CLI::Validator*> validators;
        for (int i = 0;; ++i) {
            try {
                validators.push_back(opt->get_validator(i));
            } catch (const CLI::OptionNotFound&) {
                break;
            }
        }
        std::string full = opt->get_type_name(), suffix;
        for (CLI::Validator* v : validators)
            if (!v->get_description().empty())
                suffix += ":" + v->get_description();
        if (full.empty()) continue;
        std::string base = full.size() >= suffix.size() && full.compare(full.size() - suffix.size(), suffix.size(), suffix) == 0
                               ? full.substr(0, full.size() - suffix.size())
                               : full;
        opt->type_name(translateTypeWords(base));
        for (CLI::Validator* v : validators)
            if (!v->get_description().empty())
                v->description(translateTypeWords(v->get_description()));
    }
    for (CLI::App* sub : app.get_subcommands({})) translateTypeNames(*sub);
}

}  // namespace par::cli
