// SPDX-License-Identifier: Apache-2.0
// AnswerCommand.cpp - `par-audit answer A.audit.xml ID=VALUE...`: records answers from a script or a
// terminal. Values are checked against the form (type, range, pattern, constraints); if any is wrong
// nothing is written. Tables and repeats are answered cell by cell: `ID.ROW.COLUMN=VALUE` (ROW from
// 1; the next free row number adds a row; `ID.ROW=` with no column removes the row).
#include <iostream>
#include <set>

#include "cli/Command.hpp"
#include "core/common/Text.hpp"
#include "core/model/AnswerValidator.hpp"
#include "core/actions/AnswerActions.hpp"
#include "core/actions/AuditTransaction.hpp"
#include "core/model/AuditBundle.hpp"

namespace par::cli::answer_command {

namespace {
struct Options {
    std::string audit;
    std::vector<std::string> assignments;
    std::vector<std::string> notApplicable;
    std::string by;
};

struct Assignment {
    std::string id;
    size_t row = 0;  // 0: the whole answer
    std::string column;
    std::string value;
};

Assignment parseAssignment(const std::string& text) {
    auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw UsageError(fmt(tr("'{}' không đúng dạng MÃ=GIÁ_TRỊ (hoặc MÃ.DÒNG.CỘT=GIÁ_TRỊ cho bảng)",
                                "'{}' is not ID=VALUE (or ID.ROW.COLUMN=VALUE for a table)"),
                             text));
    Assignment a;
    a.value = text.substr(eq + 1);
    std::vector<std::string> parts;
    std::string path = text.substr(0, eq);
    size_t start = 0;
    for (size_t i = 0; i <= path.size(); ++i)
        if (i == path.size() || path[i] == '.') {
            parts.push_back(path.substr(start, i - start));
            start = i + 1;
        }
    a.id = parts[0];
    if (parts.size() >= 2) {
        const std::string& r = parts[1];
        if (r.empty() || r.size() > 5 || r.find_first_not_of("0123456789") != std::string::npos || std::stoul(r) == 0)
            throw UsageError(fmt(tr("'{}': số dòng '{}' không hợp lệ (đếm từ 1)", "'{}': invalid row number '{}' (rows count from 1)"),
                                 text, r));
        a.row = std::stoul(r);
    }
    if (parts.size() == 3) a.column = parts[2];
    if (parts.size() > 3 || (parts.size() == 3 && a.column.empty()))
        throw UsageError(fmt(tr("'{}' không đúng dạng MÃ.DÒNG.CỘT=GIÁ_TRỊ", "'{}' is not ID.ROW.COLUMN=VALUE"), text));
    return a;
}

const Question& requireQuestion(const Form& form, const std::string& id, const std::string& auditPath) {
    const Question* q = form.findQuestion(id);
    if (q == nullptr || form.parentRepeat(id) != nullptr)
        throw UsageError(fmt(tr("{}: biểu mẫu '{}' không có câu hỏi '{}' (xem: par-audit show {})",
                                "{}: form '{}' has no question '{}' (see: par-audit show {})"),
                             auditPath, form.id, id, auditPath));
    return *q;
}

// Applies one assignment through the core; throws UsageError for a value that does not fit.
void apply(Audit& audit, const Form& form, const Assignment& as) {
    if (as.row == 0) {
        actions::enterAnswer(audit, form, as.id, -1, "", as.value);
        return;
    }
    const Question& q = actions::topLevelQuestion(form, as.id);
    if (q.type != QuestionType::Table && q.type != QuestionType::Repeat)
        throw UsageError(fmt(tr("câu '{}' không phải bảng: dùng {}=giá trị", "question '{}' is not a table: use {}=value"), q.id,
                             q.id));
    size_t count = actions::answerRowCount(audit, form, as.id);
    if (as.column.empty()) {
        if (!trim(as.value).empty() || as.row > count)
            throw UsageError(fmt(tr("dùng {}.{}= (để trống) để xoá dòng, hoặc {}.{}.<cột>=giá trị",
                                    "use {}.{}= (empty) to remove the row, or {}.{}.<column>=value"),
                                 q.id, std::to_string(as.row), q.id, std::to_string(as.row)));
        actions::removeAnswerRow(audit, form, as.id, as.row - 1);
        return;
    }
    actions::enterAnswer(audit, form, as.id, static_cast<int>(as.row - 1), as.column, as.value);
}

void install(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("answer", tr("Ghi câu trả lời vào tệp kiểm tra (MÃ=GIÁ_TRỊ)", "Record answers (ID=VALUE)"));
    cmd->add_option("audit", o->audit, tr("Tệp kiểm tra", "Audit file"))->required()->check(CLI::ExistingFile);
    cmd->add_option("assignments", o->assignments,
                    tr("MÃ=GIÁ_TRỊ; với bảng: MÃ.DÒNG.CỘT=GIÁ_TRỊ; để trống để xoá", "ID=VALUE; tables: ID.ROW.COLUMN=VALUE; empty clears"));
    cmd->add_option("--na", o->notApplicable, tr("Câu hỏi trả lời 'không áp dụng'", "Questions answered 'not applicable'"));
    cmd->add_option("--by", o->by, tr("Người ghi (mặc định: tên đăng nhập)", "Who records (default: login name)"));
    cmd->callback([o, &ctx]() {
        if (o->assignments.empty() && o->notApplicable.empty())
            throw UsageError(tr("không có câu trả lời nào; ví dụ: par-audit answer a.audit.xml ld_ke_hoach=có",
                                "no answers given; e.g. par-audit answer a.audit.xml ld_ke_hoach=yes"));
        std::vector<std::string> valueErrors;
        Completeness completeness;
        size_t recorded = o->assignments.size() + o->notApplicable.size();
        actions::TransactionResult r = actions::modifyAudit(
            o->audit,
            [&](AuditBundle& b) -> std::vector<ChangeCode> {
                std::set<std::string> touched;
                for (const auto& text : o->assignments) {
                    Assignment as = parseAssignment(text);
                    requireQuestion(*b.form, as.id, o->audit);  // unknown ids are bad usage (exit 2)
                    touched.insert(as.id);
                    try {
                        apply(b.audit, *b.form, as);
                    } catch (const UsageError& e) {
                        valueErrors.push_back(o->audit + ": " + tr("lỗi", "error") + ": " + e.what());
                    }
                }
                for (const auto& id : o->notApplicable) {
                    requireQuestion(*b.form, id, o->audit);
                    touched.insert(id);
                    actions::setNotApplicable(b.audit, *b.form, id, true);
                }
                AnswerValidator validator(*b.form, b.functions);
                for (const auto& p : validator.check(b.audit))
                    if (p.problem.severity == Problem::Severity::Error && touched.count(p.question) != 0)
                        valueErrors.push_back(p.problem.str());
                if (!valueErrors.empty()) return {};  // nothing is written
                completeness = validator.completeness(b.audit);
                return {actions::answeredChange(touched)};
            },
            actions::TransactionOptions{o->by});
        if (!valueErrors.empty()) {
            for (const auto& e : valueErrors) std::cerr << e << "\n";
            std::cerr << tr("Không ghi gì vào tệp kiểm tra vì có câu trả lời không hợp lệ.",
                            "Nothing was written because some answers are invalid.")
                      << "\n";
            ctx.exitCode = kProblems;
            return;
        }
        (void)r;
        std::cout << fmt(tr("Đã ghi {} câu trả lời. Đã trả lời {}/{} câu bắt buộc.",
                            "Recorded {} answers. {}/{} required questions answered."),
                         std::to_string(recorded), std::to_string(completeness.answered),
                         std::to_string(completeness.required))
                  << "\n";
    });
}

const bool registered = registerCommand(30, install);
}  // namespace

}  // namespace par::cli::answer_command
