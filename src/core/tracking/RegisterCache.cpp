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

#include "core/common/AtomicFile.hpp"
#ifdef _WIN32
#include "core/common/Platform.hpp"  // O_CLOEXEC
#endif
#include "core/common/Error.hpp"
#include "core/common/Sha256.hpp"

namespace par::track {

namespace {

// Bump when the record layout changes, or when AuditReader's rules for the fields kept here change
// (an old cache would otherwise keep what the new rules refuse).
constexpr std::uint32_t kCacheVersion = 1;
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
    template <typename E>
    E small(int count) {
        auto v = num<std::uint8_t>();
        if (v >= count)
            throw Damaged{};
        return static_cast<E>(v);
    }
    bool done() const { return p_ == in_.size(); }
    size_t pos() const { return p_; }

private:
    std::string_view in_;
    size_t p_ = 0;
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
        if (r.num<std::uint32_t>() != kCacheVersion || r.view() != dir_)
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
    w.str(a.id);
    w.str(a.unit.name);
    w.str(a.body.parent);
    w.str(a.body.name);
    w.str(a.notice.number);
    w.str(a.notice.symbol);
    w.date(a.notice.date);
    w.num(static_cast<std::uint32_t>(a.actions.size()));
    for (const Action& x : a.actions) {
        w.str(x.id);
        w.str(x.finding);
        w.str(x.responsible);
        w.num(static_cast<std::uint8_t>(x.deadlineRule.kind));
        w.num(static_cast<std::int32_t>(x.deadlineRule.count));
        w.date(x.deadlineRule.kind == DeadlineRule::Kind::FixedDate
                   ? std::optional<Date>(x.deadlineRule.date)
                   : std::nullopt);
        w.date(x.deadline);
        w.num(static_cast<std::uint8_t>(x.status));
        w.num(static_cast<std::uint8_t>(x.stale ? 1 : 0));
        w.str(x.content);
        w.date(x.report.date);
        w.str(x.report.doc);
        w.str(x.report.note);
        w.num(static_cast<std::uint32_t>(x.report.evidence.size()));
        for (const auto& e : x.report.evidence)
            w.str(e);
        w.num(static_cast<std::int32_t>(x.line));
    }
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
        a.id = r.str();
        a.unit.name = r.str();
        a.body.parent = r.str();
        a.body.name = r.str();
        a.notice.number = r.str();
        a.notice.symbol = r.str();
        a.notice.date = r.date();
        auto n = r.num<std::uint32_t>();
        if (n > h.body.size())
            throw Damaged{};
        a.actions.resize(n);
        for (Action& x : a.actions) {
            x.id = r.str();
            x.finding = r.str();
            x.responsible = r.str();
            x.deadlineRule.kind = r.small<DeadlineRule::Kind>(4);
            x.deadlineRule.count = r.num<std::int32_t>();
            if (auto d = r.date())
                x.deadlineRule.date = *d;
            x.deadline = r.date();
            x.status = r.small<ActionStatus>(4);
            x.stale = r.small<int>(2) == 1;
            x.content = r.str();
            x.report.date = r.date();
            x.report.doc = r.str();
            x.report.note = r.str();
            auto ne = r.num<std::uint32_t>();
            if (ne > h.body.size())
                throw Damaged{};
            x.report.evidence.resize(ne);
            for (auto& e : x.report.evidence)
                e = r.str();
            x.line = r.num<std::int32_t>();
        }
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
    w.num(kCacheVersion);
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
