// SPDX-License-Identifier: Apache-2.0
// The bundled registry's 2025-26 chains as the findings see them: the "outdated mandate" rule flags a
// mandate issued under each replaced text before its replacement, and not one reissued after; rules
// cite the legal basis in force on the inspection date (<legal-basis ref>).
#include <catch2/catch.hpp>

#include <array>
#include <fstream>
#include <sstream>

#include "../model/ModelFixtures.hpp"
#include "TestSupport.hpp"
#include "core/findings/FindingsEngine.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/model/FormReader.hpp"

using namespace par;

namespace {
const Finding* byKey(const std::vector<Finding>& fs, const std::string& rule, const std::string& key) {
    for (const auto& f : fs)
        if (f.rule == rule && f.key == key) return &f;
    return nullptr;
}

struct Chain {
    const char* replaced;   // the text a mandate was issued under
    const char* successor;  // what outdated_reason must name
    Date before;            // a mandate issued then is outdated in a 2026 audit
    Date after;             // reissued then (under the same or the new text): not outdated
};

// One mandate row per chain, inspected on 15/10/2026 with the bundled reference data.
std::vector<Finding> evaluateMandates(const std::vector<std::array<std::string, 3>>& rows, const Date& visit) {
    FormLoad load = test::parseForm(test::kSmallForm);
    REQUIRE(load.problems.ok());
    Audit audit;
    audit.unit.name = "Sở Nội vụ";
    audit.visitStart = visit;
    for (const auto& r : rows) {
        Answer& a = audit.answers.answers["cnnv"];
        a.question = "cnnv";
        a.rows.push_back({{"don_vi", r[0]}, {"ngay_ban_hanh", r[1]}, {"can_cu", r[2]}});
    }
    return FindingsEngine(*load.form, ReferenceData::bundled()).evaluate(audit);
}
}  // namespace

TEST_CASE("each 2025 chain: a mandate under the replaced text is outdated, a reissued one is not",
          "[findings][registry]") {
    const std::vector<Chain> chains = {
        {"24/2014/NĐ-CP", "45/2025/NĐ-CP", Date(2016, 3, 1), Date(2025, 3, 10)},
        {"107/2020/NĐ-CP", "45/2025/NĐ-CP", Date(2021, 1, 5), Date(2025, 3, 10)},
        {"37/2014/NĐ-CP", "45/2025/NĐ-CP", Date(2015, 8, 1), Date(2025, 3, 10)},
        {"108/2020/NĐ-CP", "45/2025/NĐ-CP", Date(2021, 1, 5), Date(2025, 3, 10)},
        {"45/2025/NĐ-CP", "150/2025/NĐ-CP", Date(2025, 3, 10), Date(2025, 8, 1)},
        {"61/2018/NĐ-CP", "118/2025/NĐ-CP", Date(2019, 2, 1), Date(2025, 8, 1)},
        {"107/2021/NĐ-CP", "118/2025/NĐ-CP", Date(2022, 3, 1), Date(2025, 8, 1)},
        {"01/2018/TT-VPCP", "03/2025/TT-VPCP", Date(2019, 2, 1), Date(2025, 10, 1)},
        {"22/2008/QH12", "80/2025/QH15", Date(2015, 1, 1), Date(2025, 7, 15)},
        {"138/2020/NĐ-CP", "170/2025/NĐ-CP", Date(2021, 1, 1), Date(2025, 7, 15)},
        {"101/2017/NĐ-CP", "171/2025/NĐ-CP", Date(2018, 1, 1), Date(2025, 7, 15)},
        {"11/2022/QH15", "84/2025/QH15", Date(2023, 9, 1), Date(2025, 7, 15)},
        {"30c/NQ-CP", "76/NQ-CP", Date(2015, 1, 1), Date(2021, 9, 1)},
        {"77/2015/QH13", "72/2025/QH15", Date(2016, 5, 1), Date(2025, 7, 15)},
        // Switched on 06/12/2026 with [M] dates (reference/van-ban.xml says which source gave what).
        {"62/2020/NĐ-CP", "361/2025/NĐ-CP", Date(2021, 3, 1), Date(2026, 1, 20)},
        {"58/2010/QH12", "129/2025/QH15", Date(2015, 1, 1), Date(2026, 7, 15)},
    };
    std::vector<std::array<std::string, 3>> rows;
    for (const auto& c : chains) {
        rows.push_back({std::string("cũ ") + c.replaced, isoDate(c.before), c.replaced});
        rows.push_back({std::string("mới ") + c.replaced, isoDate(c.after), c.replaced});
    }
    auto fs = evaluateMandates(rows, Date(2026, 10, 15));
    for (const auto& c : chains) {
        INFO(c.replaced);
        const Finding* old = byKey(fs, "R-CU", std::string("cũ ") + c.replaced);
        REQUIRE(old != nullptr);
        CHECK_THAT(old->text, Catch::Contains(std::string(c.replaced) + " đã được") &&
                                  Catch::Contains(c.successor));
        CHECK(byKey(fs, "R-CU", std::string("mới ") + c.replaced) == nullptr);
    }
}

