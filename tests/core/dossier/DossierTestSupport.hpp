// SPDX-License-Identifier: Apache-2.0
// DossierTestSupport.hpp - a tiny catalog, the standard calendar and a helper that runs an analysis
// over CSV text, for the dossier tests.
#pragma once

#include <memory>
#include <string>

#include "TestSupport.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/dossier/DossierAnalyzer.hpp"
#include "core/model/ProcedureCatalog.hpp"

namespace par::test {

// 1.001612: 3 working days; 2.000815: 1 working day, cut-off 15:00; MAU.XD.01: 15 working days.
inline const ProcedureCatalog& dossierCatalog() {
    static const ProcedureCatalog c = ProcedureCatalog::parse(
        R"(<procedures format-version="1">
  <procedure code="1.001612" name="Đăng ký thành lập hộ kinh doanh" working-days="3"/>
  <procedure code="2.000815" name="Chứng thực bản sao" working-days="1" cutoff="15:00"/>
  <procedure code="MAU.XD.01" name="Cấp giấy phép xây dựng" working-days="15"/>
</procedures>)",
        "test-catalog.xml");
    return c;
}

inline const cal::WorkingCalendar& standardCalendar() {
    static const cal::WorkingCalendar c = cal::WorkingCalendar::standard();
    return c;
}

constexpr const char* kHeader =
    "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\n";

// Analyses CSV text written to a scratch file.
inline dossier::DossierStats analyzeCsv(const std::string& csv, Date asOf,
                                        const dossier::HeaderMapping& mapping = {},
                                        size_t worstLate = 0) {
    ScratchDir dir("par-dossier");
    writeText(dir.file("log.csv"), csv);
    dossier::CsvReader reader(dir.file("log.csv"));
    dossier::AnalysisOptions o;
    o.asOf = asOf;
    o.worstLate = worstLate;
    dossier::DossierAnalyzer a(dossierCatalog(), standardCalendar(), o);
    return a.analyze(reader, mapping);
}

}  // namespace par::test
