// SPDX-License-Identifier: Apache-2.0
// test_dossier_page.cpp - the dossier data page: inputs that keep Import disabled, the job run as
// the worker thread runs it (with a real std::thread), cancelling, errors with file:line, the
// figures written into the audit like `dossiers apply`, the chart's series and Vietnamese
// percentages.
#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

#include "TestSupport.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Text.hpp"
#include "core/model/AnswerValidator.hpp"
#include "core/model/FormReader.hpp"
#include "core/model/Reference.hpp"
#include "core/report/AuditData.hpp"
#include "core/report/DossierFigures.hpp"
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
    d.allUnits = true;  // the sample log is the whole district's, as `dossiers apply --all-units`
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
    d.allUnits = true;
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
    d.allUnits = true;
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
    CHECK(d.summary().find("Dòng tiêu đề") == std::string::npos);

    // The same log under a report's title: read, and the page says where the table began.
    writeFile(dir.file("co-tieu-de.csv"),
              "SỔ THEO DÕI HỒ SƠ\n\n"
              "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n"
              "HS-1,1.001612,UBND xã A,04/01/2018,09/01/2018,09/01/2018\n"
              "HS-2,1.001612,UBND xã A,31/02/2018,09/03/2018,\n");
    d.log = dir.file("co-tieu-de.csv");
    SharedProgress pt;
    d.finish(DossierPageState::run(d.start(), pt));
    REQUIRE(d.status() == DossierPageState::Status::Done);
    CHECK_THAT(d.summary(), Catch::Contains("Dòng tiêu đề của bảng: dòng 3"));
    REQUIRE(d.badRows().size() == 1);
    CHECK(d.badRows().front().rfind("co-tieu-de.csv:5: ", 0) == 0);

    // The same log with its columns numbered under the header: that row is not a bad one.
    writeFile(dir.file("danh-so-cot.csv"),
              "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n"
              "(1),(2),(3),(4),(5),(6)\n"
              "HS-1,1.001612,UBND xã A,04/01/2018,09/01/2018,09/01/2018\n"
              "HS-2,1.001612,UBND xã A,31/02/2018,09/03/2018,\n");
    d.log = dir.file("danh-so-cot.csv");
    SharedProgress pn;
    d.finish(DossierPageState::run(d.start(), pn));
    REQUIRE(d.status() == DossierPageState::Status::Done);
    CHECK(d.badRowCount() == 1);
    CHECK_THAT(d.summary(), Catch::Contains("2 dòng, 1 dòng hợp lệ, 1 dòng lỗi") &&
                                Catch::Contains("Bỏ qua 1 dòng đánh số cột"));

    // Two exports pasted one under the other: the second header is not a bad row either.
    const std::string header =
        "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n";
    writeFile(dir.file("hai-ky.csv"),
              header + "HS-1,1.001612,UBND xã A,04/01/2018,09/01/2018,09/01/2018\n" + header +
                  "HS-2,1.001612,UBND xã A,31/02/2018,09/03/2018,\n");
    d.log = dir.file("hai-ky.csv");
    SharedProgress ph;
    d.finish(DossierPageState::run(d.start(), ph));
    REQUIRE(d.status() == DossierPageState::Status::Done);
    CHECK(d.badRowCount() == 1);
    CHECK_THAT(d.summary(), Catch::Contains("2 dòng, 1 dòng hợp lệ, 1 dòng lỗi") &&
                                Catch::Contains("Bỏ qua 1 dòng lặp lại dòng tiêu đề của bảng"));

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
    CHECK(DossierPageState::formatPercent(0.875) == "87,5%");  // as the notice writes "99,7%"
    CHECK(DossierPageState::formatPercent(1.0) == "100%");
    CHECK(DossierPageState::formatPercent(0.0) == "0%");
    CHECK(DossierPageState::formatPercent(2.0 / 3.0) == "66,7%");
    setLanguage(Language::English);
    CHECK(DossierPageState::formatPercent(0.875) == "87.5%");
    setLanguage(Language::Vietnamese);
    CHECK(DossierPageState::monthLabel("2018-03") == "03/2018");
    CHECK(DossierPageState::monthLabel("x") == "x");
}