TEST_CASE("a mandate reissued under the new text is not outdated, the chain is followed by date",
          "[findings][registry]") {
    auto fs = evaluateMandates({{"Sở A", "2025-08-01", "150/2025/NĐ-CP"},
                                {"Sở B", "2025-03-10", "45/2025/NĐ-CP"},
                                {"Phòng C", "2026-08-10", "118/2025/NĐ-CP"},
                                {"Phòng D", "2025-08-01", "118/2025/NĐ-CP"}},
                               Date(2026, 10, 15));
    CHECK(byKey(fs, "R-CU", "Sở A") == nullptr);
    CHECK(byKey(fs, "R-CU", "Phòng C") == nullptr);
    // 118/2025 was amended by 309/2026 from 05/08/2026 (switched on 07/12/2026, [M]): a mandate
    // issued before that day is under the old wording.
    const Finding* amended = byKey(fs, "R-CU", "Phòng D");
    REQUIRE(amended != nullptr);
    CHECK_THAT(amended->text, Catch::Contains("309/2026/NĐ-CP") && Catch::Contains("05/08/2026"));
    const Finding* b = byKey(fs, "R-CU", "Sở B");
    REQUIRE(b != nullptr);
    CHECK_THAT(b->text, Catch::Contains("Nghị định số 45/2025/NĐ-CP đã được thay thế bởi Nghị định số 150/2025/NĐ-CP "
                                        "(hiệu lực từ 16/06/2025)"));

    // A successor replaced in its turn: the text in force now is named too (session 9: the 2015
    // local government law was replaced by 65/2025 on 01/03/2025, which 72/2025 replaced on 16/06).
    auto chained = evaluateMandates({{"UBND xã D", "2016-05-01", "77/2015/QH13"},
                                     {"Sở E", "2016-03-01", "24/2014/NĐ-CP"}},
                                    Date(2026, 10, 15));
    const Finding* d = byKey(chained, "R-CU", "UBND xã D");
    REQUIRE(d != nullptr);
    CHECK_THAT(d->text, Catch::Contains("Luật Tổ chức chính quyền địa phương số 77/2015/QH13") ||
                            Catch::Contains("Luật số 77/2015/QH13"));
    CHECK_THAT(d->text, Catch::Contains("thay thế bởi Luật số 65/2025/QH15 (hiệu lực từ 01/03/2025), nay là "
                                        "Luật số 72/2025/QH15 (hiệu lực từ 16/06/2025)"));
    const Finding* e = byKey(chained, "R-CU", "Sở E");
    REQUIRE(e != nullptr);
    CHECK_THAT(e->text, Catch::Contains("45/2025/NĐ-CP (hiệu lực từ 01/03/2025), nay là Nghị định số "
                                        "150/2025/NĐ-CP (hiệu lực từ 16/06/2025)"));
    // Inspected before the second replacement: only the first is named.
    auto between = evaluateMandates({{"UBND xã D", "2016-05-01", "77/2015/QH13"}}, Date(2025, 4, 15));
    const Finding* early = byKey(between, "R-CU", "UBND xã D");
    REQUIRE(early != nullptr);
    CHECK_THAT(early->text, Catch::Contains("65/2025/QH15") && !Catch::Contains("nay là"));

    // Inspected in 2018, the 2025 replacements do not exist yet: a 2015 mandate under 37/2014 stands.
    auto old = evaluateMandates({{"Phòng Nội vụ", "2015-08-01", "37/2014/NĐ-CP"}}, Date(2018, 11, 28));
    CHECK(byKey(old, "R-CU", "Phòng Nội vụ") == nullptr);
}

