// SPDX-License-Identifier: Apache-2.0
// Writing per-year figures into an audit's ket_qua_giai_quyet table: rows matched by year, counted
// columns replaced, the inspectors' apology-slip count and notes kept, refusal when the form has no
// such table.
#include <catch2/catch.hpp>

#include "DossierTestSupport.hpp"
#include "core/common/Error.hpp"
#include "core/dossier/DossierApply.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/model/ModelFixtures.hpp"

using namespace par;
using namespace par::dossier;
using namespace par::test;

namespace {
const std::string kLog = std::string(kHeader) +
                         "HS-1,1.001612,UBND xã A,05/03/2018,08/03/2018,08/03/2018\n"
                         "HS-2,1.001612,UBND xã A,05/03/2018,08/03/2018,12/03/2018\n"
                         "HS-3,1.001612,UBND xã A,05/03/2018,08/03/2018,07/03/2018\n"
                         "HS-4,1.001612,UBND xã A,02/01/2019,07/01/2019,\n"
                         "HS-5,1.001612,UBND xã A,02/01/2019,07/01/2019,08/01/2019\n";

const std::map<std::string, std::string>* rowOf(const Audit& a, const std::string& year) {
    const Answer* ans = a.answers.find(kResultsTable);
    if (ans == nullptr)
        return nullptr;
    for (const auto& r : ans->rows)
        if (r.count("nam") != 0 && r.at("nam") == year)
            return &r;
    return nullptr;
}
}  // namespace

TEST_CASE("apply: one row per receipt year, apology slips and notes kept", "[dossier]") {
    AuditBundle b =
        AuditBundle::open(sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
    REQUIRE(formHasResultsTable(*b.form));
    const DossierStats s = analyzeCsv(kLog, Date(2019, 1, 9));
    const ApplyReport report = applyYearFigures(b.audit, *b.form, s);
    REQUIRE(report.years.size() == 2);
    CHECK(report.years[0].year == 2018);
    CHECK_FALSE(report.years[0].added);
    CHECK_FALSE(report.years[0].needsApologies);  // the sample has 12 slips for 2018
    CHECK(report.years[1].year == 2019);
    CHECK(report.years[1].added);
    CHECK(report.years[1].needsApologies);

    const auto* y2017 = rowOf(b.audit, "2017");  // not in the log: untouched
    REQUIRE(y2017 != nullptr);
    CHECK(y2017->at("tiep_nhan") == "17334");
    const auto* y2018 = rowOf(b.audit, "2018");
    REQUIRE(y2018 != nullptr);
    CHECK(y2018->at("tiep_nhan") == "3");
    CHECK(y2018->at("truoc_han") == "1");
    CHECK(y2018->at("dung_han") == "1");
    CHECK(y2018->at("qua_han") == "1");
    CHECK(y2018->at("chua_giai_quyet_trong_han") == "0");
    CHECK(y2018->at("chua_giai_quyet_qua_han") == "0");
    CHECK(y2018->at("phieu_xin_loi") == "12");
    CHECK(y2018->at("ghi_chu") == "tính đến 30/10/2018");
    const auto* y2019 = rowOf(b.audit, "2019");
    REQUIRE(y2019 != nullptr);
    CHECK(y2019->at("tiep_nhan") == "2");
    CHECK(y2019->at("qua_han") == "1");
    CHECK(y2019->at("chua_giai_quyet_qua_han") == "1");  // due 07/01, as-of 09/01
    CHECK(y2019->count("phieu_xin_loi") == 0);
    CHECK_THAT(y2019->at("ghi_chu"), Catch::Contains("09/01/2019"));
    CHECK_THAT(report.summary(), Catch::Contains("2019") && Catch::Contains("tiếp nhận 2"));
}

TEST_CASE("apply: refused when the form has no results table", "[dossier]") {
    auto load = FormReader::parse(kSmallForm, "mini.xml",
                                  formFunctions(ReferenceData::bundled(), std::nullopt));
    REQUIRE(load.problems.ok());
    CHECK_FALSE(formHasResultsTable(*load.form));
    Audit audit;
    const DossierStats s = analyzeCsv(kLog, Date(2019, 1, 9));
    CHECK_THROWS_WITH(applyYearFigures(audit, *load.form, s),
                      Catch::Contains("mini") && Catch::Contains("ket_qua_giai_quyet"));
    CHECK(audit.answers.empty());
}

// Issue 16: the 766/QĐ-TTg on-time rate and the unknown-procedure count go into the table when the
// form has the columns for them (and into the summary the change log records in any case).
TEST_CASE("apply: the 766 rate and unknown procedures in the optional columns", "[dossier]") {
    AuditBundle b =
        AuditBundle::open(sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
    Form form = *b.form;
    auto* table = const_cast<Question*>(form.findQuestion(kResultsTable));
    REQUIRE(table != nullptr);
    Question rate;
    rate.id = kRate766Column;
    rate.type = QuestionType::Decimal;
    Question unknown;
    unknown.id = kUnknownProcedureColumn;
    unknown.type = QuestionType::Integer;
    table->columns.push_back(rate);
    table->columns.push_back(unknown);
    // 2018: on time, late, early, and HS-6 (procedure 9.999, not in the catalog) overdue.
    const DossierStats s =
        analyzeCsv(kLog + "HS-6,9.999,UBND xã A,05/03/2018,08/03/2018,\n", Date(2019, 1, 9));
    const ApplyReport report = applyYearFigures(b.audit, form, s);
    const auto* y2018 = rowOf(b.audit, "2018");
    REQUIRE(y2018 != nullptr);
    CHECK(y2018->at("tiep_nhan") == "4");
    CHECK(y2018->at(kRate766Column) == "50.00");  // (1 early + 1 on time + 0 in time) / 4
    CHECK(y2018->at(kUnknownProcedureColumn) == "1");
    CHECK(rowOf(b.audit, "2019")->at(kUnknownProcedureColumn) == "0");
    CHECK_THAT(report.summary(), Catch::Contains("766/QĐ-TTg 50,00%") &&
                                     Catch::Contains("1 hồ sơ có mã thủ tục không có"));
    // Without the columns (the bundled forms today) nothing but the counted columns is written.
    AuditBundle plain =
        AuditBundle::open(sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
    applyYearFigures(plain.audit, *plain.form, s);
    CHECK(rowOf(plain.audit, "2018")->count(kRate766Column) == 0);
}
