// SPDX-License-Identifier: Apache-2.0
// ProcedureCatalog.hpp - the published administrative procedures (TTHC): code, name, statutory
// processing time in working days, optional cut-off hour, and the dossier components the published
// set allows. The reference for "surplus components" and for dossiers' statutory due dates.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/Error.hpp"

namespace par {

struct DossierComponent {
    std::string text;
    bool required = true;
};

struct Procedure {
    std::string code;  // "1.001612"
    std::string name;
    int workingDays = 0;
    std::optional<int> cutoffMinutes;  // "15:00" → 900: receipts after it count from the next working day
    std::string level;
    bool example = false;  // invented or unverified entry
    std::string source;
    std::vector<DossierComponent> components;
    SourceLocation where;
};

class ProcedureCatalog {
public:
    // Reads <procedures>; structural problems throw ParseError, the rest go into problems().
    static ProcedureCatalog load(const std::string& path);
    static ProcedureCatalog parse(const std::string& xml, const std::string& name);

    // Entries of `other` replace entries with the same code.
    void merge(const ProcedureCatalog& other);

    const Procedure* find(const std::string& code) const;
    size_t size() const { return byCode_.size(); }
    const std::map<std::string, Procedure>& procedures() const { return byCode_; }
    const ValidationResult& problems() const { return problems_; }

    // The requested components that the published set does not contain, compared case- and
    // diacritic-insensitively, ignoring punctuation and text in parentheses; nullopt when the
    // procedure is unknown.
    std::optional<std::vector<std::string>> surplus(const std::string& code,
                                                    const std::vector<std::string>& requested) const;

private:
    std::map<std::string, Procedure> byCode_;
    ValidationResult problems_;
};

// Key used to compare component names: folded, without punctuation or parenthesised remarks.
std::string componentKey(const std::string& text);

}  // namespace par
