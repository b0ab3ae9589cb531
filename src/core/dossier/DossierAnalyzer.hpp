// SPDX-License-Identifier: Apache-2.0
// DossierAnalyzer.hpp - the streaming pipeline: records from a RowSource → classification of each
// valid row against the procedure catalog and the working calendar → sums per unit, procedure,
// receipt month and year. Bad rows (a missing field, a malformed or impossible date, a result or
// appointment before the receipt) are counted, the first few kept with their line and reason; they
// never stop the run. A procedure code not in the catalog does not make a row bad: the row counts
// in every figure but the wrong appointments, and its code is listed. Progress goes through
// par::Progress, which may cancel (par::Cancelled is thrown).
//
// A CSV log is analysed on every core (AnalysisOptions::threads): the file is cut into one byte
// range per thread, each thread reads and parses its own (cuts guessed after a line feed and
// confirmed exactly afterwards, analyzeRanges); with onFlagged the calling thread reads blocks
// and cuts them at exact record boundaries (CsvSplitter) for workers, so flagged dossiers come
// out in file order in constant memory. Each thread has its own tables, the partial figures are
// summed at the end; invalid rows, flagged dossiers and the first error come out in file order,
// so the output is the same for any number of threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Progress.hpp"
#include "core/dossier/ColumnMap.hpp"
#include "core/dossier/DossierDates.hpp"
#include "core/dossier/DossierStats.hpp"
#include "core/dossier/RowSource.hpp"
#include "core/dossier/ViewIndex.hpp"
#include "core/model/ProcedureCatalog.hpp"

namespace par::dossier {

struct AnalysisOptions {
    Date asOf;                // the day the figures are taken (unfinished dossiers compare to it)
    size_t keepInvalid = 20;  // bad rows listed with their line (all are counted)
    size_t worstLate = 0;     // late/overdue dossiers kept, most late working days first
    // Called for every late, overdue or wrongly scheduled dossier, in file order.
    std::function<void(const DossierRecord&)> onFlagged;
    // Only these units (matched with par::unitKey); empty: every unit. Rows of other units are
    // counted in DossierStats::rowsOtherUnit and otherUnits, not in the figures.
    std::vector<std::string> units;
    // Only dossiers received in [receivedFrom, receivedTo] (either may be open).
    std::optional<Date> receivedFrom, receivedTo;
    // Threads for a CSV log: 0 = rangeThreads() (idleCores() with onFlagged); 1 = the calling
    // thread only.
    unsigned threads = 0;
    // Bytes per block handed to a worker (tests use tiny blocks to cut records everywhere).
    size_t blockBytes = 2u << 20;
    // An XLSX sheet is read in blocks by the one-pass row reader on any number of threads, one
    // included (the calling thread then inflates a block and reads it while it is still in the
    // core's cache). False: row by row through XlsxReader::next, the general reader the tests
    // compare the blocks with.
    bool xlsxBlocks = true;
    // Tests: where the file is cut into the threads' byte ranges (file offsets, increasing), in
    // place of equal parts; each cut is moved to the next line end.
    std::vector<long long> splitAt;
};

class DossierAnalyzer {
public:
    // The catalog and calendar must outlive the analyser.
    DossierAnalyzer(const ProcedureCatalog& catalog, const cal::WorkingCalendar& calendar,
                    AnalysisOptions options);

    // Reads the whole source. Throws ParseError for a header without the needed columns or a
    // broken file, Cancelled when progress asks to stop.
    DossierStats analyze(RowSource& source, const HeaderMapping& mapping = {},
                         Progress* progress = nullptr);

    // Classifies one record; nullopt with `reason` set for a bad row. Exposed for tests.
    std::optional<DossierRecord> classify(const RawRecord& record, const ColumnMap& columns,
                                          std::string& reason, bool serials = false,
                                          bool date1904 = false);

    // The statutory due date: the receipt day, or the next working day when that is not a working
    // day or the receipt is later than the procedure's cut-off; plus the procedure's working days.
    Date statutoryDue(const Procedure& p, Date received, int receivedSeconds) const;

private:
    struct ProcedureSlot {
        const Procedure* procedure;  // nullptr: not in the catalog
        int group;                   // -1: an unknown code past kMaxUnknownCodes
    };
    struct Partial;
    struct Chunk;
    struct BlockJob;
    struct Range;
    class Pipeline;
    // ColumnNumbers: a row of column numbers, "(1) (2) (3) …", as printed state tables have under
    // their header: not a dossier, in no figure (DossierStats::rowsColumnNumbers).
    // RepeatedHeader: the header again further down (logs pasted together): likewise
    // (DossierStats::rowsRepeatedHeader).
    enum class Fate { Invalid, Counted, OtherUnit, OutsidePeriod, ColumnNumbers, RepeatedHeader };

