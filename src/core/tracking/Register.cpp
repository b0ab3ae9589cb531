#include "core/tracking/Register.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include "core/common/AtomicFile.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"
#include "core/tracking/Deadlines.hpp"

namespace par::track {

namespace {
namespace fs = std::filesystem;

bool endsWith(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Start of element `name` (an opening tag "<name" followed by a space, '/' or '>') at or after
// `from`; npos when absent.
size_t findTag(std::string_view text, std::string_view name, size_t from) {
    std::string open = "<" + std::string(name);
    for (size_t p = text.find(open, from); p != std::string_view::npos;
         p = text.find(open, p + 1)) {
        char c = p + open.size() < text.size() ? text[p + open.size()] : '\0';
        if (c == ' ' || c == '/' || c == '>' || c == '\n' || c == '\t' || c == '\r')
            return p;
    }
    return std::string_view::npos;
}

// The whole element starting at `start`: to "/>" when self-closing, else to its closing tag (the
// elements read here never nest an element of their own name). Empty when malformed.
std::string_view element(std::string_view text, std::string_view name, size_t start) {
    size_t gt = text.find('>', start);
    if (gt == std::string_view::npos)
        return {};
    if (text[gt - 1] == '/')
        return text.substr(start, gt + 1 - start);
    std::string close = "</" + std::string(name) + ">";
    size_t end = text.find(close, gt);
    if (end == std::string_view::npos)
        return {};
    return text.substr(start, end + close.size() - start);
}

// Reads a whole file into `buf` (reused between files: no allocation once it is large enough).
void readInto(const std::string& path, std::string& buf) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(fmt(tr("{}: không mở được tệp để đọc", "{}: cannot open the file for reading"), path));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        throw IoError(fmt(tr("{}: không đọc được tệp", "{}: cannot read the file"), path));
    }
    buf.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < buf.size()) {
        ssize_t n = ::read(fd, buf.data() + done, buf.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<size_t>(n);
    }
    ::close(fd);
    buf.resize(done);  // a file that shrank meanwhile
}

// Appends `block` without its <history> elements: the register never shows them, and they are
// most of an old action's bytes.
void appendWithoutHistory(std::string& out, std::string_view block) {
    size_t from = 0;
    for (;;) {
        size_t h = block.find("<history>", from);
        if (h == std::string_view::npos) break;
        size_t end = block.find("</history>", h);
        if (end == std::string_view::npos) break;
        out.append(block.substr(from, h - from));
        from = end + 10;
    }
    out.append(block.substr(from));
}

// The reduced document, or "" when the file must be read in full.
std::string reducedDocument(std::string_view text) {
    if (text.find("<!--") != std::string_view::npos ||
        text.find("<![CDATA[") != std::string_view::npos)
        return "";
    size_t root = findTag(text, "audit", 0);
    if (root == std::string_view::npos)
        return "";
    size_t rootEnd = text.find('>', root);
    if (rootEnd == std::string_view::npos || text[rootEnd - 1] == '/')
        return "";
    std::string out;
    out.reserve(4096);
    out.append(text.substr(0, rootEnd + 1));  // declaration and root start tag: lines stay right
    for (const char* name : {"unit", "inspecting-body"}) {
        size_t p = findTag(text, name, rootEnd);
        if (p != std::string_view::npos)
            out.append(element(text, name, p));
    }
    size_t n = findTag(text, "notice", rootEnd);
    if (n != std::string_view::npos) {
        size_t gt = text.find('>', n);
        if (gt == std::string_view::npos)
            return "";
        std::string_view tag = text.substr(n, gt - n);
        if (!tag.empty() && tag.back() == '/')
            tag.remove_suffix(1);
        out.append(tag).append("/>");
    }
    out.append("<form id=\"-\"/>");
    // <actions> comes after the answers and findings: search from the end.
    size_t a = text.rfind("<actions>");
    if (a != std::string_view::npos) {
        std::string_view actions = element(text, "actions", a);
        if (actions.empty())
            return "";
        appendWithoutHistory(out, actions);
    }
    out.append("</audit>");
    return out;
}

// Moves the audit's actions into entries (the audit is not used afterwards).
void appendEntries(Audit& audit, Date asOf, const cal::WorkingCalendar& calendar,
                   std::vector<RegisterEntry>& out) {
    std::string noticeRef;
    if (!audit.notice.number.empty())
        noticeRef = audit.notice.symbol.empty() ? audit.notice.number
                                                : audit.notice.number + "/" + audit.notice.symbol;
    for (auto& a : audit.actions) {
        out.emplace_back();
        RegisterEntry& e = out.back();
        e.auditId = audit.id;
        e.auditFile = audit.file;
        e.inspectedUnit = audit.unit.name;
        e.noticeRef = noticeRef;
        e.noticeDate = audit.notice.date;
        e.overdue = isOverdue(a, asOf);
        e.daysOverdue = workingDaysOverdue(a, asOf, calendar);
        e.action = std::move(a);
        e.action.history.clear();
    }
}

bool entryLess(const RegisterEntry& x, const RegisterEntry& y) {
    if (x.action.responsible != y.action.responsible)
        return x.action.responsible < y.action.responsible;
    const auto& dx = x.action.deadline;
    const auto& dy = y.action.deadline;
    if (dx != dy) {
        if (!dx)
            return false;
        if (!dy)
            return true;
        return *dx < *dy;
    }
    if (x.auditId != y.auditId)
        return x.auditId < y.auditId;
    if (x.auditFile != y.auditFile)
        return x.auditFile < y.auditFile;
    return x.action.id < y.action.id;
}

void sortEntries(std::vector<RegisterEntry>& entries) {
    std::sort(entries.begin(), entries.end(), entryLess);
}
}  // namespace

