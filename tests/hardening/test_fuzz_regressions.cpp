// SPDX-License-Identifier: Apache-2.0
// Inputs the fuzzers of fuzz/ found (docs/reliability.md), replayed through the reader that failed
// on them: each must now be refused with a ParseError (or read), never crash. The inputs are kept in
// tests/hardening/fuzz-regressions/<harness>/.
#include <catch2/catch.hpp>
#include <filesystem>

#include "TestSupport.hpp"
#include "core/calendar/ScheduleFile.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/dossier/XlsxReader.hpp"
#include "core/expr/Expression.hpp"
#include "core/expr/TextTemplate.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/model/FormReader.hpp"
#include "core/model/LegalRegistry.hpp"
#include "core/model/ProcedureCatalog.hpp"
#include "core/model/Reference.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/PlanFile.hpp"
#ifdef PAR_HAVE_PDF
#include "core/report/SampleData.hpp"
#include "pdf/Template.hpp"
#endif

using namespace par;
namespace fs = std::filesystem;

namespace {

// What the harness of that name does with an input (fuzz/fuzz_<harness>.cpp), minus the fuzzer.
void replay(const std::string& harness, const std::string& path) {
    const std::string data = readFile(path);
    if (harness == "form") {
        static const auto fns = formFunctions(std::make_shared<ReferenceData>(), std::nullopt);
        FormReader::parse(data, path, fns);
    } else if (harness == "audit") {
        AuditReader::parse(AuditWriter::toXml(AuditReader::parse(data, path)), path);
    } else if (harness == "catalog") {
        ProcedureCatalog::parse(data, path);
    } else if (harness == "registry") {
        LegalRegistry::parse(data, path).validate();
    } else if (harness == "expr") {
        expr::MapScope scope;
        scope.set("n", expr::Value(3));
        const auto fns = expr::FunctionTable::withBuiltins();
        expr::Expression::parse(data, {path, 1, 0}).evaluate(scope, fns);
    } else if (harness == "text_template") {
        expr::MapScope scope;
        expr::TextTemplate::parse(data, {path, 1, 0}).render(scope, expr::FunctionTable::withBuiltins());
    } else if (harness == "csv") {
        dossier::CsvReader r(path);
        dossier::RawRecord rec;
        while (r.next(rec)) {
        }
    } else if (harness == "xlsx") {
        dossier::XlsxReader r(path);
        dossier::RawRecord rec;
        while (r.next(rec)) {
        }
    } else if (harness == "plan") {
        auto f = track::PlanFile::parse(data, path);
        track::PlanFile::parse(f.toXml(), path);
    } else if (harness == "schedule") {
        cal::ScheduleFile::parse(data, path);
#ifdef PAR_HAVE_PDF
    } else if (harness == "template") {
        pdf::Template::parse(data, path, par::test::sourcePath("templates"))
            .render(report::sampleNoticeData(3));
#endif
    }
}

}  // namespace

TEST_CASE("every input the fuzzers found is refused cleanly", "[hardening][fuzz]") {
    const fs::path root = par::test::sourcePath("tests/hardening/fuzz-regressions");
    size_t replayed = 0;
    if (fs::is_directory(root))
        for (const auto& dir : fs::directory_iterator(root)) {
            if (!dir.is_directory()) continue;  // README.md
            for (const auto& input : fs::directory_iterator(dir.path())) {
                if (input.path().extension() == ".md") continue;
                INFO(input.path().string());
                try {
                    replay(dir.path().filename().string(), input.path().string());
                } catch (const par::Error&) {
                    // a clear refusal is the expected outcome
                }
                ++replayed;
            }
        }
    SUCCEED("replayed " << replayed << " inputs");
}
