// SPDX-License-Identifier: Apache-2.0
#include "PdfTestSupport.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <regex>

#include "TestSupport.hpp"

namespace par::test {

double FixedMeasurer::width(std::string_view utf8, pdf::FontStyle, double size) const {
    size_t n = 0;
    for (unsigned char c : utf8)
        if ((c & 0xC0) != 0x80)
            ++n;
    return static_cast<double>(n) * size * 0.5;
}

namespace {
std::string unescape(std::string s) {
    const std::pair<const char*, const char*> entities[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
    for (const auto& [from, to] : entities) {
        size_t pos = 0;
        while ((pos = s.find(from, pos)) != std::string::npos) {
            s.replace(pos, std::strlen(from), to);
            pos += std::strlen(to);
        }
    }
    return s;
}
}  // namespace

std::vector<BoxWord> bboxWords(const std::string& pdfPath) {
    CommandResult r = run("pdftotext -bbox '" + pdfPath + "' -");
    REQUIRE(r.exitCode == 0);
    std::vector<BoxWord> words;
    static const std::regex pageRe(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
    static const std::regex wordRe(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*)</word>)re");
    int page = 0;
    double pw = 0, ph = 0;
    size_t start = 0;
    const std::string& out = r.out;
    while (start < out.size()) {
        size_t end = out.find('\n', start);
        if (end == std::string::npos)
            end = out.size();
        std::string line = out.substr(start, end - start);
        start = end + 1;
        std::smatch m;
        if (std::regex_search(line, m, pageRe)) {
            ++page;
            pw = std::stod(m[1]);
            ph = std::stod(m[2]);
        } else if (std::regex_search(line, m, wordRe)) {
            words.push_back({page, pw, ph, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]),
                             std::stod(m[4]), unescape(m[5])});
        }
    }
    return words;
}

const BoxWord& findWord(const std::vector<BoxWord>& words, const std::string& text, int page) {
    for (const auto& w : words)
        if (w.text == text && (page <= 0 || w.page == page))
            return w;
    FAIL("word not found: " << text << " (page " << page << ")");
    return words.front();
}

std::string templatePath(const std::string& name) {
    return sourcePath("templates/" + name);
}

}  // namespace par::test
