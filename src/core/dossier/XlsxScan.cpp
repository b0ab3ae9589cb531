// SPDX-License-Identifier: Apache-2.0
// XlsxScan.cpp - a tag-level scanner over one element's text: no DOM, no copies of plain values.
#include "core/dossier/XlsxScan.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/common/Text.hpp"
#include "core/dossier/Digits.hpp"

namespace par::dossier {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The next '<' at or after i, or npos. Inside a row the next tag is usually a few bytes away,
// where a byte loop beats a call to memchr; longer texts go to memchr (wide steps).
inline size_t findLt(std::string_view s, size_t i) {
    const size_t near = std::min(s.size(), i + 16);
    for (; i < near; ++i)
        if (s[i] == '<')
            return i;
    if (i >= s.size())
        return std::string_view::npos;
    const void* p = std::memchr(s.data() + i, '<', s.size() - i);
    return p != nullptr ? static_cast<size_t>(static_cast<const char*>(p) - s.data())
                        : std::string_view::npos;
}

// a == b for short names, without a call to memcmp.
inline bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (size_t k = 0; k < a.size(); ++k)
        if (a[k] != b[k])
            return false;
    return true;
}

struct Tag {
    std::string_view name;   // the name as written, prefix included
    std::string_view local;  // the name without prefix
    std::string_view attrs;  // between the name and '>' (or "/>")
    bool closing = false;    // </name>
    bool empty = false;      // <name/>
    bool special = false;    // <?...?>, <!-- -->, <![CDATA[ (handled by the caller)
    size_t end = 0;          // index after '>'
};

// A start tag's attributes as XML has them: each after white space, a name, '=' (white space
// around it allowed), a value in quotes without '<'; white space at the end. A closing tag has
// white space only. (Names are not checked character by character, nor repeated names.)
bool wellFormedAttributes(std::string_view a, bool closing) {
    size_t i = 0;
    for (;;) {
        const size_t before = i;
        while (i < a.size() && isSpace(a[i]))
            ++i;
        if (i == a.size())
            return true;
        if (closing || i == before)
            return false;  // an attribute in a closing tag, or not after white space
        const size_t n0 = i;
        while (i < a.size() && !isSpace(a[i]) && a[i] != '=' && a[i] != '"' && a[i] != '\'' &&
               a[i] != '<')
            ++i;
        if (i == n0)
            return false;
        while (i < a.size() && isSpace(a[i]))
            ++i;
        if (i == a.size() || a[i] != '=')
            return false;
        ++i;
        while (i < a.size() && isSpace(a[i]))
            ++i;
        if (i == a.size() || (a[i] != '"' && a[i] != '\''))
            return false;
        const char quote = a[i++];
        const size_t close = a.find(quote, i);
        if (close == std::string_view::npos || a.substr(i, close - i).find('<') != std::string_view::npos)
            return false;
        i = close + 1;
    }
}

// Reads the tag at s[i] == '<'. False when malformed.
bool readTag(std::string_view s, size_t i, Tag& t) {
    t = Tag{};
    size_t j = i + 1;
    if (j >= s.size())
        return false;
    if (s[j] == '?' || s[j] == '!') {
        t.special = true;
        return true;
    }
    if (s[j] == '/') {
        t.closing = true;
        ++j;
    }
    const size_t nameStart = j;
    while (j < s.size() && !isSpace(s[j]) && s[j] != '>' && s[j] != '/')
        ++j;
    if (j == nameStart || j >= s.size())
        return false;
    std::string_view name = s.substr(nameStart, j - nameStart);
    t.name = name;
    t.local = name;
    for (size_t k = 0; k < name.size(); ++k)
        if (name[k] == ':') {
            t.local = name.substr(k + 1);
            break;
        }
    // Attribute values may hold '>' only inside quotes.
    const size_t attrStart = j;
    char quote = 0;
    for (; j < s.size(); ++j) {
        const char c = s[j];
        if (quote != 0) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            break;
        }
    }
    if (j >= s.size())
        return false;
    t.empty = j > attrStart && s[j - 1] == '/';
    if (t.closing && t.empty)
        return false;
    t.attrs = s.substr(attrStart, j - attrStart - (t.empty ? 1 : 0));
    t.end = j + 1;
    return wellFormedAttributes(t.attrs, t.closing);
}

// The values of attributes `name1` and `name2` (local parts) in `attrs`, in one pass; each empty
// with its found flag false when absent. Stops at the first malformed attribute.
void attributes(std::string_view attrs, std::string_view name1, std::string_view& value1,
                bool& found1, std::string_view name2, std::string_view& value2, bool& found2) {
    found1 = found2 = false;
    value1 = value2 = {};
    size_t i = 0;
    while (i < attrs.size() && !(found1 && found2)) {
        while (i < attrs.size() && isSpace(attrs[i]))
            ++i;
        const size_t n0 = i;
        while (i < attrs.size() && attrs[i] != '=' && !isSpace(attrs[i]))
            ++i;
        std::string_view an = attrs.substr(n0, i - n0);
        for (size_t k = 0; k < an.size(); ++k)
            if (an[k] == ':') {
                an.remove_prefix(k + 1);
                break;
            }
        while (i < attrs.size() && isSpace(attrs[i]))
            ++i;
        if (i >= attrs.size() || attrs[i] != '=')
            return;
        ++i;
        while (i < attrs.size() && isSpace(attrs[i]))
            ++i;
        if (i >= attrs.size() || (attrs[i] != '"' && attrs[i] != '\''))
            return;
        const char q = attrs[i++];
        const size_t v0 = i;
        while (i < attrs.size() && attrs[i] != q)
            ++i;
        if (i >= attrs.size())
            return;
        if (!found1 && same(an, name1)) {
            found1 = true;
            value1 = attrs.substr(v0, i - v0);
        } else if (!found2 && same(an, name2)) {
            found2 = true;
            value2 = attrs.substr(v0, i - v0);
        }
        ++i;
    }
}

