// test_dossier_page.cpp - the dossier data page: inputs that keep Import disabled, the job run as
// the worker thread runs it (with a real std::thread), cancelling, errors with file:line, the
// figures written into the audit like `dossiers apply`, the chart's series and Vietnamese
// percentages.
#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

#include "TestSupport.hpp"
#include "core/common/Text.hpp"
#include "core/wizard/DossierPageState.hpp"
#include "core/wizard/StepList.hpp"

using namespace par;
using namespace par::wizard;

namespace {
std::unique_ptr<AuditSession> openSample() {
    return AuditSession::open(test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
}

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// Runs the job on a worker thread, as the page does.
DossierOutcome runOnThread(const DossierJob& job, SharedProgress& progress) {
    DossierOutcome out;
    std::thread worker([&] { out = DossierPageState::run(job, progress); });
    worker.join();
    return out;
}
}  // namespace

TEST_CASE("dossier page: Import is blocked until a file and a valid as-of date are given", "[wizard][dossier]") {
    auto s = openSample();
    DossierPageState d(*s);
    REQUIRE(d.available());
    CHECK(d.asOfText == "30/10/2018");  // the audit's period end
    CHECK_FALSE(d.canStart());
    CHECK_FALSE(d.startBlocker().empty());
    CHECK_THROWS_AS(d.start(), UsageError);
    d.log = test::sourcePath("samples/mot-cua/quynh-luu-2018.csv");
    CHECK(d.canStart());
    d.asOfText = "31/02/2018";
    CHECK_FALSE(d.canStart());
    d.asOfText = "2018-10-30";
    CHECK(d.canStart());
    CHECK(d.status() == DossierPageState::Status::Idle);
}

TEST_CASE("dossier page: the sample log fills the late-handling table as dossiers apply does", "[wizard][dossier]") {
    auto s = openSample();
    StepList steps(*s, StepOptions::forSession(*s));
    size_t step = steps.indexOf(StepKind::Dossier);
    REQUIRE(step < steps.count());
    CHECK(steps.indexOf(StepKind::Dossier) < steps.indexOf(StepKind::Findings));
    CHECK(steps.indexOf(StepKind::Score) > steps.indexOf(StepKind::Findings));
    CHECK(steps.indexOf(StepKind::Score) < steps.indexOf(StepKind::Output));

    DossierPageState d(*s);
    d.log = test::sourcePath("samples/mot-cua/quynh-luu-2018.csv");
    DossierJob job = d.start();
    CHECK(d.status() == DossierPageState::Status::Running);
    CHECK_FALSE(d.canStart());  // one run at a time
    unsigned long before = s->changeCount();
    SharedProgress progress;
    DossierOutcome out = runOnThread(job, progress);
    CHECK(s->changeCount() == before);  // the worker never touches the session
    CHECK(progress.fraction() == 1.0);
    d.finish(std::move(out));
    REQUIRE(d.status() == DossierPageState::Status::Done);
    CHECK(s->changeCount() > before);
    CHECK(s->dirty());
    REQUIRE(d.stats() != nullptr);
    CHECK(d.stats()->rowsTotal == 242);
    REQUIRE_FALSE(d.years().empty());
    CHECK(d.years().front().year == 2018);

    const Answer* table = s->audit().answers.find("ket_qua_giai_quyet");
    REQUIRE(table != nullptr);
    bool found = false;
    for (const auto& row : table->rows)
        if (row.at("nam") == "2018") {
            found = true;
            CHECK(row.at("tiep_nhan") == std::to_string(d.years().front().counts.received));
            CHECK(row.at("qua_han") == std::to_string(d.years().front().counts.finishedLate));
        }
    CHECK(found);
    CHECK(DossierPageState::missingCount(*s) == 0);
    // Logged at the next save as a code and its values, like `dossiers apply`.
    auto pending = s->pendingChanges();
    REQUIRE_FALSE(pending.empty());
    CHECK(pending.back().code == "dossiers.apply");
    CHECK(pending.back().args.at(0).find("quynh-luu-2018.csv") != std::string::npos);
    CHECK(d.summary().find("242") != std::string::npos);

    // The chart: one bar per unit and per month, rates within 0-1, counts that add up.
    auto units = d.byUnit();
    auto months = d.byMonth();
    REQUIRE_FALSE(units.empty());
    REQUIRE_FALSE(months.empty());
    long long resolved = 0;
    for (const auto& b : units) {
        CHECK(b.rate >= 0.0);
        CHECK(b.rate <= 1.0);
        resolved += b.resolved;
    }
    const auto& t = d.stats()->totals;
    CHECK(resolved == t.finishedEarly + t.finishedOnTime + t.finishedLate);
    CHECK(months.front().label.size() == 7);
    CHECK(months.front().label[2] == '/');
}

TEST_CASE("dossier page: Cancel stops the worker and leaves the audit untouched", "[wizard][dossier]") {
    test::ScratchDir dir;
    std::string csv = "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n";
    for (int i = 0; i < 40000; ++i) csv += "HS-" + std::to_string(i) + ",1.001612,UBND xã A,04/01/2018,09/01/2018,09/01/2018\n";
    writeFile(dir.file("big.csv"), csv);
    auto s = openSample();
    std::string before = s->toXml();
    DossierPageState d(*s);
    d.log = dir.file("big.csv");
    DossierJob job = d.start();
    SharedProgress progress;
    progress.cancel();
    DossierOutcome out = runOnThread(job, progress);
    CHECK(out.cancelled);
    CHECK_FALSE(out.stats);
    d.finish(std::move(out));
    CHECK(d.status() == DossierPageState::Status::Cancelled);
    CHECK_FALSE(s->dirty());
    CHECK(s->toXml() == before);
    CHECK(d.canStart());  // may run again

    // Not cancelled: the same file goes through.
    SharedProgress p2;
    DossierOutcome full = runOnThread(d.start(), p2);
    REQUIRE(full.stats);
    CHECK(full.stats->totals.finishedOnTime == 40000);
}

TEST_CASE("dossier page: a broken file and bad rows are named with file and line", "[wizard][dossier]") {
    test::ScratchDir dir;
    writeFile(dir.file("sai.csv"), "Số,Tên\n1,x\n");
    auto s = openSample();
    DossierPageState d(*s);
    d.log = dir.file("sai.csv");
    SharedProgress p;
    d.finish(DossierPageState::run(d.start(), p));
    CHECK(d.status() == DossierPageState::Status::Failed);
    CHECK(d.error().find("sai.csv") != std::string::npos);
    CHECK(d.summary().find("sai.csv") != std::string::npos);
    CHECK_FALSE(s->dirty());

    writeFile(dir.file("dong-loi.csv"),
              "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n"
              "HS-1,1.001612,UBND xã A,04/01/2018,09/01/2018,09/01/2018\n"
              "HS-2,1.001612,UBND xã A,31/02/2018,09/03/2018,\n");
    d.log = dir.file("dong-loi.csv");
    SharedProgress p2;
    d.finish(DossierPageState::run(d.start(), p2));
    REQUIRE(d.status() == DossierPageState::Status::Done);
    CHECK(d.badRowCount() == 1);
    REQUIRE(d.badRows().size() == 1);
    CHECK(d.badRows().front().rfind("dong-loi.csv:3: ", 0) == 0);

    // A mapping file that cannot be read is the page's error, not a crash.
    d.mapping = dir.file("khong-co.txt");
    SharedProgress p3;
    d.finish(DossierPageState::run(d.start(), p3));
    CHECK(d.status() == DossierPageState::Status::Failed);
    CHECK(d.error().find("khong-co.txt") != std::string::npos);
    CHECK(d.stats() == nullptr);  // the previous run's figures are not shown with this error
    CHECK(d.badRows().empty());
    CHECK(d.byUnit().empty());
}

TEST_CASE("dossier page: percentages in Vietnamese and English, month labels", "[wizard][dossier]") {
    setLanguage(Language::Vietnamese);
    CHECK(DossierPageState::formatPercent(0.875) == "87,5 %");
    CHECK(DossierPageState::formatPercent(1.0) == "100 %");
    CHECK(DossierPageState::formatPercent(0.0) == "0 %");
    CHECK(DossierPageState::formatPercent(2.0 / 3.0) == "66,7 %");
    setLanguage(Language::English);
    CHECK(DossierPageState::formatPercent(0.875) == "87.5%");
    setLanguage(Language::Vietnamese);
    CHECK(DossierPageState::monthLabel("2018-03") == "03/2018");
    CHECK(DossierPageState::monthLabel("x") == "x");
}
