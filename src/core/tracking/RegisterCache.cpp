// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/RegisterCache.hpp"

#include <fcntl.h>
#ifndef _WIN32
#include <sys/mman.h>
#endif
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <type_traits>
#include <utility>

#include "core/common/AtomicFile.hpp"
#ifdef _WIN32
#include "core/common/Platform.hpp"  // O_CLOEXEC
#endif
#include "core/common/Error.hpp"
#include "core/common/Sha256.hpp"

namespace par::track {

namespace {

// Bump when AuditReader's rules for the fields kept here change (an old cache would otherwise keep
// what the new rules refuse). Changes of the record layout need no bump: the format version is
// derived from the layout itself (formatVersion() below).
constexpr std::uint32_t kReaderRulesRevision = 1;
constexpr char kMagic[8] = {'P', 'A', 'R', 'R', 'E', 'G', 'C', '\n'};

struct Damaged {};

// 64-bit checksum of a record's body: catches a damaged record, not an attack (the cache is the
// user's own file).
std::uint64_t checksum(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    for (; i < s.size(); ++i)
        h = (h ^ static_cast<unsigned char>(s[i])) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}
    template <typename T>
    void num(T v) {
        char b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T));
        out_.append(b, sizeof(T));
    }
    void str(std::string_view s) {
        num(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void date(const std::optional<Date>& d) {
        num(static_cast<std::int32_t>(d ? d->year() * 10000 + d->month() * 100 + d->day() : 0));
    }

    // The interface fields() drives (the Reader and the LayoutHash below have the same).
    static constexpr bool kReads = false;
    void field(const std::string& s) { str(s); }
    template <typename T>
    void field(const T& v) {
        num(v);
    }
    void field(const std::optional<Date>& d) { date(d); }
    template <typename E>
    void small(const E& e, int /*count*/) {
        num(static_cast<std::uint8_t>(e));
    }
    template <typename T, typename F>
    void list(const std::vector<T>& v, F each) {
        num(static_cast<std::uint32_t>(v.size()));
        for (const T& e : v)
            each(e);
    }

private:
    std::string& out_;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <typename T>
    T num() {
        if (in_.size() - p_ < sizeof(T))
            throw Damaged{};
        T v;
        std::memcpy(&v, in_.data() + p_, sizeof(T));
        p_ += sizeof(T);
        return v;
    }
    std::string_view view() {
        auto n = num<std::uint32_t>();
        if (in_.size() - p_ < n)
            throw Damaged{};
        std::string_view s = in_.substr(p_, n);
        p_ += n;
        return s;
    }
    std::string str() { return std::string(view()); }
    std::optional<Date> date() {
        auto v = num<std::int32_t>();
        if (v == 0)
            return std::nullopt;
        int y = v / 10000, m = v / 100 % 100, d = v % 100;
        if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
            throw Damaged{};
        try {
            return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                        static_cast<unsigned short>(d));
        } catch (const std::exception&) {
            throw Damaged{};
        }
    }
    static constexpr bool kReads = true;
    void field(std::string& s) { s = str(); }
    template <typename T>
    void field(T& v) {
        v = num<T>();
    }
    void field(std::optional<Date>& d) { d = date(); }
    template <typename E>
    void small(E& e, int count) {
        auto v = num<std::uint8_t>();
        if (v >= count)
            throw Damaged{};
        e = static_cast<E>(v);
    }
    template <typename T, typename F>
    void list(std::vector<T>& v, F each) {
        auto n = num<std::uint32_t>();
        if (n > in_.size() - p_)  // each element takes at least a byte
            throw Damaged{};
        v.resize(n);
        for (T& e : v)
            each(e);
    }
    bool done() const { return p_ == in_.size(); }
    size_t pos() const { return p_; }

private:
    std::string_view in_;
    size_t p_ = 0;
};