namespace {
const char* kBasisRegistry = R"XML(<legal-registry format-version="1">
  <text number="61/2018/NĐ-CP" kind="nghi-dinh" title="Nghị định về thực hiện cơ chế một cửa" effective="2018-06-21">
    <replaced-by number="118/2025/NĐ-CP"/>
  </text>
  <text number="118/2025/NĐ-CP" kind="nghi-dinh" title="Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa" issued="2025-06-09" effective="2025-07-01"/>
  <text number="80/2025/QH15" kind="luat" title="Luật Cán bộ, công chức" effective="2025-07-01"/>
  <text number="335/2025/NĐ-CP" kind="nghi-dinh" title="Nghị định về đánh giá công chức" issued="2025-12-21"/>
  <text number="1/2000/NĐ-CP" kind="nghi-dinh" effective="2000-01-01"><repealed effective="2020-01-01"/></text>
</legal-registry>
)XML";

std::string formWithBases(const std::string& bases) {
    std::string xml = test::kSmallForm;
    const std::string anchor = "<text>Năm {nam} có {qua_han} hồ sơ quá hạn.</text>";
    auto at = xml.find(anchor);
    REQUIRE(at != std::string::npos);
    xml.insert(at + anchor.size(), bases);
    return xml;
}

std::vector<std::string> basesOn(const std::string& formXml, const Date& visit) {
    auto ref = std::make_shared<ReferenceData>();
    ref->registry = LegalRegistry::parse(kBasisRegistry, "basis.xml");
    FormLoad load = test::parseForm(formXml, ref);
    INFO(test::allProblems(load));
    REQUIRE(load.problems.ok());
    Audit audit;
    audit.unit.name = "UBND xã Ngọc Sơn";
    audit.visitStart = visit;
    Answer& a = audit.answers.answers["ket_qua"];
    a.question = "ket_qua";
    a.rows.push_back({{"nam", "2025"}, {"qua_han", "3"}, {"phieu_xin_loi", "3"}});
    auto fs = FindingsEngine(*load.form, ref).evaluate(audit);
    const Finding* f = byKey(fs, "R-TRE", "2025");
    REQUIRE(f != nullptr);
    return f->legalBasis;
}
}  // namespace

TEST_CASE("rules cite the legal basis in force on the inspection date", "[findings][registry]") {
    const std::string both = formWithBases(
        "<legal-basis ref='61/2018/NĐ-CP'>Nghị định số 61/2018/NĐ-CP về một cửa</legal-basis>"
        "<legal-basis ref='118/2025/NĐ-CP'>Nghị định số 118/2025/NĐ-CP về một cửa</legal-basis>"
        "<legal-basis>Quyết định của UBND tỉnh</legal-basis>"
        "<legal-basis ref='9/2099/NĐ-CP'>Văn bản sổ đăng ký chưa có</legal-basis>");
    using V = std::vector<std::string>;
    CHECK(basesOn(both, Date(2018, 11, 28)) ==
          V{"Nghị định số 61/2018/NĐ-CP về một cửa", "Quyết định của UBND tỉnh", "Văn bản sổ đăng ký chưa có"});
    CHECK(basesOn(both, Date(2026, 3, 2)) ==
          V{"Nghị định số 118/2025/NĐ-CP về một cửa", "Quyết định của UBND tỉnh", "Văn bản sổ đăng ký chưa có"});
    // The day before and the day 118/2025 takes effect.
    CHECK(basesOn(both, Date(2025, 6, 30)).front() == "Nghị định số 61/2018/NĐ-CP về một cửa");
    CHECK(basesOn(both, Date(2025, 7, 1)).front() == "Nghị định số 118/2025/NĐ-CP về một cửa");

    // Only the old text cited: its successor is cited from the registry, once.
    const std::string oldOnly = formWithBases(
        "<legal-basis ref='61/2018/NĐ-CP'>Nghị định số 61/2018/NĐ-CP về một cửa</legal-basis>"
        "<legal-basis ref='61/2018/nđ-cp'>Nghị định số 61/2018/NĐ-CP (điều khác)</legal-basis>");
    CHECK(basesOn(oldOnly, Date(2026, 3, 2)) ==
          V{"Nghị định số 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa"});

    // Not yet issued (issue date only) or repealed without successor: left out; laws: "Luật … số …".
    const std::string mixed = formWithBases(
        "<legal-basis ref='80/2025/QH15'>Luật Cán bộ, công chức số 80/2025/QH15</legal-basis>"
        "<legal-basis ref='335/2025/NĐ-CP'>Nghị định số 335/2025/NĐ-CP</legal-basis>"
        "<legal-basis ref='1/2000/NĐ-CP'>Nghị định số 1/2000/NĐ-CP</legal-basis>");
    CHECK(basesOn(mixed, Date(2025, 9, 1)) == V{"Luật Cán bộ, công chức số 80/2025/QH15"});
    CHECK(basesOn(mixed, Date(2026, 3, 2)) ==
          V{"Luật Cán bộ, công chức số 80/2025/QH15", "Nghị định số 335/2025/NĐ-CP"});
}

