// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/ScorePageState.hpp"

#include "core/common/Text.hpp"
#include "core/scoring/RankingFormats.hpp"

namespace par::wizard {

using namespace par::scoring;

ScorePageState::ScorePageState(AuditSession& session, const std::string& bandsPath)
    : session_(session), bands_(BandScale::load(bandsPath.empty() ? BandScale::defaultPath() : bandsPath)) {
    refresh();
}

bool ScorePageState::refresh() {
    if (scoredAt_ == session_.changeCount()) return false;
    score_ = scoreBundle(session_.bundle());
    scoredAt_ = session_.changeCount();
    return true;
}

std::string ScorePageState::totalText() const {
    return score_.scorable ? formatScore(score_.total) + " / 100" : std::string("—");
}

std::string ScorePageState::bandText() const {
    const Band* b = score_.scorable ? bands_.classify(score_.total) : nullptr;
    return bandLabel(b, score_.provisional(bands_.minCoverage));
}

std::string ScorePageState::coverageText() const {
    return scoring::coverageText(score_) + " (" + formatScore(score_.coverage()) + "%)";
}

std::string ScorePageState::scaleText() const { return bandsDescription(bands_); }

std::vector<ScoreRow> ScorePageState::sections() const {
    std::vector<ScoreRow> out;
    for (const auto& s : score_.sections) {
        ScoreRow r;
        r.label = s.label;
        r.scored = s.max > 0;
        r.points = formatScore(s.points);
        r.penalties = s.penalties > 0 ? formatScore(s.penalties) : std::string();
        r.max = r.scored ? formatScore(s.max) : std::string("—");
        r.share = r.scored ? formatScore(100.0 * s.share) + "%"
                           : std::string("—");
        r.contribution = r.scored ? formatScore(s.contribution()) : std::string("—");
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::string> ScorePageState::notes() const {
    std::vector<std::string> out;
    if (!score_.scorable)
        out.push_back(tr("Biểu mẫu này không có câu hỏi chấm điểm.", "This form scores nothing."));
    if (score_.unsavedFindings > 0)
        out.push_back(fmt(tr("Điểm tính cả {} thay đổi phát hiện chưa có trong tệp (mở trang Rà soát phát hiện để cập nhật).",
                             "The score counts {} finding changes not yet in the audit (open the findings review to update)."),
                          std::to_string(score_.unsavedFindings)));
    for (const auto& p : score_.problems.problems()) out.push_back(p.message);
    return out;
}

}  // namespace par::wizard
