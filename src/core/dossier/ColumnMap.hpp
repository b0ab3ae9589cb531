// SPDX-License-Identifier: Apache-2.0
// ColumnMap.hpp - which column of a dossier log holds which field. Header names are matched after
// NFC normalisation, case- and diacritic-insensitively (par::foldKey), against built-in aliases
// ("Mã hồ sơ" / dossier_id, ...) and the names a mapping file adds (docs/dossiers.md).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/Error.hpp"

namespace par::dossier {

enum class Field { DossierId, ProcedureCode, ProcedureName, Unit, ReceivedAt, DueAt, FinishedAt };
constexpr size_t kFieldCount = 7;

// "dossier_id", "procedure_code", ...: the names mapping files and messages use.
const char* fieldName(Field f);
// Vietnamese (or English) label of the field, for messages.
const char* fieldLabel(Field f);

// Extra header names per field, read from a mapping file. Lines are `field = Header name`
// (several lines per field allowed); blank lines and lines starting with '#' are ignored.
class HeaderMapping {
public:
    static HeaderMapping load(const std::string& path);
    static HeaderMapping parse(const std::string& text, const std::string& name);

    void add(Field f, const std::string& header);
    // Header names for the field: the mapping file's first, then the built-in aliases.
    std::vector<std::string> namesFor(Field f) const;

private:
    std::array<std::vector<std::string>, kFieldCount> extra_;
};

class ColumnMap {
public:
    static constexpr int kAbsent = -1;

    // Finds each field's column; throws ParseError (file:line of the header) naming every required
    // field no column matches, with the headers seen. Only the procedure name is optional.
    static ColumnMap resolve(const std::vector<std::string>& header, const HeaderMapping& mapping,
                             const SourceLocation& where);

    int column(Field f) const { return columns_[static_cast<size_t>(f)]; }
    // One more than the highest column used: rows with fewer fields miss a field.
    int width() const { return width_; }
    // Whether `fields` are the header again: in every column a field was found in, the header's
    // own text there (blanks around either aside). Logs pasted together from several exports
    // repeat the header where each paste begins.
    bool repeatsHeader(const std::vector<std::string_view>& fields) const;

private:
    std::array<int, kFieldCount> columns_{};
    std::array<std::string, kFieldCount> headers_{};  // the header's text of each field's column
    int width_ = 0;
};

}  // namespace par::dossier
