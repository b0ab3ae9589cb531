// CsvReader.cpp - a hand-written RFC 4180 scanner over a fixed buffer refilled from the file. A
// record is parsed where it lies in the buffer; when it runs past the buffer's end the unparsed
// tail moves to the front and the rest of the record is read in (the buffer grows only for a record
// longer than the buffer, up to kMaxRecordBytes).
#include "core/dossier/CsvReader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::dossier {

namespace {
constexpr size_t kBufferBytes = 1u << 20;
}

CsvReader::CsvReader(const std::string& path) : path_(path) {
    file_ = std::fopen(path.c_str(), "rb");
    if (file_ == nullptr)
        throw IoError(
            fmt(tr("không mở được tệp {}: {}", "cannot open {}: {}"), path, std::strerror(errno)));
    if (std::fseek(file_, 0, SEEK_END) == 0) {
        fileSize_ = std::ftell(file_);
        std::fseek(file_, 0, SEEK_SET);
    }
    buf_.resize(kBufferBytes);
    refill();
    // Excel's "Unicode text" and some exports are UTF-16: every other byte of the header is NUL.
    const bool utf16Bom = end_ >= 2 && ((static_cast<unsigned char>(buf_[0]) == 0xFF &&
                                         static_cast<unsigned char>(buf_[1]) == 0xFE) ||
                                        (static_cast<unsigned char>(buf_[0]) == 0xFE &&
                                         static_cast<unsigned char>(buf_[1]) == 0xFF));
    if (utf16Bom || std::memchr(buf_.data(), '\0', std::min<size_t>(end_, 4096)) != nullptr)
        throw ParseError({path_, 1, 0},
                         tr("tệp là UTF-16 hoặc chứa byte NUL; hãy lưu lại dưới dạng CSV UTF-8",
                            "the file is UTF-16 or contains NUL bytes; save it again as CSV UTF-8"));
    if (end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) {
        bom_ = true;
        begin_ = 3;
    }
    delimiter_ = detectDelimiter();
    RawRecord r;
    if (!next(r))
        throw ParseError({path_, 1, 0},
                         tr("tệp trống: không có dòng tiêu đề", "empty file: no header line"));
    headerLine_ = r.line;
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

CsvReader::~CsvReader() {
    if (file_ != nullptr)
        std::fclose(file_);
}

double CsvReader::fraction() const {
    if (fileSize_ <= 0)
        return 0;
    return std::min(1.0, static_cast<double>(consumed_ + static_cast<long long>(begin_)) /
                             static_cast<double>(fileSize_));
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
                             tr("bản ghi dài quá 16 MB (thiếu dấu ngoặc kép đóng?)",
                                "a record longer than 16 MB (a closing quote missing?)"));
        buf_.resize(buf_.size() * 2);
    }
    const size_t n = std::fread(buf_.data() + end_, 1, buf_.size() - end_, file_);
    if (n == 0) {
        if (std::ferror(file_))
            throw IoError(fmt(tr("lỗi đọc tệp {}", "error reading {}"), path_));
        eof_ = true;
        return false;
    }
    end_ += n;
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

CsvReader::Result CsvReader::parseRecord(RawRecord& rec) {
    const char* const base = buf_.data();
    const char* p = base + begin_;
    const char* const e = base + end_;
    const char d = delimiter_;
    long lines = 0;
    size_t escaped = 0;
    rec.fields.clear();
    if (p == e)
        return eof_ ? Result::End : Result::NeedMore;
    for (;;) {
        if (p < e && *p == '"') {
            const char* const s = ++p;
            bool doubled = false;
            const char* q = nullptr;
            for (;;) {
                q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(e - p)));
                if (q == nullptr) {
                    if (!eof_)
                        return Result::NeedMore;
                    throw ParseError(
                        {path_, static_cast<int>(line_), 0},
                        tr("dấu ngoặc kép mở ở bản ghi này không được đóng đến hết tệp",
                           "a quote opened in this record is never closed"));
                }
                lines += std::count(p, q, '\n');
                if (q + 1 < e && q[1] == '"') {
                    doubled = true;
                    p = q + 2;
                    continue;
                }
                if (q + 1 == e && !eof_)
                    return Result::NeedMore;
                break;
            }
            if (doubled) {
                if (escaped == unescaped_.size())
                    unescaped_.emplace_back();
                std::string& u = unescaped_[escaped++];
                u.clear();
                for (const char* c = s; c < q; ++c) {
                    u.push_back(*c);
                    if (*c == '"')
                        ++c;
                }
                rec.fields.emplace_back(u);
            } else {
                rec.fields.emplace_back(s, static_cast<size_t>(q - s));
            }
            p = q + 1;
            // Text after the closing quote (not RFC 4180) is ignored up to the next separator.
            while (p < e && *p != d && *p != '\n' && *p != '\r')
                ++p;
        } else {
            const char* const s = p;
            while (p < e && *p != d && *p != '\n' && *p != '\r')
                ++p;
            rec.fields.emplace_back(s, static_cast<size_t>(p - s));
        }
        if (p == e) {
            if (!eof_)
                return Result::NeedMore;
            break;
        }
        if (*p == d) {
            ++p;
            continue;
        }
        if (*p == '\r') {
            ++p;
            if (p == e && !eof_)
                return Result::NeedMore;
            if (p < e && *p == '\n')
                ++p;
        } else {
            ++p;
        }
        ++lines;
        break;
    }
    rec.line = line_;
    line_ += lines;
    begin_ = static_cast<size_t>(p - base);
    return Result::Record;
}

bool CsvReader::next(RawRecord& rec) {
    for (;;) {
        const Result r = parseRecord(rec);
        if (r == Result::End)
            return false;
        if (r == Result::NeedMore) {
            refill();
            continue;
        }
        bool blank = true;
        for (const auto& f : rec.fields)
            if (!f.empty()) {
                blank = false;
                break;
            }
        if (!blank)
            return true;
    }
}

}  // namespace par::dossier
