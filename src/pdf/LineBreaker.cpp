// SPDX-License-Identifier: Apache-2.0
#include "pdf/LineBreaker.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

#include "core/common/Text.hpp"

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

namespace {

std::string textOf(const Word& w) {
    std::string text;
    for (const Piece& pc : w.pieces)
        text += pc.text;
    return text;
}

// Vietnamese words that open a phrase in a title: prepositions and conjunctions ("… cải cách hành
// chính / tại UBND xã …", "… / của Sở Nội vụ", "… / năm 2026"), compared folded (no tones, lower
// case), so "TẠI" and "tại" alike.
bool opensPhrase(const Word& w) {
    static const std::set<std::string> kWords = {"tai", "cua", "ve", "trong", "va", "doi", "theo", "nam",
                                                 "giai", "cho", "voi", "thuoc", "tren"};
    return kWords.count(foldKey(textOf(w))) != 0;
}

// Syllables that make one word in the titles of this trade, folded: a line break between them
// reads as a broken word ("thực / hiện"). Typography, not law: a short list, not a dictionary.
bool oneWord(const Word& a, const Word& b) {
    static const std::set<std::string> kPairs = {
        "thuc hien", "ket luan", "kiem tra", "cai cach", "hanh chinh", "thu tuc", "uy ban", "nhan dan",
        "cong tac", "don doc", "khac phuc", "han che", "ton tai", "thong bao", "ke hoach", "quyet dinh",
        "giai quyet", "ho so", "don vi", "co quan", "chinh quyen", "cong chuc", "vien chuc", "tai chinh",
        "to chuc", "bo may", "dich vu", "sang kien", "giai phap", "trung tam", "phuc vu", "tiep nhan",
        "ket qua", "van ban", "noi vu", "chi dao", "dieu hanh", "hien dai", "the che", "cong vu",
        "dien tu", "so hoa", "chuyen doi", "hai long", "nguoi dan", "doanh nghiep", "mot cua",
        "lien thong", "van phong", "dang ky", "dat dai", "chi nhanh", "thi tran", "nghi dinh",
        "nghi quyet", "thong tu", "chuong trinh", "tong the", "nha nuoc", "giai doan", "bao cao",
        "de nghi", "kien nghi", "xu ly", "tinh hinh", "trien khai", "danh gia", "xep loai", "chi so",
        "cong khai", "minh bach", "thanh lap", "ban hanh", "tham quyen", "can bo",
        "cong dan", "quan ly", "nhiem vu", "quyen han", "chuc nang", "phong ban", "lam viec", "viec lam", "vi tri",
        "qua han", "dung han", "truoc han", "thoi han", "tinh trang", "noi dung", "bien phap", "chu tri",
        "huong dan", "cap nhat", "phan cong", "tuyen truyen", "thong tin", "ung dung", "phan mem"};
    return kPairs.count(foldKey(textOf(a) + " " + textOf(b))) != 0;
}

// First letter upper case (Vietnamese): A-Z, Latin-1's capitals, and the even code points of Latin
// Extended-A and Vietnamese's block (U+1EA0-U+1EF9), where capitals come first; Ơ and Ư.
bool capitalised(const Word& w) {
    const std::string t = textOf(w);
    if (t.empty())
        return false;
    const auto c0 = static_cast<unsigned char>(t[0]);
    if (c0 < 0x80)
        return c0 >= 'A' && c0 <= 'Z';
    unsigned cp = 0;
    const size_t n = utf8Len(c0);
    if (n > t.size())
        return false;
    cp = n == 2 ? (c0 & 0x1Fu) : n == 3 ? (c0 & 0x0Fu) : (c0 & 0x07u);
    for (size_t i = 1; i < n; ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(t[i]) & 0x3Fu);
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if ((cp >= 0x100 && cp <= 0x17F) || (cp >= 0x1EA0 && cp <= 0x1EF9))
        return cp % 2 == 0;
    return cp == 0x1A0 || cp == 0x1AF;
}

}  // namespace

std::vector<Line> breakLinesBalanced(const Paragraph& p, const TextMeasurer& m, double width) {
    std::vector<Line> lines = breakLines(p, m, width);
    const size_t n = lines.size();
    if (p.align != Align::Center || n < 2)
        return lines;
    const std::vector<Word> words = splitWords(p, m);
    size_t placed = 0;
    double widestWord = 0;
    for (const Line& l : lines) {
        if (l.forcedBreak)
            return lines;  // the author's own breaks
        placed += l.words.size();
    }
    if (placed != words.size())
        return lines;  // a word cut between characters
    for (const Word& w : words)
        widestWord = std::max(widestWord, w.width);

    if (n == 2) {
        // Every break that fits, in three classes, the most even of the first class that has one:
        // before a phrase's first word (when the shorter line is at least a third of the longer);
        // not inside a word of two syllables nor a name ("Ngọc Sơn"; in a title all in capitals
        // every break is between capitals, and the class is the third's); any.
        auto span = [&](size_t from, size_t to) {
            double w = 0;
            for (size_t i = from; i < to; ++i)
                w += words[i].width + (i + 1 < to ? words[i].spaceWidth : 0);
            return w;
        };
        size_t pick[3] = {0, 0, 0};
        double gaps[3] = {0, 0, 0};
        auto offer = [&](int cls, size_t k, double gap) {
            if (pick[cls] == 0 || gap < gaps[cls]) {
                pick[cls] = k;
                gaps[cls] = gap;
            }
        };
        for (size_t k = 1; k < words.size(); ++k) {
            const double a = span(0, k), b = span(k, words.size());
            if (a > lines[0].available || b > lines[1].available)
                continue;
            const double gap = std::abs(a - b);
            offer(2, k, gap);
            if (!oneWord(words[k - 1], words[k]) && !(capitalised(words[k - 1]) && capitalised(words[k])))
                offer(1, k, gap);
            if (opensPhrase(words[k]) && std::min(a, b) * 3 >= std::max(a, b))
                offer(0, k, gap);
        }
        const size_t k = pick[0] != 0 ? pick[0] : pick[1] != 0 ? pick[1] : pick[2];
        if (k == 0)
            return lines;
        std::vector<Line> out(2);
        for (size_t part = 0; part < 2; ++part) {
            Line& l = out[part];
            l.indent = lines[part].indent;
            l.available = lines[part].available;
            const size_t from = part == 0 ? 0 : k, to = part == 0 ? k : words.size();
            l.words.assign(words.begin() + static_cast<std::ptrdiff_t>(from), words.begin() + static_cast<std::ptrdiff_t>(to));
            l.natural = span(from, to);
        }
        out.back().endsParagraph = true;
        return out;
    }

    // Three lines or more: the narrowest box width that keeps n lines. Fewer lines never come
    // from a narrower box, so a bisection finds the edge (to a tenth of a point).
    double lo = std::max(widestWord + p.leftIndent + p.rightIndent, width / static_cast<double>(n)), hi = width;
    if (lo >= hi)
        return lines;
    std::vector<Line> best = lines;
    double bestWidth = width;
    while (hi - lo > 0.1) {
        const double mid = (lo + hi) / 2;
        std::vector<Line> trial = breakLines(p, m, mid);
        if (trial.size() == n) {
            hi = mid;
            best = std::move(trial);
            bestWidth = mid;
        } else {
            lo = mid;
        }
    }
    // Centred in the whole box, as before: each line gets back the width taken away.
    for (Line& l : best)
        l.available += width - bestWidth;
    return best;
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
