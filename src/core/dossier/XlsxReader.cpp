// SPDX-License-Identifier: Apache-2.0
// XlsxReader.cpp - the package (libzip), the workbook and its relationships (TinyXML-2 DOM: small
// parts), the shared strings and the sheet (inflated in chunks, one element at a time).
#include "core/dossier/XlsxReader.hpp"

#include <tinyxml2.h>
#include <zip.h>

#if defined(PAR_HAVE_ISAL)
#include <isa-l/igzip_lib.h>
#endif

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"
#include "core/dossier/LogFile.hpp"
#include "core/dossier/XlsxScan.hpp"
#include "core/dossier/ZipCrc.hpp"

namespace par::dossier {

namespace {

// The local part of an element name ("x:row" → "row").
const char* localName(const char* name) {
    const char* colon = std::strchr(name, ':');
    return colon != nullptr ? colon + 1 : name;
}

bool isNamed(const tinyxml2::XMLElement* e, const char* local) {
    return std::strcmp(localName(e->Name()), local) == 0;
}

std::vector<const tinyxml2::XMLElement*> children(const tinyxml2::XMLElement* e,
                                                  const char* local) {
    std::vector<const tinyxml2::XMLElement*> out;
    for (auto* c = e->FirstChildElement(); c != nullptr; c = c->NextSiblingElement())
        if (isNamed(c, local))
            out.push_back(c);
    return out;
}

std::string joinPath(const std::string& dir, const std::string& target) {
    if (!target.empty() && target[0] == '/')
        return target.substr(1);
    std::string out = dir + target;
    // Resolve "../" segments (rare, but legal in relationships).
    size_t pos;
    while ((pos = out.find("/../")) != std::string::npos) {
        const size_t prev = out.rfind('/', pos == 0 ? 0 : pos - 1);
        out.erase(prev == std::string::npos ? 0 : prev + 1,
                  pos + 4 - (prev == std::string::npos ? 0 : prev + 1));
    }
    return out;
}

}  // namespace

// Bounds on what an XLSX may make us hold or do (docs/dossiers.md, "Limits"): one element of the
// sheet or of the shared strings (a row, a string item), a whole small part (workbook,
// relationships), the shared-strings table (its texts plus a per-string overhead, and the number of
// strings), everything inflated from the package, and the rows and cells of the sheet (a
// spreadsheet has at most 1,048,576 rows of 16,384 columns: a sheet with more was not made by one).
constexpr size_t kMaxElementBytes = 16u << 20;
constexpr size_t kMaxSmallPartBytes = 64u << 20;
constexpr size_t kMaxSharedStringsBytes = 256u << 20;
static_assert(kMaxSharedStringsBytes < (size_t{1} << 32), "shared-string ends are 32-bit");
constexpr size_t kMaxSharedStrings = 4u << 20;
constexpr long long kMaxInflatedBytes = 4LL << 30;
constexpr long kMaxRows = 1048576;
constexpr long long kMaxCells = 64LL << 20;

namespace {

// The first occurrence of `needle` (2 bytes or more) in `hay`, or null. An element's closing tag
// ("</row>") is searched 16 bytes at a step for its first and last bytes together (SSE2), each
// candidate then compared: a row's many other '<' cost no call each, which memmem's setup did.
const char* findTag(const char* hay, size_t n, const std::string& needle) {
    const size_t m = needle.size();
    if (m < 2 || n < m)
        return n >= m ? static_cast<const char*>(platform::findBytes(hay, n, needle.data(), m))
                      : nullptr;
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i last = _mm_set1_epi8(needle[m - 1]);
    for (; i + m - 1 + 16 <= n; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(hay + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(hay + i + m - 1));
        unsigned mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
        while (mask != 0) {
            const unsigned bit = static_cast<unsigned>(__builtin_ctz(mask));
            if (std::memcmp(hay + i + bit + 1, needle.data() + 1, m - 2) == 0)
                return hay + i + bit;
            mask &= mask - 1;
        }
    }
#endif
    for (; i + m <= n; ++i)
        if (hay[i] == needle[0] && hay[i + m - 1] == needle[m - 1] &&
            std::memcmp(hay + i + 1, needle.data() + 1, m - 2) == 0)
            return hay + i;
    return nullptr;
}

}  // namespace

// One part of the package, inflated: read() as zip_fread (bytes, 0 at the end, < 0 for a damaged
// part). A deflated part is inflated by ISA-L from the compressed bytes libzip hands over, the
// CRC-32 computed as it goes and compared with the package's at the end, as libzip does; stored,
// encrypted or odd parts, and every part in a build without ISA-L (-DPAR_WITH_ISAL=OFF), are read
// through libzip.
class PartReader {
public:
    PartReader(zip_t* zip, const zip_stat_t& st) {
#if defined(PAR_HAVE_ISAL)
        const zip_uint64_t need = ZIP_STAT_INDEX | ZIP_STAT_SIZE | ZIP_STAT_CRC |
                                  ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
        if ((st.valid & need) == need && st.comp_method == ZIP_CM_DEFLATE &&
            st.encryption_method == ZIP_EM_NONE) {
            f_ = zip_fopen_index(zip, st.index, ZIP_FL_COMPRESSED);
            if (f_ != nullptr) {
                raw_ = true;
                size_ = st.size;
                crc_ = st.crc;
                isal_inflate_init(&state_);
                state_.crc_flag = ISAL_DEFLATE;  // (the CRC by zipCrc32, in cache-sized pieces)
                in_.reset(new unsigned char[kInBytes]);
                return;
            }
        }
#endif
        f_ = zip_fopen_index(zip, st.index, 0);
    }
    ~PartReader() {
        if (f_ != nullptr)
            zip_fclose(f_);
    }
    PartReader(const PartReader&) = delete;
    PartReader& operator=(const PartReader&) = delete;

    bool ok() const { return f_ != nullptr; }