// The value of attribute `name` (local part) in `attrs`, or empty with found = false: the
// two-name reader above with a second name no attribute has (XML names have no NUL).
std::string_view attribute(std::string_view attrs, std::string_view name, bool& found) {
    std::string_view value, none;
    bool noneFound = false;
    attributes(attrs, name, value, found, std::string_view("\0", 1), none, noneFound);
    return value;
}

int columnOfRef(std::string_view ref) {
    int col = 0;
    size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
        col = col * 26 + (ref[i] - 'A' + 1);
        if (col > 16384)
            return -1;
    }
    return i > 0 ? col - 1 : -1;
}

}  // namespace

bool decodeXmlText(std::string_view raw, std::string& out) {
    // In one pass into room made once: the text never grows (an entity takes at least four
    // bytes, "&lt;", and gives at most four). Per byte rather than per search: the texts are
    // short and, as openpyxl writes Vietnamese ("Nguy&#7877;n"), full of references.
    const size_t base = out.size();
    out.resize(base + raw.size());
    char* o = out.data() + base;
    const char* p = raw.data();
    const char* const end = p + raw.size();
    const auto fail = [&] {
        out.resize(static_cast<size_t>(o - out.data()));
        return false;
    };
    while (p < end) {
        if (*p != '&') {
            *o++ = *p++;
            continue;
        }
        // A character reference first (openpyxl's for every letter outside ASCII): its digits
        // up to the first byte that is not one, which must be the ';' at most 12 bytes after
        // the '&' (the first ';', since digits are not).
        const char* semi;
        if (end - p >= 3 && p[1] == '#') {
            const bool hex = p[2] == 'x' || p[2] == 'X';
            const char* q = p + (hex ? 3 : 2);
            const char* const digits = q;
            unsigned long cp = 0;
            for (; q < end; ++q) {
                const char c = *q;
                int d;
                if (c >= '0' && c <= '9')
                    d = c - '0';
                else if (hex && c >= 'a' && c <= 'f')
                    d = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F')
                    d = c - 'A' + 10;
                else
                    break;
                cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
                if (cp > 0x10FFFF)
                    return fail();
            }
            if (q == digits || q >= end || *q != ';' || q - p > 12 || cp == 0 ||
                (cp >= 0xD800 && cp <= 0xDFFF))
                return fail();
            if (cp < 0x80) {
                *o++ = static_cast<char>(cp);
            } else if (cp < 0x800) {
                *o++ = static_cast<char>(0xC0 | (cp >> 6));
                *o++ = static_cast<char>(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                *o++ = static_cast<char>(0xE0 | (cp >> 12));
                *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                *o++ = static_cast<char>(0x80 | (cp & 0x3F));
            } else {
                *o++ = static_cast<char>(0xF0 | (cp >> 18));
                *o++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
                *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                *o++ = static_cast<char>(0x80 | (cp & 0x3F));
            }
            semi = q;
        } else {
            // A named entity: the five XML has.
            const auto named = [&](const char* name, size_t n, char c) {
                if (static_cast<size_t>(end - p) > n && std::memcmp(p + 1, name, n) == 0) {
                    *o++ = c;
                    semi = p + n;
                    return true;
                }
                return false;
            };
            if (!named("amp;", 4, '&') && !named("lt;", 3, '<') && !named("gt;", 3, '>') &&
                !named("quot;", 5, '"') && !named("apos;", 5, '\''))
                return fail();
        }
        p = semi + 1;
    }
    out.resize(static_cast<size_t>(o - out.data()));
    return true;
}

namespace {

// Text content from s[i] up to the next '<' (CDATA sections included), appended decoded to `out`
// or, when it has no entity and no CDATA and `out` is empty, returned as a view. i moves to '<'.
bool readText(std::string_view s, size_t& i, std::string& out, std::string_view& view,
              bool& owned) {
    owned = false;
    const size_t lt = findLt(s, i);
    if (lt == std::string_view::npos)
        return false;
    std::string_view raw = s.substr(i, lt - i);
    if (lt + 1 < s.size() && s[lt + 1] == '!' && s.compare(lt, 9, "<![CDATA[") == 0) {
        if (!decodeXmlText(raw, out))
            return false;
        const size_t end = s.find("]]>", lt + 9);
        if (end == std::string_view::npos)
            return false;
        out.append(s.substr(lt + 9, end - lt - 9));
        i = end + 3;
        std::string_view more;
        bool o = false;
        if (!readText(s, i, out, more, o))
            return false;
        if (!o)
            out.append(more);
        owned = true;
        return true;
    }
    i = lt;
    if (std::find(raw.begin(), raw.end(), '&') == raw.end()) {
        view = raw;
        return true;
    }
    if (!decodeXmlText(raw, out))
        return false;
    owned = true;
    return true;
}

// Skips the element whose start tag `t` was just read (s[t.end] follows it): to its matching end
// tag, nested elements included.
bool skipElement(std::string_view s, const Tag& open, size_t& i) {
    i = open.end;
    if (open.empty)
        return true;
    // The names of the elements open, each end tag matched against the last (as XML requires).
    std::vector<std::string_view> names{open.name};
    Tag t;
    while (!names.empty()) {
        const size_t lt = findLt(s, i);
        if (lt == std::string_view::npos || !readTag(s, lt, t))
            return false;
        if (t.special) {
            const size_t gt = s.find('>', lt);
            if (gt == std::string_view::npos)
                return false;
            i = gt + 1;
            continue;
        }
        if (t.closing) {
            if (t.name != names.back())
                return false;
            names.pop_back();
        } else if (!t.empty) {
            names.push_back(t.name);
        }
        i = t.end;
    }
    return true;
}

// The <t> texts of a string item's content from s[i] up to the close tag named `local`
// (which is consumed). Runs (<r>) are entered, phonetic runs (<rPh>) and properties skipped.
bool itemText(std::string_view s, size_t& i, std::string_view local, std::string& out) {
    Tag t;
    for (;;) {
        const size_t lt = findLt(s, i);
        if (lt == std::string_view::npos || !readTag(s, lt, t) || t.special)
            return false;
        if (t.closing) {
            i = t.end;
            if (t.local == local)
                return true;
            if (same(t.local, "r"))
                continue;  // the end of a run
            return false;
        }
        if (same(t.local, "r") && !t.empty) {
            i = t.end;
            continue;
        }
        if (same(t.local, "t")) {
            i = t.end;
            if (t.empty)
                continue;
            std::string_view v;
            bool owned = false;
            const size_t before = out.size();
            if (!readText(s, i, out, v, owned))
                return false;
            if (!owned) {
                out.resize(before);
                out.append(v);
            }
            if (!readTag(s, i, t) || !t.closing || !same(t.local, "t"))
                return false;
            i = t.end;
            continue;
        }
        if (!skipElement(s, t, i))  // rPh, rPr, phoneticPr, ...
            return false;
    }
}

// One attribute of a start tag in the form the one-pass readers take: name="value" (or '), the
// name of letters, digits, ':', '_' and '-', no white space around '=', no '<' in the value.
// Returns the position after the closing quote, or null for anything else.
const char* plainAttribute(const char* p, const char* const end, std::string_view& name,
                           std::string_view& value) {
    const char* n0 = p;
    while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                       (*p >= '0' && *p <= '9') || *p == ':' || *p == '_' || *p == '-'))
        ++p;
    name = std::string_view(n0, static_cast<size_t>(p - n0));
    if (name.empty() || end - p < 2 || p[0] != '=' || (p[1] != '"' && p[1] != '\''))
        return nullptr;
    const char q = p[1];
    p += 2;
    const char* v0 = p;
    while (p < end && *p != q && *p != '<')
        ++p;
    if (p >= end || *p == '<')
        return nullptr;
    value = std::string_view(v0, static_cast<size_t>(p - v0));
    return p + 1;
}

