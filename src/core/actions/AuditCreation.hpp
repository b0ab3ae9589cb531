// SPDX-License-Identifier: Apache-2.0
// AuditCreation.hpp - the user action "start an audit": a new audit of a unit against a form (by id
// or path), in memory with its creation logged, then saved once under a name that must not exist
// yet (par-audit never overwrites an audit). `par-audit new` does both at once; the app creates,
// lets the inspectors work, and saves on their first Save.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "core/model/AuditBundle.hpp"

namespace par::actions {

struct NewAuditRequest {
    NewAuditRequest() = default;
    NewAuditRequest(std::string form_, std::string unitName_, std::string unitType_ = "", std::string unitLevel_ = "",
                    std::string province_ = "", std::string visit_ = "", std::string id_ = "", std::string by_ = "")
        : form(std::move(form_)), unitName(std::move(unitName_)), unitType(std::move(unitType_)),
          unitLevel(std::move(unitLevel_)), province(std::move(province_)), visit(std::move(visit_)),
          id(std::move(id_)), by(std::move(by_)) {}

    std::string form;  // a form id (cchc-xa) or the path of a form file
    std::string unitName;
    std::string unitType;  // "" = the form's only unit type, if it has one
    std::string unitLevel;
    std::string province;
    std::string visit;  // DD/MM/YYYY or YYYY-MM-DD; "" = not known yet
    std::string id;     // "" = derived from the file name on the first save
    std::string by;     // who creates it ("" = login name)
};

// Throws UsageError (empty unit name, unreadable visit date), ParseError / IoError (the form).
AuditBundle createAudit(const NewAuditRequest& request);

// The first save of a new audit: refuses an existing file, gives the audit its id
// (deriveAuditId when it has none) and stores its form's path relative to the file. Throws
// UsageError, IoError.
void saveNewAudit(AuditBundle& bundle, const std::string& path);

// The id the first save gives: the file name without its extensions ("ngoc-son" for
// "ngoc-son.audit.xml").
std::string idFromFileName(const std::string& path);

// The id a new audit at `path` gets: the file name's id, plus "-YYYY" (the visit's year) when the
// visit is known and the name does not already hold that year ("quynh-luu-2026" for
// "quynh-luu.audit.xml" visited in 2026), plus "-2", "-3"… when another audit in the same folder
// already has that id. Ids never collide across years or within a folder (docs/audit-files.md).
std::string deriveAuditId(const std::string& path, std::optional<Date> visit);

}  // namespace par::actions