    zip_int64_t read(char* out, size_t n) {
        if (!raw_)
            return zip_fread(f_, out, n);
#if defined(PAR_HAVE_ISAL)
        if (failed_)
            return -1;
        if (finished_)
            return 0;  // (a checksum error at the end set failed_ instead)
        state_.next_out = reinterpret_cast<unsigned char*>(out);
        const size_t room = std::min<size_t>(n, 1u << 30);
        size_t left = room;  // of `room`, not handed to the inflater yet
        state_.avail_out = 0;
        // In pieces of kPieceBytes, each checksummed while it is still in the core's cache.
        while (left > 0 || state_.avail_out > 0) {
            if (state_.avail_out == 0) {
                const size_t piece = std::min(left, kPieceBytes);
                state_.avail_out = static_cast<std::uint32_t>(piece);
                left -= piece;
            }
            if (state_.avail_in == 0 && !inEnd_) {
                const zip_int64_t got = zip_fread(f_, in_.get(), kInBytes);
                if (got < 0)
                    return fail();
                inEnd_ = got == 0;
                state_.next_in = in_.get();
                state_.avail_in = static_cast<std::uint32_t>(got);
            }
            const std::uint32_t before = state_.avail_out, inBefore = state_.avail_in;
            unsigned char* const from = state_.next_out;
            if (isal_inflate(&state_) != ISAL_DECOMP_OK)
                return fail();
            crc_run_ = zipCrc32(crc_run_, from, static_cast<size_t>(state_.next_out - from));
            if (state_.block_state == ISAL_BLOCK_FINISH) {
                finished_ = true;
                break;
            }
            // The compressed bytes are all read and nothing moved: the stream is cut short.
            if (inEnd_ && state_.avail_in == inBefore && state_.avail_out == before)
                return fail();
        }
        const size_t made = room - left - state_.avail_out;
        total_ += made;
        if (total_ > size_)
            return fail();
        // A wrong size or checksum at the end: these bytes still go out, the error with the next
        // call (as libzip does it: every row of a part with a bad CRC is read, then it is refused).
        if (finished_ && (total_ != size_ || crc_run_ != crc_))
            failed_ = true;
        return static_cast<zip_int64_t>(made);
#else
        return -1;
#endif
    }

private:
#if defined(PAR_HAVE_ISAL)
    static constexpr size_t kInBytes = 128u << 10;
    static constexpr size_t kPieceBytes = 128u << 10;
    zip_int64_t fail() {
        failed_ = true;
        return -1;
    }
    inflate_state state_;
    std::unique_ptr<unsigned char[]> in_;
    zip_uint64_t size_ = 0, total_ = 0;
    std::uint32_t crc_ = 0, crc_run_ = 0;  // the package's; of the bytes inflated so far
    bool inEnd_ = false, finished_ = false, failed_ = false;
#endif
    zip_file_t* f_ = nullptr;
    bool raw_ = false;
};

// The inflated bytes of one part, in chunks. With `ahead`, a second thread inflates (zlib and
// libzip's CRC check: about half of an XLSX's CPU) while the caller parses: a bounded
// pipeline of kAheadChunks reused buffers, so memory stays flat (kAheadChunks × kChunkBytes).
// Without it, each call inflates in the caller's thread. Either way the caller sees the same
// chunks in the same order, and a read error where it happened (after the chunks before it).
constexpr size_t kChunkBytes = 256u << 10;
constexpr size_t kAheadChunks = 4;

class ChunkSource {
public:
    // The worker starts at the second chunk asked for: the first (a sheet's header row) is
    // inflated in the caller's thread, and a sheet then read in blocks (readInto) never needs it.
    ChunkSource(PartReader* f, bool ahead) : f_(f), ahead_(ahead) {}
    ~ChunkSource() {
        if (worker_.joinable()) {
            {
                std::lock_guard<std::mutex> lock(m_);
                stop_ = true;
                cv_.notify_all();  // under the lock: no wake-up lost, and helgrind stays quiet
            }
            worker_.join();
        }
    }
    ChunkSource(const ChunkSource&) = delete;
    ChunkSource& operator=(const ChunkSource&) = delete;

    // The next chunk: > 0 bytes at `data` (valid until the next call), 0 at the end, < 0 when the
    // part is damaged (a zip or CRC error: nothing after it is delivered).
    zip_int64_t next(const char*& data) {
        if (!worker_.joinable() && ahead_ && calls_++ > 0) {
            for (auto& c : chunks_)
                c.data.reset(new char[kChunkBytes]);
            worker_ = std::thread([this] { inflateAhead(); });
        }
        if (!worker_.joinable()) {
            if (!sync_)
                sync_.reset(new char[kChunkBytes]);
            data = sync_.get();
            return f_->read(sync_.get(), kChunkBytes);
        }
        std::unique_lock<std::mutex> lock(m_);
        if (held_) {  // the chunk handed out last time is free again
            held_ = false;
            taken_ += 1;
            cv_.notify_all();
        }
        cv_.wait(lock, [this] { return filled_ > taken_; });
        const Chunk& c = chunks_[taken_ % kAheadChunks];
        if (c.size <= 0)
            return c.size;  // the end or an error: stays the last chunk
        held_ = true;
        data = c.data.get();
        return c.size;
    }

    // Work for the inflating thread when it is ahead of the consumer (every chunk filled and not
    // taken back yet): called from that thread, repeatedly while it returns true (something was
    // done) and room is still lacking. Set before the first next().
    void setIdle(std::function<bool()> idle) { idle_ = std::move(idle); }

    // Up to `n` bytes into `out`, as next() delivers them (inflated straight into `out` when no
    // worker runs): > 0 bytes, 0 at the end, < 0 for a damaged part.
    zip_int64_t readInto(char* out, size_t n) {
        if (!worker_.joinable())
            return f_->read(out, n);
        if (pendingSize_ == 0) {
            const zip_int64_t r = next(pending_);
            if (r <= 0)
                return r;
            pendingSize_ = static_cast<size_t>(r);
        }
        const size_t k = std::min(n, pendingSize_);
        std::memcpy(out, pending_, k);
        pending_ += k;
        pendingSize_ -= k;
        return static_cast<zip_int64_t>(k);
    }

private:
    struct Chunk {
        std::unique_ptr<char[]> data;
        zip_int64_t size = 0;
    };
    // One zip_fread per chunk, exactly as next() does without a worker: the same chunks, the
    // end (0) or the error (< 0) delivered as the last one.
    void inflateAhead() {
        for (;;) {
            size_t slot;
            {
                std::unique_lock<std::mutex> lock(m_);
                const auto room = [this] { return stop_ || filled_ - taken_ < kAheadChunks; };
                // Ahead of the consumer: its other work first (setIdle), then wait.
                while (!room() && idle_) {
                    lock.unlock();
                    const bool did = idle_();
                    lock.lock();
                    if (!did)
                        break;
                }
                cv_.wait(lock, room);
                if (stop_)
                    return;
                slot = filled_ % kAheadChunks;
            }
            // The slot is this thread's until filled_ passes it: the consumer reads below filled_.
            Chunk& c = chunks_[slot];
            const zip_int64_t n = f_->read(c.data.get(), kChunkBytes);
            c.size = n;
            {
                std::lock_guard<std::mutex> lock(m_);
                filled_ += 1;
                cv_.notify_all();
            }
            if (n <= 0)
                return;
        }
    }

