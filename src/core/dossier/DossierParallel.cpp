// SPDX-License-Identifier: Apache-2.0
// DossierParallel.cpp - DossierAnalyzer::analyzeParallel: a CSV log on several threads. The
// calling thread reads 2 MB blocks and cuts them at exact record boundaries (CsvSplitter); one
// analyser per thread parses and classifies whole blocks; bad rows, flagged dossiers and the first
// error are handed over in file order; the per-thread figures are merged (docs/dossiers.md,
// "Reading on every core").
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/dossier/CsvScan.hpp"
#include "core/dossier/DossierAnalyzer.hpp"
#include "core/dossier/DossierAnalyzerParts.hpp"

namespace par::dossier {

namespace {
// A byte buffer that grows without zero-filling (std::string::resize writes every new byte).
struct Bytes {
    std::unique_ptr<char[]> p;
    size_t size = 0, cap = 0;
    void reserve(size_t n) {
        if (n <= cap)
            return;
        std::unique_ptr<char[]> q(new char[n]);
        if (size > 0)
            std::memcpy(q.get(), p.get(), size);
        p = std::move(q);
        cap = n;
    }
    char* data() { return p.get(); }
};
}  // namespace

// One block of whole records, and what its worker found in it (delivered in file order).
struct DossierAnalyzer::Chunk {
    Bytes data;
    long line = 0;  // of data[0]
    bool done = false;
    std::exception_ptr error;
    std::vector<InvalidRow> invalid;      // the first keepInvalid of the block
    std::vector<FlaggedDossier> flagged;  // for onFlagged, in file order
};

namespace {

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

DossierStats DossierAnalyzer::analyzeParallel(CsvReader& csv, const ColumnMap& columns,
                                              unsigned workerCount, Progress* progress) {
    const std::string label = tr("Đang phân tích nhật ký hồ sơ", "Analysing the dossier log");
    const std::string file = csv.name();
    const char delimiter = csv.delimiter();
    CsvReader::Rest rest = csv.takeRest();
    const size_t maxInFlight = 2 * workerCount + 2;
    const size_t kBlockBytes = std::max<size_t>(1, options_.blockBytes);

    std::mutex m;
    std::condition_variable workReady, chunkDone, spaceFree;
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
    std::vector<CsvRecordParser> parsers(workerCount, CsvRecordParser(delimiter, &file));
    auto runChunk = [&](unsigned w, Chunk& c) {
        DossierAnalyzer& a = *analyzers[w];
        Partial& part = partials[w];
        CsvRecordParser& parser = parsers[w];
        RawRecord rec;
        std::string reason;
        std::optional<DossierRecord> row;
        try {
            const char* p = c.data.data();
            const char* const e = p + c.data.size;
            long line = c.line, lines = 0;
            while (parser.parse(p, e, true, line, rec, lines) == CsvRecordParser::Result::Record) {
                line += lines;
                bool blank = true;
                for (const auto& f : rec.fields)
                    if (!f.empty()) {
                        blank = false;
                        break;
                    }
                if (blank)
                    continue;
                const Fate fate = a.process(rec, columns, false, false, part, reason, row);
                if (fate == Fate::Invalid) {
                    if (c.invalid.size() < keepInvalid)
                        c.invalid.push_back({rec.line, reason});
                } else if (wantFlagged && fate == Fate::Counted && row->flagged()) {
                    c.flagged.push_back(FlaggedDossier::from(*row));
                }
            }
        } catch (...) {
            c.error = std::current_exception();
        }
        {
            std::lock_guard<std::mutex> lock(m);
            c.done = true;
        }
        chunkDone.notify_all();
    };
    // Threads 1..n-1 take blocks as they come; the calling thread (analyser 0) reads and cuts,
    // and takes a block itself whenever it would otherwise wait: n threads in all, not n + 1.
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
    // `wait` (or when the window is full).
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
    const CsvSplitter splitter(delimiter, &file);
    Bytes buf;
    buf.reserve(std::max(kBlockBytes, rest.buffered.size()));
    std::memcpy(buf.data(), rest.buffered.data(), rest.buffered.size());
    buf.size = rest.buffered.size();
    long line = rest.line;
    long long offset = rest.offset;
    bool eof = rest.eof;
    unsigned long seq = 0;
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
    for (;;) {
        fill(std::max(kBlockBytes, buf.size));
        if (buf.size == 0 && eof)
            break;
        auto c = std::make_shared<Chunk>();
        c->line = line;
        long lines = 0;
        const char* b = buf.data();
        const char* cut = nullptr;
        try {
            cut = splitter.lastBoundary(b, b + buf.size, eof, line, lines);
        } catch (...) {
            c->error = std::current_exception();
            c->done = true;
            dispatch(c);
            break;
        }
        if (cut == b) {  // no record ends in the buffer: read more, within the record limit
            if (buf.size >= CsvReader::kMaxRecordBytes) {
                c->error = std::make_exception_ptr(ParseError(
                    {file, static_cast<int>(line), 0},
                    tr("bản ghi bắt đầu ở dòng này dài quá 16 MB (thiếu dấu ngoặc kép đóng?)",
                       "the record starting on this line is longer than 16 MB (a closing quote "
                       "missing?)")));
                c->done = true;
                dispatch(c);
                break;
            }
            if (eof)
                break;  // cannot happen: at eof the end of the buffer is a boundary
            fill(buf.size * 2);
            continue;
        }
        const size_t used = static_cast<size_t>(cut - b);
        Bytes next;
        if (!pool.empty()) {
            next = std::move(pool.back());
            pool.pop_back();
        }
        next.reserve(std::max(kBlockBytes, buf.size - used));
        std::memcpy(next.data(), b + used, buf.size - used);
        next.size = buf.size - used;
        buf.size = used;
        c->data = std::move(buf);
        buf = std::move(next);
        line += lines;
        offset += static_cast<long long>(used);
        // Every n-th block is parsed here, while it is still in this core's cache from the read
        // and the cut; the others go to the workers.
        if (seq++ % workerCount == 0) {
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
            progress->update(rest.size > 0 ? std::min(1.0, static_cast<double>(offset) /
                                                               static_cast<double>(rest.size))
                                           : 0,
                             label);
        }
    }
    deliver(true);
    stop();
    if (progress != nullptr && progress->cancelled())
        throw Cancelled{};
    if (progress != nullptr)
        progress->update(1, label);
    std::vector<std::pair<DossierAnalyzer*, Partial*>> parts;
    for (unsigned i = 0; i < workerCount; ++i)
        parts.push_back({analyzers[i].get(), &partials[i]});
    DossierStats stats = merge(parts, file);
    stats.invalidRows = std::move(invalid);
    return stats;
}

}  // namespace par::dossier
