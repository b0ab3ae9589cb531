// SPDX-License-Identifier: Apache-2.0
// CsvReader.cpp - a fixed buffer refilled from the file, records parsed where they lie in it
// (CsvRecordParser). When a record runs past the buffer's end the unparsed tail moves to the front
// and the rest is read in (the buffer grows only for a record longer than the buffer, up to
// kMaxRecordBytes).
#include "core/dossier/CsvReader.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::dossier {

namespace {
constexpr size_t kBufferBytes = 1u << 20;
}

CsvReader::CsvReader(const std::string& path) : path_(path), file_(path) {
    buf_.resize(kBufferBytes);
    refill();
    // Excel's "Unicode text" and some exports are UTF-16: every other byte of the header is NUL.
    const bool utf16Bom = end_ >= 2 && ((static_cast<unsigned char>(buf_[0]) == 0xFF &&
                                         static_cast<unsigned char>(buf_[1]) == 0xFE) ||
                                        (static_cast<unsigned char>(buf_[0]) == 0xFE &&
                                         static_cast<unsigned char>(buf_[1]) == 0xFF));
    if (utf16Bom || std::memchr(buf_.data(), '\0', std::min<size_t>(end_, 4096)) != nullptr)
        throw ParseError(
            {path_, 1, 0},
            tr("tệp là UTF-16 hoặc chứa byte NUL; hãy lưu lại dưới dạng CSV UTF-8",
               "the file is UTF-16 or contains NUL bytes; save it again as CSV UTF-8"));
    if (end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) {
        bom_ = true;
        begin_ = 3;
    }
    delimiter_ = detectDelimiter();
    parser_ = std::make_unique<CsvRecordParser>(delimiter_, &path_);
    RawRecord r;
    if (!next(r))
        throw ParseError({path_, 1, 0},
                         tr("tệp trống: không có dòng tiêu đề", "empty file: no header line"));
    takeHeader(r);
}

void CsvReader::takeHeader(const RawRecord& r) {
    headerLine_ = r.line;
    header_.clear();
    for (const auto& f : r.fields) {
        if (!isValidUtf8(f))
            throw ParseError({path_, static_cast<int>(r.line), 0},
                             tr("tệp không phải UTF-8 (có thể là Windows-1258 hoặc TCVN3); hãy "
                                "xuất lại hoặc lưu dưới dạng CSV UTF-8",
                                "the file is not UTF-8 (Windows-1258 or TCVN3?); export it again "
                                "or save it as CSV UTF-8"));
        header_.push_back(trim(f));
    }
}

bool CsvReader::takeNextHeader() {
    // The separator was guessed on the title line, which may have none: guessed again on this
    // one (a whole line in the buffer: a header is far shorter than it).
    for (;;) {  // past blank lines, to the next line's text
        while (begin_ < end_ && (buf_[begin_] == '\r' || buf_[begin_] == '\n')) {
            if (buf_[begin_] == '\n' ||
                (begin_ + 1 < end_ && buf_[begin_ + 1] != '\n'))  // (a CR alone ends a line too)
                ++line_;
            ++begin_;
        }
        if (begin_ < end_ || !refill())
            break;
    }
    if (begin_ == end_)
        return false;
    const char d = detectDelimiter();
    if (d != delimiter_) {
        delimiter_ = d;
        parser_ = std::make_unique<CsvRecordParser>(delimiter_, &path_);
    }
    RawRecord r;
    if (!next(r))
        return false;
    takeHeader(r);
    return true;
}

CsvReader::~CsvReader() = default;

double CsvReader::fraction() const {
    if (file_.size() <= 0)
        return 0;
    return std::min(1.0, static_cast<double>(consumed_ + static_cast<long long>(begin_)) /
                             static_cast<double>(file_.size()));
}

bool CsvReader::refill() {
    if (eof_)
        return false;
    if (begin_ > 0) {  // keep the unparsed tail at the front
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        consumed_ += static_cast<long long>(begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == buf_.size()) {  // one record fills the whole buffer
        if (buf_.size() >= kMaxRecordBytes)
            throw ParseError({path_, static_cast<int>(line_), 0},
                             tr("bản ghi bắt đầu ở dòng này dài quá 16 MB (thiếu dấu ngoặc kép "
                                "đóng?)",
                                "the record starting on this line is longer than 16 MB (a closing "
                                "quote missing?)"));
        buf_.resize(buf_.size() * 2);
    }
    ssize_t n;
    do
        n = ::read(file_.fd(), buf_.data() + end_, buf_.size() - end_);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        throw IoError(
            fmt(tr("lỗi đọc tệp {}: {}", "error reading {}: {}"), path_, std::strerror(errno)));
    if (n == 0) {
        eof_ = true;
        return false;
    }
    end_ += static_cast<size_t>(n);
    return true;
}

char CsvReader::detectDelimiter() const {
    size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (size_t i = begin_; i < end_; ++i) {
        const char c = buf_[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++comma;
        else if (!quoted && c == ';')
            ++semicolon;
        else if (!quoted && c == '\t')
            ++tab;
    }
    if (semicolon > comma && semicolon >= tab)
        return ';';
    if (tab > comma && tab > semicolon)
        return '\t';
    return ',';
}

bool CsvReader::next(RawRecord& rec) {
    for (;;) {
        const char* p = buf_.data() + begin_;
        long lines = 0;
        const auto r = parser_->parse(p, buf_.data() + end_, eof_, line_, rec, lines);
        if (r == CsvRecordParser::Result::End)
            return false;
        if (r == CsvRecordParser::Result::NeedMore) {
            refill();
            continue;
        }
        begin_ = static_cast<size_t>(p - buf_.data());
        line_ += lines;
        if (!rec.blank())
            return true;
    }
}

CsvReader::Rest CsvReader::takeRest() {
    Rest r;
    r.buffered.assign(buf_.data() + begin_, end_ - begin_);
    r.line = line_;
    r.offset = consumed_ + static_cast<long long>(begin_);
    r.eof = eof_;
    r.fd = file_.fd();
    r.size = file_.size();
    begin_ = end_;
    return r;
}

}  // namespace par::dossier
