#include "core/tracking/Register.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/common/AtomicFile.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"
#include "core/tracking/Deadlines.hpp"
#include "core/tracking/RegisterCache.hpp"
#include "core/tracking/RegisterScanner.hpp"

namespace par::track {

namespace {
namespace fs = std::filesystem;

bool endsWith(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Reads a whole file into `buf` (reused between files: no allocation once it is large enough).
void readInto(const std::string& path, std::string& buf) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw IoError(
            fmt(tr("{}: không mở được tệp để đọc", "{}: cannot open the file for reading"), path));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        throw IoError(fmt(tr("{}: không đọc được tệp", "{}: cannot read the file"), path));
    }
    buf.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < buf.size()) {
        ssize_t n = ::read(fd, buf.data() + done, buf.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += static_cast<size_t>(n);
    }
    ::close(fd);
    buf.resize(done);  // a file that shrank meanwhile
}

// One audit file's part of the register while it is built: the audit's fields once (not copied
// into each action's entry until the entries are made, in their final order), its actions, and
// how late each is.
struct AuditPart {
    std::string id, file, unit, noticeRef;
    std::optional<Date> noticeDate;
    std::vector<Action> actions;
    std::vector<int> daysOverdue;  // -1: not overdue
};

AuditPart partOf(Audit& audit, Date asOf, const cal::WorkingCalendar& calendar) {
    AuditPart p;
    p.id = std::move(audit.id);
    p.file = std::move(audit.file);
    p.unit = std::move(audit.unit.name);
    if (!audit.notice.number.empty())
        p.noticeRef = audit.notice.symbol.empty() ? audit.notice.number
                                                  : audit.notice.number + "/" + audit.notice.symbol;
    p.noticeDate = audit.notice.date;
    p.actions = std::move(audit.actions);
    p.daysOverdue.reserve(p.actions.size());
    for (auto& a : p.actions) {
        a.history.clear();
        p.daysOverdue.push_back(isOverdue(a, asOf) ? workingDaysOverdue(a, asOf, calendar) : -1);
    }
    return p;
}

// Makes the entries, sorted, moving each action once. The register's order (responsible unit,
// deadline with none last, audit id, audit file, action id) is computed on integers: responsible
// units ranked by name once (a workspace has few distinct units), audits ranked by id and file,
// deadlines as day numbers; action ids compared only within one audit.
void makeEntries(std::vector<AuditPart>& parts, std::vector<RegisterEntry>& out, unsigned threads) {
    size_t total = 0;
    for (const auto& p : parts)
        total += p.actions.size();
    std::unordered_map<std::string_view, std::uint32_t> unitIndex;
    std::vector<std::string_view> units;
    for (const auto& p : parts)
        for (const auto& a : p.actions)
            if (unitIndex.try_emplace(a.responsible, static_cast<std::uint32_t>(units.size()))
                    .second)
                units.push_back(a.responsible);
    std::vector<std::uint32_t> byName(units.size());
    for (std::uint32_t i = 0; i < byName.size(); ++i)
        byName[i] = i;
    std::sort(byName.begin(), byName.end(),
              [&](std::uint32_t x, std::uint32_t y) { return units[x] < units[y]; });
    std::vector<std::uint32_t> unitRank(units.size());
    for (std::uint32_t r = 0; r < byName.size(); ++r)
        unitRank[byName[r]] = r;
    std::vector<std::uint32_t> auditOrder(parts.size());
    for (std::uint32_t i = 0; i < auditOrder.size(); ++i)
        auditOrder[i] = i;
    std::sort(auditOrder.begin(), auditOrder.end(), [&](std::uint32_t x, std::uint32_t y) {
        const AuditPart& px = parts[x];
        const AuditPart& py = parts[y];
        return px.id != py.id ? px.id < py.id : px.file < py.file;
    });
    std::vector<std::uint32_t> auditRank(parts.size());
    for (std::uint32_t r = 0, rank = 0; r < auditOrder.size(); ++r) {
        // Equal ids and files (audits given twice to fromAudits) share a rank.
        if (r > 0 && (parts[auditOrder[r]].id != parts[auditOrder[r - 1]].id ||
                      parts[auditOrder[r]].file != parts[auditOrder[r - 1]].file))
            ++rank;
        auditRank[auditOrder[r]] = rank;
    }

    struct Ref {
        std::uint64_t key;  // unit rank, then the deadline's day number (none last)
        std::uint32_t audit, part, action;
    };
    std::vector<Ref> refs;
    refs.reserve(total);
    for (std::uint32_t i = 0; i < parts.size(); ++i) {
        const auto& actions = parts[i].actions;
        for (std::uint32_t k = 0; k < actions.size(); ++k) {
            const Action& a = actions[k];
            std::uint64_t day =
                a.deadline ? static_cast<std::uint64_t>(a.deadline->day_number()) : 0xFFFFFFFFull;
            refs.push_back({std::uint64_t{unitRank[unitIndex[a.responsible]]} << 32 | day,
                            auditRank[i], i, k});
        }
    }
    std::sort(refs.begin(), refs.end(), [&](const Ref& x, const Ref& y) {
        if (x.key != y.key)
            return x.key < y.key;
        if (x.audit != y.audit)
            return x.audit < y.audit;
        return parts[x.part].actions[x.action].id < parts[y.part].actions[y.action].id;
    });
    // The entries are most of the register's memory (≈ 130 MB for 300,000): huge pages where the
    // system offers them on request spare most page faults, and two threads fill them.
    std::vector<RegisterEntry> entries;
    entries.reserve(total);
#ifdef __linux__
    if (total > 0) {
        auto begin = reinterpret_cast<std::uintptr_t>(entries.data());
        auto end = begin + total * sizeof(RegisterEntry);
        const std::uintptr_t huge = 2u << 20;
        begin = (begin + huge - 1) & ~(huge - 1);
        if (end > begin)
            ::madvise(reinterpret_cast<void*>(begin), (end - begin) & ~(huge - 1), MADV_HUGEPAGE);
    }
#endif
    entries.resize(total);
    auto fill = [&](size_t from, size_t to) {
        for (size_t i = from; i < to; ++i) {
            const Ref& r = refs[i];
            AuditPart& p = parts[r.part];
            RegisterEntry& e = entries[i];
            e.auditId = p.id;
            e.auditFile = p.file;
            e.inspectedUnit = p.unit;
            e.noticeRef = p.noticeRef;
            e.noticeDate = p.noticeDate;
            e.overdue = p.daysOverdue[r.action] >= 0;
            e.daysOverdue = e.overdue ? p.daysOverdue[r.action] : 0;
            e.action = std::move(p.actions[r.action]);
        }
    };
    if (threads > 1 && total > 10000) {
        std::thread other(fill, total / 2, total);  // distinct entries and actions: no sharing
        fill(0, total / 2);
        other.join();
    } else {
        fill(0, total);
    }
    if (out.empty())
        out = std::move(entries);
    else
        std::move(entries.begin(), entries.end(), std::back_inserter(out));
}
}  // namespace