    PartReader* f_;
    bool ahead_ = false;
    std::function<bool()> idle_;
    int calls_ = 0;
    const char* pending_ = nullptr;  // readInto: the rest of the chunk next() gave last
    size_t pendingSize_ = 0;
    std::unique_ptr<char[]> sync_;
    Chunk chunks_[kAheadChunks];
    std::thread worker_;
    std::mutex m_;
    std::condition_variable cv_;
    size_t filled_ = 0, taken_ = 0;  // chunks inflated / given back by the consumer
    bool held_ = false, stop_ = false;
};

// Streams complete elements named `local` (any prefix) out of one part of the package.
class ElementStream {
public:
    ElementStream(zip_t* zip, const std::string& part, const std::string& file, long long* inflated,
                  bool ahead = false)
        : file_(file), part_(part), inflated_(inflated) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(zip, part.c_str(), 0, &st) != 0)
            throw ParseError(
                {file + ":" + part, 0, 0},
                tr("thiếu phần này trong tệp XLSX (tệp hỏng hoặc không do bảng tính tạo ra); "
                   "hãy xuất lại sổ theo dõi",
                   "this part is missing from the XLSX file (a damaged file, or not made by a "
                   "spreadsheet); export the log again"));
        size_ = (st.valid & ZIP_STAT_SIZE) ? static_cast<long long>(st.size) : 0;
        f_ = std::make_unique<PartReader>(zip, st);
        if (!f_->ok())
            throw ParseError({file + ":" + part, 0, 0},
                             tr("không đọc được phần này của tệp XLSX (tệp hỏng hoặc có mật "
                                "khẩu); hãy lưu lại không mật khẩu hoặc xuất lại sổ theo dõi",
                                "cannot read this part of the XLSX file (damaged, or protected "
                                "by a password); save it without a password or export the log "
                                "again"));
        source_ = std::make_unique<ChunkSource>(f_.get(), ahead);
    }
    ~ElementStream() {
        source_.reset();  // stops the worker before the file is closed
    }
    ElementStream(const ElementStream&) = delete;
    ElementStream& operator=(const ElementStream&) = delete;

    // The next element <p:local ...>...</p:local> or <p:local .../>, as text; false at the end.
    bool next(const std::string& local, std::string_view& element) {
        for (;;) {
            size_t open = findOpen(local, pos_);
            unclosed_ = open != std::string::npos;
            if (open != std::string::npos && endLocal_ != nullptr) {
                // The container's end before this element: what follows it is not read (the
                // caller refuses an element there, as XlsxReader does a row after </sheetData>).
                noteEnd(pos_, open);
                if (sawEnd_) {
                    afterEnd_ = true;
                    unclosed_ = false;
                    return false;
                }
            }
            if (open != std::string::npos) {
                const size_t gt = buf_.find('>', open);
                if (gt != std::string::npos) {
                    if (buf_[gt - 1] == '/') {
                        element = std::string_view(buf_).substr(open, gt + 1 - open);
                        pos_ = gt + 1;
                        return true;
                    }
                    const std::string prefix =
                        buf_.substr(open + 1, buf_.find(local, open + 1) - open - 1);
                    const std::string close = "</" + prefix + local + ">";
                    // findTag, not string::find: that one stops at every '<' of the content.
                    // Only the bytes not searched yet (plus a tag's length): a 16 MB element
                    // read in 256 KB chunks is searched once, not 64 times from its start.
                    const size_t from =
                        std::max(gt, searched_ >= close.size() ? searched_ - close.size() + 1 : 0);
                    const char* hit =
                        from < buf_.size()
                            ? findTag(buf_.data() + from, buf_.size() - from, close)
                            : nullptr;
                    if (hit != nullptr) {
                        const size_t end = static_cast<size_t>(hit - buf_.data());
                        element = std::string_view(buf_).substr(open, end + close.size() - open);
                        pos_ = end + close.size();
                        searched_ = 0;
                        return true;
                    }
                    searched_ = buf_.size();
                }
            } else {
                // Nothing more in the buffer but perhaps an opening tag cut in half: keep the tail,
                // after looking for the container's closing tag in what is dropped.
                noteEnd(pos_);
                pos_ = std::max(pos_, buf_.size() > 64 ? buf_.size() - 64 : size_t{0});
            }
            if (!more()) {
                noteEnd(pos_);
                return false;  // (with unclosed_ when an element was begun)
            }
        }
    }
    // The next item when it is `<si><t>plain text</t></si>` (or <t xml:space="preserve">) and
    // whole in the buffer, at the current place: its text, a view valid until the next call. False
    // otherwise (nothing consumed): next("si", ...) and XlsxScan::stringItem read it then. Most
    // shared strings are in that form; this saves the element search and the tag reader. In
    // direct mode (readDirect) the items are read in the inflated chunk itself once the buffer
    // is used up.
    bool nextPlainItem(std::string_view& text) {
        if (pos_ < buf_.size()) {
            const char* p = buf_.data() + pos_;
            if (!plainItem(p, buf_.data() + buf_.size(), text))
                return false;
            pos_ = static_cast<size_t>(p - buf_.data());
            if (direct_ && pos_ == buf_.size()) {
                buf_.clear();
                pos_ = searched_ = 0;
            }
            return true;
        }
        if (!direct_)
            return false;
        buf_.clear();
        pos_ = searched_ = 0;
        if (directAt_ == directEnd_ && !nextChunk())
            return false;
        return plainItem(directAt_, directEnd_, text);
    }
    // Work for the inflating thread while it is ahead (ChunkSource::setIdle).
    void setIdle(std::function<bool()> idle) { source_->setIdle(std::move(idle)); }
    // From now on, chunks are not copied into the buffer whole: nextPlainItem reads items in
    // the chunk; next() takes the rest of the chunk when nothing is pending, and the next chunk a
    // tag at a time (up to each '>') while an item cut by the chunk's end is completed, so the
    // buffer is used up after it.
    // (The shared strings: 125 MB copied for nothing in a 1M-row text workbook.)
    void readDirect() { direct_ = true; }
    // The rest of the part in blocks of whole `local` elements (XlsxReader::nextBlock): `out`
    // is replaced by what is buffered, then filled by inflating straight into it, and cut at
    // the start of the last element begun in it; the unfinished element waits in buf_.
    bool nextBlock(const std::string& local, Bytes& out, size_t want) {
        out.size = 0;
        const size_t held = buf_.size() - pos_;
        out.reserve(std::max(want, held) + 1);
        std::memcpy(out.data(), buf_.data() + pos_, held);
        out.size = held;
        buf_.clear();
        pos_ = searched_ = 0;
        for (;;) {
            while (out.size < want && !ended_) {
                out.reserve(want);
                const zip_int64_t n = source_->readInto(out.data() + out.size, want - out.size);
                if (n < 0)
                    damaged();
                if (n == 0)
                    ended_ = true;
                account(n);
                out.size += static_cast<size_t>(n);
            }
            if (ended_)
                return out.size > 0;
            const size_t cut = lastOpen(local, out.data(), out.size);
            if (cut > 0 && cut != std::string::npos) {
                buf_.assign(out.data() + cut, out.size - cut);
                out.size = cut;
                return true;
            }
            if (out.size >= limit_)
                tooLong();
            want = std::min(limit_, out.size * 2);
        }
    }
    // The number in attribute `name` of the part's root element (shared strings: uniqueCount),
    // 0 when it is not in the first chunk. Only a hint for allocating: nothing relies on it.
    size_t statedCount(const char* name) {
        if (buf_.empty())
            more();
        const size_t root = buf_.find("<sst", 0);
        const size_t gt = root == std::string::npos ? std::string::npos : buf_.find('>', root);
        if (gt == std::string::npos)
            return 0;
        const std::string key = std::string(" ") + name + "=\"";
        const size_t at = buf_.find(key, root);
        if (at == std::string::npos || at > gt)
            return 0;
        size_t n = 0;
        for (size_t i = at + key.size(); i < gt && i < at + key.size() + 9 && buf_[i] >= '0' &&
                                         buf_[i] <= '9';
             ++i)
            n = n * 10 + static_cast<size_t>(buf_[i] - '0');
        return n;
    }
    // The part's inflated size as the package states it (0 when it does not).
    long long size() const { return size_; }
    // Set the container whose closing tag (</p:local> or <p:local/>) marks a complete part.
    void expectEnd(const char* local) { endLocal_ = local; }
    bool sawEnd() const { return sawEnd_; }
    // next() returned false at an element begun after the container's end (expectEnd).
    bool afterEnd() const { return afterEnd_; }
    // next() returned false at the part's end with an element begun and not finished.
    bool unclosed() const { return unclosed_; }
    // nextBlock() has reached the part's end (the block it gave last is the last).
    bool ended() const { return ended_; }
    double fraction() const {
        return size_ > 0 ? std::min(1.0, static_cast<double>(read_) / static_cast<double>(size_))
                         : 0;
    }
    // Everything that remains (small parts only).
    const std::string& whole() {
        limit_ = kMaxSmallPartBytes;
        while (more()) {
        }
        return buf_;
    }

private:
    void noteEnd(size_t from, size_t to = std::string::npos) {
        if (endLocal_ == nullptr || sawEnd_ || from >= buf_.size())
            return;
        sawEnd_ =
            hasEnd(std::string_view(buf_).substr(from, to == std::string::npos ? to : to - from),
                   endLocal_);
    }

public:
    // Whether `text` holds the closing tag of `local` (</p:local>) or an empty one (<p:local/>).
    static bool hasEnd(std::string_view text, std::string_view local) {
        for (size_t i = text.find(local); i != std::string_view::npos;
             i = text.find(local, i + 1)) {
            const size_t after = i + local.size();
            size_t j = i;
            while (j > 0 && (std::isalnum(static_cast<unsigned char>(text[j - 1])) ||
                             text[j - 1] == '_' || text[j - 1] == ':'))
                --j;
            const bool closing = j >= 2 && text[j - 2] == '<' && text[j - 1] == '/' &&
                                 after < text.size() && text[after] == '>';
            const bool empty = j >= 1 && text[j - 1] == '<' && after + 1 < text.size() &&
                               text[after] == '/' && text[after + 1] == '>';
            if (closing || empty)
                return true;
        }
        return false;
    }

