// SPDX-License-Identifier: Apache-2.0
// Text.hpp - the language of messages (Vietnamese first, English second), a tiny "{}" formatter,
// and Unicode helpers over ICU: NFC normalisation and the folded keys used to match names
// case- and diacritic-insensitively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace par {

enum class Language { Vietnamese, English };

// The language of messages. setLanguage() sets the process-wide default (the CLI's --lang, the GUI's
// setting), once at start-up or when the user switches; language() is that default unless the
// calling thread has a LanguageScope. What builds a document or a message in a given language takes
// that language as a parameter and opens a LanguageScope: it changes the calling thread only, never
// the language another thread (the app's workers, the GUI) is using.
void setLanguage(Language lang);
Language language();

class LanguageScope {
public:
    explicit LanguageScope(Language lang);
    ~LanguageScope();
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;

private:
    int saved_;
};

// Picks the message in the current language. Both texts are string literals, so the pointer stays valid.
const char* tr(const char* vi, const char* en);

// Replaces each "{}" in pattern with the next argument.
std::string format(std::string_view pattern, const std::vector<std::string>& args);
template <typename... Args>
std::string fmt(std::string_view pattern, const Args&... args) {
    return format(pattern, std::vector<std::string>{std::string(args)...});
}

// Unicode NFC of a UTF-8 string (invalid UTF-8 is replaced by U+FFFD).
std::string nfc(std::string_view utf8);

// Whether the bytes are well-formed UTF-8.
bool isValidUtf8(std::string_view bytes);
// Offset of the first byte that is not well-formed UTF-8; npos when all are (for messages: slower
// than isValidUtf8, called once it has said no).
size_t firstInvalidUtf8(std::string_view bytes);
// 1-based line of byte `offset`, counting LF, CR LF and a lone CR each as one line end.
int lineOfOffset(std::string_view text, size_t offset);

// Key for loose matching: NFC, diacritics removed (đ → d), lower case, runs of white space made one
// space, trimmed. "Mã Hồ  Sơ" and "ma ho so" give the same key.
std::string foldKey(std::string_view utf8);

// Vietnamese alphabetical order (ICU collation "vi": a < ă < â < b …, tones after the letter),
// byte order when the collator cannot decide or is missing.
bool vietnameseLess(std::string_view a, std::string_view b);

// Columns a UTF-8 text takes in a terminal: code points, combining marks (U+0300-U+036F) not
// counted, so NFC and NFD Vietnamese line up alike.
size_t displayWidth(std::string_view utf8);
// The text cut to at most `width` such columns, its end replaced by "…" when it is cut (at a
// code point, combining marks kept with their letter); unchanged when it fits.
std::string clipToWidth(std::string_view utf8, size_t width);

// Trims ASCII white space at both ends.
std::string trim(std::string_view s);
// The same, as a view of s.
std::string_view trimmedView(std::string_view s);

// Splits on any of the separator characters, trimming each piece and dropping empty ones.
std::vector<std::string> splitList(std::string_view s, std::string_view separators);

}  // namespace par