TEST_CASE("a legal basis with a ref but no citation text is refused", "[findings][registry]") {
    FormLoad load = test::parseForm(formWithBases("\n<legal-basis ref='118/2025/NĐ-CP'/>"));
    CHECK_FALSE(load.problems.ok());
    CHECK_THAT(test::allProblems(load), Catch::Contains("form.xml:") && Catch::Contains("legal-basis ref"));
}

TEST_CASE("the 2018 sample still cites 61/2018 and 37/2014, the same rules in 2026 cite 118/2025",
          "[findings][sample][registry]") {
    AuditBundle b = AuditBundle::open(test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
    FindingsEngine engine(*b.form, b.reference);
    auto joined = [](const std::vector<Finding>& fs) {
        std::string all;
        for (const auto& f : fs)
            for (const auto& lb : f.legalBasis) all += lb + "\n";
        return all;
    };
    const std::string y2018 = joined(engine.evaluate(b.audit));
    CHECK_THAT(y2018, Catch::Contains("Nghị định số 61/2018/NĐ-CP") && Catch::Contains("Nghị định số 37/2014/NĐ-CP"));
    CHECK_THAT(y2018, !Catch::Contains("118/2025") && !Catch::Contains("150/2025") && !Catch::Contains("45/2025"));

    // Re-dated to 2026 (the district form is for audits before 1/7/2025, but the registry still
    // decides): the replaced decrees give way to the texts in force.
    b.audit.visitStart = Date(2026, 10, 15);
    b.audit.visitEnd = Date(2026, 10, 15);
    const std::string y2026 = joined(engine.evaluate(b.audit));
    CHECK_THAT(y2026, Catch::Contains("Nghị định số 118/2025/NĐ-CP") && Catch::Contains("Nghị định số 150/2025/NĐ-CP"));
    CHECK_THAT(y2026, !Catch::Contains("61/2018/NĐ-CP") && !Catch::Contains("37/2014/NĐ-CP của"));
}

namespace {
std::string readSource(const std::string& rel) {
    std::ifstream in(test::sourcePath(rel), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("the 2026 forms cite only texts in force since the two-level government", "[findings][registry][form]") {
    auto ref = ReferenceData::bundled();
    const Date inspection(2026, 10, 15);
    for (const char* name : {"forms/cchc-xa.xml", "forms/cchc-so.xml"}) {
        INFO(name);
        const std::string text = readSource(name);
        // Replaced texts named in the issue, and their predecessors, nowhere in questions, help or rules.
        for (const char* gone : {"24/2014/NĐ-CP", "107/2020/NĐ-CP", "37/2014/NĐ-CP", "108/2020/NĐ-CP", "22/2008/QH12",
                                 "58/2010/QH12", "107/2021/NĐ-CP", "61/2018/NĐ-CP", "01/2018/TT-VPCP", "01/2021/NĐ-CP",
                                 "138/2020/NĐ-CP", "101/2017/NĐ-CP", "62/2020/NĐ-CP", "106/2020/NĐ-CP", "30c/NQ-CP"}) {
            INFO(gone);
            CHECK(text.find(gone) == std::string::npos);
        }
        FormLoad l = FormReader::load(test::sourcePath(name), formFunctions(ref, std::nullopt));
        INFO(test::allProblems(l));
        REQUIRE(l.problems.ok());
        size_t refs = 0;
        for (const auto& rule : l.form->rules)
            for (const auto& b : rule.legalBasis) {
                if (b.ref.empty()) continue;
                ++refs;
                INFO(rule.id << ": " << b.ref);
                const LegalText* self = ref->registry.find(b.ref);
                REQUIRE(self != nullptr);                                // every ref is in the registry
                CHECK(ref->registry.inForceOn(b.ref, inspection) == self);  // and in force in 2026
            }
        CHECK(refs >= 40);
    }
    // The district form keeps its refs resolvable too (its texts were in force before 1/7/2025).
    FormLoad huyen = FormReader::load(test::sourcePath("forms/cchc-huyen.xml"), formFunctions(ref, std::nullopt));
    REQUIRE(huyen.problems.ok());
    for (const auto& rule : huyen.form->rules)
        for (const auto& b : rule.legalBasis)
            if (!b.ref.empty()) CHECK(ref->registry.find(b.ref) != nullptr);
}

TEST_CASE("the commune form compares with its thresholds, which the province edits", "[findings][form]") {
    auto ref = ReferenceData::bundled();
    FormLoad l = FormReader::load(test::sourcePath("forms/cchc-xa.xml"), formFunctions(ref, std::nullopt));
    REQUIRE(l.problems.ok());
    const Threshold* pay = l.form->findThreshold("nguong_thanh_toan_truc_tuyen");
    REQUIRE(pay != nullptr);
    Audit audit;
    audit.unit.name = "UBND xã Ngọc Sơn";
    audit.visitStart = Date(2026, 10, 15);
    auto answer = [&](const std::string& q, const std::string& v) {
        audit.answers.answers[q].question = q;
        audit.answers.answers[q].value = v;
    };
    answer("cntt_thanh_toan_ty_le", "40");
    answer("cntt_ho_so_truc_tuyen_ty_le", "35");
    answer("cntt_dvc_so", "30");
    FindingsEngine engine(*l.form, ref);
    auto fs = engine.evaluate(audit);
    const Finding* f = byKey(fs, "R-766-THANH-TOAN", "");
    REQUIRE(f != nullptr);
    CHECK_THAT(f->text, Catch::Contains("40%") && Catch::Contains("55%"));
    const Finding* online = byKey(fs, "R-CNTT-DVC", "");
    REQUIRE(online != nullptr);
    CHECK_THAT(online->text, Catch::Contains("35%, chỉ tiêu 50%"));
    // The 2026 rule cites the 2022 index decision, in force.
    CHECK_THAT(online->legalBasis.back(), Catch::StartsWith("Quyết định số 766/QĐ-TTg"));

    // A province with a lower payment target: the same answer is no longer a finding.
    Form lowered = *l.form;
    for (auto& t : lowered.thresholds)
        if (t.id == "nguong_thanh_toan_truc_tuyen") t.value = 35;
    lowered.index();  // the copy's id index must point into the copy
    CHECK(byKey(FindingsEngine(lowered, ref).evaluate(audit), "R-766-THANH-TOAN", "") == nullptr);
}

TEST_CASE("a 2026 department audit with the revised form: old mandates flagged, bases in force only",
          "[findings][registry][form]") {
    auto ref = ReferenceData::bundled();
    FormLoad l = FormReader::load(test::sourcePath("forms/cchc-so.xml"), formFunctions(ref, std::nullopt));
    REQUIRE(l.problems.ok());
    Audit audit;
    audit.unit.name = "Sở Tư pháp";
    audit.unit.type = "so";
    audit.visitStart = Date(2026, 10, 15);
    Answer& a = audit.answers.answers["chuc_nang_nhiem_vu"];
    a.question = "chuc_nang_nhiem_vu";
    a.rows.push_back({{"don_vi", "Phòng Hành chính tư pháp"}, {"van_ban", "12/QĐ-STP"},
                      {"ngay_ban_hanh", "2016-04-01"}, {"can_cu", "24/2014/NĐ-CP; 107/2020/NĐ-CP"}});
    a.rows.push_back({{"don_vi", "Văn phòng Sở"}, {"van_ban", "85/QĐ-STP"},
                      {"ngay_ban_hanh", "2025-08-20"}, {"can_cu", "150/2025/NĐ-CP"}});
    auto fs = FindingsEngine(*l.form, ref).evaluate(audit);
    const Finding* old = byKey(fs, "R-TCBM-CNNV-CU", "Phòng Hành chính tư pháp");
    REQUIRE(old != nullptr);
    CHECK_THAT(old->text, Catch::Contains("Nghị định số 24/2014/NĐ-CP đã được thay thế bởi Nghị định số 45/2025/NĐ-CP"));
    CHECK(byKey(fs, "R-TCBM-CNNV-CU", "Văn phòng Sở") == nullptr);
    REQUIRE_FALSE(old->legalBasis.empty());
    CHECK_THAT(old->legalBasis.front(), Catch::StartsWith("Nghị định số 150/2025/NĐ-CP"));
    // No finding of this audit cites a text replaced by 15/10/2026.
    for (const auto& f : fs)
        for (const auto& lb : f.legalBasis)
            for (const char* gone : {"24/2014", "61/2018", "107/2021", "01/2018", "101/2017", "62/2020", "138/2020"}) {
                INFO(f.rule << ": " << lb);
                CHECK(lb.find(gone) == std::string::npos);
            }
}

TEST_CASE("the civil-service relations switched on in December 2026 take effect on their dates",
          "[findings][registry]") {
    auto ref = ReferenceData::bundled();
    // 361/2025/NĐ-CP: issued and in force 31/12/2025 [M]; 62/2020 governs until the day before.
    REQUIRE(ref->registry.inForceOn("62/2020/NĐ-CP", Date(2025, 12, 30)) != nullptr);
    CHECK(ref->registry.inForceOn("62/2020/NĐ-CP", Date(2025, 12, 30))->number == "62/2020/NĐ-CP");
    REQUIRE(ref->registry.inForceOn("62/2020/NĐ-CP", Date(2025, 12, 31)) != nullptr);
    CHECK(ref->registry.inForceOn("62/2020/NĐ-CP", Date(2025, 12, 31))->number == "361/2025/NĐ-CP");
    // The new Law on Public Employees: passed 10/12/2025, in force 1/7/2026 [M].
    CHECK(ref->registry.inForceOn("58/2010/QH12", Date(2026, 6, 30))->number == "58/2010/QH12");
    CHECK(ref->registry.inForceOn("58/2010/QH12", Date(2026, 7, 1))->number == "129/2025/QH15");
    CHECK(ref->registry.inForceOn("129/2025/QH15", Date(2026, 6, 30)) == nullptr);
    // A mandate under the 2010 law issued after its 2019 amendment (in force 1/7/2020) is not
    // outdated when inspected before 1/7/2026, and is from that day.
    auto fs = evaluateMandates({{{"Trung tâm", "2021-01-01", "58/2010/QH12"}}}, Date(2026, 6, 30));
    CHECK(byKey(fs, "R-CU", "Trung tâm") == nullptr);
    fs = evaluateMandates({{{"Trung tâm", "2021-01-01", "58/2010/QH12"}}}, Date(2026, 7, 1));
    const Finding* f = byKey(fs, "R-CU", "Trung tâm");
    REQUIRE(f != nullptr);
    CHECK_THAT(f->text, Catch::Contains("129/2025/QH15") && Catch::Contains("01/07/2026"));
    // Switched on 07/12/2026 with [M] dates: 106/2020 → 232/2026 from 01/07/2026; 118/2025
    // amended by 309/2026 from 05/08/2026.
    CHECK(ref->registry.inForceOn("106/2020/NĐ-CP", Date(2026, 6, 30))->number == "106/2020/NĐ-CP");
    CHECK(ref->registry.inForceOn("106/2020/NĐ-CP", Date(2026, 7, 1))->number == "232/2026/NĐ-CP");
    const LegalText* oneStop = ref->registry.find("118/2025/NĐ-CP");
    REQUIRE(oneStop != nullptr);
    CHECK(oneStop->amendedBy == std::vector<std::string>{"309/2026/NĐ-CP"});
    // Amending texts found whose effective date is not known (367/2025, 370/2025): registered,
    // but no relation, so nothing is flagged for them.
    for (const char* amending : {"367/2025/NĐ-CP", "370/2025/NĐ-CP"}) {
        INFO(amending);
        const LegalText* t = ref->registry.find(amending);
        REQUIRE(t != nullptr);
        CHECK_FALSE(t->effective);
    }
    const LegalText* organisation = ref->registry.find("150/2025/NĐ-CP");
    REQUIRE(organisation != nullptr);
    CHECK(organisation->amendedBy.empty());
    CHECK(organisation->replacedBy.empty());
}