private:
    static bool isNameEnd(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>';
    }
    size_t findOpen(const std::string& local, size_t from) const {
        for (size_t i = buf_.find('<', from); i != std::string::npos; i = buf_.find('<', i + 1)) {
            const size_t j = i + 1;
            if (j < buf_.size() && buf_[j] == '/')
                continue;  // a closing tag (</x:row> is not a row's start)
            size_t nameEnd = j;
            while (nameEnd < buf_.size() && !isNameEnd(buf_[nameEnd]))
                ++nameEnd;
            if (nameEnd == buf_.size())
                return std::string::npos;
            if (localIs(std::string_view(buf_.data() + j, nameEnd - j), local))
                return i;
        }
        return std::string::npos;
    }
    // Whether a tag's name is `local` with or without a prefix ("x:row" is "row").
    static bool localIs(std::string_view name, std::string_view local) {
        const size_t colon = name.find(':');
        if (colon != std::string_view::npos)
            name.remove_prefix(colon + 1);
        return name == local;
    }
    // The start of the last opening tag named `local` (any prefix) in [b, b + n) whose name is
    // whole, or npos.
    static size_t lastOpen(const std::string& local, const char* b, size_t n) {
        for (size_t i = n; i > 0;) {
            const void* lt = memrchrPortable(b, '<', i);
            if (lt == nullptr)
                return std::string::npos;
            i = static_cast<size_t>(static_cast<const char*>(lt) - b);
            size_t nameEnd = i + 1;
            while (nameEnd < n && !isNameEnd(b[nameEnd]))
                ++nameEnd;
            if (nameEnd < n && b[i + 1] != '/' &&
                localIs(std::string_view(b + i + 1, nameEnd - i - 1), local))
                return i;
        }
        return std::string::npos;
    }
    static const void* memrchrPortable(const char* b, char c, size_t n) {
        for (size_t i = n; i > 0; --i)
            if (b[i - 1] == c)
                return b + i - 1;
        return nullptr;
    }
    // `<si><t>text</t></si>` (or <t xml:space="preserve">; or all with "x:") at p, whole before
    // `end`: its text,
    // p moved after it; false otherwise (p may have moved).
    static bool plainItem(const char*& p, const char* const end, std::string_view& text) {
        auto eat = [&](const char* lit, size_t n) {
            if (static_cast<size_t>(end - p) < n || std::memcmp(p, lit, n) != 0)
                return false;
            p += n;
            return true;
        };
        static const char kPreserve[] = "<t xml:space=\"preserve\">";
        static const char kPreserveX[] = "<x:t xml:space=\"preserve\">";
        const char* const start = p;
        // Also with the prefix "x:" throughout, as the Open XML SDK writes it.
        const bool x = end - p >= 3 && p[1] == 'x' && p[2] == ':';
        if (!(x ? eat("<x:si>", 6) && (eat("<x:t>", 5) || eat(kPreserveX, sizeof kPreserveX - 1))
                : eat("<si>", 4) && (eat("<t>", 3) || eat(kPreserve, sizeof kPreserve - 1)))) {
            p = start;
            return false;
        }
        const char* t0 = p;
        p = findMarkup(p, end);
        const char* t1 = p;
        if (!(x ? eat("</x:t></x:si>", 13) : eat("</t></si>", 9))) {
            p = start;
            return false;
        }
        text = std::string_view(t0, static_cast<size_t>(t1 - t0));
        return true;
    }
    // The next inflated chunk: its size (0 at the part's end); a damaged part is refused.
    size_t fetch(const char*& chunk) {
        const zip_int64_t n = source_->next(chunk);
        if (n < 0)
            damaged();
        return static_cast<size_t>(n);
    }
    // The next chunk as the direct range; false at the part's end.
    bool nextChunk() {
        const char* chunk = nullptr;
        const size_t n = fetch(chunk);
        if (n == 0)
            return false;
        account(static_cast<zip_int64_t>(n));
        directAt_ = chunk;
        directEnd_ = chunk + n;
        return true;
    }
    bool more() {
        if (pos_ > 0) {
            buf_.erase(0, pos_);
            searched_ = searched_ > pos_ ? searched_ - pos_ : 0;
            pos_ = 0;
        }
        if (direct_) {
            if (directAt_ == directEnd_ && !nextChunk())
                return false;
            // Nothing pending: the rest of the chunk (items in another form are then read from
            // the buffer as before, one search each). An element begun: up to its next '>' only,
            // so that the buffer is used up with it and reading goes back to the chunk.
            size_t take = static_cast<size_t>(directEnd_ - directAt_);
            if (!buf_.empty()) {
                const void* gt = std::memchr(directAt_, '>', take);
                if (gt != nullptr)
                    take = static_cast<size_t>(static_cast<const char*>(gt) + 1 - directAt_);
            }
            if (buf_.size() + take > limit_)
                tooLong();
            buf_.append(directAt_, take);
            directAt_ += take;
            return true;
        }
        const char* chunk = nullptr;
        const size_t n = fetch(chunk);
        if (n == 0)
            return false;
        if (buf_.size() + n > limit_)
            tooLong();
        account(static_cast<zip_int64_t>(n));
        buf_.append(chunk, n);
        return true;
    }
    [[noreturn]] void tooLong() const {
        throw ParseError({file_ + ":" + part_, 0, 0},
                         fmt(tr("một phần tử của phần này dài quá {} MB (tệp hỏng hoặc không "
                                "phải do bảng tính tạo ra)",
                                "an element of this part is longer than {} MB (a damaged file, "
                                "or not made by a spreadsheet)"),
                             std::to_string(limit_ >> 20)));
    }
    [[noreturn]] void damaged() const {
        throw ParseError(
            {file_ + ":" + part_, 0, 0},
            tr("phần này của tệp XLSX bị hỏng (dữ liệu nén sai hoặc không khớp mã kiểm tra "
               "CRC-32: tệp bị cắt, bị sửa hoặc chép lỗi); hãy chép lại hoặc xuất lại sổ theo dõi",
               "this part of the XLSX file is damaged (bad compressed data, or its CRC-32 does not "
               "match: the file was cut, altered or badly copied); copy it again or export the log "
               "again"));
    }
    // Counts `n` bytes inflated, against the package's budget.
    void account(zip_int64_t n) {
        read_ += n;
        if (inflated_ != nullptr && (*inflated_ += n) > kMaxInflatedBytes)
            throw ParseError(
                {file_ + ":" + part_, 0, 0},
                fmt(tr("tệp XLSX giải nén ra hơn {} GB (tệp hỏng, hoặc một \"bom zip\"); hãy xuất "
                       "sổ theo dõi ra CSV",
                       "the XLSX file inflates to more than {} GB (damaged, or a \"zip bomb\"); "
                       "export the log as CSV"),
                    std::to_string(kMaxInflatedBytes >> 30)));
    }

    std::string file_, part_;
    std::unique_ptr<PartReader> f_;
    std::unique_ptr<ChunkSource> source_;
    std::string buf_;
    size_t pos_ = 0;
    size_t limit_ = kMaxElementBytes;  // of buf_: one element, or a whole small part
    size_t searched_ = 0;  // buf_[.., searched_) holds no closing tag of the element being read
    long long size_ = 0, read_ = 0;
    long long* inflated_ = nullptr;  // bytes inflated from the whole package
    const char* endLocal_ = nullptr;
    bool sawEnd_ = false;
    bool ended_ = false;  // nextBlock: the part is inflated to its end
    bool unclosed_ = false;
    bool afterEnd_ = false;
    bool direct_ = false;             // readDirect
    const char* directAt_ = nullptr;  // direct mode: the chunk's bytes not taken yet
    const char* directEnd_ = nullptr;
};

