#include "core/wizard/RespondState.hpp"

#include "core/common/AtomicFile.hpp"
#include "core/common/Dates.hpp"
#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/common/Sha256.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/ResponseArchive.hpp"

#include <algorithm>
#include <filesystem>

namespace par::wizard {

using namespace par::track;

namespace {
bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
}  // namespace

bool RespondState::isPlanFile(const std::string& path) {
    // Only the head of a regular file is looked at: a FIFO or a device is not a plan.
    std::string head(4096, '\0');
    try {
        InputFile in(path, kMaxXmlFileBytes);
        size_t have = 0;
        while (size_t got = in.read(head.data() + have, head.size() - have)) {
            have += got;
            if (have == head.size())
                break;
        }
        head.resize(have);
    } catch (const Error&) {
        return false;
    }
    // A response zip (exchange format 2) is one by its name and signature.
    if (head.compare(0, 4, "PK\x03\x04") == 0)
        return endsWith(path, ".response.zip");
    // The first element: skip the declaration, comments and processing instructions.
    for (size_t p = head.find('<'); p != std::string::npos; p = head.find('<', p + 1)) {
        if (head.compare(p, 4, "<!--") == 0) {
            p = head.find("-->", p);
            if (p == std::string::npos)
                return false;
            continue;
        }
        if (head.compare(p, 2, "<?") == 0 || head.compare(p, 2, "<!") == 0)
            continue;
        auto is = [&](const char* name) {
            size_t n = std::char_traits<char>::length(name);
            if (head.compare(p + 1, n, name) != 0 || p + 1 + n >= head.size())
                return false;
            char c = head[p + 1 + n];
            return c == ' ' || c == '>' || c == '/' || c == '\n' || c == '\r' || c == '\t';
        };
        return is("plan") || is("response");
    }
    return false;
}

RespondState RespondState::open(const std::string& path) {
    ResponsePackage pkg = readResponsePackage(path);
    return RespondState(std::move(pkg.response), std::move(pkg.evidence));
}

RespondState::RespondState(PlanFile file, std::map<std::string, std::string> packedEvidence)
    : file_(std::move(file)), packed_(std::move(packedEvidence)) {
    drafts_.resize(file_.actions.size());
    // A response begun earlier: its reports are the starting point.
    for (size_t i = 0; i < file_.actions.size(); ++i) {
        const Action& a = file_.actions[i].action;
        if (a.status != ActionStatus::Reported)
            continue;
        ResponseDraft& d = drafts_[i];
        d.report = true;
        d.date = a.report.date ? vietnameseDate(*a.report.date) : "";
        d.doc = a.report.doc;
        d.note = a.report.note;
        d.evidence = a.report.evidence;
    }
}

std::string RespondState::title(size_t i) const {
    const Action& a = action(i).action;
    std::string deadline = a.deadline ? vietnameseDate(*a.deadline) : "—";
    std::string status = drafts_.at(i).report && a.status != ActionStatus::Reported
                             ? std::string(tr("Sẽ báo cáo", "To report"))
                             : std::string(actionStatusLabel(a.status));
    return fmt(tr("{} · hạn {} · {}", "{} · due {} · {}"), a.id, deadline, status);
}

bool RespondState::canReport(size_t i) const {
    return action(i).action.status != ActionStatus::Accepted;
}

void RespondState::setDraft(size_t i, ResponseDraft draft) {
    ResponseDraft& d = drafts_.at(i);
    if (d.report == draft.report && d.date == draft.date && d.doc == draft.doc &&
        d.note == draft.note && d.evidence == draft.evidence)
        return;
    d = std::move(draft);
    dirty_ = true;
}

std::optional<std::string> RespondState::evidenceName(const std::string& pathOrName) {
    std::string s = trim(pathOrName);
    // Both separators: a name typed on Windows ("D:\\hs\\qd.pdf") must lose its folders too.
    size_t cut = s.find_last_of("/\\");
    if (cut != std::string::npos)
        s = s.substr(cut + 1);
    s = trim(s);
    // 255 bytes: the longest name common file systems hold (the core's isPlainFileName agrees).
    if (s.empty() || s == "." || s == ".." || s.size() > 255)
        return std::nullopt;
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f)
            return std::nullopt;
    if (!isValidUtf8(s))
        return std::nullopt;
    return nfc(s);
}

bool RespondState::addEvidence(size_t i, const std::string& pathOrName) {
    auto name = evidenceName(pathOrName);
    if (!name)
        return false;
    ResponseDraft d = drafts_.at(i);
    for (const auto& e : d.evidence)
        if (e == *name)
            return false;
    d.evidence.push_back(*name);
    std::error_code ec;
    if (std::filesystem::is_regular_file(std::filesystem::u8path(trim(pathOrName)), ec))
        picked_[action(i).action.id + "/" + *name] = trim(pathOrName);
    setDraft(i, std::move(d));
    return true;
}

std::optional<std::string> RespondState::evidenceBytes(const std::string& key) const {
    if (auto p = picked_.find(key); p != picked_.end())
        return readFile(p->second, kMaxEvidenceFileBytes + 1);
    if (auto p = packed_.find(key); p != packed_.end())
        return p->second;
    return std::nullopt;
}

bool RespondState::hasEvidence() const {
    for (const auto& d : drafts_)
        if (d.report && !d.evidence.empty())
            return true;
    return false;
}

void RespondState::removeEvidence(size_t i, size_t k) {
    ResponseDraft d = drafts_.at(i);
    if (k >= d.evidence.size())
        return;
    d.evidence.erase(d.evidence.begin() + static_cast<long>(k));
    setDraft(i, std::move(d));
}