// The audit fields of a record, in order: the one description that writing (Writer), reading
// (Reader) and the format version (LayoutHash) all go through, so they cannot drift apart.
template <typename Io, typename A>
void fields(Io& io, A& a) {
    io.field(a.id);
    io.field(a.unit.name);
    io.field(a.body.parent);
    io.field(a.body.name);
    io.field(a.notice.number);
    io.field(a.notice.symbol);
    io.field(a.notice.date);
    io.list(a.actions, [&io](auto& x) {
        io.field(x.id);
        io.field(x.finding);
        io.field(x.responsible);
        io.small(x.deadlineRule.kind, 4);
        io.field(x.deadlineRule.count);
        std::optional<Date> fixed;  // kept only for a fixed-date rule
        if (x.deadlineRule.kind == DeadlineRule::Kind::FixedDate)
            fixed = x.deadlineRule.date;
        io.field(fixed);
        if constexpr (Io::kReads) {
            if (fixed)
                x.deadlineRule.date = *fixed;
        }
        io.field(x.deadline);
        io.small(x.status, 4);
        io.small(x.stale, 2);
        io.field(x.content);
        io.field(x.report.date);
        io.field(x.report.doc);
        io.field(x.report.note);
        io.list(x.report.evidence, [&io](auto& e) { io.field(e); });
        io.field(x.report.made);
        io.field(x.report.seq);
        io.field(x.report.responseId);
        io.field(x.line);
    });
}

// Describes the layout fields() walks: one letter per field with the size of numbers, lists in
// brackets. Its hash is the format version.
class LayoutHash {
public:
    static constexpr bool kReads = false;
    void field(const std::string&) { text_ += 's'; }
    void field(const std::optional<Date>&) { text_ += 'd'; }
    template <typename T>
    void field(const T&) {
        static_assert(std::is_arithmetic_v<T>, "a record field is a string, a date or a number");
        text_ += std::is_signed_v<T> ? 'i' : 'u';
        text_ += std::to_string(sizeof(T));
    }
    template <typename E>
    void small(const E&, int count) {
        text_ += 'e' + std::to_string(count);
    }
    template <typename T, typename F>
    void list(const std::vector<T>& v, F each) {
        text_ += '[';
        each(v.front());  // the layout of one element
        text_ += ']';
    }
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

// A record: u32 length of the rest, u64 checksum of the body, body = relative path, stamp, audit.
struct RecordHead {
    std::string_view relative;
    FileStamp stamp;
    std::string_view body;
};

RecordHead head(std::string_view record) {
    Reader r(record);
    auto length = r.num<std::uint32_t>();
    if (length != record.size() - 4)
        throw Damaged{};
    auto sum = r.num<std::uint64_t>();
    RecordHead h;
    h.body = record.substr(12);
    Reader b(h.body);
    h.relative = b.view();
    h.stamp.size = b.num<std::uint64_t>();
    h.stamp.mtimeNs = b.num<std::int64_t>();
    (void)sum;
    return h;
}
}  // namespace

std::string RegisterCache::layout() {
    Audit sample;  // one action with one evidence entry: every field and list is walked once
    sample.actions.resize(1);
    sample.actions[0].report.evidence.resize(1);
    LayoutHash h;
    fields(h, std::as_const(sample));
    return "v" + std::to_string(kReaderRulesRevision) + ":" + h.text();
}

std::uint32_t RegisterCache::formatVersion() {
    static const std::uint32_t version = [] {
        std::uint32_t v = 2166136261u;  // FNV-1a
        for (char c : layout())
            v = (v ^ static_cast<unsigned char>(c)) * 16777619u;
        return v;
    }();
    return version;
}

std::string RegisterCache::defaultFolder() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg != nullptr && xdg[0] == '/')  // the XDG spec: relative values are ignored
        return std::string(xdg) + "/par-audit";
    const char* home = std::getenv("HOME");
    if (home != nullptr && home[0] != '\0')
        return std::string(home) + "/.cache/par-audit";
    return "";
}

RegisterCache::RegisterCache(const std::string& folder, const std::string& canonicalDir)
    : folder_(folder), dir_(canonicalDir) {
    // One file per workspace, named after its path (a hash: paths hold '/' and diacritics).
    path_ = folder_ + "/register-" + sha256Hex(dir_).substr(0, 24) + ".bin";
}

RegisterCache::~RegisterCache() {
    unmap();
}

void RegisterCache::unmap() {
    if (data_ != nullptr)
#ifdef _WIN32
        delete[] data_;  // Windows: a plain read (a mapping would keep the file from being replaced)
#else
        ::munmap(const_cast<char*>(data_), size_);
#endif
    data_ = nullptr;
    size_ = 0;
}

