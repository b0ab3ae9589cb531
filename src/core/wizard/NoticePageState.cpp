// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/NoticePageState.hpp"

#include <algorithm>

#include "core/common/Text.hpp"
#include "core/wizard/InputFormat.hpp"

namespace par::wizard {

namespace {
FieldPath pathOf(const std::string& field) { return FieldPath::scalar("$notice." + field); }
}  // namespace

NoticePageState::NoticePageState(AuditSession& session) : session_(session) {}

std::string NoticePageState::get(const std::string& field) const { return actions::noticeValue(session_.audit(), field); }

bool NoticePageState::set(const std::string& field, const std::string& input) {
    try {
        auto change = actions::setNoticeField(session_.audit(), field, input);
        session_.clearInputError(pathOf(field));
        if (change) session_.record(*change);
        return true;
    } catch (const UsageError& e) {
        session_.setInputError(pathOf(field), messageUnderField(e.what(), field));
        return false;
    }
}

std::vector<std::string> NoticePageState::items(const std::string& list) const {
    if (list != "area-summary") return actions::noticeItems(session_.audit(), list);
    std::vector<std::string> out;
    for (const auto& s : session_.audit().notice.areaSummaries) {
        std::string label = s.area;
        for (const auto& a : session_.form().areas)
            if (a.id == s.area) label = a.label.get();
        out.push_back(label + ": " + s.text);
    }
    return out;
}

void NoticePageState::add(const std::string& list, const std::string& value) {
    session_.record(actions::addNoticeItem(session_.audit(), session_.form(), list, value));
}

void NoticePageState::remove(const std::string& list, size_t index) {
    session_.record(actions::removeNoticeItem(session_.audit(), list, index + 1));
}

std::vector<std::pair<std::string, std::string>> NoticePageState::areas() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& a : session_.form().areas) out.emplace_back(a.id, a.label.get());
    return out;
}

size_t NoticePageState::fillDefaults() {
    auto changes = actions::fillNoticeDefaults(session_.audit());
    for (const auto& c : changes) session_.record(c);
    return changes.size();
}

std::vector<std::string> NoticePageState::signForChoices() const {
    std::string body = foldKey(session_.audit().body.name);
    bool committee = body.rfind("ubnd", 0) == 0 || body.find("uy ban nhan dan") != std::string::npos;
    if (committee) return {"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. CHỦ TỊCH", "TL. CHỦ TỊCH", "TUQ. CHỦ TỊCH"};
    return {"KT. GIÁM ĐỐC", "Q. GIÁM ĐỐC", "TL. GIÁM ĐỐC", "TUQ. GIÁM ĐỐC"};
}

bool NoticePageState::onThisPage(const std::string& field) {
    return std::find(fields().begin(), fields().end(), field) != fields().end() ||
           std::find(lists().begin(), lists().end(), field) != lists().end();
}

std::vector<actions::MissingPart> NoticePageState::missing() const {
    return actions::missingParts(session_.audit(), actions::DocumentKind::Notice);
}

std::vector<std::pair<std::string, std::string>> NoticePageState::errors() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& f : fields())
        if (auto e = session_.inputError(pathOf(f))) out.emplace_back(f, *e);
    return out;
}

}  // namespace par::wizard