namespace {
Audit loadForRegister(const std::string& path, std::string& text) {
    readInto(path, text);
    std::string reduced = reducedDocument(text);
    if (!reduced.empty()) {
        try {
            Audit a = AuditReader::parse(reduced, path);
            return a;
        } catch (const ParseError&) {
            // Fall through: the full reader gives the message with the file's real line.
        }
    }
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

Register Register::scan(const std::string& dir, Date asOf, const cal::WorkingCalendar& calendar,
                        Progress& progress, unsigned threads) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw IoError(fmt(tr("{}: không phải thư mục", "{}: not a directory"), dir));
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(
             dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec))
            continue;
        std::string p = it->path().string();
        if (endsWith(p, ".audit.xml"))
            files.push_back(std::move(p));
    }
    if (ec)
        throw IoError(fmt(tr("{}: không đọc được thư mục: {}", "{}: cannot read the folder: {}"),
                          dir, ec.message()));
    std::sort(files.begin(), files.end());

    Register r;
    r.asOf = asOf;
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, std::max<size_t>(1, files.size()));

    struct Part {
        std::vector<RegisterEntry> entries;
        std::vector<ScanIssue> issues;
        size_t audits = 0;
        size_t firstAudit = SIZE_MAX;
        std::string parent, name;
    };
    std::vector<Part> parts(threads);
    std::atomic<size_t> next{0};
    std::atomic<size_t> done{0};
    std::atomic<bool> cancelled{false};
    auto work = [&](Part& part, bool reports) {
        std::string buffer;
        for (size_t i = next++; i < files.size() && !cancelled; i = next++) {
            if (reports && (i & 255u) == 0) {
                // Only the calling thread talks to Progress, which need not be thread-safe.
                progress.update(static_cast<double>(done) / static_cast<double>(files.size()),
                                tr("Đang đọc các tệp kiểm tra", "Reading the audit files"));
                if (progress.cancelled())
                    cancelled = true;
            }
            try {
                Audit a = loadForRegister(files[i], buffer);
                ++part.audits;
                if (i < part.firstAudit) {
                    part.firstAudit = i;
                    part.parent = a.body.parent;
                    part.name = a.body.name;
                }
                appendEntries(a, asOf, calendar, part.entries);
            } catch (const Error& e) {
                part.issues.push_back({files[i], e.what()});
            }
            ++done;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work, std::ref(parts[t]), false);
    work(parts[0], true);  // the calling thread works too
    for (auto& t : pool)
        t.join();
    if (cancelled)
        throw Cancelled{};
    progress.update(1.0, tr("Đã đọc các tệp kiểm tra", "Audit files read"));

    size_t total = 0;
    for (const auto& p : parts)
        total += p.entries.size();
    // Gather without moving: entries move once, in sorted order.
    std::vector<RegisterEntry*> all;
    all.reserve(total);
    size_t first = SIZE_MAX;
    for (auto& p : parts) {
        r.auditCount += p.audits;
        for (auto& e : p.entries)
            all.push_back(&e);
        std::move(p.issues.begin(), p.issues.end(), std::back_inserter(r.issues));
        if (p.firstAudit < first) {
            first = p.firstAudit;
            r.agencyParent = p.parent;
            r.agencyName = p.name;
        }
    }
    std::sort(all.begin(), all.end(), [](const RegisterEntry* x, const RegisterEntry* y) {
        return entryLess(*x, *y);
    });
    r.entries.reserve(total);
    for (RegisterEntry* e : all)
        r.entries.push_back(std::move(*e));
    std::sort(r.issues.begin(), r.issues.end(),
              [](const ScanIssue& a, const ScanIssue& b) { return a.file < b.file; });
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
    for (Audit a : audits)
        appendEntries(a, asOf, calendar, r.entries);
    sortEntries(r.entries);
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

}  // namespace par::track
