// DossierApply.cpp - the per-year rows of ket_qua_giai_quyet.
#include "core/dossier/DossierApply.hpp"

#include <algorithm>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::dossier {

namespace {
const char* const kColumns[] = {"nam",
                                "tiep_nhan",
                                "truoc_han",
                                "dung_han",
                                "qua_han",
                                "chua_giai_quyet_trong_han",
                                "chua_giai_quyet_qua_han"};
}

bool formHasResultsTable(const Form& form) {
    const Question* q = form.findQuestion(kResultsTable);
    if (q == nullptr || q->type != QuestionType::Table)
        return false;
    for (const char* c : kColumns)
        if (q->findColumn(c) == nullptr)
            return false;
    return true;
}

std::string ApplyReport::summary() const {
    std::string out;
    for (const auto& y : years) {
        if (!out.empty())
            out += "; ";
        out += fmt(tr("năm {} ({}): tiếp nhận {}, trước hạn {}, đúng hạn {}, quá hạn {}, chưa giải "
                      "quyết trong hạn {}, quá hạn {}",
                      "{} ({}): received {}, early {}, on time {}, late {}, pending in time {}, "
                      "overdue {}"),
                   std::to_string(y.year),
                   y.added ? tr("dòng mới", "new row") : tr("cập nhật", "updated"),
                   std::to_string(y.counts.received), std::to_string(y.counts.finishedEarly),
                   std::to_string(y.counts.finishedOnTime), std::to_string(y.counts.finishedLate),
                   std::to_string(y.counts.pendingInTime), std::to_string(y.counts.pendingOverdue));
    }
    return out;
}

ApplyReport applyYearFigures(Audit& audit, const Form& form, const DossierStats& stats) {
    if (!formHasResultsTable(form))
        throw UsageError(
            fmt(tr("biểu mẫu '{}' không có bảng '{}' (kết quả giải quyết hồ sơ theo năm); "
                   "không ghi gì",
                   "form '{}' has no table '{}' (dossier results per year); nothing written"),
                form.id, kResultsTable));
    if (stats.byYear.empty())
        throw UsageError(tr("nhật ký không có hồ sơ hợp lệ nào; không ghi gì",
                            "the log has no valid dossier; nothing written"));
    const Question* table = form.findQuestion(kResultsTable);
    Answer& answer = audit.answers.answers[kResultsTable];
    answer.question = kResultsTable;
    answer.na = false;
    ApplyReport report;
    for (const auto& g : stats.byYear) {
        YearWritten y;
        y.year = std::stoi(g.key);
        y.counts = g.counts;
        auto row = std::find_if(answer.rows.begin(), answer.rows.end(), [&](const auto& r) {
            auto it = r.find("nam");
            return it != r.end() && trim(it->second) == g.key;
        });
        if (row == answer.rows.end()) {
            answer.rows.emplace_back();
            row = answer.rows.end() - 1;
            y.added = true;
            if (table->findColumn("ghi_chu") != nullptr)
                (*row)["ghi_chu"] = fmt(tr("theo nhật ký một cửa, số liệu đến {}",
                                           "from the one-stop log, figures as of {}"),
                                        vietnameseDate(stats.asOf));
        }
        auto& r = *row;
        r["nam"] = g.key;
        r["tiep_nhan"] = std::to_string(g.counts.received);
        r["truoc_han"] = std::to_string(g.counts.finishedEarly);
        r["dung_han"] = std::to_string(g.counts.finishedOnTime);
        r["qua_han"] = std::to_string(g.counts.finishedLate);
        r["chua_giai_quyet_trong_han"] = std::to_string(g.counts.pendingInTime);
        r["chua_giai_quyet_qua_han"] = std::to_string(g.counts.pendingOverdue);
        y.needsApologies = g.counts.finishedLate > 0 && r.find("phieu_xin_loi") == r.end();
        report.years.push_back(y);
    }
    std::stable_sort(answer.rows.begin(), answer.rows.end(), [](const auto& a, const auto& b) {
        auto ya = a.find("nam"), yb = b.find("nam");
        const std::string ka = ya == a.end() ? "" : ya->second,
                          kb = yb == b.end() ? "" : yb->second;
        return ka < kb;
    });
    return report;
}

}  // namespace par::dossier