struct XlsxReader::Impl {
    zip_t* zip = nullptr;
    // The shared strings, end to end in one block (no allocation per string), and where each ends.
    // (Bytes: its capacity is reserved at once and written without a call per string.)
    Bytes sharedText;
    // 32-bit ends (the table is at most kMaxSharedStringsBytes): half the size, so more of it
    // stays in the processor's cache while rows look strings up at random (1M rows: 16 MB).
    std::vector<std::uint32_t> sharedEnd;
    size_t sharedCount() const { return sharedEnd.size(); }
    std::string_view sharedAt(size_t i) const {
        const size_t b = i == 0 ? 0 : size_t{sharedEnd[i - 1]};
        return std::string_view(sharedText.data() + b, sharedEnd[i] - b);  // (ends increase)
    }
    std::unique_ptr<ElementStream> sheet;
    XlsxScan scan;
    std::vector<XlsxCell> cells;
    long lastRow = 0;
    long rows = 0;
    long long cells_total = 0;
    long long inflated = 0;
    bool blocksSawEnd = false;
    ~Impl() {
        sheet.reset();
        if (zip != nullptr)
            zip_discard(zip);
    }
};

namespace {

// The pages of a large buffer not written yet (the shared strings' texts and ends): 2 MB pages
// asked for where Linux allows them (transparent huge pages on "madvise": a 1M-row workbook's
// table takes 20,000 page faults on 4 KB pages), and faulted in ahead of the reading thread by
// the thread that inflates the part, in the time it would wait for the reader (step(); the
// reader's first writes did it on its own path, and clearing the pages was up to a third of
// that path in a virtual machine). Only advice: where it is not taken, the writes fault as before.
class Prefault {
public:
    Prefault() = default;
    Prefault(const void* data, size_t bytes) {
#if defined(__linux__)
        const auto a = reinterpret_cast<std::uintptr_t>(data);
        begin_ = done_ = (a + kPage - 1) & ~(kPage - 1);
        end_ = std::max(begin_, (a + bytes) & ~(kPage - 1));
        base_ = a;
#if defined(MADV_HUGEPAGE)
        const std::uintptr_t hb = (a + kHuge - 1) & ~(kHuge - 1), he = (a + bytes) & ~(kHuge - 1);
        if (he > hb)
            madvise(reinterpret_cast<void*>(hb), he - hb, MADV_HUGEPAGE);
#endif
#else
        (void)data;
        (void)bytes;
#endif
    }
    // Faults in the next 2 MB at most, within kAhead bytes past the first `written` bytes of the
    // buffer (what the reader has written); false when there is nothing to do now.
    bool step(size_t written) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
        done_ = std::max(done_, std::min(end_, (base_ + written) & ~(kPage - 1)));
        const std::uintptr_t want = std::min(end_, base_ + written + kAhead);
        if (done_ >= want)
            return false;
        const std::uintptr_t to = std::min(want, (done_ + kHuge) & ~(kHuge - 1));
        // (the contents are not changed: the reader may write the same pages meanwhile)
        if (madvise(reinterpret_cast<void*>(done_), to - done_, MADV_POPULATE_WRITE) != 0) {
            done_ = end_;  // not supported (Linux before 5.14): the writes fault as before
            return false;
        }
        done_ = to;
        return true;
#else
        (void)written;
        return false;
#endif
    }

private:
    static constexpr std::uintptr_t kPage = 4096, kHuge = std::uintptr_t{2} << 20;
    static constexpr std::uintptr_t kAhead = std::uintptr_t{16} << 20;
    std::uintptr_t base_ = 0, begin_ = 0, end_ = 0, done_ = 0;
};

// Copies n bytes, most often a short text (a shared string: a date, a code, a name), without
// calling memcpy: two fixed-width copies that overlap, reading and writing only those n bytes.
inline void copyShort(char* to, const char* from, size_t n) {
    if (n > 32) {
        std::memcpy(to, from, n);
    } else if (n >= 16) {
        std::memcpy(to, from, 16);
        std::memcpy(to + n - 16, from + n - 16, 16);
    } else if (n >= 8) {
        std::memcpy(to, from, 8);
        std::memcpy(to + n - 8, from + n - 8, 8);
    } else if (n >= 4) {
        std::memcpy(to, from, 4);
        std::memcpy(to + n - 4, from + n - 4, 4);
    } else {
        for (size_t i = 0; i < n; ++i)
            to[i] = from[i];
    }
}

zip_t* openZip(const std::string& path) {
    LogFile file(path);  // a regular file, checked on the descriptor libzip then reads
    int err = 0;
    zip_t* z = zip_fdopen(file.fd(), 0, &err);
    if (z != nullptr)
        file.release();  // libzip closes it
    if (z == nullptr) {
        zip_error_t e;
        zip_error_init_with_code(&e, err);
        std::string msg = zip_error_strerror(&e);
        zip_error_fini(&e);
        // The usual case in words a clerk can act on; libzip's own (English) text kept after it.
        if (err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS)
            throw IoError(fmt(tr("không mở được tệp XLSX {}: tệp không phải bảng tính Excel hoặc bị cắt "
                                 "cụt (chép chưa hết?); hãy xuất lại từ phần mềm một cửa ({})",
                                 "cannot open the XLSX file {}: not an Excel workbook, or cut short "
                                 "(copied incompletely?); export it again from the one-stop software ({})"),
                              path, msg));
        throw IoError(fmt(tr("không mở được tệp XLSX {}: {}", "cannot open the XLSX file {}: {}"),
                          path, msg));
    }
    return z;
}

void parsePart(tinyxml2::XMLDocument& doc, ElementStream& s, const std::string& where) {
    const std::string& text = s.whole();
    if (doc.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS)
        throw ParseError({where, doc.ErrorLineNum(), 0},
                         doc.ErrorStr() != nullptr ? doc.ErrorStr() : "XML");
}

struct SheetRef {
    std::string name, part;
};

// Sheets in workbook order with their parts, the shared-strings part and the date system.
std::vector<SheetRef> readWorkbook(zip_t* z, const std::string& path, std::string& sharedPart,
                                   bool& date1904, long long* inflated) {
    tinyxml2::XMLDocument rels;
    {
        ElementStream s(z, "xl/_rels/workbook.xml.rels", path, inflated);
        parsePart(rels, s, path + ":xl/_rels/workbook.xml.rels");
    }
    std::vector<std::pair<std::string, std::string>> targets;  // id → part
    sharedPart.clear();
    if (auto* root = rels.RootElement())
        for (auto* r : children(root, "Relationship")) {
            const char* id = r->Attribute("Id");
            const char* target = r->Attribute("Target");
            const char* type = r->Attribute("Type");
            if (id == nullptr || target == nullptr)
                continue;
            const std::string part = joinPath("xl/", target);
            targets.emplace_back(id, part);
            if (type != nullptr && std::string(type).size() >= 13 &&
                std::string(type).compare(std::string(type).size() - 13, 13, "sharedStrings") == 0)
                sharedPart = part;
        }
    tinyxml2::XMLDocument wb;
    {
        ElementStream s(z, "xl/workbook.xml", path, inflated);
        parsePart(wb, s, path + ":xl/workbook.xml");
    }
    std::vector<SheetRef> out;
    const auto* root = wb.RootElement();
    if (root == nullptr)
        return out;
    for (auto* pr : children(root, "workbookPr")) {
        const char* v = pr->Attribute("date1904");
        date1904 = v != nullptr && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
    }
    for (auto* sheets : children(root, "sheets"))
        for (auto* sh : children(sheets, "sheet")) {
            const char* name = sh->Attribute("name");
            const char* rid = sh->Attribute("r:id");
            if (rid == nullptr)
                for (auto* a = sh->FirstAttribute(); a != nullptr; a = a->Next())
                    if (std::strcmp(localName(a->Name()), "id") == 0)
                        rid = a->Value();
            std::string part;
            for (const auto& [id, p] : targets)
                if (rid != nullptr && id == rid)
                    part = p;
            out.push_back({name != nullptr ? name : "", part});
        }
    return out;
}

}  // namespace

