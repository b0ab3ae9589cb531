// SPDX-License-Identifier: Apache-2.0
// CsvScan.cpp - the record parser and the boundary finder. The hot loops look 16 bytes at a time
// for the few bytes that matter (separator, quote, CR, LF) and then step to the first of them.
#include "core/dossier/CsvScan.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::dossier {

namespace {

#if defined(__SSE2__)
inline int matchMask(__m128i x, __m128i a, __m128i b, __m128i c) {
    return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, a), _mm_cmpeq_epi8(x, b)),
                                          _mm_cmpeq_epi8(x, c)));
}
#endif

// The first quote, CR or LF in [p, e), or e.
const char* findStructural(const char* p, const char* e) {
#if defined(__SSE2__)
    const __m128i q = _mm_set1_epi8('"'), n = _mm_set1_epi8('\n'), r = _mm_set1_epi8('\r');
    while (e - p >= 16) {
        const int m = matchMask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), q, n, r);
        if (m != 0)
            return p + __builtin_ctz(static_cast<unsigned>(m));
        p += 16;
    }
#endif
    while (p < e && *p != '"' && *p != '\n' && *p != '\r')
        ++p;
    return p;
}

// The line feeds in [p, e) (memchr steps: quoted fields rarely hold any).
long countLineFeeds(const char* p, const char* e) {
    long n = 0;
    while (p < e) {
        const void* f = std::memchr(p, '\n', static_cast<size_t>(e - p));
        if (f == nullptr)
            break;
        ++n;
        p = static_cast<const char*>(f) + 1;
    }
    return n;
}

// Where the separators, CR and LF of 64 bytes are, one bit per byte: a record's fields are found
// from the same mask without loading their bytes again (a row of ~200 bytes is 3-4 masks).
struct FieldEnds {
    const char* base = nullptr;
    unsigned long long mask = 0;
#if defined(__SSE2__)
    char dc;
    __m128i d, n, r;
    explicit FieldEnds(char delimiter)
        : dc(delimiter),
          d(_mm_set1_epi8(delimiter)),
          n(_mm_set1_epi8('\n')),
          r(_mm_set1_epi8('\r')) {}
    void load(const char* p) {
        unsigned long long m = 0;
        for (int i = 0; i < 4; ++i)
            m |= static_cast<unsigned long long>(static_cast<unsigned>(matchMask(
                     _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i)), d, n, r)))
                 << (16 * i);
        base = p;
        mask = m;
    }
#else
    char dc, d;
    explicit FieldEnds(char delimiter) : dc(delimiter), d(delimiter) {}
    void load(const char* p) {
        unsigned long long m = 0;
        for (int i = 0; i < 64; ++i)
            if (p[i] == d || p[i] == '\n' || p[i] == '\r')
                m |= 1ull << i;
        base = p;
        mask = m;
    }
#endif
    // The first separator, CR or LF in [p, e), or e.
    const char* find(const char* p, const char* e) {
        for (;;) {
            if (base != nullptr && p >= base && p < base + 64) {  // no window before the first load
                const unsigned long long m = mask >> (p - base);
                if (m != 0)
                    return p + __builtin_ctzll(m);
                p = base + 64;
            }
            if (e - p < 64)
                return findFieldEnd(p, e, dc);
            load(p);
        }
    }
};

ParseError quoteNeverClosed(const std::string& file, long line) {
    return ParseError({file, static_cast<int>(line), 0},
                      tr("dấu ngoặc kép mở ở dòng này không bao giờ được đóng: mọi dòng sau nó sẽ "
                         "bị gộp thành một trường; hãy thêm dấu ngoặc kép đóng hoặc xuất lại tệp",
                         "a quote opened on this line is never closed: every line after it would "
                         "become one field; add the closing quote or export the file again"));
}

}  // namespace

const char* findFieldEnd(const char* p, const char* e, char delimiter) {
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8(delimiter), n = _mm_set1_epi8('\n'), r = _mm_set1_epi8('\r');
    while (e - p >= 16) {
        const int m = matchMask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), d, n, r);
        if (m != 0)
            return p + __builtin_ctz(static_cast<unsigned>(m));
        p += 16;
    }
#endif
    while (p < e && *p != delimiter && *p != '\n' && *p != '\r')
        ++p;
    return p;
}

