// SPDX-License-Identifier: Apache-2.0
#include "core/report/DossierFigures.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/common/Text.hpp"
#include "core/report/AuditData.hpp"

namespace par::report {

namespace {

std::optional<long long> cell(const std::map<std::string, std::string>& row, const char* column) {
    auto it = row.find(column);
    if (it == row.end())
        return std::nullopt;
    std::string v = trim(it->second);
    if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 15)
        return std::nullopt;
    return std::atoll(v.c_str());
}

// A percentage as the form's decimal column stores it ("95.83", a comma accepted), 0-100.
std::optional<double> percentCell(const std::map<std::string, std::string>& row, const char* column) {
    auto it = row.find(column);
    if (it == row.end())
        return std::nullopt;
    std::string v = trim(it->second);
    std::replace(v.begin(), v.end(), ',', '.');
    if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789.") != std::string::npos ||
        std::count(v.begin(), v.end(), '.') > 1 || v == ".")
        return std::nullopt;
    const double d = std::strtod(v.c_str(), nullptr);
    if (d < 0.0 || d > 100.0)
        return std::nullopt;
    return d;
}

std::string figure(const std::optional<long long>& v) {
    return v ? groupThousands(*v) : std::string();
}

}  // namespace

Data dossierFigures(const Audit& audit, const Form& form) {
    Data rows = Data::list();
    if (form.findQuestion(kDossierTable) == nullptr)
        return rows;
    const Answer* a = audit.answers.find(kDossierTable);
    if (a == nullptr || a->na)
        return rows;
    for (const auto& row : a->rows) {
        auto year = row.find("nam");
        auto early = cell(row, "truoc_han");
        auto onTime = cell(row, "dung_han");
        auto late = cell(row, "qua_han");
        long long resolved = early.value_or(0) + onTime.value_or(0) + late.value_or(0);
        std::string rate;
        if (resolved > 0 && (early || onTime))
            rate = percent(static_cast<double>(early.value_or(0) + onTime.value_or(0)) /
                           static_cast<double>(resolved));
        // Decision 766/QĐ-TTg counts dossiers resolved or still in progress within their time
        // over all received: (early + on time + pending in time) / received [M: docs/dossiers.md].
        auto received = cell(row, "tiep_nhan");
        auto pendingInTime = cell(row, "chua_giai_quyet_trong_han");
        // Only from what was recorded: without the pending-in-time figure the rate is known only
        // when nothing received is still pending.
        std::string rate766 = "—";
        bool pendingKnown = pendingInTime || (received && resolved == *received);
        if (received && *received > 0 && (early || onTime) && pendingKnown)
            rate766 = percent(static_cast<double>(early.value_or(0) + onTime.value_or(0) + pendingInTime.value_or(0)) /
                              static_cast<double>(*received));
        // Else the rate `dossiers apply` computed from the log itself (ty_le_dung_han_766), when
        // the form has the column and the row has it.
        else if (auto stored = percentCell(row, "ty_le_dung_han_766"))
            rate766 = percent(*stored / 100.0);
        auto note = row.find("ghi_chu");
        rows.push(Data::map()
                      .set("year", year == row.end() ? std::string() : trim(year->second))
                      .set("received", figure(cell(row, "tiep_nhan")))
                      .set("early", figure(early))
                      .set("onTime", figure(onTime))
                      .set("late", figure(late))
                      .set("inTime", early || onTime
                                         ? groupThousands(early.value_or(0) + onTime.value_or(0))
                                         : std::string())
                      .set("resolved", resolved > 0 ? groupThousands(resolved) : std::string())
                      .set("rate", rate)
                      .set("rate766", rate766)
                      .set("apologies", figure(cell(row, "phieu_xin_loi")))
                      .set("unknownProcedure", figure(cell(row, "khong_ro_thu_tuc")))
                      .set("note", note == row.end() ? std::string() : trim(note->second)));
    }
    return rows;
}

}  // namespace par::report
