// SPDX-License-Identifier: Apache-2.0
// The data builder on the Quỳnh Lưu sample: header fields, bases' punctuation, findings grouped by
// area in form order, requests with computed deadlines, recipients, and the helpers' formats.
#include <catch2/catch.hpp>

#include "TestSupport.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/report/AuditData.hpp"
#include "core/report/DossierFigures.hpp"
#include "core/tracking/Deadlines.hpp"

using par::report::Data;

namespace {
par::AuditBundle sample() {
    return par::AuditBundle::open(
        par::test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
}
const std::string& str(const Data& d, const char* path) {
    const Data* v = d.path(path);
    REQUIRE(v != nullptr);
    return v->str();
}
}  // namespace

// The notice prints the deadlines the tracker computes (one function, par::track::computeDeadline).
TEST_CASE("deadlines: working days, calendar days (Civil Code), fixed dates", "[report]") {
    const auto cal = par::cal::WorkingCalendar::standard();
    const par::Date notice(2018, 12, 5);
    // 30 working days after 05/12/2018: 31/12/2018 and 01/01/2019 are off, Saturday 05/01/2019
    // is worked (2018-19 swap), so the 30th working day is Thursday 17/01/2019.
    auto wd = par::DeadlineRule::parse("30 working-days");
    REQUIRE(wd);
    CHECK(par::track::computeDeadline(*wd, notice, cal) == par::Date(2019, 1, 17));
    // 90 calendar days: 05/03/2019, a Tuesday.
    auto cd = par::DeadlineRule::parse("90 calendar-days");
    CHECK(par::track::computeDeadline(*cd, notice, cal) == par::Date(2019, 3, 5));
    // A period ending on a Sunday ends on the next working day (Art. 148): 05/12 + 25 = 30/12/2018
    // (Sunday), 31/12 is a day off, 01/01 a holiday, so 02/01/2019.
    auto sun = par::DeadlineRule::parse("25 calendar-days");
    CHECK(par::track::computeDeadline(*sun, notice, cal) == par::Date(2019, 1, 2));
    auto fixed = par::DeadlineRule::parse("2019-03-31");
    CHECK(par::track::computeDeadline(*fixed, std::nullopt, cal) == par::Date(2019, 3, 31));
    CHECK_FALSE(par::track::computeDeadline(*wd, std::nullopt, cal));
    CHECK_FALSE(par::track::computeDeadline(par::DeadlineRule{}, notice, cal));
}

TEST_CASE("formats: figures, rates, numbers, agency names", "[report]") {
    CHECK(par::report::groupThousands(17334) == "17.334");
    CHECK(par::report::groupThousands(1234567) == "1.234.567");
    CHECK(par::report::groupThousands(999) == "999");
    CHECK(par::report::groupThousands(-1000) == "-1.000");
    CHECK(par::report::percent(10746.0 / 10782.0) == "99,7%");
    CHECK(par::report::percent(1.0) == "100%");
    CHECK(par::report::documentNumber("5") == "05");
    CHECK(par::report::documentNumber("05") == "05");
    CHECK(par::report::documentNumber("123") == "123");
    CHECK(par::report::agencyTitle("SỞ NỘI VỤ") == "Sở Nội vụ");
    CHECK(par::report::agencyTitle("SỞ TƯ PHÁP") == "Sở Tư pháp");
    CHECK(par::report::documentDate(par::Date(2018, 12, 5), par::Language::English) ==
          "5 December 2018");
}

TEST_CASE("the sample's notice data", "[report]") {
    par::AuditBundle b = sample();
    std::string before = b.audit.fingerprint();
    Data d = par::report::auditData(b);
    CHECK(b.audit.findings.empty());  // evaluated on a copy; the bundle is untouched
    CHECK(str(d, "fingerprint") == before);
    CHECK(str(d, "notice.number") == "05");
    CHECK(str(d, "notice.symbol") == "TB-SNV");
    CHECK(str(d, "notice.date") == "ngày 05 tháng 12 năm 2018");
    CHECK(str(d, "agency.parent") == "UBND TỈNH NGHỆ AN");
    CHECK(str(d, "agency.title") == "Sở Nội vụ");
    CHECK(str(d, "inspection.date") == "ngày 28 tháng 11 năm 2018");
    CHECK(str(d, "inspection.leader") == "Lê Đình Lý");
    CHECK(str(d, "signer.authority") == "KT. GIÁM ĐỐC");

    const auto& bases = d.path("bases")->items();
    REQUIRE(bases.size() == 4);
    CHECK(str(bases[0], "end") == ";");
    CHECK(str(bases[3], "end") == ".");

    // Rule findings of a fresh audit, grouped in the form's area order.
    CHECK(d.path("findings")->items().size() == 17);
    const auto& groups = d.path("shortcomings")->items();
    REQUIRE(groups.size() == 5);
    CHECK(str(groups[0], "areaId") == "leadership");
    CHECK(str(groups[0], "letter") == "a");
    CHECK(str(groups[1], "areaId") == "procedures");
    CHECK(str(groups[1], "area") == "Cải cách thủ tục hành chính");
    CHECK(str(groups[4], "areaId") == "e-government");

    // Requests: each recommendation once, with its computed deadline.
    const auto& requests = d.path("requests")->items();
    CHECK(requests.size() == 15);  // two pairs of findings share one recommendation
    CHECK(str(requests[0], "date") == "17/01/2019");  // 30 working days
    CHECK(str(requests[0], "deadline") == "đến hết ngày 17/01/2019");
    CHECK(str(requests[0], "rule") == "30 ngày làm việc");
    CHECK(str(requests[0], "assignee").empty());  // the inspected unit itself
    CHECK(d.path("plan")->items().size() == 17);

    // The dossier figures under the procedures area.
    const auto& results = d.path("results")->items();
    REQUIRE(results.size() == 3);
    CHECK(str(results[1], "areaId") == "procedures");
    const auto& rows = results[1].path("dossiers")->items();
    REQUIRE(rows.size() == 2);
    CHECK(str(rows[0], "received") == "17.334");
    CHECK(str(rows[0], "inTime") == "10.746");
    CHECK(str(rows[0], "rate") == "99,7%");

    const auto& rec = d.path("recipients")->items();
    REQUIRE(rec.size() == 4);
    CHECK(str(rec[0], "text") == "UBND huyện Quỳnh Lưu;");
    CHECK(str(rec[3], "text") == "Lưu: VT, CCHC.");
}

TEST_CASE("stale findings are not printed, manual ones are", "[report]") {
    par::AuditBundle b = sample();
    par::Finding manual;
    manual.id = "F-900";
    manual.origin = par::FindingOrigin::Manual;
    manual.area = "civil-service";
    manual.text = "Một phát hiện do đoàn nhập.";
    b.audit.findings.push_back(manual);
    par::Finding stale;
    stale.id = "F-901";
    stale.origin = par::FindingOrigin::Rule;
    stale.rule = "R-LD-KE-HOACH";  // ld_ke_hoach = yes in the sample: the rule does not hold
    stale.area = "leadership";
    stale.text = "Phát hiện cũ không còn đúng.";
    b.audit.findings.push_back(stale);
    Data d = par::report::auditData(b);
    bool manualSeen = false, staleSeen = false;
    for (const auto& f : d.path("findings")->items()) {
        manualSeen = manualSeen || f.path("text")->str() == manual.text;
        staleSeen = staleSeen || f.path("text")->str() == stale.text;
    }
    CHECK(manualSeen);
    CHECK_FALSE(staleSeen);
    CHECK(d.path("findings")->items().size() == 18);
}

TEST_CASE("no notice date: deadlines as the rule's words, blanks to fill by hand", "[report]") {
    par::AuditBundle b = sample();
    b.audit.notice.date.reset();
    b.audit.notice.number.clear();
    b.audit.notice.recipients = {"UBND huyện Quỳnh Lưu."};
    Data d = par::report::auditData(b);
    CHECK(str(d, "notice.date") == "ngày … tháng … năm …");
    const auto& requests = d.path("requests")->items();
    CHECK(str(requests[0], "deadline") == "30 ngày làm việc kể từ ngày ban hành Thông báo");
    CHECK(str(d, "report.deadline").empty());
    const auto& rec = d.path("recipients")->items();
    REQUIRE(rec.size() == 2);
    CHECK(str(rec[0], "text") == "UBND huyện Quỳnh Lưu;");
    CHECK(str(rec[1], "text") == "Lưu: VT.");
}

// The notice's dossier table: the 766 rate from the row's own figures when they suffice, else the
// rate `dossiers apply` stored (ty_le_dung_han_766), else "—"; the unknown-procedure count as entered.
TEST_CASE("dossier figures: the 766 rate computed, stored or unknown", "[report]") {
    par::AuditBundle b = sample();
    auto& rows = b.audit.answers.answers[par::report::kDossierTable];
    rows.question = par::report::kDossierTable;
    rows.na = false;
    rows.rows = {
        // Pending in time recorded: computed, (90 + 5) / 100, the stored value ignored.
        {{"nam", "2024"}, {"tiep_nhan", "100"}, {"dung_han", "90"}, {"qua_han", "3"},
         {"chua_giai_quyet_trong_han", "5"}, {"chua_giai_quyet_qua_han", "2"},
         {"ty_le_dung_han_766", "12.00"}, {"khong_ro_thu_tuc", "1234"}},
        // Pending not recorded and some dossiers still open: the stored rate (comma accepted).
        {{"nam", "2025"}, {"tiep_nhan", "100"}, {"dung_han", "90"}, {"qua_han", "3"},
         {"ty_le_dung_han_766", "96,5"}},
        // Neither: unknown.
        {{"nam", "2026"}, {"tiep_nhan", "100"}, {"dung_han", "90"}, {"qua_han", "3"}},
        // A stored value that is not a percentage is not printed.
        {{"nam", "2027"}, {"tiep_nhan", "100"}, {"dung_han", "90"}, {"ty_le_dung_han_766", "150"}},
    };
    Data figures = par::report::dossierFigures(b.audit, *b.form);
    const auto& items = figures.items();
    REQUIRE(items.size() == 4);
    CHECK(items[0].path("rate766")->str() == "95%");
    CHECK(items[0].path("unknownProcedure")->str() == "1.234");
    CHECK(items[1].path("rate766")->str() == "96,5%");
    CHECK(items[1].path("unknownProcedure")->str().empty());
    CHECK(items[2].path("rate766")->str() == "—");
    CHECK(items[3].path("rate766")->str() == "—");
}
