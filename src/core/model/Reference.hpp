// SPDX-License-Identifier: Apache-2.0
// Reference.hpp - the reference data an audit is judged against (procedure catalog and legal
// registry: the bundled files under reference/ plus the audit's own), and the functions that give
// form rules access to it: surplus(), in_catalog(), procedure_name(), procedure_days(), outdated(),
// outdated_reason(), legal_title() (docs/forms.md).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/expr/Functions.hpp"
#include "core/model/LegalRegistry.hpp"
#include "core/model/ProcedureCatalog.hpp"

namespace par {

class Audit;
class Form;

struct ReferenceData {
    ProcedureCatalog catalog;
    LegalRegistry registry;

    // The bundled reference/thu-tuc-mau.xml and reference/van-ban.xml.
    static std::shared_ptr<ReferenceData> bundled();
    // The bundled data with the audit's own catalog and registry on top.
    static std::shared_ptr<ReferenceData> forAudit(const Audit& audit);

    ValidationResult problems() const;
};

// Adds the reference functions to `table`. `asOf` is the inspection date that outdated() compares
// with (no date: every recorded change counts).
void installReferenceFunctions(expr::FunctionTable& table, std::shared_ptr<const ReferenceData> ref,
                               std::optional<Date> asOf);

// Warnings for rule legal bases whose ref= names a text the registry lacks (such a basis is cited as
// written, at every date). Warnings, not errors: an audit may bring the text in its own registry.
ValidationResult checkLegalBasisRefs(const Form& form, const LegalRegistry& registry);

// The built-ins plus the reference functions over `ref`.
expr::FunctionTable formFunctions(std::shared_ptr<const ReferenceData> ref, std::optional<Date> asOf);

}  // namespace par