namespace {
Audit loadForRegister(const std::string& path, std::string& text) {
    readInto(path, text);
    if (auto a = scanForRegister(text, path))
        return std::move(*a);
    // Outside the scanner's subset, or wrong: the full reader decides, with the file's real line.
    return AuditReader::parse(text, path);
}
}  // namespace

Audit loadForRegister(const std::string& path) {
    std::string text;
    return loadForRegister(path, text);
}

std::optional<double> UnitSummary::onTimeRate() const {
    int due = accepted + overdue;
    if (due == 0)
        return std::nullopt;
    return static_cast<double>(acceptedOnTime) / due;
}

namespace {
struct Listed {
    std::string path;      // as the entries show it: dir + "/" + relative
    std::string relative;  // inside the workspace: the cache's key
    FileStamp stamp;
    bool cacheable = false;  // not modified in the last seconds (see below)
};

std::vector<Listed> listAuditFiles(const std::string& dir, bool stamps) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw IoError(fmt(tr("{}: không phải thư mục", "{}: not a directory"), dir));
    std::vector<Listed> files;
    const fs::path base(dir);
    for (auto it = fs::recursive_directory_iterator(
             dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec))
            continue;
        std::string p = it->path().string();
        if (!endsWith(p, ".audit.xml"))
            continue;
        Listed l;
        l.path = std::move(p);
        if (stamps) {
            l.relative = it->path().lexically_relative(base).generic_string();
            struct stat st {};
            if (::stat(l.path.c_str(), &st) == 0) {
                l.stamp.size = static_cast<std::uint64_t>(st.st_size);
                l.stamp.mtimeNs =
                    static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
                l.cacheable = true;
            }
        }
        files.push_back(std::move(l));
    }
    if (ec)
        throw IoError(fmt(tr("{}: không đọc được thư mục: {}", "{}: cannot read the folder: {}"),
                          dir, ec.message()));
    std::sort(files.begin(), files.end(),
              [](const Listed& a, const Listed& b) { return a.path < b.path; });
    return files;
}

