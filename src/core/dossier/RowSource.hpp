// SPDX-License-Identifier: Apache-2.0
// RowSource.hpp - a dossier log as a stream of records, whatever the file format: the analyser
// pulls one record at a time, so memory does not grow with the file (CsvReader, XlsxReader).
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace par::dossier {

struct RawRecord {
    long line = 0;  // where the record starts: the file's line (CSV) or the sheet's row (XLSX)
    std::vector<std::string_view> fields;  // valid until the next call to next()
    // Fields lying in [stableBegin, stableEnd) stay valid and unchanged for the whole read (an
    // XLSX's shared strings): the analyser may remember what it made of such a text by its
    // address (DossierAnalyzer's AddressCache). Null for a CSV, whose buffers are reused.
    const char* stableBegin = nullptr;
    const char* stableEnd = nullptr;
    bool stable(std::string_view v) const {
        const auto b = reinterpret_cast<std::uintptr_t>(stableBegin);
        const auto p = reinterpret_cast<std::uintptr_t>(v.data());
        return b != 0 && p >= b &&
               p - b + v.size() <= reinterpret_cast<std::uintptr_t>(stableEnd) - b;
    }
    // No field has a character (an empty line, or only separators): skipped, never counted.
    bool blank() const {
        for (const auto& f : fields)
            if (!f.empty())
                return false;
        return true;
    }
};

// A byte buffer that grows without zero-filling (std::string::resize writes every new byte): the
// blocks of a log handed between threads (DossierParallel.cpp, XlsxReader::nextBlock).
struct Bytes {
    std::unique_ptr<char[]> p;
    size_t size = 0, cap = 0;
    void reserve(size_t n) {
        if (n <= cap)
            return;
        std::unique_ptr<char[]> q(new char[n]);
        if (size > 0)
            std::memcpy(q.get(), p.get(), size);
        p = std::move(q);
        cap = n;
    }
    char* data() { return p.get(); }
    const char* data() const { return p.get(); }
};

class RowSource {
public:
    virtual ~RowSource() = default;

    // The header record (column names as written) and where it is.
    virtual const std::vector<std::string>& header() const = 0;
    virtual long headerLine() const = 0;
    // Takes the next non-blank record as the header instead (the one before was a title above
    // the table, as exported reports have); false, the header unchanged, when there is none.
    // Reading then goes on after the new header.
    bool nextHeader() {
        const bool moved = takeNextHeader();
        afterTitle_ = afterTitle_ || moved;
        return moved;
    }
    // Whether nextHeader() moved the header down (rows above it skipped as a title).
    bool headerAfterTitle() const { return afterTitle_; }
    // The next non-blank record; false at the end. Throws ParseError (file:line) when the file is
    // broken in a way no later record can recover from (an unterminated quote, not UTF-8 ...).
    virtual bool next(RawRecord& record) = 0;
    // How far through the input, in [0, 1].
    virtual double fraction() const = 0;
    // Whether cells may hold spreadsheet date serials, and in which system.
    virtual bool dateSerials() const { return false; }
    virtual bool date1904() const { return false; }
    virtual const std::string& name() const = 0;

protected:
    virtual bool takeNextHeader() { return false; }

private:
    bool afterTitle_ = false;
};

}  // namespace par::dossier