std::vector<std::string> XlsxReader::sheetNames(const std::string& path) {
    zip_t* z = openZip(path);
    std::vector<std::string> names;
    try {
        std::string shared;
        bool d1904 = false;
        long long inflated = 0;
        for (const auto& s : readWorkbook(z, path, shared, d1904, &inflated))
            names.push_back(s.name);
    } catch (...) {
        zip_discard(z);
        throw;
    }
    zip_discard(z);
    return names;
}

XlsxReader::XlsxReader(const std::string& path, const std::string& sheet, bool inflateAhead,
                       bool emptyIsError)
    : path_(path), impl_(std::make_unique<Impl>()) {
    const bool ahead = inflateAhead && std::thread::hardware_concurrency() > 1;
    impl_->zip = openZip(path);
    std::string sharedPart;
    const auto sheets = readWorkbook(impl_->zip, path, sharedPart, date1904_, &impl_->inflated);
    const SheetRef* chosen = nullptr;
    for (const auto& s : sheets)
        if (sheet.empty() || nfc(s.name) == nfc(sheet)) {
            chosen = &s;
            break;
        }
    if (chosen == nullptr && !sheet.empty())
        for (const auto& s : sheets)
            if (foldKey(s.name) == foldKey(sheet)) {
                chosen = &s;
                break;
            }
    if (chosen == nullptr || chosen->part.empty()) {
        std::string names;
        for (const auto& s : sheets)
            names += (names.empty() ? "\"" : ", \"") + s.name + "\"";
        throw ParseError({path, 0, 0}, sheet.empty()
                                           ? std::string(tr("tệp XLSX không có trang tính nào",
                                                            "the XLSX file has no sheet"))
                                           : fmt(tr("không có trang tính \"{}\"; các trang: {}",
                                                    "no sheet \"{}\"; the sheets are: {}"),
                                                 sheet, names));
    }
    sheetName_ = chosen->name;
    sheetIndex_ = static_cast<size_t>(chosen - sheets.data());

    if (sharedPart.empty() && zip_name_locate(impl_->zip, "xl/sharedStrings.xml", 0) >= 0)
        sharedPart = "xl/sharedStrings.xml";
    if (!sharedPart.empty()) {
        // (before the stream: its inflating thread uses them until the stream is destroyed)
        Prefault textPages, endPages;
        std::atomic<size_t> textWritten{0}, endsWritten{0};
        constexpr size_t kMoved = ~size_t{0};
        ElementStream s(impl_->zip, sharedPart, path, &impl_->inflated, ahead);
        // The texts are shorter than the part: room for them at once (pages not written stay
        // unmapped), instead of doubling copies and a final shrink that held the table twice.
        impl_->sharedText.reserve(static_cast<size_t>(std::min<long long>(
                                      s.size(), static_cast<long long>(kMaxSharedStringsBytes))) +
                                  1);
        // The count the package states (uniqueCount="..."), within the budget: the table's
        // index is then allocated once instead of doubling (and copied) 22 times.
        impl_->sharedEnd.reserve(std::min<size_t>(s.statedCount("uniqueCount"), kMaxSharedStrings));
        textPages = Prefault(impl_->sharedText.data(), impl_->sharedText.cap);
        endPages =
            Prefault(impl_->sharedEnd.data(), impl_->sharedEnd.capacity() * sizeof(std::uint32_t));
        // (the count is only a hint: past it the ends move, and are no longer prefaulted)
        const std::uint32_t* const endsAt = impl_->sharedEnd.data();
        bool textMoved = false;
        s.setIdle([&] {
            const size_t ends = endsWritten.load(std::memory_order_relaxed);
            const size_t text = textWritten.load(std::memory_order_relaxed);
            return (text != kMoved && textPages.step(text)) ||
                   (ends != kMoved && endPages.step(ends * sizeof(std::uint32_t)));
        });
        s.readDirect();
        size_t published = 0;
        std::string_view item, text;
        std::string error, decoded;
        for (;;) {
            if (!s.nextPlainItem(text)) {
                if (!s.next("si", item))
                    break;
                decoded.clear();
                if (!impl_->scan.stringItem(item, decoded, error))
                    throw ParseError(
                        {path + ":" + sharedPart, 0, 0},
                        fmt(tr("chuỗi dùng chung thứ {} không đúng XML: {} (tệp hỏng); "
                               "hãy xuất lại",
                               "shared string {} is not well-formed XML: {} (a "
                               "damaged file); export it again"),
                            std::to_string(impl_->sharedCount() + 1), error));
                text = decoded;
            }
            if (impl_->sharedText.size + text.size() +
                    impl_->sharedCount() * sizeof(std::uint32_t) >
                kMaxSharedStringsBytes)
                throw ParseError(
                    {path + ":" + sharedPart, 0, 0},
                    fmt(tr("bảng chuỗi dùng chung lớn quá {} MB; hãy xuất sổ theo dõi ra CSV",
                           "the shared strings take more than {} MB; export the log as CSV"),
                        std::to_string(kMaxSharedStringsBytes >> 20)));
            if (impl_->sharedCount() >= kMaxSharedStrings)
                throw ParseError(
                    {path + ":" + sharedPart, 0, 0},
                    fmt(tr("bảng chuỗi dùng chung có hơn {} chuỗi; hãy xuất sổ theo dõi ra CSV",
                           "the shared strings are more than {}; export the log as CSV"),
                        std::to_string(kMaxSharedStrings)));
            Bytes& all = impl_->sharedText;
            if (all.size + text.size() > all.cap) {  // (a part larger than it states)
                textWritten.store(kMoved, std::memory_order_relaxed);  // (prefault no more)
                textMoved = true;
                all.reserve(std::max(all.cap * 2, all.size + text.size()));
            }
            copyShort(all.data() + all.size, text.data(), text.size());
            all.size += text.size();
            impl_->sharedEnd.push_back(static_cast<std::uint32_t>(all.size));
            if (all.size - published >= (64u << 10)) {  // (not a store per item)
                published = all.size;
                if (!textMoved)
                    textWritten.store(published, std::memory_order_relaxed);
                endsWritten.store(
                    impl_->sharedEnd.data() == endsAt ? impl_->sharedEnd.size() : kMoved,
                    std::memory_order_relaxed);
            }
        }
    }
    impl_->sheet =
        std::make_unique<ElementStream>(impl_->zip, chosen->part, path, &impl_->inflated, ahead);
    impl_->sheet->expectEnd("sheetData");

    RawRecord r;
    if (!next(r)) {
        if (!emptyIsError)
            return;  // no header, no rows
        throw ParseError({path, 1, 0}, fmt(tr("trang tính \"{}\" trống: không có dòng tiêu đề",
                                              "sheet \"{}\" is empty: no header row"),
                                           sheetName_));
    }
    takeHeader(r);
}

void XlsxReader::takeHeader(const RawRecord& r) {
    headerLine_ = r.line;
    header_.clear();
    for (const auto& f : r.fields)
        header_.push_back(trim(f));
}

XlsxReader::~XlsxReader() = default;

bool XlsxReader::takeNextHeader() {
    RawRecord r;
    if (!next(r))
        return false;
    takeHeader(r);
    return true;
}

double XlsxReader::fraction() const {
    return impl_->sheet ? impl_->sheet->fraction() : 0;
}

bool XlsxReader::next(RawRecord& record) {
    while (readRow(record)) {
        for (const auto& f : record.fields)
            if (!f.empty())
                return true;
    }
    return false;
}

