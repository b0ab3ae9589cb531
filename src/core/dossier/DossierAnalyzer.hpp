// DossierAnalyzer.hpp - the streaming pipeline: records from a RowSource → classification of each
// valid row against the procedure catalog and the working calendar → sums per unit, procedure,
// receipt month and year. Bad rows (a missing field, a malformed or impossible date, an unknown
// procedure code, a result or appointment before the receipt) are counted, the first few kept with
// their line and reason; they never stop the run. Progress goes through par::Progress, which may
// cancel (par::Cancelled is thrown).
#pragma once

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
#include "core/dossier/DossierStats.hpp"
#include "core/dossier/RowSource.hpp"
#include "core/model/ProcedureCatalog.hpp"

namespace par::dossier {

struct AnalysisOptions {
    Date asOf;                // the day the figures are taken (unfinished dossiers compare to it)
    size_t keepInvalid = 20;  // bad rows listed with their line (all are counted)
    size_t worstLate = 0;     // late/overdue dossiers kept, most late working days first
    // Called for every late, overdue or wrongly scheduled dossier, in file order.
    std::function<void(const DossierRecord&)> onFlagged;
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
        const Procedure* procedure;
        int group;
    };
    int unitGroup(std::string_view raw, std::string& reason);
    const ProcedureSlot* procedure(std::string_view code);

    const ProcedureCatalog& catalog_;
    const cal::WorkingCalendar& calendar_;
    AnalysisOptions options_;

    // Per-key state, bounded by the number of distinct keys. Raw texts are owned by the deques
    // (stable addresses) and looked up by view, so a row costs no allocation.
    std::deque<std::string> rawTexts_;
    std::unordered_map<std::string_view, int> rawUnits_;              // raw text → group
    std::unordered_map<std::string, int> unitKeys_;                   // canonical name → group
    std::unordered_map<std::string_view, ProcedureSlot> procedures_;  // known codes seen
    std::vector<GroupCounts> units_, procedureGroups_;
};

// The canonical form of a unit name: NFC, white space trimmed and collapsed to single spaces.
std::string canonicalUnit(std::string_view raw);

}  // namespace par::dossier