TEST_CASE("dossier page: units as the page lists them", "[wizard][dossier]") {
    auto s = openSample();
    DossierPageState d(*s);
    CHECK(d.unitsText == "UBND huyện Quỳnh Lưu");  // the audited unit, as the CLI's default
    CHECK(d.units() == std::vector<std::string>{"UBND huyện Quỳnh Lưu"});
    d.unitsText = " UBND xã Quỳnh Châu ;\r\n\nUBND xã Ngọc Sơn\n ; ";
    CHECK(d.units() == std::vector<std::string>{"UBND xã Quỳnh Châu", "UBND xã Ngọc Sơn"});
    d.log = test::sourcePath("samples/mot-cua/quynh-luu-2018.csv");
    CHECK(d.canStart());
    d.unitsText = " \n ; ";
    CHECK_FALSE(d.canStart());
    CHECK(d.startBlocker().find("đơn vị") != std::string::npos);
    d.allUnits = true;  // no names needed then
    CHECK(d.units().empty());
    CHECK(d.canStart());
}

TEST_CASE("dossier page: by default only the audited unit's rows, a log of other units is refused",
          "[wizard][dossier]") {
    auto s = openSample();
    const std::string before = s->toXml();
    DossierPageState d(*s);
    d.log = test::sourcePath("samples/mot-cua/quynh-luu-2018.csv");
    DossierJob job = d.start();
    CHECK(job.units == std::vector<std::string>{"UBND huyện Quỳnh Lưu"});
    REQUIRE(job.receivedFrom);
    CHECK(*job.receivedFrom == Date(2017, 1, 1));
    SharedProgress p;
    d.finish(DossierPageState::run(job, p));
    REQUIRE(d.status() == DossierPageState::Status::Failed);
    // The same refusal as `dossiers apply`, worded for the page: the log's units, most rows first.
    CHECK_THAT(d.error(), Catch::Contains("quynh-luu-2018.csv") &&
                              Catch::Contains("không dòng nào của nhật ký thuộc đơn vị \"UBND huyện Quỳnh Lưu\"") &&
                              Catch::Contains("\"Sở Kế hoạch và Đầu tư\" (14 dòng)") &&
                              Catch::Contains("Đơn vị trong nhật ký") && !Catch::Contains("--unit"));
    CHECK_FALSE(s->dirty());
    CHECK(s->toXml() == before);
}

TEST_CASE("dossier page: --unit parity with dossiers apply, rows left out counted", "[wizard][dossier]") {
    const std::string log = test::sourcePath("samples/mot-cua/quynh-luu-2018.csv");
    const std::vector<std::string> chosen = {"UBND xã Quỳnh Châu", "ubnd  xã NGỌC SƠN"};

    auto s = openSample();
    DossierPageState d(*s);
    d.log = log;
    d.unitsText = chosen[0] + "\n" + chosen[1];
    SharedProgress p;
    d.finish(DossierPageState::run(d.start(), p));
    REQUIRE(d.status() == DossierPageState::Status::Done);
    REQUIRE(d.stats() != nullptr);
    // 13 + 11 rows of the two communes in the log; every other row is counted apart.
    CHECK(d.stats()->totals.received + d.stats()->rowsOutsidePeriod + d.stats()->rowsInvalid == 24);
    CHECK(d.stats()->rowsOtherUnit == 242 - 24);
    REQUIRE(d.stats()->byUnit.size() == 2);
    CHECK_THAT(d.summary(), Catch::Contains("Không tính: 218 dòng của đơn vị khác"));
    auto pending = s->pendingChanges();
    REQUIRE_FALSE(pending.empty());
    CHECK(pending.back().code == "dossiers.apply");
    CHECK(pending.back().args.at(2) == "UBND xã Quỳnh Châu, ubnd  xã NGỌC SƠN");
    CHECK(pending.back().args.at(4) == "218");

    // The CLI's operation on a second copy of the same audit writes the same table.
    auto other = openSample();
    dossier::ApplyRequest request;
    request.log = log;
    request.asOf = Date(2018, 10, 30);
    request.units = chosen;
    request.threads = 1;
    auto result = dossier::applyDossierLog(other->audit(), other->form(), other->reference()->catalog,
                                           cal::WorkingCalendar::standard(), request);
    const Answer* cli = other->audit().answers.find("ket_qua_giai_quyet");
    const Answer* page = s->audit().answers.find("ket_qua_giai_quyet");
    REQUIRE(cli != nullptr);
    REQUIRE(page != nullptr);
    CHECK(cli->rows == page->rows);
    CHECK(result.stats.totals == d.stats()->totals);
    // The same change-log values but the log's name (the CLI logs the path as typed).
    REQUIRE(result.change.args.size() == pending.back().args.size());
    for (size_t i = 1; i < result.change.args.size(); ++i) CHECK(result.change.args[i] == pending.back().args[i]);
}