namespace {

// Where a row's reading stands: the row before it (when known: a block's first row may not know
// it) and the cells read so far.
struct RowState {
    long lastRow = 0;
    bool known = true;
    long firstRow = 0;  // a block's first row's number, when it had one and the row before was not known
    long long cells = 0;
};

[[noreturn]] void cutShort(const std::string& where, long line) {
    throw ParseError({where, static_cast<int>(line), 0},
                     tr("trang tính bị cắt cụt sau dòng trước đó (không có thẻ đóng "
                        "</sheetData>): tệp hỏng hoặc chưa ghi xong; hãy xuất lại",
                        "the sheet is cut short after the previous row (no closing "
                        "</sheetData>): a damaged or unfinished file; export it again"));
}

[[noreturn]] void notClosed(const std::string& where, long line) {
    throw ParseError(
        {where, static_cast<int>(line), 0},
        fmt(tr("dòng của trang tính không đúng XML: {} (tệp hỏng); hãy xuất lại",
               "a row of the sheet is not well-formed XML: {} (a damaged file); export it "
               "again"),
            tr("dòng chưa đóng (thiếu </row>)", "row not closed (no </row>)")));
}

[[noreturn]] void rowAfterEnd(const std::string& where, long line) {
    throw ParseError({where, static_cast<int>(line), 0},
                     tr("trang tính có dòng nằm sau thẻ đóng </sheetData> (tệp hỏng hoặc không do "
                        "bảng tính tạo ra); hãy xuất lại",
                        "the sheet has a row after its closing </sheetData> tag (a damaged file, "
                        "or not made by a spreadsheet); export it again"));
}

[[noreturn]] void notIncreasing(const std::string& where, long line) {
    throw ParseError({where, static_cast<int>(line), 0},
                     tr("số dòng của trang tính không tăng dần hoặc vượt 1.048.576 (tệp hỏng "
                        "hoặc không do bảng tính tạo ra); hãy xuất lại",
                        "the sheet's row numbers do not increase or exceed 1,048,576 (a damaged "
                        "file, or not made by a spreadsheet); export it again"));
}

[[noreturn]] void tooManyCells(const std::string& where, long line) {
    throw ParseError({where, static_cast<int>(line), 0},
                     fmt(tr("trang tính có hơn {} ô; hãy xuất sổ theo dõi ra CSV",
                            "the sheet has more than {} cells; export the log as CSV"),
                         std::to_string(kMaxCells)));
}

// One <row> element as a record: its number (r, or the row before + 1), the cells in their
// columns, shared strings referred to, never copied (a 15 MB string in 200 cells costs 15 MB);
// other values are views into the row's text (or the scanner's decoded copies).
// `number` and `cells` as XlsxScan read them.
template <typename Shared, typename Previous>
void recordOf(long number, const std::vector<XlsxCell>& cells, const Shared& shared, RowState& st,
              const Previous& previous, const std::string& where, RawRecord& record) {
    const auto last = [&] {
        if (!st.known) {
            st.lastRow = previous();
            st.known = true;
        }
        return st.lastRow;
    };
    if (number > 0 && !st.known && number <= kMaxRows) {
        st.firstRow = number;  // checked against the block before when the blocks are delivered
        st.known = true;
        st.lastRow = number - 1;
    }
    record.line = number > 0 ? number : last() + 1;
    if (record.line > kMaxRows || record.line <= last())
        notIncreasing(where, last() + 1);
    st.lastRow = record.line;

    record.stableBegin = shared.sharedText.data();
    record.stableEnd = shared.sharedText.data() + shared.sharedText.size;
    // The usual row first: cells in columns A, B, C ... with no gap, each shared string's index
    // already read and in the table, within the cell budget and column XFD; written in place,
    // each cell tested once. At the first cell not so (or a row over the budget, or longer than
    // 16,384 cells) the loop below goes on from it, with every check and message.
    const size_t n =
        cells.size() <= 16384 && st.cells + static_cast<long long>(cells.size()) <= kMaxCells
            ? cells.size()
            : 0;
    record.fields.resize(n);
    size_t i = 0;
    for (; i < n; ++i) {
        const XlsxCell& c = cells[i];
        if (c.column != static_cast<int>(i) && c.column >= 0)
            break;
        std::string_view value = c.value;
        if (c.type == 's' && !value.empty()) {
            if (c.index >= shared.sharedCount())  // (kNoIndex too: read below)
                break;
            value = shared.sharedAt(c.index);
        }
        record.fields[i] = value;
    }
    record.fields.resize(i);
    st.cells += static_cast<long long>(i);
    int col = static_cast<int>(i) - 1;
    for (size_t k = i; k < cells.size(); ++k) {
        const XlsxCell& c = cells[k];
        if ((st.cells += 1) > kMaxCells)
            tooManyCells(where, record.line);
        const int next = c.column >= 0 ? c.column : col + 1;
        if (next >= 16384 || next <= col)
            throw ParseError({where, static_cast<int>(record.line), next + 1},
                             tr("ô nằm ngoài cột XFD hoặc không theo thứ tự cột (tệp hỏng "
                                "hoặc không do bảng tính tạo ra); hãy xuất lại",
                                "a cell beyond column XFD or out of column order (a damaged "
                                "file, or not made by a spreadsheet); export it again"));
        col = next;
        while (record.fields.size() < static_cast<size_t>(col))
            record.fields.emplace_back();  // a gap: empty views
        record.fields.emplace_back();
        std::string_view value = c.value;
        if (c.type == 's' && !value.empty()) {
            unsigned long idx = c.index;
            bool ok = true;
            if (c.index == XlsxCell::kNoIndex) {  // (not read by the one-pass reader)
                idx = 0;
                ok = value.size() <= 9;
                for (char ch : value) {
                    ok = ok && ch >= '0' && ch <= '9';
                    idx = idx * 10 + static_cast<unsigned long>(ch - '0');
                }
            }
            if (!ok || idx >= shared.sharedCount())
                throw ParseError({where, static_cast<int>(record.line), col + 1},
                                 tr("ô trỏ tới chuỗi dùng chung không có (tệp hỏng); hãy "
                                    "xuất lại",
                                    "a cell refers to a missing shared string (a damaged "
                                    "file); export it again"));
            value = shared.sharedAt(idx);
        }
        record.fields[static_cast<size_t>(col)] = value;
    }
}

// A <row> element's text as a record.
template <typename Shared, typename Previous>
void rowRecord(std::string_view text, const Shared& shared, XlsxScan& scan,
               std::vector<XlsxCell>& cells, RowState& st, const Previous& previous,
               const std::string& where, RawRecord& record) {
    long number = 0;
    std::string error;
    if (!scan.row(text, number, cells, error)) {
        if (!st.known) {
            st.lastRow = previous();
            st.known = true;
        }
        throw ParseError(
            {where, static_cast<int>(st.lastRow + 1), 0},
            fmt(tr("dòng của trang tính không đúng XML: {} (tệp hỏng); hãy xuất lại",
                   "a row of the sheet is not well-formed XML: {} (a damaged file); export it "
                   "again"),
                error));
    }
    recordOf(number, cells, shared, st, previous, where, record);
}

}  // namespace

bool XlsxReader::readRow(RawRecord& record) {
    std::string_view text;
    // The place for a message, made only when there is one (not once per row).
    const auto where = [this] { return path_ + ":" + sheetName_; };
    if (!impl_->sheet->next("row", text)) {
        if (impl_->sheet->afterEnd())
            rowAfterEnd(where(), impl_->lastRow + 1);
        // A row begun and never closed: before </sheetData>, a malformed row; without it, the
        // file ends inside the row (cut short, below).
        if (impl_->sheet->unclosed() && impl_->sheet->sawEnd())
            notClosed(where(), impl_->lastRow + 1);
        if (!impl_->sheet->sawEnd())
            cutShort(where(), impl_->lastRow + 1);
        return false;
    }
    if (++impl_->rows > kMaxRows)
        throw ParseError({where(), static_cast<int>(impl_->lastRow), 0},
                         fmt(tr("trang tính có hơn {} dòng, nhiều hơn một bảng tính cho phép "
                                "(tệp hỏng hoặc không do bảng tính tạo ra)",
                                "the sheet has more than {} rows, more than a spreadsheet allows "
                                "(a damaged file, or not made by a spreadsheet)"),
                             std::to_string(kMaxRows)));
    RowState st;
    st.lastRow = impl_->lastRow;
    st.cells = impl_->cells_total;
    const auto none = [] { return 0L; };  // (the row before is always known here)
    rowRecord(text, *impl_, impl_->scan, impl_->cells, st, none, where(), record);
    impl_->lastRow = st.lastRow;
    impl_->cells_total = st.cells;
    return true;
}

