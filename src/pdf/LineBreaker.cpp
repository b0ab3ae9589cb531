// SPDX-License-Identifier: Apache-2.0
#include "pdf/LineBreaker.hpp"

#include <algorithm>

namespace par::pdf {

namespace {

// Length of the UTF-8 sequence starting with byte c (1 for stray continuation bytes).
size_t utf8Len(unsigned char c) {
    if (c >= 0xF0)
        return 4;
    if (c >= 0xE0)
        return 3;
    if (c >= 0xC0)
        return 2;
    return 1;
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

void measure(Word& w, const TextMeasurer& m, double size) {
    w.width = 0;
    for (auto& pc : w.pieces) {
        pc.width = m.width(pc.text, pc.style, size);
        w.width += pc.width;
    }
    w.spaceWidth = w.pieces.empty() ? 0 : m.width(" ", w.pieces.back().style, size);
}

// Cuts a word wider than `avail` into chunks that fit (at least one character each).
std::vector<Word> cutWord(const Word& w, const TextMeasurer& m, double size, double avail) {
    std::vector<Word> out;
    Word cur;
    double curWidth = 0;
    for (const auto& pc : w.pieces) {
        size_t i = 0;
        while (i < pc.text.size()) {
            size_t n =
                std::min(utf8Len(static_cast<unsigned char>(pc.text[i])), pc.text.size() - i);
            std::string ch = pc.text.substr(i, n);
            double cw = m.width(ch, pc.style, size);
            if (curWidth + cw > avail && curWidth > 0) {
                measure(cur, m, size);
                out.push_back(std::move(cur));
                cur = Word{};
                curWidth = 0;
            }
            if (cur.pieces.empty() || cur.pieces.back().style != pc.style)
                cur.pieces.push_back({"", pc.style, 0});
            cur.pieces.back().text += ch;
            curWidth += cw;
            i += n;
        }
    }
    if (!cur.pieces.empty()) {
        measure(cur, m, size);
        cur.breakAfter = w.breakAfter;
        out.push_back(std::move(cur));
    }
    return out;
}

}  // namespace

std::vector<Word> splitWords(const Paragraph& p, const TextMeasurer& m) {
    std::vector<Word> words;
    Word cur;
    bool open = false;  // cur holds text not yet closed by white space
    auto close = [&](bool breakAfter) {
        if (open) {
            measure(cur, m, p.fontSize);
            words.push_back(std::move(cur));
            cur = Word{};
            open = false;
        }
        if (breakAfter && !words.empty())
            words.back().breakAfter = true;
    };
    if (!p.label.empty()) {
        cur.pieces.push_back(
            {p.label, p.runs.empty() ? FontStyle::Regular : p.runs.front().style, 0});
        open = true;
        close(false);
    }
    for (const auto& run : p.runs) {
        size_t i = 0;
        const std::string& t = run.text;
        while (i < t.size()) {
            if (t[i] == '\n') {
                close(true);
                ++i;
            } else if (isSpace(t[i])) {
                close(false);
                ++i;
            } else {
                size_t j = i;
                while (j < t.size() && t[j] != '\n' && !isSpace(t[j]))
                    ++j;
                if (cur.pieces.empty() || cur.pieces.back().style != run.style)
                    cur.pieces.push_back({"", run.style, 0});
                cur.pieces.back().text.append(t, i, j - i);
                open = true;
                i = j;
            }
        }
    }
    close(false);
    return words;
}

std::vector<Line> breakLines(const Paragraph& p, const TextMeasurer& m, double width) {
    std::vector<Line> lines;
    std::vector<Word> words = splitWords(p, m);
    const double base = std::max(1.0, width - p.leftIndent - p.rightIndent);
    Line cur;
    auto startLine = [&]() {
        cur = Line{};
        double first = lines.empty() ? p.firstIndent : 0;
        // A negative first indent hangs into the left indent, never past the box.
        first = std::max(first, -p.leftIndent);
        cur.indent = p.leftIndent + first;
        cur.available = std::max(1.0, base - first);
    };
    auto finish = [&](bool forced) {
        cur.forcedBreak = forced;
        lines.push_back(std::move(cur));
        startLine();
    };
    startLine();
    for (auto& w : words) {
        double need =
            cur.words.empty() ? w.width : cur.natural + cur.words.back().spaceWidth + w.width;
        if (!cur.words.empty() && need > cur.available)
            finish(false);
        if (cur.words.empty() && w.width > cur.available) {
            std::vector<Word> chunks = cutWord(w, m, p.fontSize, cur.available);
            for (size_t k = 0; k + 1 < chunks.size(); ++k) {
                cur.natural = chunks[k].width;
                cur.words.push_back(std::move(chunks[k]));
                finish(false);
            }
            w = std::move(chunks.back());
        }
        cur.natural =
            cur.words.empty() ? w.width : cur.natural + cur.words.back().spaceWidth + w.width;
        bool brk = w.breakAfter;
        cur.words.push_back(std::move(w));
        if (brk)
            finish(true);
    }
    if (!cur.words.empty() || lines.empty())
        lines.push_back(std::move(cur));
    lines.back().endsParagraph = true;
    return lines;
}

std::vector<double> wordPositions(const Line& line, Align align) {
    std::vector<double> xs;
    xs.reserve(line.words.size());
    double slack = std::max(0.0, line.available - line.natural);
    double x = line.indent;
    double extra = 0;
    switch (align) {
        case Align::Left:
            break;
        case Align::Center:
            x += slack / 2;
            break;
        case Align::Right:
            x += slack;
            break;
        case Align::Justify:
            if (!line.endsParagraph && !line.forcedBreak && line.words.size() > 1)
                extra = slack / static_cast<double>(line.words.size() - 1);
            break;
    }
    for (const auto& w : line.words) {
        xs.push_back(x);
        x += w.width + w.spaceWidth + extra;
    }
    return xs;
}

}  // namespace par::pdf
