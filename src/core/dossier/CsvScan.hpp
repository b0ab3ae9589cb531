// SPDX-License-Identifier: Apache-2.0
// CsvScan.hpp - the CSV grammar of dossier logs in one place, used by the sequential CsvReader and
// by the parallel analysis (DossierAnalyzer): RFC 4180 records parsed where they lie in memory
// (CsvRecordParser), and the exact record boundaries of a block found without splitting fields
// (CsvSplitter), so a block can be handed to another core with the quoted-newline state and the
// line number known exactly. Both scan in 16-byte steps (SSE2 compares + movemask where the CPU
// has them, a byte loop elsewhere).
//
// The grammar: a quote opens a quoted field only at the start of a field (record start or right
// after the separator); inside, "" is a quote and line breaks are data; after the closing quote,
// text up to the next separator is ignored (not RFC 4180, but some exports write it) unless the
// quoted field spanned a line break: then the closing quote is almost surely the opening quote of a
// later field, and the file is refused at the line where the quote opened (a quote left open
// would otherwise swallow the following rows silently). Elsewhere a quote is a plain character. A
// record ends at LF, CRLF or a lone CR. Line numbers are physical lines: each record end counts
// one, each LF inside quotes one.
#pragma once

#include <deque>
#include <string>

#include "core/dossier/RowSource.hpp"

namespace par::dossier {

class CsvRecordParser {
public:
    enum class Result { Record, NeedMore, End };

    CsvRecordParser(char delimiter, const std::string* file) : d_(delimiter), file_(file) {}

    // Parses the record that starts at p (a record start) in [p, e). `eof`: nothing follows e.
    // On Record: fields set (views into [p, e) or into this parser's own storage, valid until the
    // next call), rec.line = line, `lines` = the line breaks consumed, p moved past the record.
    // NeedMore: the record may continue past e (p unchanged). End: p == e at eof. Throws
    // ParseError (file:line of the opening quote) for a quote never closed or closed mid-field
    // after a line break.
    Result parse(const char*& p, const char* e, bool eof, long line, RawRecord& rec, long& lines);

private:
    char d_;
    const std::string* file_;
    std::deque<std::string> unescaped_;  // undoubled quoted fields (a deque: views stay valid)
};

// Finds record boundaries in a buffer that starts at a record start.
class CsvSplitter {
public:
    explicit CsvSplitter(char delimiter, const std::string* file) : d_(delimiter), file_(file) {}

    // Scans [b, e) (b a record start on line `line`); returns the end of the last complete record
    // (b when none ends in the buffer) and sets `linesTo` to the line breaks before it. `eof`:
    // nothing follows e (then the end of the buffer is a record end). Throws ParseError for a
    // quote never closed at eof, at the quote's line.
    const char* lastBoundary(const char* b, const char* e, bool eof, long line,
                             long& linesTo) const;

private:
    char d_;
    const std::string* file_;
};

// The first separator, CR or LF in [p, e), or e.
const char* findFieldEnd(const char* p, const char* e, char delimiter);

}  // namespace par::dossier
