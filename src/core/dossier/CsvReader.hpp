// SPDX-License-Identifier: Apache-2.0
// CsvReader.hpp - CSV as one-stop systems export it, read as a stream in constant memory: UTF-8
// with or without a BOM, CRLF or LF, comma, semicolon or tab (detected on the header line), RFC
// 4180 quoting (separators, quotes doubled and line breaks inside quotes; the grammar and its
// error rules are in CsvScan.hpp).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/dossier/CsvScan.hpp"
#include "core/dossier/LogFile.hpp"
#include "core/dossier/RowSource.hpp"

namespace par::dossier {

class CsvReader : public RowSource {
public:
    // Opens the file (regular files only, LogFile) and reads its header; throws IoError /
    // ParseError.
    explicit CsvReader(const std::string& path);
    ~CsvReader() override;
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    const std::vector<std::string>& header() const override { return header_; }
    long headerLine() const override { return headerLine_; }

protected:
    bool takeNextHeader() override;

public:
    bool next(RawRecord& record) override;
    double fraction() const override;
    const std::string& name() const override { return path_; }

    char delimiter() const { return delimiter_; }
    long long size() const { return file_.size(); }  // the file's, when opened
    bool hadBom() const { return bom_; }

    // A record longer than this is an error (a quote never closed, most likely).
    static constexpr size_t kMaxRecordBytes = 16u << 20;

    // For the parallel analysis: what is left to read. The bytes already buffered and not yet
    // parsed (they start at a record start on line `line`), the descriptor to read the rest from,
    // whether the file ended, the file's size. The reader must not be used after this.
    struct Rest {
        std::string buffered;
        long line = 0;
        long long offset = 0;  // file offset of buffered[0]
        bool eof = false;
        int fd = -1;  // still owned by the reader
        long long size = 0;
    };
    Rest takeRest();

private:
    bool refill();  // false at end of file
    char detectDelimiter() const;
    void takeHeader(const RawRecord& r);  // r as the header (its text checked as UTF-8)

    std::string path_;
    LogFile file_;
    long long consumed_ = 0;  // bytes before buf_[0]
    std::vector<char> buf_;
    size_t begin_ = 0, end_ = 0;  // unparsed bytes are buf_[begin_, end_)
    bool eof_ = false;
    bool bom_ = false;
    char delimiter_ = ',';
    long line_ = 1;  // line of buf_[begin_]
    long headerLine_ = 1;
    std::vector<std::string> header_;
    std::unique_ptr<CsvRecordParser> parser_;
};

}  // namespace par::dossier