CsvRecordParser::Result CsvRecordParser::parse(const char*& start, const char* e, bool eof,
                                               long line, RawRecord& rec, long& linesOut) {
    const char* p = start;
    const char d = d_;
    long lines = 0;
    size_t escaped = 0;
    FieldEnds ends(d);
    rec.fields.clear();
    if (p == e)
        return eof ? Result::End : Result::NeedMore;
    for (;;) {
        if (p < e && *p == '"') {
            const long quoteLine = line + lines;
            const char* const s = ++p;
            bool doubled = false;
            const char* q = nullptr;
            long inside = 0;
            for (;;) {
                q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(e - p)));
                if (q == nullptr) {
                    if (!eof)
                        return Result::NeedMore;
                    throw quoteNeverClosed(*file_, quoteLine);
                }
                inside += countLineFeeds(p, q);
                if (q + 1 < e && q[1] == '"') {
                    doubled = true;
                    p = q + 2;
                    continue;
                }
                if (q + 1 == e && !eof)
                    return Result::NeedMore;
                break;
            }
            lines += inside;
            if (doubled) {
                if (escaped == unescaped_.size())
                    unescaped_.emplace_back();
                std::string& u = unescaped_[escaped++];
                u.clear();
                for (const char* c = s; c < q; ++c) {
                    u.push_back(*c);
                    if (*c == '"')
                        ++c;
                }
                rec.fields.emplace_back(u);
            } else {
                rec.fields.emplace_back(s, static_cast<size_t>(q - s));
            }
            p = q + 1;
            if (p < e && *p != d && *p != '\n' && *p != '\r') {
                if (inside > 0)
                    throw ParseError(
                        {*file_, static_cast<int>(quoteLine), 0},
                        fmt(tr("dấu ngoặc kép mở ở dòng này chỉ được đóng ở dòng {}, giữa một "
                               "trường (thiếu dấu ngoặc kép đóng?): các dòng ở giữa sẽ bị gộp "
                               "thành một trường",
                               "a quote opened on this line is only closed on line {}, in the "
                               "middle of a field (a closing quote missing?): the lines in "
                               "between would become one field"),
                            std::to_string(line + lines)));
                // Text after the closing quote (not RFC 4180) is ignored up to the separator.
                p = ends.find(p, e);
            }
        } else {
            const char* const s = p;
            p = ends.find(p, e);
            rec.fields.emplace_back(s, static_cast<size_t>(p - s));
        }
        if (p == e) {
            if (!eof)
                return Result::NeedMore;
            break;
        }
        if (*p == d) {
            ++p;
            continue;
        }
        if (*p == '\r') {
            ++p;
            if (p == e && !eof)
                return Result::NeedMore;
            if (p < e && *p == '\n')
                ++p;
        } else {
            ++p;
        }
        ++lines;
        break;
    }
    rec.line = line;
    linesOut = lines;
    start = p;
    return Result::Record;
}

const char* CsvSplitter::lastBoundary(const char* b, const char* e, bool eof, long line,
                                      long& linesTo) const {
    const char* last = b;
    long lastLines = 0, lines = 0;
    const char* p = b;
    while (p < e) {
        const char* s = findStructural(p, e);
        if (s == e)
            break;
        if (*s == '\n') {
            ++lines;
            p = last = s + 1;
            lastLines = lines;
            continue;
        }
        if (*s == '\r') {
            if (s + 1 == e && !eof)
                break;  // CR LF or a lone CR: the next block tells
            ++lines;
            p = last = s + 1 < e && s[1] == '\n' ? s + 2 : s + 1;
            lastLines = lines;
            continue;
        }
        // A quote: it opens a quoted field only at the start of a field.
        const bool opens = s == b || s[-1] == d_ || s[-1] == '\n' || s[-1] == '\r';
        if (!opens) {
            p = s + 1;
            continue;
        }
        const long quoteLine = line + lines;
        const char* q = s + 1;
        for (;;) {
            const char* c =
                static_cast<const char*>(std::memchr(q, '"', static_cast<size_t>(e - q)));
            if (c == nullptr) {
                if (eof)
                    throw quoteNeverClosed(*file_, quoteLine);
                linesTo = lastLines;
                return last;
            }
            lines += countLineFeeds(q, c);
            if (c + 1 < e && c[1] == '"') {
                q = c + 2;
                continue;
            }
            if (c + 1 == e && !eof) {
                linesTo = lastLines;
                return last;
            }
            p = c + 1;
            break;
        }
    }
    if (eof && last != e) {  // the last record has no line end
        last = e;
        lastLines = lines;
    }
    linesTo = lastLines;
    return last;
}

}  // namespace par::dossier
