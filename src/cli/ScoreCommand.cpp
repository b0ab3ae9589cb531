// SPDX-License-Identifier: Apache-2.0
// ScoreCommand.cpp - `par-audit score A.audit.xml [--json] [--bands FILE]`: the audit's score from
// its form (docs/scoring.md): the breakdown by reform area and by section, the total out of 100,
// the band, and what lost points (questions and penalties, the most costly first).
#include <iostream>

#include "cli/Command.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/scoring/BandScale.hpp"
#include "core/scoring/RankingFormats.hpp"
#include "core/scoring/Scorer.hpp"

namespace par::cli::score_command {

namespace {

using namespace par::scoring;

struct Options {
    std::string audit;
    std::string bands;
    bool json = false;
};

std::string cell(const std::string& s, size_t width, bool right = false) {
    size_t w = displayWidth(s);
    std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

std::string instanceName(const AuditBundle& b, const QuestionScore& q) {
    if (q.repeat.empty())
        return "";
    const Answer* r = b.audit.answers.find(q.repeat);
    // The first text answer of the instance names the sub-unit (dv_ten, xa_ten, ...).
    if (r != nullptr && q.instance >= 1 && static_cast<size_t>(q.instance) <= r->instances.size()) {
        const Question* rq = b.form->findQuestion(q.repeat);
        const AnswerSet& inst = r->instances[static_cast<size_t>(q.instance) - 1];
        for (const auto& c : rq->children)
            if (c.type == QuestionType::Text)
                if (const Answer* a = inst.find(c.id); a != nullptr && !a->value.empty())
                    return " [" + a->value + "]";
    }
    return " [" + q.repeat + " #" + std::to_string(q.instance) + "]";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

// The answer as a person reads it ("một phần", not the stored "partly").
std::string answerText(const Form& form, const QuestionScore& q) {
    switch (q.state) {
        case ItemState::NotAssessed:
            return tr("chưa chấm", "not assessed");
        default: {
            const Question* question = form.findQuestion(q.question);
            std::string shown = question != nullptr ? answerLabel(*question, q.answer) : q.answer;
            return tr("trả lời ", "answer ") + ("\"" + shown + "\"");
        }
    }
}

void printText(const AuditBundle& b, const AuditScore& s, const Band* band,
               const BandScale& bands) {
    std::cout << fmt(tr("Điểm công tác CCHC: {} (biểu mẫu {} {})", "PAR score: {} (form {} {})"),
                     b.audit.unit.name, b.form->id, b.form->version)
              << "\n\n";
    size_t labelWidth = 20;
    for (const auto& a : s.areas)
        labelWidth = std::max(labelWidth, displayWidth(a.label));
    std::cout << cell(tr("Lĩnh vực", "Area"), labelWidth) << "  "
              << cell(tr("Điểm", "Points"), 7, true) << "  " << cell(tr("Tối đa", "Max"), 7, true)
              << "  " << cell(tr("Tỷ lệ", "Rate"), 7, true) << "\n";
    for (const auto& a : s.areas) {
        std::cout << cell(a.label, labelWidth) << "  ";
        if (a.max <= 0) {
            // Criteria none of which is answered yet is not the same as none at all.
            int assessable = 0;
            for (const auto& x : s.sections)
                if (x.area == a.id) assessable += x.assessable;
            std::cout << cell("—", 7, true) << "  " << cell("—", 7, true) << "  "
                      << (assessable > 0 ? fmt(tr("(chưa chấm câu nào trong {} tiêu chí)", "(none of its {} criteria assessed)"),
                                               std::to_string(assessable))
                                         : std::string(tr("(không có câu hỏi chấm điểm)", "(nothing scored)")))
                      << "\n";
            continue;
        }
        std::cout << cell(formatScore(a.points), 7, true) << "  "
                  << cell(formatScore(a.max), 7, true) << "  "
                  << cell(formatScore(a.percent()) + "%", 7, true) << "\n";
    }
    std::cout << cell(tr("TỔNG ĐIỂM", "TOTAL"), labelWidth) << "  "
              << cell(formatScore(s.total), 7, true) << "  " << cell(formatScore(100), 7, true)
              << "\n";
    const bool provisional = s.provisional(bands.minCoverage);
    std::cout << tr("Xếp loại: ", "Band: ") << bandLabel(band, provisional) << "\n";
    std::cout << fmt(tr("Phạm vi chấm: {} ({}%).", "Coverage: {} ({}%)."), coverageText(s),
                     formatScore(s.coverage()))
              << "\n";
    if (provisional)
        std::cout << fmt(tr("Điểm tạm tính: mới chấm dưới {}% số tiêu chí (ngưỡng của thang xếp "
                            "loại, min-coverage).",
                            "Provisional score: under {}% of the criteria assessed (the scale's "
                            "threshold, min-coverage)."),
                         formatScore(bands.minCoverage))
                  << "\n";
    std::cout << bandsDescription(bands) << "\n\n";

    std::cout << tr("Theo phần (điểm − trừ điểm) / tối đa × tỷ trọng (điểm và tối đa gồm cả tiêu "
                    "chí của các quy tắc có điểm trừ):",
                    "By section (points − penalties) / max × share (points and max include the "
                    "criteria of the rules with a penalty):")
              << "\n";
    for (const auto& x : s.sections) {
        std::cout << "  " << x.label << ": ";
        if (x.max <= 0) {
            std::cout << (x.assessable > 0
                              ? fmt(tr("không tính (chưa chấm câu nào trong {} tiêu chí)",
                                       "left out (none of its {} criteria assessed)"),
                                    std::to_string(x.assessable))
                              : tr("không tính (không có câu hỏi chấm điểm)",
                                   "left out (nothing scored)"))
                      << "\n";
            continue;
        }
        std::cout << "(" << formatScore(x.points) << " − " << formatScore(x.penalties) << ") / "
                  << formatScore(x.max) << " × " << formatScore(100 * x.share) << "% → "
                  << formatScore(x.contribution()) << "  ["
                  << fmt(tr("đã chấm {}/{}", "{}/{} assessed"), std::to_string(x.assessed),
                         std::to_string(x.assessable))
                  << "]\n";
    }

    auto lost = lostPoints(s);
    std::cout << "\n"
              << tr("Mất điểm ở câu hỏi (ảnh hưởng đến tổng, nhiều nhất trước):",
                    "Points lost on questions (effect on the total, largest first):")
              << "\n";
    if (lost.empty())
        std::cout << "  " << tr("(không có)", "(none)") << "\n";
    for (const QuestionScore* q : lost) {
        const Question* fq = b.form->findQuestion(q->question);
        std::cout << "  " << cell(formatChange(-q->impact), 7, true) << "  " << q->question
                  << instanceName(b, *q) << ": " << answerText(*b.form, *q) << ", " << formatScore(q->points)
                  << "/" << formatScore(q->max) << "\n";
        if (fq != nullptr)
            std::cout << "           " << fq->label.get() << "\n";
    }
    if (!s.penalties.empty()) {
        std::cout << "\n" << tr("Trừ điểm theo phát hiện:", "Penalties of findings:") << "\n";
        for (const auto& p : s.penalties) {
            std::cout << "  " << cell(formatChange(-p.impact), 7, true) << "  " << p.finding << " "
                      << p.rule << ": ";
            if (p.section.empty())
                std::cout << fmt(tr("{} điểm, không trừ được (lĩnh vực không có phần chấm điểm)",
                                    "{} points, not deducted (its area has no scored section)"),
                                 formatScore(p.penalty));
            else if (p.counted)
                std::cout << fmt(tr("{} điểm, đã trừ một lần cho quy tắc này ở dòng trên",
                                    "{} points, already deducted once for this rule above"),
                                 formatScore(p.penalty));
            else
                std::cout << fmt(
                    tr("{} điểm, trừ {} ở phần {}", "{} points, {} deducted in section {}"),
                    formatScore(p.penalty), formatScore(p.applied), p.section);
            if (p.offset > 1e-9)
                std::cout << fmt(tr(" ({} đã mất ở câu {}, không trừ lại)",
                                    " ({} already lost on {}, not deducted again)"),
                                 formatScore(p.offset), joined(p.offsetBy));
            std::cout << "\n           " << p.text << "\n";
        }
    }
    std::vector<const QuestionScore*> notAssessed;
    for (const auto& q : s.questions)
        if (q.state == ItemState::NotAssessed)
            notAssessed.push_back(&q);
    if (!notAssessed.empty()) {
        std::cout << "\n"
                  << fmt(tr("Chưa chấm ({} tiêu chí, không tính vào điểm tối đa):",
                            "Not assessed ({} criteria, left out of the maximum):"),
                         std::to_string(notAssessed.size()))
                  << "\n";
        for (const QuestionScore* q : notAssessed)
            std::cout << "  " << q->question << instanceName(b, *q) << " ("
                      << formatScore(q->possible) << ")\n";
    }
    size_t removed = 0;
    for (const auto& q : s.questions)
        removed += q.state == ItemState::NotApplicable || q.state == ItemState::NotRelevant;
    if (removed > 0)
        std::cout
            << "\n"
            << fmt(tr("{} câu không tính vào điểm tối đa (không áp dụng hoặc không liên quan).",
                      "{} questions left out of the maximum (not applicable or not relevant)."),
                   std::to_string(removed))
            << "\n";
    if (s.unsavedFindings > 0)
        std::cout << fmt(tr("Lưu ý: điểm tính theo phát hiện đánh giá lại từ câu trả lời; {} thay "
                            "đổi chưa lưu vào tệp "
                            "(chạy par-audit findings --save).",
                            "Note: the score uses the findings re-evaluated from the answers; {} "
                            "changes are not yet "
                            "saved in the file (run par-audit findings --save)."),
                         std::to_string(s.unsavedFindings))
                  << "\n";
}

void install(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd =
        app.add_subcommand("score", tr("Chấm điểm một cuộc kiểm tra theo biểu mẫu và xếp loại",
                                       "Score an audit from its form and classify it"));
    cmd->add_option("audit", o->audit, tr("Tệp kiểm tra (.audit.xml)", "Audit file (.audit.xml)"))
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_flag("--json", o->json, tr("In dạng JSON", "Print JSON"));
    cmd->add_option(
        "--bands", o->bands,
        tr("Thang xếp loại của tỉnh (mặc định: bands/vi-du-mac-dinh.xml, chỉ là VÍ DỤ)",
           "The province's band scale (default: bands/vi-du-mac-dinh.xml, an EXAMPLE only)"));
    cmd->callback([o, &ctx]() {
        BandScale bands = BandScale::load(o->bands.empty() ? BandScale::defaultPath() : o->bands);
        AuditBundle b = AuditBundle::open(o->audit);
        AuditScore s = scoreBundle(b);
        ValidationResult formWarnings = Scorer::checkForm(*b.form);
        for (const auto& p : formWarnings.problems())
            std::cerr << p.str() << "\n";
        for (const auto& p : s.problems.problems())
            std::cerr << p.str() << "\n";
        const Band* band = s.scorable ? bands.classify(s.total) : nullptr;
        if (o->json)
            std::cout << scoreJson(s, b.audit, *b.form, band, bands).dump(2) << "\n";
        else
            printText(b, s, band, bands);
        if (!s.scorable) {
            std::cerr << tr("Biểu mẫu không có câu hỏi nào chấm điểm được cho cuộc kiểm tra này.",
                            "The form scores no question of this audit.")
                      << "\n";
            ctx.exitCode = kProblems;
        }
        if (!s.problems.ok())
            ctx.exitCode = kProblems;
    });
}

const bool registered = registerCommand(80, install);
}  // namespace

}  // namespace par::cli::score_command
