// SPDX-License-Identifier: Apache-2.0
// AuditBundle.hpp - an audit opened together with everything needed to work on it: its form, its
// reference data and the functions its rules call. What the CLI, the GUI and the report code open.
#pragma once

#include <memory>
#include <string>

#include "core/expr/Functions.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"
#include "core/model/Reference.hpp"

namespace par {

struct AuditBundle {
    Audit audit;
    std::shared_ptr<const Form> form;
    std::shared_ptr<ReferenceData> reference;
    expr::FunctionTable functions;

    // Loads the audit, its form (which must be valid) and its reference data. Throws ParseError /
    // IoError naming the file at fault. Also refuses an audit made with another form id.
    static AuditBundle open(const std::string& auditPath);
};

// The form file an audit uses: its href resolved next to the audit when that file exists, else the
// bundled forms/<id>.xml (so an audit copied away from its form still opens).
std::string locateForm(const Audit& audit);

// The form's path written relative to the audit's folder, so the pair can be moved together (an
// absolute, normalised path when no relative one exists).
std::string formHref(const std::string& formPath, const std::string& auditPath);

// Loads a form by path, or by id from the bundled forms/ folder; throws when it is not valid.
std::shared_ptr<const Form> loadFormByPathOrId(const std::string& pathOrId,
                                               std::shared_ptr<const ReferenceData> reference);

}  // namespace par
