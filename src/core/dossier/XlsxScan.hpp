// SPDX-License-Identifier: Apache-2.0
// XlsxScan.hpp - a hand-written reader for the two SpreadsheetML elements that make up almost all
// of a workbook's bytes: a sheet's <row> and a shared-strings <si>. TinyXML-2 built a DOM for each
// of them and was 25x slower than the CSV path; this reads the element text in place, in one pass,
// and still refuses what is not well formed (an unclosed or mismatched tag, a bad entity). Names
// may carry any namespace prefix. Values without entities are views into the element text.
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace par::dossier {

struct XlsxCell {
    int column = -1;         // from r="C12" (0-based), -1 when the cell has no reference
    char type = 'n';         // 'n' number/date, 's' shared string index, 'i' inline, 't' str/other
    std::string_view value;  // <v> text, or the inline string's text
    // A shared string's index already read from `value` (1 to 9 digits) by the one-pass reader,
    // kNoIndex when not read (the record is then made from `value`, the same way).
    static constexpr std::uint32_t kNoIndex = 0xFFFFFFFFu;
    std::uint32_t index = kNoIndex;
};

class XlsxScan {
public:
    // `fast`: rows and string items in the form spreadsheet programs write (plain <c>/<v>,
    // <si><t>) are read by a one-pass reader, anything else by the general one; false: the general
    // one always (the tests compare the two).
    explicit XlsxScan(bool fast = true) : fast_(fast) {}

    // Parses <row ...>...</row> (or <row .../>): its r attribute (0 when absent) and its cells.
    // Returns false with `error` set when the element is not well formed. Views stay valid until
    // the next call or until `element` changes.
    bool row(std::string_view element, long& number, std::vector<XlsxCell>& cells,
             std::string& error);
    // The row starting at p (at its '<'), read by the one-pass reader within [p, end): the
    // position after it, with its number and cells as row() gives them. Null when the row is not
    // in the form that reader takes, or not whole before `end`: then find the element's end and
    // call row(). Views point into [p, end).
    const char* rowAt(const char* p, const char* end, long& number, std::vector<XlsxCell>& cells);
    // The text of an <si> or <is> item: every <t>, rich-text runs joined, phonetic runs (<rPh>)
    // left out. False with `error` when not well formed.
    bool stringItem(std::string_view element, std::string& text, std::string& error);

private:
    // A row's start tag by the one-pass reader: the tag of the row before when the bytes after
    // this one's number are the same (see rowTail_), otherwise fastRowTag.
    const char* rowTag(const char* p, const char* end, long& number, bool& empty);

    bool fast_ = true;
    std::deque<std::string> decoded_;  // values with entities, decoded (views stay valid)
    // The last row tag the one-pass reader took in the form `<row r="12"...`: its bytes from the
    // quote after the number to the end of the tag (` spans="1:9" x14ac:dyDescent="0.25">` as
    // Excel writes every row, LibreOffice's six attributes ...), and whether it was `/>`. The
    // same bytes after another number are read the same way: compared, not parsed again.
    std::string rowTail_;
    bool rowTailEmpty_ = false;
    size_t used_ = 0;
};

// Appends `raw` with XML entities decoded; false for an unknown or malformed entity.
bool decodeXmlText(std::string_view raw, std::string& out);

// The first '<' or '&' in [p, end), or end: 16 bytes at a step (SSE2). Where a plain text
// (a shared string's, an inline string's) ends. Inline: called once per such text.
inline const char* findMarkup(const char* p, const char* end) {
#if defined(__SSE2__)
    const __m128i lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&');
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const unsigned mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp))));
        if (mask != 0)
            return p + __builtin_ctz(mask);
    }
#endif
    while (p < end && *p != '<' && *p != '&')
        ++p;
    return p;
}

}  // namespace par::dossier
