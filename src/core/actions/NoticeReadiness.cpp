// SPDX-License-Identifier: Apache-2.0
#include "core/actions/NoticeReadiness.hpp"

#include <algorithm>

#include "core/actions/ChangeText.hpp"
#include "core/common/Text.hpp"

namespace par::actions {

std::vector<MissingPart> missingParts(const Audit& a, DocumentKind kind) {
    std::vector<MissingPart> out;
    const Language lang = language();
    auto need = [&](bool missing, const std::string& field, const std::string& command, bool required = true) {
        if (missing) out.push_back({field, fieldLabel(field, lang), command, required});
    };
    bool leader = std::any_of(a.team.begin(), a.team.end(), [](const TeamMember& m) { return m.role == "leader"; });
    need(trim(a.unit.name).empty(), "unit-name", "details --set unit-name=\"UBND xã …\"");
    need(trim(a.body.name).empty(), "body-name", "details --set body-name=\"SỞ NỘI VỤ\"");
    need(trim(a.body.parent).empty(), "body-parent", "details --set body-parent=\"UBND TỈNH …\"", false);
    const NoticeInfo& n = a.notice;
    // Section II of the notice and "1. Kết quả ghi nhận" of the minutes are printed from these:
    // without any, a heading with nothing under it.
    const bool noResults = std::none_of(n.areaSummaries.begin(), n.areaSummaries.end(),
                                        [](const AreaSummary& s) { return !trim(s.text).empty(); });
    if (kind == DocumentKind::Minutes) {
        need(!a.visitStart, "visit-start", "details --set visit-start=DD/MM/YYYY");
        if (!leader)
            out.push_back({"team-leader", tr("trưởng đoàn", "team leader"), "team --add \"Họ tên\" --role leader --title \"…\"", true});
        need(noResults, "area-summary", "notice --add area-summary=\"procedures:Đã công khai …\"", false);
        return out;
    }
    need(trim(n.number).empty(), "number", "notice --set number=05");
    need(trim(n.symbol).empty(), "symbol", "notice --set symbol=TB-SNV");
    need(!n.date, "date", "notice --set date=DD/MM/YYYY");
    need(trim(a.body.place).empty(), "place", "notice --set place=\"Nghệ An\"");
    need(trim(n.signer).empty(), "signer", "notice --set signer=\"Họ tên\"");
    need(trim(n.signerTitle).empty(), "signer-title", "notice --set signer-title=\"PHÓ GIÁM ĐỐC\"");
    if (kind == DocumentKind::Notice) {
        need(trim(n.summary).empty(), "summary", "notice --set summary=\"Kết luận kiểm tra …\"", false);
        need(n.bases.empty(), "basis", "notice --add basis=\"Kế hoạch số …\"", false);
        need(n.recipients.empty(), "recipient", "notice --add recipient=\"UBND xã …\"", false);
        // Sections II and III.1 likewise (section II keeps only the dossier table, if any).
        need(noResults, "area-summary", "notice --add area-summary=\"procedures:Đã công khai …\"", false);
        need(std::none_of(n.strengths.begin(), n.strengths.end(), [](const std::string& s) { return !trim(s).empty(); }),
             "strength", "notice --add strength=\"…\"", false);
        if (!leader)
            out.push_back({"team-leader", tr("trưởng đoàn", "team leader"), "team --add \"Họ tên\" --role leader --title \"…\"", false});
    }
    return out;
}

std::string fixCommand(const MissingPart& part, const std::string& auditPath) {
    // "plan make": a subcommand of two words, the audit after both.
    auto space = part.command.compare(0, 5, "plan ") == 0 ? part.command.find(' ', 5) : part.command.find(' ');
    std::string verb = part.command.substr(0, space);
    std::string rest = space == std::string::npos ? std::string() : part.command.substr(space);
    bool plain = auditPath.find_first_of(" '\"$`\\") == std::string::npos;
    return "par-audit " + verb + " " + (plain ? auditPath : "'" + auditPath + "'") + rest;
}

}  // namespace par::actions