// The one-pass readers take a sheet's elements without a prefix, as spreadsheet programs write
// them, or all with the prefix "x:", as the Open XML SDK writes them (`<x:row r="2"><x:c r="A2">
// <x:v>1</x:v></x:c></x:row>`): X. Attributes never have one. Any other prefix, or a mix: the
// general reader.
template <bool X, size_t A, size_t B>
inline bool is(const char* p, const char (&plain)[A], const char (&prefixed)[B]) {
    if constexpr (X)
        return std::memcmp(p, prefixed, B - 1) == 0;
    else
        return std::memcmp(p, plain, A - 1) == 0;
}
template <bool X, size_t A, size_t B>
constexpr std::ptrdiff_t len(const char (&)[A], const char (&)[B]) {
    return X ? static_cast<std::ptrdiff_t>(B - 1) : static_cast<std::ptrdiff_t>(A - 1);
}
// Whether the element at p (at its '<') is written with the prefix "x:".
inline bool xPrefixed(const char* p, const char* end) {
    return end - p >= 3 && p[1] == 'x' && p[2] == ':';
}

// The two cell shapes nearly every cell of an exported log has, a shared string,
// `<c r="B2" t="s"><v>12</v></c>`, and a number or date, `<c r="G2" s="1"><v>44989.645</v></c>`
// (the style optional in both, as Excel writes `<c r="B2" s="3" t="s">`), or an empty cell with
// its style, `<c r="I5" s="3"/>`: a reference of 1 to 3
// letters and 1 to 7 digits, a style of 1 to 7 digits, a shared string index of 1 to 8 digits, a
// number of digits with at most one '.' (1 to 40 bytes). Compared in fixed-width pieces, the
// reference read once for both: appends the cell (a shared string's index read) and returns the
// position after it; null at anything else, having appended nothing (fastCellsAt's loop then
// reads it, and gives this cell the same column, type and value).
// A row's number as its cells' references end with it ("B12" in row 12), the closing quote
// after it, as one 8-byte piece: a reference compared with it gives the place after its digits
// without waiting for them to be counted (the next loads of the cell no longer wait on this one).
struct RowRef {
    std::uint64_t word = 0, mask = 0;
    int digits = 0;  // 0: not known (the digits are counted)
};

// The RowRef of a row tag `<row r="12"...` (its digits and the quote after them, as written);
// none for another form.
template <bool X>
RowRef rowRefAt(const char* tag, const char* end) {
    RowRef r;
    constexpr std::ptrdiff_t at = len<X>("<row r=\"", "<x:row r=\"");
    if (end - tag < at + 8 || !is<X>(tag, "<row r=\"", "<x:row r=\""))
        return r;
    std::uint64_t word = 0;
    std::memcpy(&word, tag + at, 8);
    const int n = leadingDigits(word);
    if (n == 0 || n > 7 || tag[at + n] != '"')
        return r;
    r.mask = n + 1 == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * (n + 1))) - 1;
    r.word = word & r.mask;
    r.digits = n;
    return r;
}

