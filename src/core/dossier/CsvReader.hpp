// CsvReader.hpp - CSV as one-stop systems export it, read as a stream in constant memory: UTF-8
// with or without a BOM, CRLF or LF, comma, semicolon or tab (detected on the header line), RFC
// 4180 quoting (separators, quotes doubled and line breaks inside quotes).
#pragma once

#include <cstdio>
#include <deque>
#include <string>
#include <vector>

#include "core/dossier/RowSource.hpp"

namespace par::dossier {

class CsvReader : public RowSource {
public:
    // Opens the file and reads its header; throws IoError / ParseError.
    explicit CsvReader(const std::string& path);
    ~CsvReader() override;
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    const std::vector<std::string>& header() const override { return header_; }
    long headerLine() const override { return headerLine_; }
    bool next(RawRecord& record) override;
    double fraction() const override;
    const std::string& name() const override { return path_; }

    char delimiter() const { return delimiter_; }
    bool hadBom() const { return bom_; }

    // A record longer than this is an error (a quote never closed, most likely).
    static constexpr size_t kMaxRecordBytes = 16u << 20;

private:
    enum class Result { Record, NeedMore, End };
    Result parseRecord(RawRecord& record);
    bool refill();  // false at end of file
    char detectDelimiter() const;

    std::string path_;
    std::FILE* file_ = nullptr;
    long long fileSize_ = 0;
    long long consumed_ = 0;  // bytes before buf_[0]
    std::vector<char> buf_;
    size_t begin_ = 0, end_ = 0;  // unparsed bytes are buf_[begin_, end_)
    bool eof_ = false;
    bool bom_ = false;
    char delimiter_ = ',';
    long line_ = 1;  // line of buf_[begin_]
    long headerLine_ = 1;
    std::vector<std::string> header_;
    std::deque<std::string> unescaped_;  // undoubled quoted fields (a deque: views stay valid)
};

}  // namespace par::dossier