// ---------------------------------------------------------------------------------------------
// The sheet in blocks (DossierParallel.cpp).

bool XlsxReader::nextBlock(Bytes& out, size_t want) {
    return impl_->sheet->nextBlock("row", out, want);
}

bool XlsxReader::blocksEnded() const {
    return impl_->sheet->ended();
}

long XlsxReader::rowBeforeBlocks() const {
    return impl_->lastRow;
}

struct XlsxReader::BlockRows::State {
    const XlsxReader& reader;
    const char* p;
    const char* end;
    bool last;
    std::string where;
    XlsxScan scan;
    std::vector<XlsxCell> cells;
    RowState row;
    BlockSummary summary;
    bool summed = false;
    const char* gap = nullptr;  // where the text after the last row read (or the block) begins
    // Whether that text, up to `to`, closes the sheet: looked for as next() looks for it (the
    // same function over the same text between rows), so both find the same end.
    void noteGap(const char* to) {
        if (!summary.sawEnd && to > gap)
            summary.sawEnd = ElementStream::hasEnd(
                std::string_view(gap, static_cast<size_t>(to - gap)), "sheetData");
    }
};

XlsxReader::BlockRows::BlockRows(const XlsxReader& reader, const char* begin, const char* end,
                                 bool last)
    : s_(std::make_unique<State>(State{reader, begin, end, last, reader.path_ + ":" + reader.sheetName_,
                                       XlsxScan(), {}, {}, {}, false})) {
    s_->row.known = false;
    s_->gap = begin;
}

XlsxReader::BlockRows::~BlockRows() = default;

bool XlsxReader::BlockRows::next(RawRecord& record, const std::function<long()>& previousRow) {
    State& s = *s_;
    const auto isNameEnd = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>';
    };
    for (;;) {
        const char* lt = static_cast<const char*>(
            std::memchr(s.p, '<', static_cast<size_t>(s.end - s.p)));
        if (lt == nullptr) {
            s.p = s.end;
            s.noteGap(s.end);
            return false;
        }
        const bool closing = lt + 1 < s.end && lt[1] == '/';
        const char* n0 = lt + (closing ? 2 : 1);
        const char* n1 = n0;
        while (n1 < s.end && !isNameEnd(*n1))
            ++n1;
        if (n1 == s.end) {  // a tag cut short at the end of the part
            s.p = s.end;
            s.noteGap(s.end);
            return false;
        }
        std::string_view name(n0, static_cast<size_t>(n1 - n0));
        const size_t colon = name.find(':');
        const std::string_view prefix =
            colon == std::string_view::npos ? std::string_view() : name.substr(0, colon + 1);
        if (colon != std::string_view::npos)
            name.remove_prefix(colon + 1);
        if (closing || name != "row") {
            // On from the next byte, not the name's end: in a damaged part a "name" can run
            // over a '<' (no white space before it), and ElementStream::next, which tries every
            // '<', would find a row there (fuzz_xlsx).
            s.p = lt + 1;
            continue;
        }
        s.summary.sawRow = true;
        s.noteGap(lt);
        if (s.summary.sawEnd) {  // a row after </sheetData>: refused, as next() does
            if (!s.row.known) {
                s.row.lastRow = previousRow();
                s.row.known = true;
            }
            rowAfterEnd(s.where, s.row.lastRow + 1);
        }
        // A row in the usual form, read in one pass to its end; otherwise <row .../> or up to
        // its closing tag (as ElementStream::next finds it), read by the general scanner.
        long number = 0;
        if (const char* done = s.scan.rowAt(lt, s.end, number, s.cells)) {
            s.p = s.gap = done;
            recordOf(number, s.cells, *s.reader.impl_, s.row, previousRow, s.where, record);
            if (s.summary.firstRow == 0 && s.row.firstRow > 0)
                s.summary.firstRow = s.row.firstRow;
            if (!record.blank())
                return true;
            continue;
        }
        const char* gt = static_cast<const char*>(
            std::memchr(n1, '>', static_cast<size_t>(s.end - n1)));
        const char* after = nullptr;
        if (gt != nullptr && gt[-1] == '/') {
            after = gt + 1;
        } else if (gt != nullptr) {
            const std::string close = "</" + std::string(prefix) + "row>";
            const char* hit = findTag(gt, static_cast<size_t>(s.end - gt), close);
            if (hit != nullptr)
                after = hit + close.size();
        }
        if (after == nullptr) {
            // Not closed in the block. In the last one, the part ends inside the row; in any
            // other, the next row begins at the block's end, and next() would read this row's
            // text on into it: the same text with that row's start tag, the same error.
            if (!s.last) {
                const std::string text = std::string(lt, static_cast<size_t>(s.end - lt)) + "<" +
                                         std::string(prefix) + "row>";
                rowRecord(text, *s.reader.impl_, s.scan, s.cells, s.row, previousRow, s.where,
                          record);
            }
            if (!s.row.known) {
                s.row.lastRow = previousRow();
                s.row.known = true;
            }
            if (ElementStream::hasEnd(std::string_view(lt, static_cast<size_t>(s.end - lt)),
                                      "sheetData"))
                notClosed(s.where, s.row.lastRow + 1);
            cutShort(s.where, s.row.lastRow + 1);
        }
        s.p = s.gap = after;
        rowRecord(std::string_view(lt, static_cast<size_t>(after - lt)), *s.reader.impl_, s.scan,
                  s.cells, s.row, previousRow, s.where, record);
        if (s.summary.firstRow == 0 && s.row.firstRow > 0)
            s.summary.firstRow = s.row.firstRow;
        if (!record.blank())
            return true;
    }
}

const XlsxReader::BlockSummary& XlsxReader::BlockRows::summary(
    const std::function<long()>& previousRow) {
    State& s = *s_;
    if (!s.summed) {
        // The first row's number even when reading it then failed (a cell in it refused): its
        // order is checked on delivery before that error, as next() checks it before the cells.
        if (s.summary.firstRow == 0 && s.row.firstRow > 0)
            s.summary.firstRow = s.row.firstRow;
        if (!s.row.known) {  // no row at all: the row before the block is its last
            s.row.lastRow = previousRow();
            s.row.known = true;
        }
        s.summary.lastRow = s.row.lastRow;
        s.summary.cells = s.row.cells;
        s.summed = true;
    }
    return s.summary;
}

void XlsxReader::deliverBlock(const BlockSummary& block) {
    const std::string where = path_ + ":" + sheetName_;
    if (block.sawRow && (impl_->blocksSawEnd || impl_->sheet->sawEnd()))
        rowAfterEnd(where, impl_->lastRow + 1);  // (before this block's own error, if any)
    if (block.firstRow > 0 && block.firstRow <= impl_->lastRow)
        notIncreasing(where, impl_->lastRow + 1);
    if ((impl_->cells_total += block.cells) > kMaxCells)
        tooManyCells(where, block.firstRow > 0 ? block.firstRow : impl_->lastRow + 1);
    impl_->lastRow = std::max(impl_->lastRow, block.lastRow);
    impl_->blocksSawEnd = impl_->blocksSawEnd || block.sawEnd;
}

void XlsxReader::finishBlocks() {
    if (!impl_->blocksSawEnd && !impl_->sheet->sawEnd())
        cutShort(path_ + ":" + sheetName_, impl_->lastRow + 1);
}

}  // namespace par::dossier