// Where a text with entities is decoded to (XlsxScan's decoded_ from its used_ on): a cell's
// value then views it, valid until the scanner's next row.
struct TextStore {
    std::deque<std::string>& texts;
    size_t& used;
};

// The text from t0, which ends at t1 with an entity (`&amp;`, or every letter outside ASCII as a
// character reference, as openpyxl writes them: "Nguy&#7877;n"), decoded as the general reader
// decodes it (decodeXmlText) into the scanner's store, t1 moved to the next '<'; t1 null for a
// malformed entity, no '<', or no store. Out of line, the view returned by value: the plain
// text's path (textCellAt) keeps its view in registers (a view written through a reference and
// read back whole stalled the store forwarding: 16% of fastCellsAt's samples on an
// inline-string sheet, by perf).
[[gnu::noinline]] std::string_view decodedText(const char* t0, const char* end, TextStore* store,
                                               const char*& t1) {
    const char* lt =
        store == nullptr
            ? nullptr
            : static_cast<const char*>(std::memchr(t1, '<', static_cast<size_t>(end - t1)));
    t1 = nullptr;
    if (lt == nullptr)
        return {};
    if (store->used == store->texts.size())
        store->texts.emplace_back();
    std::string& decoded = store->texts[store->used];
    decoded.clear();
    if (!decodeXmlText(std::string_view(t0, static_cast<size_t>(lt - t0)), decoded))
        return {};
    ++store->used;
    t1 = lt;
    return decoded;
}

// A text cell's value from t0 (up to '<', entities decoded) and its closing tags (`close`, or
// `closeX` with the prefix): the cell appended and the position after it, or null (nothing
// appended).
template <bool X, size_t A, size_t B>
const char* textCellAt(const char* t0, const char* end, TextStore* store, const char (&close)[A],
                       const char (&closeX)[B], int column, char type,
                       std::vector<XlsxCell>& cells) {
    // The text up to the next '<' as a view, or, with entities, decoded (decodedText).
    const char* t1 = findMarkup(t0, end);
    std::string_view text(t0, static_cast<size_t>(t1 - t0));
    if (t1 < end && *t1 == '&') {
        text = decodedText(t0, end, store, t1);
        if (t1 == nullptr)
            return nullptr;
    }
    constexpr std::ptrdiff_t n = static_cast<std::ptrdiff_t>(X ? B - 1 : A - 1);
    if (end - t1 < n || !is<X>(t1, close, closeX))
        return nullptr;
    XlsxCell& cell = cells.emplace_back();
    cell.column = column;
    cell.type = type;
    cell.value = text;
    return t1 + n;
}

