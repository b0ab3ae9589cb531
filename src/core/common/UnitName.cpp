// SPDX-License-Identifier: Apache-2.0
// UnitName.cpp - NFD (ICU), lower case, white space collapsed, then in each syllable (a run of
// letters and combining marks) the five Vietnamese tone marks are taken out and put back at the
// syllable's end, so their position no longer matters while the tone itself still does. The
// vowel-quality marks (circumflex, breve, horn) stay where they are: they belong to their letter.
#include "core/common/UnitName.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/common/Text.hpp"

namespace par {

namespace {

bool isTone(UChar32 c) {
    // grave, acute, tilde, hook above, dot below (after NFD; U+0340/0341 decompose to 0300/0301)
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

bool inSyllable(UChar32 c) {
    return u_isalpha(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
}

}  // namespace

std::string unitKey(std::string_view name) {
    if (!isValidUtf8(name))
        return std::string("\x01") + std::string(name);  // never equal to a valid name's key
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    if (U_SUCCESS(status))
        u = nfd->normalize(u, status);
    u.toLower(icu::Locale::getRoot());

    icu::UnicodeString out, tones;
    bool space = false;
    auto endSyllable = [&] {
        out.append(tones);
        tones.remove();
    };
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        if (u_isUWhiteSpace(c) || c == 0xFEFF) {
            endSyllable();
            space = !out.isEmpty();
            continue;
        }
        if (space) {
            out.append(static_cast<UChar>(' '));
            space = false;
        }
        if (isTone(c)) {
            tones.append(c);
            continue;
        }
        if (!inSyllable(c))
            endSyllable();
        out.append(c);
    }
    endSyllable();
    std::string key;
    out.toUTF8String(key);
    return key;
}

}  // namespace par
