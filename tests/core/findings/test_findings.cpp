// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "../model/ModelFixtures.hpp"
#include "TestSupport.hpp"
#include "core/findings/FindingsEngine.hpp"
#include "core/model/AuditBundle.hpp"

using namespace par;

namespace {
struct Fixture {
    std::shared_ptr<ReferenceData> ref = test::smallReference();
    FormLoad load = test::parseForm(test::kSmallForm, ref);
    Audit audit;

    Fixture() {
        REQUIRE(load.problems.ok());
        audit.unit.name = "UBND xã Ngọc Sơn";
        audit.visitStart = Date(2018, 11, 28);
    }
    const Form& form() const { return *load.form; }
    void row(const std::string& q, std::map<std::string, std::string> cells) {
        Answer& a = audit.answers.answers[q];
        a.question = q;
        a.rows.push_back(std::move(cells));
    }
    std::vector<Finding> evaluate() const { return FindingsEngine(form(), ref).evaluate(audit); }
};

const Finding* byRule(const std::vector<Finding>& fs, const std::string& rule, const std::string& key = "") {
    for (const auto& f : fs)
        if (f.rule == rule && (key.empty() || f.key == key)) return &f;
    return nullptr;
}
}  // namespace

TEST_CASE("surplus dossier components give one finding per procedure", "[findings]") {
    Fixture fx;
    fx.row("tthc_kiem_tra", {{"ma_thu_tuc", "1.001612"}, {"thanh_phan_yeu_cau", "Tờ khai đăng ký khai sinh\nBản sao sổ hộ khẩu"}});
    fx.row("tthc_kiem_tra", {{"ma_thu_tuc", "1.001612 "}, {"thanh_phan_yeu_cau", "Giấy chứng sinh"}});
    auto fs = fx.evaluate();
    const Finding* f = byRule(fs, "R-THUA");
    REQUIRE(f != nullptr);
    CHECK(f->key == "1.001612");
    CHECK(f->text == "Thủ tục 1.001612 yêu cầu thừa: Bản sao sổ hộ khẩu.");
    CHECK(f->category == "surplus-components");
    CHECK(f->severity == Severity::High);
    CHECK(f->recommendation.text == "Bỏ thành phần thừa của thủ tục 1.001612.");
    CHECK(f->recommendation.deadline.str() == "30 working-days");
    CHECK(f->recommendation.responsible == "UBND xã Ngọc Sơn");
    size_t n = 0;
    for (const auto& x : fs) n += x.rule == "R-THUA";
    CHECK(n == 1);  // the second row asks for nothing extra
}

TEST_CASE("an unknown procedure gives no surplus finding", "[findings]") {
    Fixture fx;
    fx.row("tthc_kiem_tra", {{"ma_thu_tuc", "9.999"}, {"thanh_phan_yeu_cau", "Bất cứ gì"}});
    CHECK(byRule(fx.evaluate(), "R-THUA") == nullptr);
}

TEST_CASE("outdated unit mandates follow the registry and the inspection date", "[findings]") {
    Fixture fx;
    fx.row("cnnv", {{"don_vi", "Phòng Nội vụ"}, {"ngay_ban_hanh", "2010-05-12"}, {"can_cu", "14/2008/NĐ-CP"}});
    fx.row("cnnv", {{"don_vi", "Phòng Tư pháp"}, {"ngay_ban_hanh", "2015-03-01"}, {"can_cu", "14/2008/NĐ-CP; 37/2014/NĐ-CP"}});
    auto fs = fx.evaluate();
    const Finding* f = byRule(fs, "R-CU", "Phòng Nội vụ");
    REQUIRE(f != nullptr);
    CHECK_THAT(f->text, Catch::Contains("Nghị định số 14/2008/NĐ-CP đã được thay thế bởi Nghị định số 37/2014/NĐ-CP"));
    CHECK(byRule(fs, "R-CU", "Phòng Tư pháp") == nullptr);  // reissued after the change

    // Inspected before the replacement took effect: not outdated yet.
    fx.audit.visitStart = Date(2014, 6, 1);
    CHECK(byRule(fx.evaluate(), "R-CU") == nullptr);
}