template <bool X>
const char* plainCellAt(const char* p, const char* const end, std::vector<XlsxCell>& cells,
                        const RowRef& row, TextStore* store) {
    // The longest: <c r="XFD1048576" s="1234567"><v>(40 bytes)</v></c>, 82 bytes; the
    // eight-byte loads reach at most 96 bytes from p. Nearer the end, the loop reads it.
    // (With the prefix, 8 more bytes at most: <x:c ...><x:v>(40 bytes)</x:v></x:c>.)
    if (end - p < (X ? 104 : 96) || !is<X>(p, "<c r=\"", "<x:c r=\""))
        return nullptr;
    const char* l = p + len<X>("<c r=\"", "<x:c r=\"");
    int col = 0;
    int letters = 0;
    for (; letters < 3 && *l >= 'A' && *l <= 'Z'; ++l, ++letters)
        col = col * 26 + (*l - 'A' + 1);
    if (letters == 0 || col > 16384)
        return nullptr;
    std::uint64_t word = 0;
    std::memcpy(&word, l, 8);
    const char* d;  // the reference's closing quote
    if (row.digits != 0 && (word & row.mask) == row.word) {
        d = l + row.digits;  // the row's own number, as nearly always
    } else {
        const int rowDigits = leadingDigits(word);
        if (rowDigits == 0 || rowDigits > 7)
            return nullptr;
        d = l + rowDigits;
    }
    if (std::memcmp(d, "\" s=\"", 5) == 0) {
        if (d[5] >= '0' && d[5] <= '9' && d[6] == '"') {
            d += 6;  // a style of one digit, told by a branch rather than by counting
        } else {
            std::memcpy(&word, d + 5, 8);
            const int styleDigits = leadingDigits(word);
            if (styleDigits == 0 || styleDigits > 7)
                return nullptr;
            d += 5 + styleDigits;
        }
    }
    // An empty cell kept for its style, `<c r="I5" s="3"/>` (a border on every cell of a
    // report, a dossier not returned yet): a number cell without a value, as the loop reads it.
    if (d[0] == '"' && d[1] == '/' && d[2] == '>') {
        XlsxCell& cell = cells.emplace_back();
        cell.column = col - 1;
        cell.type = 'n';
        return d + 3;
    }
    if (is<X>(d, "\" t=\"s\"><v>", "\" t=\"s\"><x:v>")) {
        const char* v = d + len<X>("\" t=\"s\"><v>", "\" t=\"s\"><x:v>");
        std::memcpy(&word, v, 8);
        const int indexDigits = leadingDigits(word);
        if (indexDigits == 0 || indexDigits > 8)  // (9 digits: the loop reads them)
            return nullptr;
        const char* v1 = v + indexDigits;
        if (!is<X>(v1, "</v></c>", "</x:v></x:c>"))
            return nullptr;
        // Written in place: a cell built on the stack and copied in was read back in one 16-byte
        // load over stores of other widths, stalling (a third of this function's time, by perf).
        XlsxCell& cell = cells.emplace_back();
        cell.column = col - 1;
        cell.type = 's';
        cell.value = std::string_view(v, static_cast<size_t>(v1 - v));
        cell.index = digitsValue(word, indexDigits);
        return v1 + len<X>("</v></c>", "</x:v></x:c>");
    }
    // An inline string, as streaming writers (Apache POI's SXSSF, for one) put every text:
    // `<c r="B2" t="inlineStr"><is><t>text</t></is></c>`, or `<t xml:space="preserve">`; a text
    // without '<' (a rich-text run: the general reader), kept as a view, or, with entities,
    // decoded (decodedText).
    if (is<X>(d, "\" t=\"inlineStr\"><is><t", "\" t=\"inlineStr\"><x:is><x:t")) {
        const char* t0 = d + len<X>("\" t=\"inlineStr\"><is><t", "\" t=\"inlineStr\"><x:is><x:t");
        if (*t0 == '>')
            t0 += 1;
        else if (std::memcmp(t0, " xml:space=\"preserve\">", 22) == 0)
            t0 += 22;
        else
            return nullptr;
        return textCellAt<X>(t0, end, store, "</t></is></c>", "</x:t></x:is></x:c>", col - 1, 'i',
                             cells);
    }
    // A text as a formula's string result without the formula, `<c r="B2" t="str"><v>text</v>
    // </c>`, as some hand-written exporters put every text: entities decoded as above.
    if (is<X>(d, "\" t=\"str\"><v>", "\" t=\"str\"><x:v>")) {
        const char* t0 = d + len<X>("\" t=\"str\"><v>", "\" t=\"str\"><x:v>");
        return textCellAt<X>(t0, end, store, "</v></c>", "</x:v></x:c>", col - 1, 't', cells);
    }
    // An inline-string cell without its string (openpyxl's for an empty value):
    // `<c r="J2" t="inlineStr"></c>` or `.../>`, as the loop reads it.
    if (std::memcmp(d, "\" t=\"inlineStr\"", 15) == 0 &&
        (is<X>(d + 15, "></c>", "></x:c>") || std::memcmp(d + 15, "/>", 2) == 0)) {
        XlsxCell& cell = cells.emplace_back();
        cell.column = col - 1;
        cell.type = 'i';
        return d + (d[15] == '/' ? 17 : 15 + len<X>("></c>", "></x:c>"));
    }
    // A number, its type left out or written as `t="n"` (as openpyxl writes every number).
    const char* v;
    if (is<X>(d, "\"><v>", "\"><x:v>"))
        v = d + len<X>("\"><v>", "\"><x:v>");
    else if (is<X>(d, "\" t=\"n\"><v>", "\" t=\"n\"><x:v>"))
        v = d + len<X>("\" t=\"n\"><v>", "\" t=\"n\"><x:v>");
    else
        return nullptr;
    // Digits, eight at a time, then a '.' and digits again (other numbers, "-1" or "4.5E-3",
    // are left to the loop).
    const auto digitsFrom = [v](const char* q) {
        for (;;) {
            std::uint64_t w = 0;
            std::memcpy(&w, q, 8);
            const int n = leadingDigits(w);
            q += n;
            if (n < 8 || q - v > 40)
                return q;
        }
    };
    const char* v1 = digitsFrom(v);
    if (v1 == v)
        return nullptr;
    if (*v1 == '.')
        v1 = digitsFrom(v1 + 1);
    if (v1 - v > 40 || !is<X>(v1, "</v></c>", "</x:v></x:c>"))
        return nullptr;
    XlsxCell& cell = cells.emplace_back();
    cell.column = col - 1;
    cell.type = 'n';
    cell.value = std::string_view(v, static_cast<size_t>(v1 - v));
    return v1 + len<X>("</v></c>", "</x:v></x:c>");
}

