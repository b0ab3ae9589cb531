// SPDX-License-Identifier: Apache-2.0
// RespondState.hpp - the state behind respond mode (docs/gui.md, "Respond mode"): an inspected unit
// opens the plan file the Department sent (or a response it began), enters per action whether it
// reports, the report date, document number, note and its evidence files, and saves the response
// file to send back: NAME.response.zip holding response.xml and the evidence files themselves
// (exchange format 2, ResponseArchive.hpp), or NAME.response.xml when nothing is attached. The
// result is the one `par-audit plan respond` gives for the same answers (track::respond, with each
// file's SHA-256 and size). Opening a plan whose response already exists beside it continues that
// response, so no earlier answer is ever dropped. No wxWidgets.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/tracking/PlanFile.hpp"
#include "core/tracking/ResponseArchive.hpp"

namespace par::wizard {

// What the unit enters for one action.
struct ResponseDraft {
    bool report = false;  // the unit reports on this action (status "reported")
    std::string date;     // as typed: DD/MM/YYYY or YYYY-MM-DD
    std::string doc;      // "15/BC-UBND"
    std::string note;
    std::vector<std::string> evidence;  // file names (the files: RespondState::evidenceSource)
};

struct RespondProblem {
    std::string actionId;  // "" for the file as a whole
    std::string message;
};

class RespondState {
public:
    // Reads a plan, a .response.xml or a .response.zip (its evidence files kept for the next save).
    // A plan whose response (NAME.response.zip or .xml, same export) exists beside it opens that
    // response instead. Throws IoError / ParseError.
    static RespondState open(const std::string& path);
    explicit RespondState(track::PlanFile file, std::map<std::string, std::string> evidence = {});
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
    // Adds the file at `path` as evidence of action i (its bare name is what the response names;
    // the bytes are read when saving); false when refused or a file of that name is already there.
    bool addEvidence(size_t i, const std::string& path);
    // Where the bytes of action i's evidence `name` come from: the picked file's path, "" when they
    // come from the response opened (or when there is none: a problem).
    std::string evidenceSource(size_t i, const std::string& name) const;
    void removeEvidence(size_t i, size_t k);

    // Every problem at once: a reported action without a valid date, an action that cannot be
    // reported, an evidence name that is not a bare name safe on Windows (evidenceNameProblem), an
    // evidence file that is missing or over the size limit, nothing reported at all.
    std::vector<RespondProblem> problems() const;
    std::vector<RespondProblem> problems(size_t i) const;
    size_t reportedCount() const;

    // The response with its evidence files (track::respond for each reported action, with each
    // file's SHA-256 and size); throws UsageError listing the problems when there are any, IoError
    // when a picked file cannot be read. `by` "" = the login name.
    track::ResponsePackage buildPackage(const std::string& by = "") const;
    track::PlanFile build(const std::string& by = "") const { return buildPackage(by).response; }
    bool hasEvidence() const;
    // Where `par-audit plan respond` writes: the response itself, or NAME.response.zip (with
    // evidence) / NAME.response.xml beside NAME.plan.xml.
    std::string defaultOutput() const;
    // buildPackage() then an atomic write (writeResponsePackage); with evidence a path ending in
    // ".xml" becomes the ".zip" beside it. Returns the path written; clears the unsaved flag.
    std::string save(const std::string& path, const std::string& by = "");
    bool dirty() const { return dirty_; }

private:
    track::PlanFile file_;
    std::map<std::string, std::string> evidence_;  // "A-001/name" → bytes, from the response opened
    std::map<std::string, std::string> picked_;    // "A-001/name" → the file picked
    std::vector<ResponseDraft> drafts_;
    bool dirty_ = false;
};

}  // namespace par::wizard
