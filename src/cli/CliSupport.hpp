// SPDX-License-Identifier: Apache-2.0
// CliSupport.hpp - small helpers shared by the CLI commands: printing problems, detecting what kind
// of par-audit file a path holds, and the JSON form of findings.
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>

#include "core/common/Error.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"

namespace par::cli {

// Prints each problem on its own line ("file:line:col: lỗi: ...") to `out`; returns the error count.
size_t printProblems(std::ostream& out, const ValidationResult& result);

enum class FileKind { Form, Audit, Catalog, Registry, Calendar, Plan, Response, Unknown };
// Looks at the root element's name only (cheap); throws IoError / ParseError when unreadable.
FileKind detectFileKind(const std::string& path);
const char* fileKindLabel(FileKind kind);

nlohmann::json findingToJson(const Finding& f, const Form* form);

// Vietnamese label of a form's area / category id, or the id when unknown.
std::string areaLabel(const Form* form, const std::string& id);
std::string categoryLabel(const Form* form, const std::string& id);

}  // namespace par::cli

#include <functional>
#include <optional>
#include <vector>

#include "core/actions/AuditTransaction.hpp"
#include "core/common/Dates.hpp"
#include "core/common/Text.hpp"

namespace CLI {
class App;
}

namespace par::cli {

// Collects the problems of several values given at once (`--set a=1 --set b=x`): each is tried,
// every message kept; when any failed, nothing is saved and all of them are reported together.
class ValueErrors {
public:
    // Runs `f`; a UsageError it throws is kept, prefixed with `what` (the option as typed).
    void attempt(const std::string& what, const std::function<void()>& f);
    // Throws a UsageError listing every kept message (and saying nothing was written).
    void throwIfAny(const std::string& auditPath) const;

private:
    std::vector<std::string> messages_;
};

// Splits "FIELD=VALUE"; throws UsageError naming the option.
std::pair<std::string, std::string> splitAssignment(const std::string& text, const char* option);

// Applies each `--set FIELD=VALUE` through `set` (a core action returning its change or nothing),
// keeping every problem in `errors` and every change in `changes`.
void applySets(const std::vector<std::string>& sets, ValueErrors& errors, std::vector<ChangeCode>& changes,
               const std::function<std::optional<ChangeCode>(const std::string&, const std::string&)>& set);

// Runs one user action on an audit file through the core (lock, load, change, log, save) and tells
// what it did: one line per change, or "nothing changed".
actions::TransactionResult runAction(const std::string& auditPath, const std::string& by,
                                     const actions::AuditChange& change);

// The options that issue a document (Decree 30: number, symbol, place and date, signer, title,
// authority, recipients), shared by `track --format pdf|docx` and `plan remind`.
struct IssueOptions {
    std::string number, symbol, date, place, signer, signerTitle, signFor;
    std::vector<std::string> recipients;

    // Adds --number … --recipient to `cmd`; `what` names the document in the help ("công văn").
    void add(CLI::App* cmd, const std::string& whatVi, const std::string& whatEn);

    // Fills a document's issuing fields (report::FollowUpDocument, report::ReminderDocument);
    // throws UsageError for a --date that is not a date.
    template <class Document>
    void fill(Document& doc) const {
        doc.number = number;
        doc.symbol = symbol;
        doc.place = place;
        if (!date.empty()) {
            doc.date = parseUserDate(date);
            if (!doc.date)
                throw UsageError(fmt(tr("--date '{}' không phải ngày hợp lệ (DD/MM/YYYY hoặc YYYY-MM-DD)",
                                        "--date '{}' is not a valid date (DD/MM/YYYY or YYYY-MM-DD)"),
                                     date));
        }
        doc.signer = signer;
        doc.signerTitle = signerTitle;
        doc.signFor = signFor;
        doc.recipients = recipients;
    }
};

}  // namespace par::cli