// The cells of a row as spreadsheet programs write them, in one pass without a tag reader:
// `<c r="B2" s="1" t="s"><v>12</v></c>` or `<c .../>`, then `</row>` ending `s`. Returns false,
// having read nothing for sure, at the first thing outside that form (a prefix, an entity, an
// inline string, a formula, white space between tags ...): the caller then reads the row with the
// general scanner, which accepts or refuses it. What this accepts, the general scanner reads the
// same way (the tests compare them).
// Returns the position after that `</row>`, or null. Attribute values holding '<' are left to the
// general scanner too, so a row this reads ends at the first "</row>" after its start tag.
template <bool X>
const char* fastCellsAt(const char* p, const char* const end, std::vector<XlsxCell>& cells,
                        const RowRef& row, TextStore* store) {
    auto at = [&](const char* lit, size_t n) {
        return static_cast<size_t>(end - p) >= n && std::memcmp(p, lit, n) == 0;
    };
    for (;;) {
        if (const char* q = plainCellAt<X>(p, end, cells, row, store)) {
            p = q;
            continue;
        }
        if constexpr (X) {
            // (Prefixed: the cells above and the row's end only; anything else, the general
            // reader.)
            return end - p >= 8 && std::memcmp(p, "</x:row>", 8) == 0 ? p + 8 : nullptr;
        }
        if (end - p < 3 || p[0] != '<')
            return nullptr;
        if (p[1] == '/')
            return end - p >= 6 && std::memcmp(p, "</row>", 6) == 0 ? p + 6 : nullptr;
        if (p[1] != 'c' || !(p[2] == ' ' || p[2] == '>' || p[2] == '/'))
            return nullptr;
        p += 2;
        XlsxCell cell;
        bool hasRef = false, hasType = false;
        std::string_view type;
        // Attributes: name="value" (or '), no prefix, separated by white space. The three that
        // spreadsheet programs write, ` r="B2"`, ` t="s"` and ` s="12"`, are read by shape first
        // (the same result as the loop below: the column from the reference's letters as
        // columnOfRef reads them, the type's one letter); anything else goes through the loop.
        for (;;) {
            if (end - p >= 6 && p[0] == ' ' && p[2] == '=' && p[3] == '"') {
                if (p[1] == 'r' && !hasRef) {
                    const char* v = p + 4;
                    int col = 0;
                    bool over = false;
                    const char* l = v;
                    for (; l < end && *l >= 'A' && *l <= 'Z'; ++l) {
                        col = col * 26 + (*l - 'A' + 1);
                        if (col > 16384) {
                            over = true;
                            break;
                        }
                    }
                    const char* q = l;
                    while (q < end && *q != '"' && *q != '<')
                        ++q;
                    if (q >= end || *q == '<')
                        return nullptr;
                    hasRef = true;
                    cell.column = over || l == v ? -1 : col - 1;
                    p = q + 1;
                    continue;
                }
                if (p[1] == 't' && !hasType && p[5] == '"' && p[4] != '"' && p[4] != '<') {
                    hasType = true;
                    type = std::string_view(p + 4, 1);
                    p += 6;
                    continue;
                }
                if (p[1] == 's') {
                    const char* q = p + 4;
                    while (q < end && *q != '"' && *q != '<')
                        ++q;
                    if (q >= end || *q == '<')
                        return nullptr;
                    p = q + 1;
                    continue;
                }
            }
            if (p < end && isSpace(*p)) {
                while (p < end && isSpace(*p))
                    ++p;
            } else if (p < end && *p != '>' && *p != '/') {
                return nullptr;  // an attribute not after white space
            }
            if (p >= end)
                return nullptr;
            if (*p == '>' || *p == '/')
                break;
            std::string_view name, value;
            p = plainAttribute(p, end, name, value);
            if (p == nullptr || name.find(':') != std::string_view::npos)
                return nullptr;  // (a prefixed r or t: the general reader strips the prefix)
            if (name.size() == 1 && name[0] == 'r' && !hasRef) {
                hasRef = true;
                cell.column = columnOfRef(value);
            } else if (name.size() == 1 && name[0] == 't' && !hasType) {
                hasType = true;
                type = value;
            } else if (name.size() == 1 && (name[0] == 'r' || name[0] == 't')) {
                return nullptr;  // repeated: the general scanner decides
            }
        }
        if (!hasType || same(type, "n") || same(type, "d") || same(type, "e") || same(type, "b"))
            cell.type = 'n';
        else if (same(type, "s"))
            cell.type = 's';
        else
            return nullptr;  // inline strings and the rest: the general scanner
        if (*p == '/') {
            if (end - p < 2 || p[1] != '>')
                return nullptr;
            p += 2;
        } else {
            ++p;  // '>'
            if (at("<v>", 3)) {
                p += 3;
                const char* v0 = p;
                while (p < end && *p != '<' && *p != '&')
                    ++p;
                if (!at("</v>", 4))
                    return nullptr;
                cell.value = std::string_view(v0, static_cast<size_t>(p - v0));
                p += 4;
            }
            if (!at("</c>", 4))
                return nullptr;
            p += 4;
        }
        cells.push_back(cell);
    }
}

// A row's start tag as spreadsheet programs write it: `<row` and name="value" attributes (or '),
// each after white space, then '>' or "/>". `number` from r (1 to 9 digits). Returns the position
// after the tag, or null at anything else (a prefix on the element or on an r attribute, an
// empty or odd r, a '<' in a value ...): the general scanner decides then.
template <bool X>
const char* fastRowTag(const char* p, const char* const end, long& number, bool& empty) {
    // The usual tag, `<row r="2">` or `<row r="2" spans="1:10">` (1 to 7 digits each), in fixed
    // pieces first (the same result as the loop below).
    constexpr std::ptrdiff_t at = len<X>("<row r=\"", "<x:row r=\"");
    if (end - p >= 48 + at - 8 && is<X>(p, "<row r=\"", "<x:row r=\"")) {
        std::uint64_t ref = 0, word = 0;
        std::memcpy(&ref, p + at, 8);
        const int digits = leadingDigits(ref);
        const char* q = p + at + digits;  // the closing quote
        if (digits >= 1 && digits <= 7 && *q == '"') {
            ++q;
            bool plain = *q == '>';
            if (!plain && std::memcmp(q, " spans=\"", 8) == 0) {
                std::memcpy(&word, q + 8, 8);
                const int from = leadingDigits(word);
                const char* colon = q + 8 + from;
                std::memcpy(&word, colon + 1, 8);
                const int to = from >= 1 && from <= 7 && *colon == ':' ? leadingDigits(word) : 0;
                q = colon + 1 + to;  // the closing quote
                plain = to >= 1 && to <= 7 && q[0] == '"' && q[1] == '>';
                ++q;
            }
            if (plain) {
                number = static_cast<long>(digitsValue(ref, digits));
                empty = false;
                return q + 1;
            }
        }
    }
    constexpr std::ptrdiff_t name = len<X>("<row", "<x:row");
    if (end - p < name + 1 || !is<X>(p, "<row", "<x:row"))
        return nullptr;
    p += name;
    number = 0;
    bool hasRef = false;
    for (;;) {
        if (p >= end)
            return nullptr;
        if (*p == '>') {
            empty = false;
            return p + 1;
        }
        if (*p == '/') {
            empty = true;
            return end - p >= 2 && p[1] == '>' ? p + 2 : nullptr;
        }
        if (!isSpace(*p))
            return nullptr;
        while (p < end && isSpace(*p))
            ++p;
        if (p < end && (*p == '>' || *p == '/'))
            continue;
        std::string_view name, value;
        p = plainAttribute(p, end, name, value);
        if (p == nullptr)
            return nullptr;
        const size_t colon = name.rfind(':');
        const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
        if (local.size() != 1 || local[0] != 'r')
            continue;
        if (colon != std::string_view::npos || value.empty() || value.size() > 9)
            return nullptr;
        if (hasRef)
            continue;  // (the general reader takes the first r too)
        hasRef = true;
        for (char c : value) {
            if (c < '0' || c > '9')
                return nullptr;
            number = number * 10 + (c - '0');
        }
    }
}

