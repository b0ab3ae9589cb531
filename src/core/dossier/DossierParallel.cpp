// SPDX-License-Identifier: Apache-2.0
// DossierParallel.cpp - a log on several threads. runBlocks: the calling thread produces blocks
// of whole records (a CSV read in 2 MB blocks cut at exact record boundaries by CsvSplitter:
// analyzeParallel; an XLSX sheet inflated in 1 MB blocks cut at a row's start: analyzeXlsx); one
// analyser per thread parses and classifies whole blocks; bad rows, flagged dossiers and the
// first error are handed over in file order; the per-thread figures are merged
// (docs/dossiers.md, "Reading on every core"). analyzeRanges: a CSV in one byte range per thread.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/dossier/CsvScan.hpp"
#include "core/dossier/DossierAnalyzer.hpp"
#include "core/dossier/DossierAnalyzerParts.hpp"
#include "core/dossier/XlsxReader.hpp"

namespace par::dossier {


// One block of whole records, and what its worker found in it (delivered in file order).
struct DossierAnalyzer::Chunk {
    Bytes data;
    long line = 0;  // of data[0] (CSV)
    bool done = false;
    std::exception_ptr error;
    std::vector<InvalidRow> invalid;      // the first keepInvalid of the block
    std::vector<FlaggedDossier> flagged;  // for onFlagged, in file order
    std::shared_ptr<Chunk> prev;          // the block before, until this one is read
    XlsxReader::BlockSummary xlsx;        // (XLSX) what the block held
    bool lastBlock = false;               // (XLSX) it ends the sheet's part
};

// What differs between a CSV and an XLSX log in the block pipeline.
struct DossierAnalyzer::BlockJob {
    std::string file;
    bool serials = false, date1904 = false;
    // CSV: every n-th block is parsed by the thread that cut it (still in its cache). XLSX: the
    // cutting thread inflates, and parses only when it would otherwise wait (every block when
    // it is the only thread).
    bool parseEveryNth = false;
    // On the calling thread: the next block into c.data (which may hold a free buffer to reuse);
    // false at the end. What it throws is delivered in file order.
    std::function<bool(Chunk& c)> produce;
    // On any thread, with thread w's parser: every record of block c to `each`. `previous`
    // waits for the block before to be read and gives it (nullptr before the first).
    std::function<void(unsigned w, Chunk& c, const std::function<void(const RawRecord&)>& each,
                       const std::function<const Chunk*()>& previous)>
        parse;
    // On the calling thread, in file order, before the block's own error: checks across blocks.
    std::function<void(Chunk& c)> delivered;
    std::function<void()> finished;  // after the last block
    std::function<double()> fraction;
};

namespace {

// A record longer than CsvReader::kMaxRecordBytes, starting at `line` of `file`.
[[noreturn]] void recordTooLong(const std::string& file, long line) {
    throw ParseError({file, static_cast<int>(line), 0},
                     tr("bản ghi bắt đầu ở dòng này dài quá 16 MB (thiếu dấu ngoặc kép đóng?)",
                        "the record starting on this line is longer than 16 MB (a closing quote "
                        "missing?)"));
}

// A flagged dossier seen again as a record, for AnalysisOptions::onFlagged (views into `f`).
DossierRecord asRecord(const FlaggedDossier& f) {
    DossierRecord r;
    r.line = f.line;
    r.id = f.id;
    r.unit = f.unit;
    r.procedureCode = f.procedureCode;
    r.received = f.received;
    r.due = f.due;
    r.statutoryDue = f.statutoryDue;
    r.knownProcedure = f.knownProcedure;
    r.finished = f.finished;
    r.outcome = f.outcome;
    r.lateWorkingDays = f.lateWorkingDays;
    r.wrongAppointment = f.wrongAppointment;
    return r;
}
}  // namespace

DossierStats DossierAnalyzer::runBlocks(BlockJob& job, const ColumnMap& columns,
                                        unsigned workerCount, Progress* progress) {
    const std::string label = tr("Đang phân tích nhật ký hồ sơ", "Analysing the dossier log");
    const size_t maxInFlight = 2 * workerCount + 2;

    std::mutex m;
    std::condition_variable workReady, chunkDone;
    std::deque<std::shared_ptr<Chunk>> queue;     // waiting for a worker
    std::deque<std::shared_ptr<Chunk>> inFlight;  // dispatched, in file order
    bool closing = false;

    std::vector<std::unique_ptr<DossierAnalyzer>> analyzers;
    std::vector<Partial> partials(workerCount);
    for (unsigned i = 0; i < workerCount; ++i) {
        analyzers.push_back(std::make_unique<DossierAnalyzer>(catalog_, calendar_, options_));
        analyzers.back()->options_.onFlagged = nullptr;
    }
    const bool wantFlagged = static_cast<bool>(options_.onFlagged);
    const size_t keepInvalid = options_.keepInvalid;

    // Parses and classifies one block with analyser w's tables; marks it done.
    auto runChunk = [&](unsigned w, Chunk& c) {
        DossierAnalyzer& a = *analyzers[w];
        Partial& part = partials[w];
        std::string reason;
        std::optional<DossierRecord> row;
        const auto previous = [&]() -> const Chunk* {
            const Chunk* p = c.prev.get();
            if (p != nullptr) {
                std::unique_lock<std::mutex> lock(m);
                chunkDone.wait(lock, [&] { return p->done; });
            }
            return p;
        };
        try {
            job.parse(
                w, c,
                [&](const RawRecord& rec) {
                    const Fate fate =
                        a.process(rec, columns, job.serials, job.date1904, part, reason, row);
                    if (fate == Fate::Invalid) {
                        if (c.invalid.size() < keepInvalid)
                            c.invalid.push_back({rec.line, reason});
                    } else if (wantFlagged && fate == Fate::Counted && row->flagged()) {
                        c.flagged.push_back(FlaggedDossier::from(*row));
                    }
                },
                previous);
        } catch (...) {
            c.error = std::current_exception();
        }
        {
            std::lock_guard<std::mutex> lock(m);
            c.prev.reset();  // (a chain of blocks kept alive by their successors ends here)
            c.done = true;
        }
        chunkDone.notify_all();
    };
    // Threads 1..n-1 take blocks as they come; the calling thread (analyser 0) cuts, and takes
    // a block itself whenever it would otherwise wait: n threads in all, not n + 1. Blocks are
    // taken in file order, so one waiting for the block before it (XLSX) never waits for a
    // block nobody has taken.
    auto work = [&](unsigned w) {
        for (;;) {
            std::shared_ptr<Chunk> c;
            {
                std::unique_lock<std::mutex> lock(m);
                workReady.wait(lock, [&] { return closing || !queue.empty(); });
                if (queue.empty())
                    return;
                c = queue.front();
                queue.pop_front();
            }
            runChunk(w, *c);
        }
    };
    std::vector<std::thread> threads;
    auto stop = [&] {
        {
            std::lock_guard<std::mutex> lock(m);
            closing = true;
            queue.clear();
        }
        workReady.notify_all();
        for (auto& t : threads)
            if (t.joinable())
                t.join();
    };
    struct Joiner {
        std::function<void()> f;
        ~Joiner() { f(); }
    } joiner{stop};
    for (unsigned i = 1; i < workerCount; ++i)
        threads.emplace_back(work, i);

    std::vector<InvalidRow> invalid;
    // Block buffers come back here when their block is delivered: fresh 2 MB allocations cost a
    // page fault per 4 KB (23,000 on a 200 MB log); reused ones do not. Main thread only.
    std::vector<Bytes> pool;
    // Hands the finished blocks at the front over in file order; waits for the front one when
    // `all` (or when the window is full).
    auto deliver = [&](bool all) {
        for (;;) {
            std::shared_ptr<Chunk> c;
            std::shared_ptr<Chunk> mine;
            {
                std::unique_lock<std::mutex> lock(m);
                if (inFlight.empty())
                    return;
                const bool mustWait = all || inFlight.size() >= maxInFlight;
                if (mustWait && !inFlight.front()->done && !queue.empty()) {
                    mine = queue.front();  // work instead of waiting
                    queue.pop_front();
                } else {
                    if (mustWait)
                        chunkDone.wait(lock, [&] { return inFlight.front()->done; });
                    if (!inFlight.front()->done)
                        return;
                    c = inFlight.front();
                    inFlight.pop_front();
                }
            }
            if (mine) {
                runChunk(0, *mine);
                continue;
            }
            c->data.size = 0;
            pool.push_back(std::move(c->data));
            if (job.delivered)
                job.delivered(*c);
            if (c->error)
                std::rethrow_exception(c->error);
            for (auto& r : c->invalid)
                if (invalid.size() < keepInvalid)
                    invalid.push_back(std::move(r));
            if (wantFlagged)
                for (const auto& f : c->flagged)
                    options_.onFlagged(asRecord(f));
        }
    };
    auto dispatch = [&](std::shared_ptr<Chunk> c) {
        {
            std::lock_guard<std::mutex> lock(m);
            inFlight.push_back(c);
            if (c->done)
                return;  // an error found while cutting: delivered in its turn
            queue.push_back(std::move(c));
        }
        workReady.notify_one();
    };

    if (progress != nullptr)
        progress->update(0, label);
    unsigned long seq = 0;
    std::shared_ptr<Chunk> last;
    for (;;) {
        auto c = std::make_shared<Chunk>();
        if (!pool.empty()) {
            c->data = std::move(pool.back());
            pool.pop_back();
        }
        c->prev = last;
        bool more = false;
        try {
            more = job.produce(*c);
        } catch (...) {
            c->error = std::current_exception();
            c->done = true;
            c->prev.reset();
            dispatch(c);
            break;
        }
        if (!more)
            break;
        last = c;
        if (job.parseEveryNth && seq++ % workerCount == 0) {
            {
                std::lock_guard<std::mutex> lock(m);
                inFlight.push_back(c);
            }
            runChunk(0, *c);
        } else {
            dispatch(c);
        }
        deliver(false);
        if (progress != nullptr) {
            if (progress->cancelled())
                throw Cancelled{};
            progress->update(job.fraction(), label);
        }
    }
    last.reset();
    deliver(true);
    stop();
    if (job.finished)
        job.finished();
    if (progress != nullptr && progress->cancelled())
        throw Cancelled{};
    if (progress != nullptr)
        progress->update(1, label);
    std::vector<std::pair<DossierAnalyzer*, Partial*>> parts;
    for (unsigned i = 0; i < workerCount; ++i)
        parts.push_back({analyzers[i].get(), &partials[i]});
    DossierStats stats = merge(parts, job.file);
    stats.invalidRows = std::move(invalid);
    return stats;
}

DossierStats DossierAnalyzer::analyzeParallel(CsvReader& csv, const ColumnMap& columns,
                                              unsigned workerCount, Progress* progress) {
    const std::string file = csv.name();
    const char delimiter = csv.delimiter();
    CsvReader::Rest rest = csv.takeRest();
    const size_t kBlockBytes = std::max<size_t>(1, options_.blockBytes);

    const CsvSplitter splitter(delimiter, &file);
    Bytes buf;
    buf.reserve(std::max(kBlockBytes, rest.buffered.size()));
    std::memcpy(buf.data(), rest.buffered.data(), rest.buffered.size());
    buf.size = rest.buffered.size();
    long line = rest.line;
    long long offset = rest.offset;
    bool eof = rest.eof;
    // Reads until the buffer holds `want` bytes or the file ends.
    auto fill = [&](size_t want) {
        buf.reserve(want);
        while (!eof && buf.size < want) {
            ssize_t n;
            do
                n = ::read(rest.fd, buf.data() + buf.size, want - buf.size);
            while (n < 0 && errno == EINTR);
            if (n < 0)
                throw IoError(fmt(tr("lỗi đọc tệp {}: {}", "error reading {}: {}"), file,
                                  std::strerror(errno)));
            if (n == 0)
                eof = true;
            buf.size += static_cast<size_t>(n);
        }
    };
    BlockJob job;
    job.file = file;
    job.parseEveryNth = true;
    job.produce = [&](Chunk& c) {
        for (;;) {
            fill(std::max(kBlockBytes, buf.size));
            if (buf.size == 0 && eof)
                return false;
            c.line = line;
            long lines = 0;
            const char* b = buf.data();
            const char* cut = splitter.lastBoundary(b, b + buf.size, eof, line, lines);
            if (cut == b) {  // no record ends in the buffer: read more, within the record limit
                if (buf.size >= CsvReader::kMaxRecordBytes)
                    recordTooLong(file, line);
                if (eof)
                    return false;  // cannot happen: at eof the end of the buffer is a boundary
                fill(buf.size * 2);
                continue;
            }
            const size_t used = static_cast<size_t>(cut - b);
            Bytes next = std::move(c.data);  // a buffer from the pool, or none
            next.size = 0;
            next.reserve(std::max(kBlockBytes, buf.size - used));
            std::memcpy(next.data(), b + used, buf.size - used);
            next.size = buf.size - used;
            buf.size = used;
            c.data = std::move(buf);
            buf = std::move(next);
            line += lines;
            offset += static_cast<long long>(used);
            return true;
        }
    };
    std::vector<CsvRecordParser> parsers(workerCount, CsvRecordParser(delimiter, &file));
    job.parse = [&](unsigned w, Chunk& c, const std::function<void(const RawRecord&)>& each,
                    const std::function<const Chunk*()>&) {
        CsvRecordParser& parser = parsers[w];
        RawRecord rec;
        const char* p = c.data.data();
        const char* const e = p + c.data.size;
        long at = c.line, lines = 0;
        while (parser.parse(p, e, true, at, rec, lines) == CsvRecordParser::Result::Record) {
            at += lines;
            if (!rec.blank())
                each(rec);
        }
    };
    job.fraction = [&] {
        return rest.size > 0 ? std::min(1.0, static_cast<double>(offset) /
                                                 static_cast<double>(rest.size))
                             : 0.0;
    };
    return runBlocks(job, columns, workerCount, progress);
}

DossierStats DossierAnalyzer::analyzeXlsx(XlsxReader& xlsx, const ColumnMap& columns,
                                          unsigned workerCount, Progress* progress) {
    // Blocks of about 1 MB of sheet XML (some 3,000 rows): the inflating thread stays ahead of
    // the parsing ones with a few MB in flight.
    const size_t kBlockBytes = std::max<size_t>(1, options_.blockBytes / 2);
    BlockJob job;
    job.file = xlsx.name();
    job.serials = true;
    job.date1904 = xlsx.date1904();
    // One thread: each block read as soon as it is inflated, while it is in the core's cache
    // (the 1M-row inline-string workbook: 5.2 s row by row through next(), 0.97 s so).
    job.parseEveryNth = workerCount == 1;
    job.produce = [&](Chunk& c) {
        const bool more = xlsx.nextBlock(c.data, kBlockBytes);
        c.lastBlock = xlsx.blocksEnded();
        return more;
    };
    job.parse = [&](unsigned, Chunk& c, const std::function<void(const RawRecord&)>& each,
                    const std::function<const Chunk*()>& previous) {
        const auto previousRow = [&]() -> long {
            const Chunk* p = previous();
            return p != nullptr ? p->xlsx.lastRow : xlsx.rowBeforeBlocks();
        };
        // (rowBeforeBlocks is only read for the first block, before any block is delivered.)
        XlsxReader::BlockRows rows(xlsx, c.data.data(), c.data.data() + c.data.size,
                                   c.lastBlock);
        RawRecord rec;
        try {
            while (rows.next(rec, previousRow))
                each(rec);
        } catch (...) {
            c.xlsx = rows.summary([] { return 0L; });  // (never delivered past the error)
            throw;
        }
        c.xlsx = rows.summary(previousRow);
    };
    job.delivered = [&](Chunk& c) { xlsx.deliverBlock(c.xlsx); };
    job.finished = [&] { xlsx.finishBlocks(); };
    job.fraction = [&] { return xlsx.fraction(); };
    return runBlocks(job, columns, workerCount, progress);
}

// ---------------------------------------------------------------------------------------------
// analyzeRanges: the file cut into one byte range per thread, each thread reading its own range
// with pread (no reader thread, no block copied between threads). A cut is moved to just after
// the first LF at or after it: a guess that it is a record end (it is not when the LF is inside a
// quoted field). The guess is checked exactly afterwards: thread t-1, parsing from a true record
// start, must end its last record (the last one starting before the cut) exactly at the cut;
// then the cut is a true record end, because a parse from a record start only ever passes
// through record ends. Lines are counted from 0 in ranges 1.. and made absolute once the ranges
// before are known. A range whose start is not confirmed, or that met an error (its message
// would carry a relative line), is thrown away with every range after it, and the rest of the
// file is parsed on this thread from the last confirmed record end with the previous range's
// tables: the figures, bad rows and first error are then exactly the sequential ones.

namespace {
constexpr size_t kRangeReadBytes = 256u << 10;  // read and parse while in the core's cache
constexpr long kRowsPerCheck = 8192;

long long readSome(int fd, char* buf, size_t n, long long offset, const std::string& file) {
    for (;;) {
        const long long r = platform::readAt(fd, buf, n, static_cast<std::uint64_t>(offset));
        if (r >= 0)
            return r;
        if (errno != EINTR)
            throw IoError(fmt(tr("lỗi đọc tệp {}: {}", "error reading {}: {}"), file,
                              std::strerror(errno)));
    }
}

// The offset just after the first LF at or after `from`; `none` when the file ends first or
// there is none in the next 1 MB (a file of lone CRs would otherwise be read once more here to
// its end: its range is then empty and the range before takes the rest).
long long afterLineEnd(int fd, long long from, long long none, const std::string& file) {
    char buf[16384];
    for (long long at = from; at - from < (1LL << 20);) {
        const long long n = readSome(fd, buf, sizeof buf, at, file);
        if (n <= 0)
            return none;
        if (const void* lf = std::memchr(buf, '\n', static_cast<size_t>(n)))
            return at + (static_cast<const char*>(lf) - buf) + 1;
        at += n;
    }
    return none;
}
}  // namespace

struct DossierAnalyzer::Range {
    long long begin = 0;  // a record start (guessed for ranges 1..)
    long long limit = 0;  // records starting at or after it are the next range's
    long baseLine = 0;    // the line of `begin`: absolute in range 0, 0 in the others
    long long end = 0;    // where the last record parsed ends
    long lines = 0;       // line breaks from begin to end
    std::exception_ptr error;
    std::vector<InvalidRow> invalid;  // the first keepInvalid
    std::atomic<long long> at{0};     // progress
};

void DossierAnalyzer::scanRange(Range& r, int fd, const ColumnMap& columns, char delimiter,
                                const std::string& file, Partial& part,
                                const std::atomic<bool>& stop, const std::function<void()>& tick) {
    CsvRecordParser parser(delimiter, &file);
    RawRecord rec;
    std::string reason;
    std::optional<DossierRecord> row;
    const size_t keepInvalid = options_.keepInvalid;
    Bytes buf;
    long long offset = r.begin;  // of buf[0]
    size_t b = 0;
    bool eof = false;
    long line = r.baseLine;
    long count = 0;
    auto refill = [&] {
        if (b > 0) {
            std::memmove(buf.data(), buf.data() + b, buf.size - b);
            offset += static_cast<long long>(b);
            buf.size -= b;
            b = 0;
        }
        if (buf.size == buf.cap) {  // one record fills the whole buffer
            if (buf.cap >= CsvReader::kMaxRecordBytes)
                recordTooLong(file, line);
            buf.reserve(buf.cap * 2);
        }
        const long long n = readSome(fd, buf.data() + buf.size, buf.cap - buf.size,
                                     offset + static_cast<long long>(buf.size), file);
        if (n == 0)
            eof = true;
        buf.size += static_cast<size_t>(n);
    };
    try {
        buf.reserve(kRangeReadBytes);
        while (offset + static_cast<long long>(b) < r.limit) {
            const char* p = buf.data() + b;
            long lines = 0;
            const auto res = parser.parse(p, buf.data() + buf.size, eof, line, rec, lines);
            if (res == CsvRecordParser::Result::End)
                break;
            if (res == CsvRecordParser::Result::NeedMore) {
                refill();
                continue;
            }
            b = static_cast<size_t>(p - buf.data());
            line += lines;
            if (rec.blank())
                continue;
            if (++count % kRowsPerCheck == 0) {
                r.at.store(offset + static_cast<long long>(b), std::memory_order_relaxed);
                if (tick)
                    tick();
                if (stop.load(std::memory_order_relaxed))
                    break;
            }
            if (process(rec, columns, false, false, part, reason, row) == Fate::Invalid &&
                r.invalid.size() < keepInvalid)
                r.invalid.push_back({rec.line, reason});
        }
    } catch (...) {
        r.error = std::current_exception();
    }
    r.end = offset + static_cast<long long>(b);
    r.lines = line - r.baseLine;
    r.at.store(r.end, std::memory_order_relaxed);
}

DossierStats DossierAnalyzer::analyzeRanges(CsvReader& csv, const ColumnMap& columns,
                                            unsigned workerCount, Progress* progress) {
    const std::string label = tr("Đang phân tích nhật ký hồ sơ", "Analysing the dossier log");
    const std::string file = csv.name();
    const char delimiter = csv.delimiter();
    const CsvReader::Rest rest = csv.takeRest();
    const int fd = rest.fd;
    const long long start = rest.offset, size = std::max(rest.size, rest.offset);
    constexpr long long kNoLimit = std::numeric_limits<long long>::max();

    // The cuts: equal parts (or the tests' own), each moved past its next LF.
    std::vector<long long> cuts;
    for (unsigned t = 1; t < workerCount; ++t) {
        long long at = t - 1 < options_.splitAt.size()
                           ? options_.splitAt[t - 1]
                           : start + (size - start) * static_cast<long long>(t) / workerCount;
        at = std::max(at, start + 1);
        long long cut = afterLineEnd(fd, at - 1, size, file);
        if (!cuts.empty())
            cut = std::max(cut, cuts.back());
        cuts.push_back(cut);
    }
    std::vector<Range> ranges(workerCount);
    for (unsigned t = 0; t < workerCount; ++t) {
        ranges[t].begin = t == 0 ? start : cuts[t - 1];
        ranges[t].limit = t + 1 < workerCount ? cuts[t] : kNoLimit;
        ranges[t].baseLine = t == 0 ? rest.line : 0;
    }
    std::vector<std::unique_ptr<DossierAnalyzer>> analyzers;
    std::vector<Partial> partials(workerCount);
    analyzers.push_back(nullptr);  // range 0: this analyser
    for (unsigned t = 1; t < workerCount; ++t)
        analyzers.push_back(std::make_unique<DossierAnalyzer>(catalog_, calendar_, options_));
    auto analyzer = [&](unsigned t) -> DossierAnalyzer& { return t == 0 ? *this : *analyzers[t]; };

    std::atomic<bool> stop{false};
    if (progress != nullptr)
        progress->update(0, label);
    std::function<void()> tick;
    if (progress != nullptr)
        tick = [&] {
            if (progress->cancelled()) {
                stop = true;
                return;
            }
            long long done = 0;
            for (const auto& r : ranges)
                done += r.at.load(std::memory_order_relaxed) - r.begin;
            progress->update(size > start ? std::min(1.0, static_cast<double>(done) /
                                                              static_cast<double>(size - start))
                                          : 0,
                             label);
        };
    {
        std::vector<std::thread> threads;
        struct Joiner {
            std::vector<std::thread>& ts;
            std::atomic<bool>& stop;
            ~Joiner() {
                stop = true;  // only reached early on an exception
                for (auto& t : ts)
                    if (t.joinable())
                        t.join();
            }
        } joiner{threads, stop};
        for (unsigned t = 1; t < workerCount; ++t)
            threads.emplace_back([&, t] {
                analyzers[t]->scanRange(ranges[t], fd, columns, delimiter, file, partials[t], stop,
                                        nullptr);
            });
        scanRange(ranges[0], fd, columns, delimiter, file, partials[0], stop, tick);
        if (ranges[0].error)
            stop = true;  // the others' work is not needed
        for (auto& t : threads)
            t.join();
    }
    if (progress != nullptr && progress->cancelled())
        throw Cancelled{};
    if (ranges[0].error)
        std::rethrow_exception(ranges[0].error);

    // Confirm each cut in file order; make the lines of the confirmed ranges absolute.
    std::vector<InvalidRow> invalid = std::move(ranges[0].invalid);
    long line = rest.line + ranges[0].lines;
    long long end = ranges[0].end;
    unsigned used = 1;
    for (; used < workerCount; ++used) {
        Range& r = ranges[used];
        if (r.begin != end || r.error)
            break;
        for (auto& i : r.invalid) {
            i.line += line;
            if (invalid.size() < options_.keepInvalid)
                invalid.push_back(std::move(i));
        }
        for (auto& f : partials[used].worst)
            f.line += line;
        line += r.lines;
        end = r.end;
    }
    if (used < workerCount) {  // a wrong guess or an error: the rest on this thread, exactly
        Range tail;
        tail.begin = end;
        tail.limit = kNoLimit;
        tail.baseLine = line;
        stop = false;
        std::function<void()> tailTick;
        if (progress != nullptr)
            tailTick = [&] {
                if (progress->cancelled())
                    stop = true;
                else
                    progress->update(std::min(1.0, static_cast<double>(tail.at.load()) /
                                                       static_cast<double>(std::max(size, 1LL))),
                                     label);
            };
        analyzer(used - 1).scanRange(tail, fd, columns, delimiter, file, partials[used - 1], stop,
                                     tailTick);
        if (progress != nullptr && progress->cancelled())
            throw Cancelled{};
        if (tail.error)
            std::rethrow_exception(tail.error);
        for (auto& i : tail.invalid)
            if (invalid.size() < options_.keepInvalid)
                invalid.push_back(std::move(i));
    }
    if (progress != nullptr)
        progress->update(1, label);
    std::vector<std::pair<DossierAnalyzer*, Partial*>> parts;
    for (unsigned t = 0; t < used; ++t)
        parts.push_back({&analyzer(t), &partials[t]});
    DossierStats stats = merge(parts, file);
    stats.invalidRows = std::move(invalid);
    return stats;
}

}  // namespace par::dossier