std::int64_t nowNs() {
    struct timespec ts {};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}
}  // namespace

Register Register::scan(const std::string& dir, Date asOf, const cal::WorkingCalendar& calendar,
                        Progress& progress, const ScanOptions& options) {
    const bool caching = !options.cacheFolder.empty();
    std::vector<Listed> files = listAuditFiles(dir, caching);

    // The cache, and what it holds for each file. A file modified in the last 2 s is parsed and
    // not cached: a second save within the file system's time resolution could otherwise keep
    // the same size and time (the "racy" case git also guards against).
    std::optional<RegisterCache> cache;
    std::vector<std::optional<std::string_view>> cached(files.size());
    if (caching) {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(fs::absolute(dir, ec), ec);
        cache.emplace(options.cacheFolder, canonical.string());
        cache->load();
        const std::int64_t racy = nowNs() - 2000000000;
        for (size_t i = 0; i < files.size(); ++i) {
            Listed& f = files[i];
            if (f.stamp.mtimeNs >= racy)
                f.cacheable = false;
            if (f.cacheable)
                cached[i] = cache->find(f.relative, f.stamp);
        }
    }
    std::vector<std::string> encoded(caching ? files.size() : 0);

    Register r;
    r.asOf = asOf;
    unsigned threads = options.threads;
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, std::max<size_t>(1, files.size()));

    // Each file's part, by file index; the threads fill distinct slots.
    std::vector<AuditPart> loaded(files.size());
    std::vector<char> ok(files.size(), 0);
    struct Tally {
        std::vector<ScanIssue> issues;
        size_t parsed = 0;
    };
    std::vector<Tally> tallies(threads);
    std::atomic<size_t> next{0};
    std::atomic<size_t> done{0};
    std::atomic<bool> cancelled{false};
    std::string firstParent, firstName;  // the inspecting body of the first audit read
    std::atomic<size_t> firstAudit{SIZE_MAX};
    std::mutex firstMutex;
    auto work = [&](Tally& tally, bool reports) {
        std::string buffer;
        for (size_t i = next++; i < files.size() && !cancelled; i = next++) {
            if (reports && (i & 255u) == 0) {
                // Only the calling thread talks to Progress, which need not be thread-safe.
                progress.update(static_cast<double>(done) / static_cast<double>(files.size()),
                                tr("Đang đọc các tệp kiểm tra", "Reading the audit files"));
                if (progress.cancelled())
                    cancelled = true;
            }
            const Listed& f = files[i];
            try {
                std::optional<Audit> a;
                if (cached[i]) {
                    a = RegisterCache::decode(*cached[i]);
                    if (!a)
                        cached[i].reset();  // damaged record: parse the file again
                    else
                        a->file = f.path;
                }
                if (!a) {
                    ++tally.parsed;
                    a = loadForRegister(f.path, buffer);
                    if (caching && f.cacheable)
                        encoded[i] = RegisterCache::encode(f.relative, f.stamp, *a);
                }
                if (i < firstAudit) {
                    std::lock_guard<std::mutex> lock(firstMutex);
                    if (i < firstAudit) {
                        firstAudit = i;
                        firstParent = a->body.parent;
                        firstName = a->body.name;
                    }
                }
                loaded[i] = partOf(*a, asOf, calendar);
                ok[i] = 1;
            } catch (const Error& e) {
                tally.issues.push_back({f.path, e.what()});
            }
            ++done;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work, std::ref(tallies[t]), false);
    work(tallies[0], true);  // the calling thread works too
    for (auto& t : pool)
        t.join();
    if (cancelled)
        throw Cancelled{};
    progress.update(1.0, tr("Đã đọc các tệp kiểm tra", "Audit files read"));

    for (auto& t : tallies) {
        r.parsedFiles += t.parsed;
        std::move(t.issues.begin(), t.issues.end(), std::back_inserter(r.issues));
    }
    std::sort(r.issues.begin(), r.issues.end(),
              [](const ScanIssue& a, const ScanIssue& b) { return a.file < b.file; });
    r.agencyParent = std::move(firstParent);
    r.agencyName = std::move(firstName);

    if (caching) {
        // Written only when something changed: a file parsed, or a cached file gone.
        std::vector<std::string_view> records;
        size_t reused = 0;
        for (size_t i = 0; i < files.size(); ++i) {
            if (cached[i]) {
                records.push_back(*cached[i]);
                ++reused;
            } else if (!encoded[i].empty()) {
                records.push_back(encoded[i]);
            }
        }
        if (reused != cache->size() || records.size() != reused) {
            try {
                cache->save(records);
            } catch (const Error&) {
                // A cache that cannot be written (read-only home, full disk) costs time, not
                // results: the register is complete without it.
            }
        }
    }

    std::vector<AuditPart> parts;
    parts.reserve(files.size());
    for (size_t i = 0; i < files.size(); ++i)
        if (ok[i])
            parts.push_back(std::move(loaded[i]));
    r.auditCount = parts.size();
    makeEntries(parts, r.entries, threads);
    return r;
}

