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
