// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/PlanBatch.hpp"

#include <filesystem>

#include "core/common/Error.hpp"
#include "core/common/FileSet.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/PlanHtml.hpp"
#include "core/tracking/PlanXlsx.hpp"
#include "core/tracking/UnitFileName.hpp"

namespace par::track {

PlanFormat parsePlanFormat(const std::string& name) {
    if (name == "xml")
        return PlanFormat::Xml;
    if (name == "html")
        return PlanFormat::Html;
    if (name == "xlsx")
        return PlanFormat::Xlsx;
    throw UsageError(fmt(tr("định dạng kế hoạch '{}' không hợp lệ (xml, html, xlsx)",
                            "invalid plan format '{}' (xml, html, xlsx)"),
                         name));
}

const char* planExtension(PlanFormat format) {
    switch (format) {
        case PlanFormat::Html: return ".plan.html";
        case PlanFormat::Xlsx: return ".plan.xlsx";
        case PlanFormat::Xml: break;
    }
    return ".plan.xml";
}

std::string planBytes(const Audit& audit, const PlanFile& plan, PlanFormat format,
                      const std::string& path) {
    switch (format) {
        case PlanFormat::Html: return planFormHtml(plan, planFormInfo(audit, path));
        case PlanFormat::Xlsx: return planXlsx(plan, planFormInfo(audit, path).inspectingName);
        case PlanFormat::Xml: return plan.toXml();
    }
    return plan.toXml();
}

std::vector<WrittenPlan> exportAllPlans(const Audit& audit, const std::string& folder,
                                        PlanFormat format) {
    std::vector<std::string> units = responsibleUnits(audit);
    if (units.empty())
        throw UsageError(fmt(tr("{}: chưa có hành động nào (chạy par-audit plan make trước)",
                                "{}: no actions yet (run par-audit plan make first)"),
                             audit.file));
    std::vector<std::string> stems = unitFileStems(units);
    std::string dir = folder.empty() ? std::string(".") : folder;
    while (dir.size() > 1 && dir.back() == '/')
        dir.pop_back();
    std::vector<WrittenPlan> written;
    std::vector<OutputFile> files;
    for (size_t i = 0; i < units.size(); ++i) {
        PlanFile p = exportPlan(audit, units[i]);
        WrittenPlan w{p.unit, dir + "/" + stems[i] + planExtension(format), p.actions.size()};
        files.push_back({w.path, planBytes(audit, p, format, w.path)});
        written.push_back(std::move(w));
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw IoError(fmt(tr("{}: không tạo được thư mục ({})", "{}: cannot create the folder ({})"),
                          dir, ec.message()));
    writeFilesTogether(files);
    return written;
}

}  // namespace par::track