// Whether `text` holds the start of an element named row (any prefix): '<', not '/', then a
// name up to white space, '/' or '>' whose part after its first ':' is "row". The same test as
// the block cutter's and ElementStream's (XlsxReader.cpp).
bool containsRowStart(std::string_view text) {
    for (size_t lt = text.find('<'); lt != std::string_view::npos; lt = text.find('<', lt + 1)) {
        size_t e = lt + 1;
        if (e < text.size() && text[e] == '/')
            continue;
        while (e < text.size() && text[e] != ' ' && text[e] != '\t' && text[e] != '\r' &&
               text[e] != '\n' && text[e] != '/' && text[e] != '>')
            ++e;
        if (e >= text.size())
            return false;  // (a name cut short: the cutter does not take it either)
        std::string_view name = text.substr(lt + 1, e - lt - 1);
        const size_t colon = name.find(':');
        if (colon != std::string_view::npos)
            name.remove_prefix(colon + 1);
        if (name == "row")
            return true;
    }
    return false;
}

}  // namespace

bool XlsxScan::stringItem(std::string_view s, std::string& text, std::string& error) {
    // The common form, `<si><t>plain text</t></si>` (or <t xml:space="preserve">), directly;
    // anything else (runs, entities, prefixes, CDATA) through the general reader below.
    {
        std::string_view rest = s;
        auto eat = [&](std::string_view lit) {
            if (rest.size() < lit.size() || std::memcmp(rest.data(), lit.data(), lit.size()) != 0)
                return false;
            rest.remove_prefix(lit.size());
            return true;
        };
        if (fast_ && eat("<si>") && (eat("<t>") || eat("<t xml:space=\"preserve\">"))) {
            size_t k = 0;
            while (k < rest.size() && rest[k] != '<' && rest[k] != '&')
                ++k;
            const std::string_view plain = rest.substr(0, k);
            rest.remove_prefix(k);
            if (eat("</t></si>") && rest.empty()) {
                text.append(plain);
                return true;
            }
        }
    }
    Tag t;
    size_t i = s.find('<');
    if (i == std::string_view::npos || !readTag(s, i, t) || t.closing || t.special) {
        error = tr("không phải một phần tử XML", "not an element");
        return false;
    }
    if (t.empty)
        return true;
    const std::string local(t.local);
    i = t.end;
    if (!itemText(s, i, local, text)) {
        error = tr("mục chuỗi sai cấu trúc", "malformed string item");
        return false;
    }
    return true;
}

const char* XlsxScan::rowTag(const char* p, const char* end, long& number, bool& empty) {
    const bool x = xPrefixed(p, end);
    // `<row r="` (or `<x:row r="`) and 1 to 7 digits, then the quote where the tail begins.
    const auto tailAt = [&](std::uint64_t& ref, int& digits) -> const char* {
        const std::ptrdiff_t at = x ? 10 : 8;
        if (end - p < at + 8 || !(x ? is<true>(p, "<row r=\"", "<x:row r=\"")
                                    : is<false>(p, "<row r=\"", "<x:row r=\"")))
            return nullptr;
        std::memcpy(&ref, p + at, 8);
        digits = leadingDigits(ref);
        const char* q = p + at + digits;
        return digits >= 1 && digits <= 7 && *q == '"' ? q : nullptr;
    };
    std::uint64_t ref = 0;
    int digits = 0;
    const char* tail = tailAt(ref, digits);
    if (tail != nullptr && !rowTail_.empty() &&
        static_cast<size_t>(end - tail) >= rowTail_.size() &&
        std::memcmp(tail, rowTail_.data(), rowTail_.size()) == 0) {
        number = static_cast<long>(digitsValue(ref, digits));
        empty = rowTailEmpty_;
        return tail + rowTail_.size();
    }
    const char* q =
        x ? fastRowTag<true>(p, end, number, empty) : fastRowTag<false>(p, end, number, empty);
    // (fastRowTag's outcome for such a tag depends on its tail only: r comes first, its number
    // is read, and whatever follows decides the rest.)
    if (q != nullptr && tail != nullptr && q - tail <= 512) {
        rowTail_.assign(tail, static_cast<size_t>(q - tail));
        rowTailEmpty_ = empty;
    }
    return q;
}

const char* XlsxScan::rowAt(const char* p, const char* end, long& number,
                            std::vector<XlsxCell>& cells) {
    cells.clear();
    if (!fast_)
        return nullptr;
    used_ = 0;  // (the texts decoded for the row before are free again)
    TextStore store{decoded_, used_};
    long n = 0;
    bool empty = false;
    const char* q = rowTag(p, end, n, empty);
    if (q != nullptr && !empty)
        q = xPrefixed(p, end) ? fastCellsAt<true>(q, end, cells, rowRefAt<true>(p, end), &store)
                              : fastCellsAt<false>(q, end, cells, rowRefAt<false>(p, end), &store);
    if (q == nullptr) {
        cells.clear();
        return nullptr;
    }
    number = n;
    return q;
}