void RegisterCache::load() {
    records_.clear();
    unmap();
    int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC, 0);  // mode: the UTF-8 overload on Windows
    if (fd < 0)
        return;  // no cache yet
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
#ifdef _WIN32
        // Windows: no mapping, a plain read. A mapped file cannot be replaced by MoveFileExW while
        // the mapping lives, which would block the next save of the cache.
        auto* buf = new char[static_cast<size_t>(st.st_size)];
        size_t got = 0;
        while (got < static_cast<size_t>(st.st_size)) {
            int n = ::read(fd, buf + got, static_cast<unsigned>(static_cast<size_t>(st.st_size) - got));
            if (n <= 0) break;
            got += static_cast<size_t>(n);
        }
        if (got == static_cast<size_t>(st.st_size)) {
            data_ = buf;
            size_ = got;
        } else {
            delete[] buf;
        }
#else
        void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            data_ = static_cast<const char*>(p);
            size_ = static_cast<size_t>(st.st_size);
        }
#endif
    }
    ::close(fd);
    // Saving replaces the file by renaming a new one over it: this mapping keeps the old one.
    try {
        std::string_view all(data_ != nullptr ? data_ : "", size_);
        if (all.size() < sizeof kMagic || std::memcmp(all.data(), kMagic, sizeof kMagic) != 0)
            throw Damaged{};
        Reader r(all.substr(sizeof kMagic));
        if (r.num<std::uint32_t>() != formatVersion() || r.view() != dir_)
            throw Damaged{};
        auto count = r.num<std::uint64_t>();
        size_t p = sizeof kMagic + r.pos();
        records_.reserve(static_cast<size_t>(std::min<std::uint64_t>(count, 1u << 20)));
        for (std::uint64_t i = 0; i < count; ++i) {
            Reader lr(all.substr(p));
            auto length = lr.num<std::uint32_t>();
            if (all.size() - p - 4 < length)
                throw Damaged{};
            std::string_view record = all.substr(p, 4 + static_cast<size_t>(length));
            RecordHead h = head(record);
            records_[h.relative] = Slot{h.stamp, record};
            p += record.size();
        }
        if (p != all.size())
            throw Damaged{};
    } catch (const Damaged&) {
        records_.clear();
        unmap();
    }
}

std::optional<std::string_view> RegisterCache::find(const std::string& relative,
                                                    FileStamp stamp) const {
    auto it = records_.find(relative);
    if (it == records_.end() || !(it->second.stamp == stamp))
        return std::nullopt;
    return it->second.record;
}

std::string RegisterCache::encode(const std::string& relative, FileStamp stamp, const Audit& a) {
    std::string body;
    body.reserve(256 + a.actions.size() * 384);
    Writer w(body);
    w.str(relative);
    w.num(stamp.size);
    w.num(stamp.mtimeNs);
    fields(w, a);
    std::string record;
    record.reserve(12 + body.size());
    Writer rw(record);
    rw.num(static_cast<std::uint32_t>(8 + body.size()));
    rw.num(checksum(body));
    record += body;
    return record;
}

std::optional<Audit> RegisterCache::decode(std::string_view record) {
    try {
        Reader rr(record);
        rr.num<std::uint32_t>();
        auto sum = rr.num<std::uint64_t>();
        RecordHead h = head(record);
        if (checksum(h.body) != sum)
            return std::nullopt;
        Reader r(h.body);
        r.view();
        r.num<std::uint64_t>();
        r.num<std::int64_t>();
        Audit a;
        fields(r, a);
        if (!r.done())
            throw Damaged{};
        return a;
    } catch (const Damaged&) {
        return std::nullopt;
    }
}

void RegisterCache::save(const std::vector<std::string_view>& records) const {
    std::string head;
    head.append(kMagic, sizeof kMagic);
    Writer w(head);
    w.num(formatVersion());
    w.str(dir_);
    w.num(static_cast<std::uint64_t>(records.size()));
    // The header, then the records where they are (≈ 100 MB for 300,000 actions: no copy). Not
    // flushed to disk: a cache lost or torn by a power cut is rebuilt (records are checksummed).
    std::vector<std::string_view> pieces;
    pieces.reserve(records.size() + 1);
    pieces.push_back(head);
    pieces.insert(pieces.end(), records.begin(), records.end());
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::u8path(folder_), ec);
    writeFileAtomically(path_, pieces, AtomicWriteOptions{false, false});
}

}  // namespace par::track
