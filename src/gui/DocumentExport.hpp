// DocumentExport.hpp - prints the open audit's conclusion notice or remediation plan as PDF, the
// way `par-audit report` does: the bundled template, the report data built by the core (findings
// evaluated in memory, never saved), the PDF engine, an atomic write. No wx here: this is the same
// glue the CLI has, kept apart from the page that calls it.
#pragma once

#include <string>
#include <vector>

#include "core/model/AuditBundle.hpp"

namespace par::gui {

class DocumentExport {
public:
    enum class Kind { Notice, Plan };
    struct Result {
        size_t pages = 0;
        size_t bytes = 0;
        std::vector<std::string> problems;  // rules that could not be evaluated
    };

    // Throws the core's errors (ParseError for a bad template, IoError when the file cannot be
    // written: nothing is written then).
    static Result write(const AuditBundle& bundle, Kind kind, const std::string& pdfPath);
    // A file name for the document next to the audit ("NA-SNV-2018-QL.thong-bao.pdf").
    static std::string suggestedName(const Audit& audit, Kind kind);
};

}  // namespace par::gui
