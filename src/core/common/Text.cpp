// SPDX-License-Identifier: Apache-2.0
#include "core/common/Text.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <memory>

#include "core/common/Error.hpp"

namespace par {

namespace {
std::atomic<Language> g_language{Language::Vietnamese};

const icu::Normalizer2& normalizer(bool compose) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n =
        compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || n == nullptr) throw Error("ICU normalizer unavailable");
    return *n;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

// -1: this thread follows the process-wide default; else the Language of its innermost scope.
static thread_local int t_language = -1;

void setLanguage(Language lang) { g_language = lang; }
Language language() {
    return t_language >= 0 ? static_cast<Language>(t_language) : g_language.load();
}

LanguageScope::LanguageScope(Language lang) : saved_(t_language) { t_language = static_cast<int>(lang); }
LanguageScope::~LanguageScope() { t_language = saved_; }

const char* tr(const char* vi, const char* en) {
    return language() == Language::English ? en : vi;
}

std::string format(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size() + 32);
    size_t next = 0;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            if (next < args.size()) out += args[next];
            ++next;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string nfc(std::string_view utf8) {
    // Fast path: pure ASCII is already NFC.
    bool ascii = true;
    for (unsigned char c : utf8)
        if (c >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) return std::string(utf8);
    // Most text is already NFC (Vietnamese keyboards type precomposed letters): checking that on
    // the UTF-8 bytes avoids the round trip through UTF-16. Ill-formed input takes the long way,
    // which replaces it.
    UErrorCode check = U_ZERO_ERROR;
    icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (isValidUtf8(utf8) && normalizer(true).isNormalizedUTF8(piece, check) && U_SUCCESS(check))
        return std::string(utf8);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString n = normalizer(true).normalize(u, status);
    if (U_FAILURE(status)) throw Error("NFC normalisation failed");
    std::string out;
    n.toUTF8String(out);
    return out;
}

bool vietnameseLess(std::string_view a, std::string_view b) {
    static const std::unique_ptr<icu::Collator> collator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
        if (U_FAILURE(status)) c.reset();
        return c;
    }();
    if (collator) {
        UErrorCode status = U_ZERO_ERROR;
        UCollationResult r = collator->compareUTF8(
            icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
            icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
        if (U_SUCCESS(status) && r != UCOL_EQUAL) return r == UCOL_LESS;
    }
    return a < b;
}

std::string foldKey(std::string_view utf8) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString d = normalizer(false).normalize(u, status);
    if (U_FAILURE(status)) throw Error("NFD normalisation failed");
    icu::UnicodeString stripped;
    bool pendingSpace = false;
    for (int32_t i = 0; i < d.length();) {
        UChar32 c = d.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c == 0x0111 || c == 0x0110) c = 'd';  // đ, Đ have no decomposition
        if (u_isUWhiteSpace(c)) {
            pendingSpace = stripped.length() > 0;
            continue;
        }
        if (pendingSpace) stripped.append(UChar32(' '));
        pendingSpace = false;
        stripped.append(u_tolower(c));
    }
    std::string out;
    stripped.toUTF8String(out);
    return out;
}

std::string trim(std::string_view s) {
    return std::string(trimmedView(s));
}

std::string_view trimmedView(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b])) ++b;
    while (e > b && isSpace(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::vector<std::string> splitList(std::string_view s, std::string_view separators) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || separators.find(s[i]) != std::string_view::npos) {
            std::string piece = trim(s.substr(start, i - start));
            if (!piece.empty()) out.push_back(std::move(piece));
            start = i + 1;
        }
    }
    return out;
}

namespace {
// The code point at s[i]: its length in bytes and whether it takes a column (combining marks
// U+0300-U+036F do not).
size_t codePointAt(std::string_view s, size_t i, bool& takesColumn) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    unsigned cp = c;
    if (len == 2 && i + 1 < s.size())
        cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    takesColumn = !(len == 2 && cp >= 0x300 && cp <= 0x36F);
    return std::min(len, s.size() - i);
}
}  // namespace

size_t displayWidth(std::string_view s) {
    size_t w = 0;
    bool column = false;
    for (size_t i = 0; i < s.size();) {
        i += codePointAt(s, i, column);
        w += column ? 1 : 0;
    }
    return w;
}

std::string clipToWidth(std::string_view s, size_t width) {
    if (displayWidth(s) <= width)
        return std::string(s);
    if (width == 0)
        return {};
    // The code points of the first width - 1 columns, with the marks after the last of them.
    size_t w = 0, i = 0;
    bool column = false;
    while (i < s.size()) {
        const size_t len = codePointAt(s, i, column);
        if (column && w == width - 1)
            break;
        w += column ? 1 : 0;
        i += len;
    }
    return std::string(s.substr(0, i)) + "\u2026";
}

}  // namespace par