TEST_CASE("late handling: late dossiers and missing apology slips", "[findings]") {
    Fixture fx;
    fx.row("ket_qua", {{"nam", "2017"}, {"qua_han", "36"}, {"phieu_xin_loi", "20"}});
    fx.row("ket_qua", {{"nam", "2018"}, {"qua_han", "0"}, {"phieu_xin_loi", "0"}});
    auto fs = fx.evaluate();
    const Finding* late = byRule(fs, "R-TRE");
    REQUIRE(late != nullptr);
    CHECK(late->key == "2017");
    CHECK(late->text == "Năm 2017 có 36 hồ sơ quá hạn.");
    CHECK(late->recommendation.deadline.str() == "15 calendar-days");
    CHECK(byRule(fs, "R-TRE", "2018") == nullptr);
    const Finding* slip = byRule(fs, "R-XIN-LOI");
    REQUIRE(slip != nullptr);
    CHECK(slip->text == "Thiếu phiếu xin lỗi ở 1 năm.");
}

TEST_CASE("rules over sub-unit repeats", "[findings]") {
    Fixture fx;
    Answer& rep = fx.audit.answers.answers["xa"];
    rep.question = "xa";
    AnswerSet a, b;
    a.answers["xa_ten"] = Answer{"xa_ten", false, "Ngọc Sơn", {}, {}, 0};
    a.answers["xa_mot_cua"] = Answer{"xa_mot_cua", false, "yes", {}, {}, 0};
    b.answers["xa_ten"] = Answer{"xa_ten", false, "Quỳnh Châu", {}, {}, 0};
    rep.instances = {a};
    CHECK(byRule(fx.evaluate(), "R-XA") == nullptr);
    b.answers["xa_mot_cua"] = Answer{"xa_mot_cua", false, "no", {}, {}, 0};
    rep.instances = {a, b};
    CHECK(byRule(fx.evaluate(), "R-XA") != nullptr);
}

TEST_CASE("re-evaluation keeps manual findings and edits, flags stale ones", "[findings]") {
    Fixture fx;
    fx.row("ket_qua", {{"nam", "2017"}, {"qua_han", "36"}, {"phieu_xin_loi", "36"}});
    fx.row("ket_qua", {{"nam", "2018"}, {"qua_han", "30"}, {"phieu_xin_loi", "30"}});
    FindingsEngine engine(fx.form(), fx.ref);
    MergeReport first = engine.apply(fx.audit);
    REQUIRE(first.added.size() == 2);
    CHECK(fx.audit.findings[0].id == "F-001");
    CHECK(fx.audit.findings[1].id == "F-002");

    Finding manual;
    manual.id = fx.audit.nextFindingId();
    manual.text = "Đoàn ghi nhận thêm.";
    fx.audit.findings.push_back(manual);
    fx.audit.findings[1].text = "Lời văn do đoàn sửa.";
    fx.audit.findings[1].edited = true;

    // Nothing changed: nothing to report.
    MergeReport again = engine.apply(fx.audit);
    CHECK_FALSE(again.changed());

    // 2017 fixed, 2018 figure changes, a new year appears.
    auto& rows = fx.audit.answers.answers["ket_qua"].rows;
    rows[0]["qua_han"] = "0";
    rows[1]["qua_han"] = "31";
    rows[1]["phieu_xin_loi"] = "31";
    rows.push_back({{"nam", "2019"}, {"qua_han", "2"}, {"phieu_xin_loi", "2"}});
    MergeReport r = engine.apply(fx.audit);
    CHECK(r.staled == std::vector<std::string>{"F-001"});
    CHECK(r.keptEdited == std::vector<std::string>{"F-002"});
    CHECK(r.added == std::vector<std::string>{"F-004"});
    REQUIRE(fx.audit.findings.size() == 4);
    CHECK(fx.audit.findings[0].state == FindingState::Stale);
    CHECK(fx.audit.findings[0].text == "Năm 2017 có 36 hồ sơ quá hạn.");  // kept, not deleted
    CHECK(fx.audit.findings[1].text == "Lời văn do đoàn sửa.");
    CHECK(fx.audit.findings[2].text == "Đoàn ghi nhận thêm.");
    CHECK(fx.audit.findings[3].key == "2019");

    // The condition holds again: the stale finding comes back under its id.
    rows[0]["qua_han"] = "5";
    MergeReport back = engine.apply(fx.audit);
    CHECK(back.reactivated == std::vector<std::string>{"F-001"});
    CHECK(fx.audit.findings[0].state == FindingState::Active);
    CHECK(fx.audit.findings[0].text == "Năm 2017 có 5 hồ sơ quá hạn.");
}

