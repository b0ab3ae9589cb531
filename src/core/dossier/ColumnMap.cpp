// SPDX-License-Identifier: Apache-2.0
// ColumnMap.cpp - header aliases and the mapping file.
#include "core/dossier/ColumnMap.hpp"

#include <sstream>

#include "core/common/AtomicFile.hpp"
#include "core/common/Text.hpp"

namespace par::dossier {

namespace {

const std::array<const char*, kFieldCount> kNames = {
    "dossier_id",  "procedure_code", "procedure_name", "unit",
    "received_at", "due_at",         "finished_at"};

// Built-in aliases, in order of preference (the first header that matches any alias of a field,
// scanning aliases in this order, wins).
const std::vector<std::string>& aliases(Field f) {
    static const std::array<std::vector<std::string>, kFieldCount> kAliases = {{
        {"Mã hồ sơ", "dossier_id", "Số hồ sơ", "Mã HS"},
        {"Mã thủ tục", "procedure_code", "Mã TTHC", "Mã thủ tục hành chính"},
        {"Tên thủ tục", "procedure_name", "Tên TTHC", "Tên thủ tục hành chính"},
        {"Đơn vị", "unit", "Cơ quan tiếp nhận", "Cơ quan giải quyết", "Đơn vị tiếp nhận",
         "Đơn vị giải quyết"},
        {"Ngày tiếp nhận", "received_at", "Ngày nhận"},
        {"Ngày hẹn trả", "due_at", "Ngày hẹn trả kết quả", "Ngày hẹn"},
        {"Ngày có kết quả", "finished_at", "Ngày trả kết quả", "Ngày hoàn thành"},
    }};
    return kAliases[static_cast<size_t>(f)];
}

}  // namespace

const char* fieldName(Field f) {
    return kNames[static_cast<size_t>(f)];
}

const char* fieldLabel(Field f) {
    switch (f) {
        case Field::DossierId:
            return tr("mã hồ sơ", "dossier id");
        case Field::ProcedureCode:
            return tr("mã thủ tục", "procedure code");
        case Field::ProcedureName:
            return tr("tên thủ tục", "procedure name");
        case Field::Unit:
            return tr("đơn vị", "unit");
        case Field::ReceivedAt:
            return tr("ngày tiếp nhận", "receipt date");
        case Field::DueAt:
            return tr("ngày hẹn trả", "appointment date");
        case Field::FinishedAt:
            return tr("ngày có kết quả", "result date");
    }
    return "";
}

HeaderMapping HeaderMapping::load(const std::string& path) {
    return parse(readFile(path), path);
}

HeaderMapping HeaderMapping::parse(const std::string& text, const std::string& name) {
    HeaderMapping m;
    std::istringstream in(text);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#')
            continue;
        const auto eq = t.find('=');
        if (eq == std::string::npos)
            throw ParseError({name, n, 0}, tr("dòng phải có dạng 'trường = Tên cột'",
                                              "a line must read 'field = Header name'"));
        const std::string key = trim(t.substr(0, eq));
        const std::string header = trim(t.substr(eq + 1));
        int field = -1;
        for (size_t i = 0; i < kFieldCount; ++i)
            if (key == kNames[i])
                field = static_cast<int>(i);
        if (field < 0) {
            std::string all;
            for (const char* k : kNames)
                all += (all.empty() ? "" : ", ") + std::string(k);
            throw ParseError({name, n, 0}, fmt(tr("trường '{}' không có; dùng một trong: {}",
                                                  "unknown field '{}'; use one of: {}"),
                                               key, all));
        }
        if (header.empty() || !isValidUtf8(header))
            throw ParseError(
                {name, n, static_cast<int>(eq) + 2},
                tr("thiếu tên cột (UTF-8) sau dấu '='", "a header name (UTF-8) must follow '='"));
        m.add(static_cast<Field>(field), header);
    }
    return m;
}

void HeaderMapping::add(Field f, const std::string& header) {
    extra_[static_cast<size_t>(f)].push_back(header);
}

std::vector<std::string> HeaderMapping::namesFor(Field f) const {
    std::vector<std::string> out = extra_[static_cast<size_t>(f)];
    for (const auto& a : aliases(f))
        out.push_back(a);
    return out;
}

ColumnMap ColumnMap::resolve(const std::vector<std::string>& header, const HeaderMapping& mapping,
                             const SourceLocation& where) {
    std::vector<std::string> keys;
    keys.reserve(header.size());
    for (const auto& h : header)
        keys.push_back(foldKey(nfc(h)));
    ColumnMap m;
    std::string missing;
    for (size_t f = 0; f < kFieldCount; ++f) {
        m.columns_[f] = kAbsent;
        for (const auto& name : mapping.namesFor(static_cast<Field>(f))) {
            const std::string k = foldKey(nfc(name));
            for (size_t c = 0; c < keys.size() && m.columns_[f] == kAbsent; ++c)
                if (keys[c] == k)
                    m.columns_[f] = static_cast<int>(c);
            if (m.columns_[f] != kAbsent)
                break;
        }
        if (m.columns_[f] == kAbsent && static_cast<Field>(f) != Field::ProcedureName) {
            const auto names = mapping.namesFor(static_cast<Field>(f));
            missing += fmt("\n  {} ({}: \"{}\"", fieldName(static_cast<Field>(f)),
                           fieldLabel(static_cast<Field>(f)), names.front());
            for (size_t i = 1; i < names.size(); ++i)
                missing += ", \"" + names[i] + "\"";
            missing += ")";
        }
        if (m.columns_[f] != kAbsent)
            m.headers_[f] = trim(header[static_cast<size_t>(m.columns_[f])]);
        m.width_ = std::max(m.width_, m.columns_[f] + 1);
    }
    if (!missing.empty()) {
        std::string seen;
        for (const auto& h : header)
            seen += (seen.empty() ? "\"" : ", \"") + h + "\"";
        throw ParseError(where,
                         fmt(tr("không tìm thấy cột cho:{}\nCác cột trong tệp: {}\n"
                                "Dùng --mapping TỆP để chỉ tên cột (docs/dossiers.md).",
                                "no column found for:{}\nColumns in the file: {}\n"
                                "Use --mapping FILE to name the columns (docs/dossiers.md)."),
                             missing, seen));
    }
    return m;
}

bool ColumnMap::repeatsHeader(const std::vector<std::string_view>& fields) const {
    int compared = 0;
    for (size_t f = 0; f < kFieldCount; ++f) {
        const int c = columns_[f];
        if (c == kAbsent)
            continue;
        if (static_cast<size_t>(c) >= fields.size() ||
            trimmedView(fields[static_cast<size_t>(c)]) != headers_[f])
            return false;
        ++compared;
    }
    return compared > 0;
}

}  // namespace par::dossier