bool XlsxScan::row(std::string_view s, long& number, std::vector<XlsxCell>& cells,
                   std::string& error) {
    cells.clear();
    used_ = 0;
    number = 0;
    if (fast_) {
        TextStore store{decoded_, used_};
        const char* const end = s.data() + s.size();
        long n = 0;
        bool empty = false;
        const char* p = rowTag(s.data(), end, n, empty);
        const bool x = xPrefixed(s.data(), end);
        if (p != nullptr &&
            (empty ? p == end
                   : (x ? fastCellsAt<true>(p, end, cells, rowRefAt<true>(s.data(), end), &store)
                        : fastCellsAt<false>(p, end, cells, rowRefAt<false>(s.data(), end),
                                             &store)) == end)) {
            number = n;
            return true;
        }
        cells.clear();
    }
    Tag t;
    size_t i = s.find('<');
    if (i == std::string_view::npos || !readTag(s, i, t) || !same(t.local, "row") || t.closing) {
        error = tr("không phải phần tử <row>", "not a <row> element");
        return false;
    }
    const std::string_view rowName = t.name;  // end tags match their start tags by whole name
    bool found = false;
    const std::string_view r = attribute(t.attrs, "r", found);
    if (found) {
        long n = 0;
        for (char c : r) {
            if (c < '0' || c > '9' || n > 100000000) {
                error = tr("số dòng (r) không hợp lệ", "bad row number");
                return false;
            }
            n = n * 10 + (c - '0');
        }
        number = n;
    }
    if (t.empty)
        return true;
    i = t.end;
    // Another row's start anywhere in this row's text (in a cell's unknown child, a CDATA
    // section, a damaged tag): refused, wherever it is. The analyser's threads cut the sheet at
    // the last row start of each block without reading what lies around it, so such a row
    // would be read whole by one reader and cut by the other (fuzz_xlsx); no spreadsheet
    // writes one.
    if (containsRowStart(s.substr(i))) {
        error = tr("dòng chưa đóng (thiếu </row>) trước dòng sau",
                   "a row not closed before the next row");
        return false;
    }
    auto fail = [&](const char* what) {
        error = what;
        return false;
    };
    for (;;) {
        const size_t lt = findLt(s, i);
        if (lt == std::string_view::npos || !readTag(s, lt, t) || t.special)
            return fail(tr("dòng sai cấu trúc", "malformed row"));
        if (t.closing) {
            if (t.name != rowName)
                return fail(tr("thẻ đóng không khớp trong dòng", "mismatched end tag in a row"));
            return true;
        }
        if (!same(t.local, "c")) {
            if (same(t.local, "row"))  // (a row's end tag is missing: its text runs into the next)
                return fail(tr("dòng chưa đóng (thiếu </row>) trước dòng sau",
                               "a row not closed before the next row"));
            if (!skipElement(s, t, i))
                return fail(tr("phần tử sai cấu trúc trong dòng", "malformed element in a row"));
            continue;
        }
        XlsxCell cell;
        const std::string_view cellName = t.name;
        std::string_view ref, type;
        bool hasRef = false;
        attributes(t.attrs, "r", ref, hasRef, "t", type, found);
        if (hasRef)
            cell.column = columnOfRef(ref);
        if (!found || same(type, "n") || same(type, "d") || same(type, "e") || same(type, "b"))
            cell.type = 'n';
        else if (same(type, "s"))
            cell.type = 's';
        else if (same(type, "inlineStr"))
            cell.type = 'i';
        else
            cell.type = 't';
        i = t.end;
        if (!t.empty) {
            for (;;) {
                const size_t lt2 = findLt(s, i);
                if (lt2 == std::string_view::npos || !readTag(s, lt2, t) || t.special)
                    return fail(tr("ô sai cấu trúc", "malformed cell"));
                if (t.closing) {
                    if (t.name != cellName)
                        return fail(
                            tr("thẻ đóng không khớp trong ô", "mismatched end tag in a cell"));
                    i = t.end;
                    break;
                }
                if (same(t.local, "v") && !t.empty) {
                    const std::string_view valueName = t.name;
                    i = t.end;
                    if (used_ == decoded_.size())
                        decoded_.emplace_back();
                    std::string& buf = decoded_[used_];
                    buf.clear();
                    std::string_view v;
                    bool owned = false;
                    if (!readText(s, i, buf, v, owned))
                        return fail(tr("giá trị ô sai cấu trúc", "malformed cell value"));
                    if (owned) {
                        ++used_;
                        v = buf;
                    }
                    if (cell.type != 'i')
                        cell.value = v;
                    if (!readTag(s, i, t) || !t.closing || t.name != valueName)
                        return fail(tr("giá trị ô sai cấu trúc", "malformed cell value"));
                    i = t.end;
                } else if (same(t.local, "is") && !t.empty) {
                    i = t.end;
                    if (used_ == decoded_.size())
                        decoded_.emplace_back();
                    std::string& buf = decoded_[used_++];
                    buf.clear();
                    if (!itemText(s, i, "is", buf))
                        return fail(tr("chuỗi trong ô sai cấu trúc", "malformed inline string"));
                    if (cell.type == 'i')
                        cell.value = buf;
                } else if (!skipElement(s, t, i)) {  // <f>, <extLst>, ...
                    return fail(tr("ô sai cấu trúc", "malformed cell"));
                }
            }
        }
        cells.push_back(cell);
    }
}

}  // namespace par::dossier
