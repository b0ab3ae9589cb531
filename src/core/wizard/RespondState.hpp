// RespondState.hpp - the state behind respond mode (docs/gui.md, "Respond mode"): an inspected unit
// opens the plan file the Department sent (or a response it began), enters per action whether it
// reports, the report date, document number, note and the names of its evidence files, and saves
// the response file to send back. The result is the one `par-audit plan respond` gives for the
// same answers (track::respond). Evidence is kept as bare file names: a picked path loses its
// folders, and names that could climb out of a folder are refused. No wxWidgets.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/tracking/PlanFile.hpp"

namespace par::wizard {

// What the unit enters for one action.
struct ResponseDraft {
    bool report = false;  // the unit reports on this action (status "reported")
    std::string date;     // as typed: DD/MM/YYYY or YYYY-MM-DD
    std::string doc;      // "15/BC-UBND"
    std::string note;
    std::vector<std::string> evidence;  // file names only
};

struct RespondProblem {
    std::string actionId;  // "" for the file as a whole
    std::string message;
};

class RespondState {
public:
    // A plan, or a response begun earlier (.response.xml, or .response.zip with its evidence).
    // Throws IoError / ParseError (track::readResponsePackage).
    static RespondState open(const std::string& path);
    explicit RespondState(track::PlanFile file,
                          std::map<std::string, std::string> packedEvidence = {});
    // Whether `path` holds a plan or a response (its root element is <plan> or <response>), so
    // that the app opens it in respond mode rather than as an audit. Reads only the file's start;
    // false when it cannot be read.
    static bool isPlanFile(const std::string& path);

    const track::PlanFile& file() const { return file_; }
    size_t count() const { return file_.actions.size(); }
    const track::PlanAction& action(size_t i) const { return file_.actions.at(i); }
    // "A-001 · hạn 17/01/2019 · Chưa thực hiện": the line of the action list.
    std::string title(size_t i) const;
    // Whether the unit may report on it (not once the inspectors accepted it).
    bool canReport(size_t i) const;

    const ResponseDraft& draft(size_t i) const { return drafts_.at(i); }
    void setDraft(size_t i, ResponseDraft draft);

    // The bare file name of a picked file or typed name; nullopt when nothing acceptable is left
    // (empty, ".", "..", control characters, longer than 255 bytes).
    static std::optional<std::string> evidenceName(const std::string& pathOrName);
    // Adds the evidence name of `pathOrName` to action i; false when refused or already there.
    // When `pathOrName` is a file, it is packed into the response at save (exchange format 2
    // carries the files themselves); a bare name needs its file (problems() says so).
    bool addEvidence(size_t i, const std::string& pathOrName);
    void removeEvidence(size_t i, size_t k);

    // Every problem at once: a reported action without a valid date, an action that cannot be
    // reported, evidence names that are not bare names, nothing reported at all.
    std::vector<RespondProblem> problems() const;
    std::vector<RespondProblem> problems(size_t i) const;
    size_t reportedCount() const;

    // The response file (track::respond for each reported action); throws UsageError listing the
    // problems when there are any. `by` "" = the login name. `evidence` receives the files to
    // pack ("A-001/name" → bytes) when given.
    track::PlanFile build(const std::string& by = "",
                          std::map<std::string, std::string>* evidence = nullptr) const;
    // Where `par-audit plan respond` writes: the response itself, or NAME.response.zip (with
    // evidence) / NAME.response.xml beside NAME.plan.xml.
    std::string defaultOutput() const;
    // build() then an atomic write (track::writeResponsePackage); clears the unsaved-changes flag.
    // With evidence the file must be a .zip (UsageError otherwise).
    void save(const std::string& path, const std::string& by = "");
    bool dirty() const { return dirty_; }

private:
    bool hasEvidence() const;
    std::optional<std::string> evidenceBytes(const std::string& key) const;

    track::PlanFile file_;
    std::map<std::string, std::string> picked_;  // "A-001/name" → the file picked
    std::map<std::string, std::string> packed_;  // "A-001/name" → bytes from an opened zip
    std::vector<ResponseDraft> drafts_;
    bool dirty_ = false;
};

}  // namespace par::wizard
