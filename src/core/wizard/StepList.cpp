// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/StepList.hpp"

#include "core/common/Text.hpp"
#include "core/wizard/DetailsPageState.hpp"
#include "core/wizard/DossierPageState.hpp"
#include "core/wizard/FindingsReview.hpp"
#include "core/wizard/NoticePageState.hpp"
#include "core/wizard/SectionPageState.hpp"

namespace par::wizard {

StepOptions StepOptions::forSession(const AuditSession& session) {
    StepOptions o;
    o.dossier = dossier::formHasResultsTable(session.form());
    o.score = true;
    return o;
}

StepList::StepList(AuditSession& session, StepOptions options) : session_(session), options_(options) {}

std::vector<std::pair<StepKind, size_t>> StepList::layout() const {
    std::vector<std::pair<StepKind, size_t>> out;
    out.emplace_back(StepKind::Details, 0);
    for (size_t i = 0; i < session_.form().sections.size(); ++i) out.emplace_back(StepKind::Section, i);
    if (options_.dossier) out.emplace_back(StepKind::Dossier, 0);
    out.emplace_back(StepKind::Findings, 0);
    if (options_.score) out.emplace_back(StepKind::Score, 0);
    out.emplace_back(StepKind::Notice, 0);
    out.emplace_back(StepKind::Output, 0);
    return out;
}

Step StepList::evaluate(StepKind kind, size_t section) const {
    Step s;
    s.kind = kind;
    s.section = section;
    switch (kind) {
        case StepKind::Details: {
            s.title = tr("Thông tin cuộc kiểm tra", "Audit details");
            DetailsPageState d(session_);
            s.errors = d.errors().size();
            s.missing = d.warnings().size();
            break;
        }
        case StepKind::Section: {
            SectionPageState p(session_, section);
            s.title = p.section().label.get();
            s.errors = p.errorCount();
            s.missing = p.missingCount();
            break;
        }
        case StepKind::Dossier:
            s.title = tr("Số liệu hồ sơ một cửa", "One-stop dossier data");
            s.missing = DossierPageState::missingCount(session_);
            break;
        case StepKind::Findings: {
            s.title = tr("Rà soát phát hiện", "Findings review");
            FindingsReview r(session_);
            s.errors = r.errorCount();
            s.missing = r.staleCount();
            break;
        }
        case StepKind::Score: s.title = tr("Chấm điểm và xếp loại", "Score and band"); break;
        case StepKind::Notice: {
            // Incomplete while the notice cannot be signed (what `report` refuses without --draft);
            // the recommended parts (summary, bases, recipients) do not hold the step back.
            s.title = tr("Thông báo kết luận", "Conclusion notice");
            NoticePageState n(session_);
            s.errors = n.errors().size();
            for (const auto& m : n.missing())
                if (m.required) ++s.missing;
            break;
        }
        case StepKind::Output: s.title = tr("Văn bản và lưu", "Documents and saving"); break;
    }
    s.status = s.errors > 0 ? StepStatus::Invalid : s.missing > 0 ? StepStatus::Incomplete : StepStatus::Complete;
    return s;
}

std::vector<Step> StepList::steps() const {
    std::vector<Step> out;
    for (const auto& [kind, section] : layout()) out.push_back(evaluate(kind, section));
    return out;
}

Step StepList::step(size_t index) const {
    auto l = layout();
    if (index >= l.size()) throw UsageError("step index out of range");
    return evaluate(l[index].first, l[index].second);
}

size_t StepList::count() const { return layout().size(); }

bool StepList::canGoNext() const {
    return current_ + 1 < count() && step(current_).status != StepStatus::Invalid;
}

std::string StepList::blockReason() const {
    if (current_ + 1 >= count()) return tr("Đây là bước cuối.", "This is the last step.");
    Step s = step(current_);
    if (s.status != StepStatus::Invalid) return "";
    return fmt(tr("Còn {} lỗi trên trang này: hãy sửa trước khi sang bước tiếp theo.",
                  "This page has {} errors: correct them before going on."),
               std::to_string(s.errors));
}

bool StepList::next() {
    if (!canGoNext()) return false;
    ++current_;
    return true;
}

bool StepList::back() {
    if (current_ == 0) return false;
    --current_;
    return true;
}

bool StepList::goTo(size_t index) {
    if (index >= count()) return false;
    if (index <= current_) {
        current_ = index;
        return true;
    }
    auto all = steps();
    for (size_t i = current_; i < index; ++i)
        if (all[i].status == StepStatus::Invalid) return false;
    current_ = index;
    return true;
}

size_t StepList::indexOf(StepKind kind, size_t section) const {
    auto l = layout();
    for (size_t i = 0; i < l.size(); ++i)
        if (l[i].first == kind && (kind != StepKind::Section || l[i].second == section)) return i;
    return l.size();
}

}  // namespace par::wizard
