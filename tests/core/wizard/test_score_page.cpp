// SPDX-License-Identifier: Apache-2.0
// test_score_page.cpp - the score page: the same score as `par-audit score`, the example band scale
// said as such, recomputed when (and only when) the answers change, and dismissed findings leaving
// the penalties.
#include <catch2/catch.hpp>

#include "TestSupport.hpp"
#include "core/common/Text.hpp"
#include "core/wizard/FindingsReview.hpp"
#include "core/wizard/ScorePageState.hpp"

using namespace par;
using namespace par::wizard;

namespace {
std::unique_ptr<AuditSession> openSample() {
    return AuditSession::open(test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
}
}  // namespace

TEST_CASE("score page: sections, total and the example band", "[wizard][score]") {
    setLanguage(Language::Vietnamese);
    auto s = openSample();
    ScorePageState p(*s);
    REQUIRE(p.scorable());
    scoring::AuditScore direct = scoring::scoreBundle(s->bundle());
    CHECK(p.score().total == Approx(direct.total));
    CHECK(p.totalText() == scoring::formatScore(direct.total) + " / 100");
    CHECK(p.totalText().find(',') != std::string::npos);
    CHECK(p.bandText() != "—");
    // The sample records about a third of the criteria: coverage shown, band provisional.
    CHECK(p.coverageText().rfind("đã chấm " + std::to_string(direct.assessed) + "/" +
                                     std::to_string(direct.assessable) + " tiêu chí",
                                 0) == 0);
    CHECK(p.bandText().find("(tạm tính)") != std::string::npos);
    CHECK(p.exampleScale());
    CHECK(p.scaleText().find("VÍ DỤ") != std::string::npos);
    auto rows = p.sections();
    REQUIRE(rows.size() == s->form().sections.size());
    double sum = 0;
    for (const auto& sec : p.score().sections) sum += sec.contribution();
    CHECK(sum == Approx(p.score().total));
    for (const auto& r : rows) {
        if (!r.scored) CHECK(r.max == "—");
        else {
            CHECK(r.share.back() == '%');
            CHECK(r.share.find(" %") == std::string::npos);  // "12,5%", as the documents write it
        }
    }
}

TEST_CASE("score page: recomputed when the audit changes, dismissals leave the penalties", "[wizard][score]") {
    auto s = openSample();
    FindingsReview review(*s);
    review.refresh();
    ScorePageState p(*s);
    CHECK_FALSE(p.refresh());  // nothing changed
    double before = p.score().total;
    REQUIRE_FALSE(p.score().penalties.empty());
    std::string id = p.score().penalties.front().finding;
    review.dismiss(id, "Đoàn xác định không phải thiếu sót.");
    CHECK(p.refresh());
    for (const auto& pen : p.score().penalties) CHECK(pen.finding != id);
    CHECK(p.score().total >= before);
    review.restore(id);
    CHECK(p.refresh());
    CHECK(p.score().total == Approx(before));
}