Register Register::fromAudits(const std::vector<Audit>& audits, Date asOf,
                              const cal::WorkingCalendar& calendar) {
    Register r;
    r.asOf = asOf;
    r.auditCount = audits.size();
    if (!audits.empty()) {
        r.agencyParent = audits.front().body.parent;
        r.agencyName = audits.front().body.name;
    }
    std::vector<AuditPart> parts;
    parts.reserve(audits.size());
    for (Audit a : audits)
        parts.push_back(partOf(a, asOf, calendar));
    makeEntries(parts, r.entries, 1);
    return r;
}

std::vector<RegisterEntry> Register::filtered(const RegisterFilter& f,
                                              const cal::WorkingCalendar& calendar) const {
    std::string unitKey = f.unit.empty() ? "" : foldKey(f.unit);
    std::map<std::string, std::string> keys;  // unit name → folded key, computed once per name
    auto key = [&](const std::string& name) -> const std::string& {
        auto it = keys.find(name);
        if (it == keys.end())
            it = keys.emplace(name, foldKey(name)).first;
        return it->second;
    };
    std::vector<RegisterEntry> out;
    for (const auto& e : entries) {
        if (!unitKey.empty() && key(e.action.responsible) != unitKey &&
            key(e.inspectedUnit) != unitKey)
            continue;
        if (f.status && e.action.status != *f.status)
            continue;
        if (f.overdueOnly && !e.overdue)
            continue;
        if (f.dueWithin) {
            const auto& d = e.action.deadline;
            if (!isPending(e.action.status) || !d || *d < asOf)
                continue;
            if (calendar.workingDaysBetween(asOf, *d) > *f.dueWithin)
                continue;
        }
        out.push_back(e);
    }
    return out;
}

std::vector<UnitSummary> Register::summarise(const std::vector<RegisterEntry>& entries) {
    std::vector<UnitSummary> units;
    std::map<std::string, size_t> index;
    UnitSummary total;
    for (const auto& e : entries) {
        auto it = index.find(e.action.responsible);
        if (it == index.end()) {
            it = index.emplace(e.action.responsible, units.size()).first;
            units.push_back(UnitSummary{});
            units.back().unit = e.action.responsible;
        }
        for (UnitSummary* s : {&units[it->second], &total}) {
            ++s->actions;
            switch (e.action.status) {
                case ActionStatus::Open:
                case ActionStatus::Reopened:
                    ++s->open;
                    break;
                case ActionStatus::Reported:
                    ++s->reported;
                    break;
                case ActionStatus::Accepted:
                    ++s->accepted;
                    break;
            }
            if (e.overdue)
                ++s->overdue;
            if (completedOnTime(e.action))
                ++s->acceptedOnTime;
        }
    }
    std::sort(units.begin(), units.end(),
              [](const UnitSummary& a, const UnitSummary& b) { return a.unit < b.unit; });
    units.push_back(total);
    return units;
}

bool registerOrder(const RegisterEntry& x, const RegisterEntry& y) {
    if (x.action.responsible != y.action.responsible)
        return x.action.responsible < y.action.responsible;
    const auto& dx = x.action.deadline;
    const auto& dy = y.action.deadline;
    if (dx != dy)
        return dx && (!dy || *dx < *dy);  // none last
    if (x.auditId != y.auditId)
        return x.auditId < y.auditId;
    if (x.auditFile != y.auditFile)
        return x.auditFile < y.auditFile;
    return x.action.id < y.action.id;
}

}  // namespace par::track
