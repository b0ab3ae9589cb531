#include "core/common/Text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <atomic>
#include <cstdint>
#include <cstring>

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

void setLanguage(Language lang) { g_language = lang; }
Language language() { return g_language; }

const char* tr(const char* vi, const char* en) {
    return g_language.load() == Language::English ? en : vi;
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

bool isValidUtf8(std::string_view s) {
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        // Eight ASCII bytes at a time: markup and most numbers are ASCII even in Vietnamese files.
        if (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            if ((w & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (int k = 1; k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
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
    size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b])) ++b;
    while (e > b && isSpace(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
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

}  // namespace par
