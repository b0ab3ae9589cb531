// SPDX-License-Identifier: Apache-2.0
#include "core/actions/ChangeText.hpp"

#include <cstring>

#include "core/actions/TeamActions.hpp"
#include "core/common/Dates.hpp"

namespace par::actions {

namespace {
struct Sentence {
    const char* code;
    const char* vi;
    const char* en;
};

// "{}" takes the change's values in order; a list after the named ones is joined with ", ".
const Sentence kSentences[] = {
    {"audit.create", "Tạo tệp kiểm tra theo biểu mẫu {} phiên bản {}", "Created with form {} version {}"},
    {"details.set", "Thông tin chung: {} = {}", "Details: {} = {}"},
    {"details.clear", "Thông tin chung: xoá {}", "Details: cleared {}"},
    {"notice.set", "Thông báo kết luận: {} = {}", "Conclusion notice: {} = {}"},
    {"notice.clear", "Thông báo kết luận: xoá {}", "Conclusion notice: cleared {}"},
    {"notice.add", "Thông báo kết luận: thêm vào {}: {}", "Conclusion notice: added to {}: {}"},
    {"notice.remove", "Thông báo kết luận: bỏ khỏi {} mục {}: {}", "Conclusion notice: removed from {} item {}: {}"},
    {"team.add", "Đoàn kiểm tra: thêm {} ({})", "Team: added {} ({})"},
    {"team.remove", "Đoàn kiểm tra: bỏ {}", "Team: removed {}"},
    {"team.set", "Đoàn kiểm tra: sửa {} ({})", "Team: changed {} ({})"},
    {"answer.set", "Trả lời: {}", "Answered: {}"},
    {"finding.add", "Thêm phát hiện {}", "Added finding {}"},
    {"finding.edit", "Sửa phát hiện {}: {}", "Edited finding {}: {}"},
    {"finding.remove", "Xoá phát hiện {} của đoàn", "Removed the team's finding {}"},
    {"finding.dismiss", "Bỏ qua phát hiện {}: {}", "Dismissed finding {}: {}"},
    {"finding.restore", "Khôi phục phát hiện {}", "Restored finding {}"},
    {"finding.merge", "Gộp vào phát hiện {} các phát hiện trùng: {}", "Merged into finding {} the duplicates {}"},
    {"findings.refresh", "Đánh giá lại phát hiện: {} mới, {} cập nhật, {} cần xem lại",
     "Findings re-evaluated: {} new, {} updated, {} to review"},
    {"app.save", "Lưu từ ứng dụng par-audit-gui", "Saved from par-audit-gui"},
    {"dossiers.apply", "Số liệu hồ sơ từ nhật ký {} (đến {}; đơn vị: {}): ghi năm {}; bỏ qua {} dòng của đơn vị khác, {} dòng ngoài thời kỳ kiểm tra",
     "Dossier figures from log {} (as of {}; units: {}): years {} written; {} rows of other units and {} rows outside the period left out"},
    {"plan.make", "Lập kế hoạch khắc phục: {} hành động mới, {} cần xem lại, {} cập nhật thời hạn",
     "Remediation plan made: {} new actions, {} to review, {} deadlines updated"},
    {"plan.add", "Thêm hành động {} cho {}", "Added action {} to {}"},
    {"plan.import", "Nhập báo cáo khắc phục của {} từ {}: {}", "Imported the remediation response of {} from {}: {}"},
    {"plan.import.declared", "Nhập báo cáo khắc phục của {} (do {} khai trong tệp {}, chưa xác thực): {}",
     "Imported the remediation response of {} (declared by {} in file {}, not authenticated): {}"},
    {"action.accept", "Công nhận hoàn thành {}", "Accepted {}"},
    {"action.reopen", "Yêu cầu làm lại {}: {}", "Reopened {}: {}"},
    {"action.extend", "Gia hạn {} đến {}: {}", "Extended {} to {}: {}"},
};

struct Label {
    const char* field;
    const char* vi;
    const char* en;
};

const Label kLabels[] = {
    {"unit-name", "tên đơn vị", "unit name"},
    {"unit-type", "loại đơn vị", "unit type"},
    {"unit-level", "cấp đơn vị", "unit level"},
    {"province", "tỉnh", "province"},
    {"body-parent", "cơ quan chủ quản", "parent body"},
    {"body-name", "cơ quan kiểm tra", "inspecting body"},
    {"body-code", "ký hiệu cơ quan", "body code"},
    {"body-place", "địa danh", "place"},
    {"plan-number", "số kế hoạch kiểm tra", "inspection plan number"},
    {"plan-date", "ngày kế hoạch kiểm tra", "inspection plan date"},
    {"plan-issuer", "cơ quan ban hành kế hoạch", "plan issuer"},
    {"decision-number", "số quyết định thành lập đoàn", "decision number"},
    {"decision-date", "ngày quyết định", "decision date"},
    {"visit-start", "ngày bắt đầu kiểm tra", "visit start"},
    {"visit-end", "ngày kết thúc kiểm tra", "visit end"},
    {"period-start", "đầu kỳ kiểm tra", "period start"},
    {"period-end", "cuối kỳ kiểm tra", "period end"},
    {"number", "số thông báo", "notice number"},
    {"symbol", "ký hiệu thông báo", "notice symbol"},
    {"date", "ngày thông báo", "notice date"},
    {"place", "địa danh", "place"},
    {"signer", "người ký", "signer"},
    {"signer-title", "chức vụ người ký", "signer's title"},
    {"sign-for", "thẩm quyền ký", "signing authority"},
    {"summary", "trích yếu", "summary"},
    {"report-by", "hạn báo cáo", "report-by date"},
    {"basis", "căn cứ", "legal bases"},
    {"strength", "ưu điểm", "strengths"},
    {"recipient", "nơi nhận", "recipients"},
    {"area-summary", "kết quả theo lĩnh vực", "area summaries"},
    {"plan-make", "mã hành động khắc phục trong phụ lục (chưa lập kế hoạch)", "action codes in the annex (no plan made yet)"},
    {"text", "nội dung", "text"},
    {"recommendation", "kiến nghị", "recommendation"},
    {"severity", "mức độ", "severity"},
    {"area", "lĩnh vực", "area"},
    {"deadline", "thời hạn", "deadline"},
    {"responsible", "đơn vị thực hiện", "responsible unit"},
    {"legal-basis", "căn cứ pháp lý", "legal basis"},
    {"category", "nhóm", "category"},
};

size_t placeholders(const char* pattern) {
    size_t n = 0;
    for (const char* p = std::strstr(pattern, "{}"); p != nullptr; p = std::strstr(p + 2, "{}")) ++n;
    return n;
}
}  // namespace

std::string fieldLabel(const std::string& field, Language lang) {
    for (const auto& l : kLabels)
        if (field == l.field) return lang == Language::English ? l.en : l.vi;
    return field;
}

std::string describe(const ChangeCode& change, Language lang) {
    for (const auto& s : kSentences) {
        if (change.code != s.code) continue;
        const char* pattern = lang == Language::English ? s.en : s.vi;
        size_t n = placeholders(pattern);
        std::vector<std::string> args = change.args;
        // Field names are shown in words; the values as they are.
        bool fieldFirst = change.code.rfind("details.", 0) == 0 || change.code.rfind("notice.", 0) == 0;
        if (fieldFirst && !args.empty()) args[0] = fieldLabel(args[0], lang);
        // Dates are stored ISO and read DD/MM/YYYY.
        for (size_t i = 1; i < args.size(); ++i)
            if (auto d = parseIsoDate(args[i])) args[i] = vietnameseDate(*d);
        if ((change.code == "team.add" || change.code == "team.set") && args.size() >= 2)
            args[1] = teamRoleLabel(args[1], lang);
        if (change.code == "finding.edit")
            for (size_t i = 1; i < args.size(); ++i) args[i] = fieldLabel(args[i], lang);
        if (args.size() > n && n > 0) {
            std::string rest;
            for (size_t i = n - 1; i < args.size(); ++i) rest += (rest.empty() ? "" : ", ") + args[i];
            args.resize(n - 1);
            args.push_back(rest);
        }
        return format(pattern, args);
    }
    std::string out = change.code;
    for (const auto& a : change.args) out += " " + a;
    return out;
}

std::string describe(const ChangeEntry& entry, Language lang) {
    if (entry.code.empty()) return entry.what;
    return describe(ChangeCode{entry.code, entry.args}, lang);
}

}  // namespace par::actions