TEST_CASE("dossier page: a log received outside the audit's period is refused", "[wizard][dossier]") {
    auto s = openSample();
    s->audit().periodStart = Date(2026, 1, 1);
    s->audit().periodEnd = Date(2026, 9, 30);
    const std::string before = s->toXml();
    DossierPageState d(*s);
    d.log = test::sourcePath("samples/mot-cua/quynh-luu-2018.csv");
    d.allUnits = true;
    SharedProgress p;
    d.finish(DossierPageState::run(d.start(), p));
    REQUIRE(d.status() == DossierPageState::Status::Failed);
    CHECK_THAT(d.error(), Catch::Contains("ngoài thời kỳ kiểm tra") && Catch::Contains("01/01/2026") &&
                              Catch::Contains("30/09/2026"));
    CHECK(s->toXml() == before);
}

TEST_CASE("the 2026 forms take the 766 rate and the unknown-procedure count, the notice reads them",
          "[wizard][dossier][form]") {
    // The figures of the sample log (the page's run), written with each 2026 form.
    auto s = openSample();
    DossierPageState d(*s);
    d.log = test::sourcePath("samples/mot-cua/quynh-luu-2018.csv");
    d.allUnits = true;
    SharedProgress p;
    d.finish(DossierPageState::run(d.start(), p));
    REQUIRE(d.status() == DossierPageState::Status::Done);
    const dossier::DossierStats& stats = *d.stats();
    REQUIRE(stats.byYear.size() == 1);
    const dossier::DossierCounts& c = stats.byYear.front().counts;
    long long unknown = 0;
    for (const auto& u : stats.unknownByYear) unknown += u.counts.received;
    REQUIRE(stats.rowsUnknownProcedure > 0);  // the sample log has codes outside the catalog
    CHECK(unknown == stats.rowsUnknownProcedure);

    auto ref = ReferenceData::bundled();
    for (const char* name : {"forms/cchc-xa.xml", "forms/cchc-so.xml"}) {
        INFO(name);
        FormLoad l = FormReader::load(test::sourcePath(name), formFunctions(ref, std::nullopt));
        REQUIRE(l.problems.ok());
        REQUIRE(dossier::formHasResultsTable(*l.form));
        const Question* table = l.form->findQuestion(dossier::kResultsTable);
        REQUIRE(table->findColumn(dossier::kRate766Column) != nullptr);
        REQUIRE(table->findColumn(dossier::kUnknownProcedureColumn) != nullptr);

        Audit audit;
        audit.unit.name = "UBND xã Quỳnh Châu";
        dossier::applyYearFigures(audit, *l.form, stats);
        const Answer* a = audit.answers.find(dossier::kResultsTable);
        REQUIRE(a != nullptr);
        REQUIRE(a->rows.size() == 1);
        const auto& row = a->rows.front();
        char expected[32];
        std::snprintf(expected, sizeof expected, "%.2f",
                      100.0 * static_cast<double>(c.finishedEarly + c.finishedOnTime + c.pendingInTime) /
                          static_cast<double>(c.received));
        CHECK(row.at(dossier::kRate766Column) == expected);
        CHECK(row.at(dossier::kUnknownProcedureColumn) == std::to_string(unknown));

        // The form accepts what apply wrote, once the team enters the apology slips (its
        // constraint asks for them when there are late dossiers): no problem about the table.
        audit.answers.answers[dossier::kResultsTable].rows.front()["phieu_xin_loi"] = std::to_string(c.finishedLate);
        const expr::FunctionTable fns = formFunctions(ref, std::nullopt);  // the validator keeps a reference
        AnswerValidator validator(*l.form, fns);
        for (const auto& pr : validator.check(audit)) {
            INFO(pr.problem.message);
            CHECK(pr.question != dossier::kResultsTable);
        }
        // Its constraint refuses more unknown-procedure dossiers than received.
        Audit wrong = audit;
        wrong.answers.answers[dossier::kResultsTable].rows.front()[dossier::kUnknownProcedureColumn] =
            std::to_string(c.received + 1);
        bool refused = false;
        for (const auto& pr : validator.check(wrong))
            if (pr.question == dossier::kResultsTable &&
                pr.problem.message.find("danh mục") != std::string::npos)
                refused = true;
        CHECK(refused);

        // The notice's table: both rates, the unknown count.
        report::Data rows = report::dossierFigures(audit, *l.form);
        REQUIRE(rows.items().size() == 1);
        const report::Data& r0 = rows.items().front();
        CHECK(r0.path("unknownProcedure")->str() == report::groupThousands(unknown));
        CHECK(r0.path("rate766")->str() ==
              report::percent(static_cast<double>(c.finishedEarly + c.finishedOnTime + c.pendingInTime) /
                              static_cast<double>(c.received)));
    }
}