std::vector<RespondProblem> RespondState::problems(size_t i) const {
    std::vector<RespondProblem> out;
    const ResponseDraft& d = drafts_.at(i);
    const std::string& id = action(i).action.id;
    if (!d.report)
        return out;
    if (!canReport(i))
        out.push_back({id, fmt(tr("{}: đoàn kiểm tra đã công nhận hoàn thành, không báo cáo lại",
                                  "{}: the inspectors already accepted it; no new report"),
                               id)});
    if (trim(d.date).empty())
        out.push_back({id, fmt(tr("{}: cần ngày báo cáo", "{}: the report date is missing"), id)});
    else if (!parseUserDate(trim(d.date)))
        out.push_back({id, fmt(tr("{}: ngày báo cáo '{}' không hợp lệ (DD/MM/YYYY)",
                                  "{}: invalid report date '{}' (DD/MM/YYYY)"),
                               id, d.date)});
    for (const auto& e : d.evidence) {
        auto name = evidenceName(e);
        if (!name || *name != e)
            out.push_back({id, fmt(tr("{}: tên tệp minh chứng '{}' phải là tên tệp, không có thư mục",
                                      "{}: evidence '{}' must be a file name without folders"),
                                   id, e)});
    }
    // Exchange format 2 carries the evidence files themselves: each name needs its file (picked
    // with "Thêm tệp...", or in the response zip opened), and a name safe on Windows.
    for (const auto& e : d.evidence) {
        const std::string key = id + "/" + e;
        if (picked_.count(key) == 0 && packed_.count(key) == 0)
            out.push_back({id, fmt(tr("{}: chưa có tệp minh chứng '{}': chọn tệp bằng \"Thêm tệp...\"",
                                      "{}: evidence '{}' has no file: pick it with \"Add file...\""),
                                   id, e)});
        else if (std::string why = evidenceNameProblem(e); !why.empty())
            out.push_back({id, fmt(tr("{}: tên tệp minh chứng '{}' không dùng được: {}",
                                      "{}: the evidence file name '{}' cannot be used: {}"),
                                   id, e, why)});
    }
    return out;
}

std::vector<RespondProblem> RespondState::problems() const {
    std::vector<RespondProblem> out;
    for (size_t i = 0; i < drafts_.size(); ++i)
        for (auto& p : problems(i))
            out.push_back(std::move(p));
    if (reportedCount() == 0)
        out.push_back({"", tr("Chưa báo cáo hành động nào: chọn \"Báo cáo kết quả\" ở ít nhất một "
                              "hành động",
                              "No action is reported yet: tick \"Report on this action\" for at "
                              "least one")});
    return out;
}

size_t RespondState::reportedCount() const {
    size_t n = 0;
    for (const auto& d : drafts_)
        n += d.report ? 1 : 0;
    return n;
}

PlanFile RespondState::build(const std::string& by, std::map<std::string, std::string>* evidence) const {
    auto ps = problems();
    if (!ps.empty()) {
        std::string lines;
        for (const auto& p : ps)
            lines += (lines.empty() ? "" : "\n") + p.message;
        throw UsageError(lines);
    }
    PlanFile out = file_;
    const std::string who = by.empty() ? loginName() : by;
    for (size_t i = 0; i < drafts_.size(); ++i) {
        const ResponseDraft& d = drafts_[i];
        if (!d.report)
            continue;
        ActionReport r;
        r.date = parseUserDate(trim(d.date));
        r.doc = trim(d.doc);
        r.note = d.note;
        r.evidence = d.evidence;
        // Unchanged since the response was opened: kept as it is (no new history, same time).
        const Action& a = file_.actions[i].action;
        std::vector<EvidenceRef> refs;
        for (const auto& name : r.evidence) {
            const std::string key = a.id + "/" + name;
            std::optional<std::string> bytes = evidenceBytes(key);
            if (!bytes)
                throw UsageError(fmt(tr("{}: chưa có tệp minh chứng '{}'", "{}: evidence '{}' has no file"),
                                     a.id, name));
            refs.push_back({name, sha256Hex(*bytes), bytes->size()});
            if (evidence != nullptr)
                (*evidence)[key] = std::move(*bytes);
        }
        if (file_.actions[i].answered && a.status == ActionStatus::Reported &&
            a.report.date == r.date && a.report.doc == r.doc && a.report.note == r.note &&
            a.report.evidence == r.evidence &&
            std::none_of(r.evidence.begin(), r.evidence.end(),
                         [&](const std::string& n) { return picked_.count(a.id + "/" + n) != 0; }))
            continue;  // unchanged since the response was opened: kept as it is
        respond(out, a.id, ActionStatus::Reported, r, who, refs);
    }
    return out;
}

std::string RespondState::defaultOutput() const {
    const bool zip = hasEvidence();
    if (file_.kind == PlanFile::Kind::Response && (!zip || endsWith(file_.file, ".zip")))
        return file_.file;
    return defaultResponsePath(file_.file, zip);
}

void RespondState::save(const std::string& path, const std::string& by) {
    std::map<std::string, std::string> evidence;
    PlanFile out = build(by, &evidence);
    if (!evidence.empty() && !endsWith(path, ".zip"))
        throw UsageError(fmt(tr("{}: báo cáo có minh chứng phải lưu thành tệp .response.zip",
                                "{}: a response with evidence is saved as a .response.zip"),
                             path));
    writeResponsePackage(path, out, evidence);
    dirty_ = false;
}

}  // namespace par::wizard