    bool classifyInto(const RawRecord& record, const ColumnMap& columns, std::string& reason,
                      bool serials, bool date1904, DossierRecord& out);
    int unitGroup(std::string_view raw, std::string& reason);
    const ProcedureSlot* procedure(std::string_view code);
    // Classifies one record and adds it to `part`; `row` holds it (meaningful when Counted).
    Fate process(const RawRecord& rec, const ColumnMap& columns, bool serials, bool date1904,
                 Partial& part, std::string& reason, std::optional<DossierRecord>& row);
    void resetCounts();
    DossierStats analyzeFrom(RowSource& source, const ColumnMap& columns, Progress* progress);
    DossierStats analyzeSequential(RowSource& source, const ColumnMap& columns,
                                   Progress* progress);
    DossierStats runBlocks(BlockJob& job, const ColumnMap& columns, unsigned workers,
                           Progress* progress);
    DossierStats analyzeParallel(class CsvReader& csv, const ColumnMap& columns, unsigned workers,
                                 Progress* progress);
    DossierStats analyzeXlsx(class XlsxReader& xlsx, const ColumnMap& columns, unsigned workers,
                             Progress* progress);
    DossierStats analyzeRanges(class CsvReader& csv, const ColumnMap& columns, unsigned workers,
                               Progress* progress);
    // Parses and classifies the records starting in [r.begin, r.limit) into `part`.
    void scanRange(Range& r, int fd, const ColumnMap& columns, char delimiter,
                   const std::string& file, Partial& part, const std::atomic<bool>& stop,
                   const std::function<void()>& tick);
    DossierStats merge(const std::vector<std::pair<DossierAnalyzer*, Partial*>>& parts,
                       const std::string& source) const;

    // (XLSX) what a text in a record's stable range (RawRecord::stable) was found to be, keyed by
    // its address and size as the record gives it (before trimming): the shared strings that
    // many rows refer to (units, procedure codes, appointment dates) are looked up or parsed once
    // per slot, not once per row, and a row found here does not read the text at all (it lies
    // among megabytes of strings, mostly out of the processor's cache). Direct-mapped: a slot
    // keeps the last text that fell in it. Never used for a CSV's reused buffers.
    template <typename V>
    class AddressCache {
    public:
        const V* find(std::string_view t) const {
            if (slots_.empty())
                return nullptr;
            const Slot& s = slots_[slotOf(t.data())];
            return s.data == t.data() && s.size == t.size() ? &s.value : nullptr;
        }
        void put(std::string_view t, const V& value) {
            if (slots_.empty())
                slots_.resize(size_t{1} << kBits);
            Slot& s = slots_[slotOf(t.data())];
            s.data = t.data();
            s.size = t.size();
            s.value = value;
        }

    private:
        static constexpr int kBits = 12;
        struct Slot {
            const char* data = nullptr;
            size_t size = 0;
            V value{};
        };
        static size_t slotOf(const char* p) {
            return static_cast<size_t>(
                (reinterpret_cast<std::uintptr_t>(p) * std::uint64_t{0x9E3779B97F4A7C15}) >>
                (64 - kBits));
        }
        std::vector<Slot> slots_;
    };

    const ProcedureCatalog& catalog_;
    const cal::WorkingCalendar& calendar_;
    AnalysisOptions options_;
    std::vector<std::string> unitFilter_;  // unitKey of each AnalysisOptions::units

    // Per-key state, bounded by the number of distinct keys. Raw texts are owned by the deques
    // (stable addresses) and looked up by view, so a row costs no allocation.
    std::deque<std::string> rawTexts_;
    ViewIndex rawUnits_;                                              // raw text → group
    std::unordered_map<std::string, int> unitKeys_;                   // canonical name → group
    ViewIndex procedures_;                      // code seen → index in procedureSlots_
    std::deque<ProcedureSlot> procedureSlots_;  // (a deque: addresses stay valid)
    std::vector<GroupCounts> units_, procedureGroups_;
    std::vector<char> unitSelected_, procedureKnown_;  // per group
    size_t unknownCodes_ = 0;
    bool unknownTruncated_ = false;
    struct KnownUnit {
        int group = -1;         // (>= 0 only)
        std::string_view text;  // trimmed
    };
    struct KnownProcedure {
        const ProcedureSlot* slot = nullptr;
        std::string_view code;  // trimmed
    };
    AddressCache<KnownUnit> unitByAddress_;
    AddressCache<KnownProcedure> procedureByAddress_;
    AddressCache<Stamp> dueByAddress_;  // appointment dates parsed Ok
};

// The cores the 1-minute load average leaves idle, at least 1 (all of them when it is unknown):
// the default for the block pipeline (CSV with onFlagged), whose second thread costs CPU.
unsigned idleCores();
// The default for an XLSX log: every core, at most 8.
unsigned blockThreads();
// The default for a CSV log read in byte ranges: every core, at most 8, one per 8 MB of file.
unsigned rangeThreads(long long fileBytes);

// The canonical form of a unit name: NFC, white space trimmed and collapsed to single spaces.
std::string canonicalUnit(std::string_view raw);

}  // namespace par::dossier