TEST_CASE("a dismissal survives re-evaluation, new wording and staleness", "[findings]") {
    Fixture fx;
    fx.row("ket_qua", {{"nam", "2017"}, {"qua_han", "36"}, {"phieu_xin_loi", "36"}});
    FindingsEngine engine(fx.form(), fx.ref);
    engine.apply(fx.audit);
    REQUIRE(fx.audit.findings.size() == 1);
    fx.audit.findings[0].dismissed = true;
    fx.audit.findings[0].dismissReason = "Số liệu năm 2017 đã được kiểm tra lại.";

    CHECK_FALSE(engine.apply(fx.audit).changed());
    CHECK(fx.audit.findings[0].dismissed);

    // The rule's text changes with the figures: refreshed, still dismissed.
    auto& rows = fx.audit.answers.answers["ket_qua"].rows;
    rows[0]["qua_han"] = "37";
    rows[0]["phieu_xin_loi"] = "37";
    MergeReport r = engine.apply(fx.audit);
    CHECK(r.refreshed == std::vector<std::string>{"F-001"});
    CHECK(fx.audit.findings[0].text == "Năm 2017 có 37 hồ sơ quá hạn.");
    CHECK(fx.audit.findings[0].dismissed);
    CHECK(fx.audit.findings[0].dismissReason == "Số liệu năm 2017 đã được kiểm tra lại.");
    CHECK_FALSE(fx.audit.findings[0].inEffect());

    // Stale and back: still dismissed, no second finding for the same rule and row.
    rows[0]["qua_han"] = "0";
    engine.apply(fx.audit);
    CHECK(fx.audit.findings[0].state == FindingState::Stale);
    rows[0]["qua_han"] = "2";
    engine.apply(fx.audit);
    REQUIRE(fx.audit.findings.size() == 1);
    CHECK(fx.audit.findings[0].state == FindingState::Active);
    CHECK(fx.audit.findings[0].dismissed);
}

TEST_CASE("the Quỳnh Lưu sample yields the three core categories from rules", "[findings][sample]") {
    AuditBundle b = AuditBundle::open(test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
    CHECK(b.audit.findings.empty());  // nothing typed in as a manual finding
    FindingsEngine engine(*b.form, b.reference);
    ValidationResult problems;
    auto fs = engine.evaluate(b.audit, &problems);
    CHECK(problems.ok());
    std::map<std::string, int> byCategory;
    for (const auto& f : fs) {
        CHECK(f.origin == FindingOrigin::Rule);
        ++byCategory[f.category];
    }
    CHECK(byCategory["surplus-components"] >= 1);
    CHECK(byCategory["outdated-mandate"] >= 1);
    CHECK(byCategory["late-handling"] >= 2);
    bool late2017 = false;
    for (const auto& f : fs) late2017 |= f.text.find("36 hồ sơ") != std::string::npos;
    CHECK(late2017);
}
