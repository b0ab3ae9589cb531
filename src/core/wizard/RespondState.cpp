// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/RespondState.hpp"

#include <filesystem>

#include "core/common/AtomicFile.hpp"
#include "core/common/Sha256.hpp"
#include "core/common/Dates.hpp"
#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/ResponseArchive.hpp"

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
    // A response zip (response.xml and evidence); not any zip (a workbook is one too).
    if (head.compare(0, 4, std::string("PK\x03\x04", 4)) == 0) {
        try {
            readResponsePackage(path);
            return true;
        } catch (const Error&) {
            return false;
        }
    }
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
    if (pkg.response.kind == PlanFile::Kind::Plan) {
        // Answers given earlier to this export are continued, never overwritten.
        for (bool zip : {true, false}) {
            std::string beside = defaultResponsePath(path, zip);
            std::error_code ec;
            if (!std::filesystem::exists(std::filesystem::u8path(beside), ec))
                continue;
            ResponsePackage prior = readResponsePackage(beside);
            if (prior.response.kind == PlanFile::Kind::Response &&
                prior.response.auditId == pkg.response.auditId &&
                prior.response.exportId == pkg.response.exportId) {
                prior.response.file = beside;
                return RespondState(std::move(prior.response), std::move(prior.evidence));
            }
        }
    }
    pkg.response.file = path;
    return RespondState(std::move(pkg.response), std::move(pkg.evidence));
}

RespondState::RespondState(PlanFile file, std::map<std::string, std::string> evidence)
    : file_(std::move(file)), evidence_(std::move(evidence)) {
    drafts_.resize(file_.actions.size());
    // A response begun earlier: its answers are the starting point (a report the audit held at
    // export, shown in a plan, is not an answer of this unit's file).
    for (size_t i = 0; i < file_.actions.size(); ++i) {
        const PlanAction& pa = file_.actions[i];
        const Action& a = pa.action;
        if (a.status != ActionStatus::Reported || (file_.formatVersion >= 2 && !pa.answered))
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

bool RespondState::addEvidence(size_t i, const std::string& path) {
    auto name = evidenceName(path);
    if (!name)
        return false;
    ResponseDraft d = drafts_.at(i);
    for (const auto& e : d.evidence)
        if (e == *name)
            return false;
    d.evidence.push_back(*name);
    picked_[action(i).action.id + "/" + *name] = path;
    setDraft(i, std::move(d));
    return true;
}

std::string RespondState::evidenceSource(size_t i, const std::string& name) const {
    auto it = picked_.find(action(i).action.id + "/" + name);
    return it == picked_.end() ? std::string() : it->second;
}

void RespondState::removeEvidence(size_t i, size_t k) {
    ResponseDraft d = drafts_.at(i);
    if (k >= d.evidence.size())
        return;
    picked_.erase(action(i).action.id + "/" + d.evidence[k]);
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
    else if (auto date = parseUserDate(trim(d.date)); !date)
        out.push_back({id, fmt(tr("{}: ngày báo cáo '{}' không hợp lệ (DD/MM/YYYY)",
                                  "{}: invalid report date '{}' (DD/MM/YYYY)"),
                               id, d.date)});
    else if (std::string why = track::reportDateProblem(id, *date, file_.noticeDate, track::clockToday());
             !why.empty())
        out.push_back({id, why});
    for (const auto& e : d.evidence) {
        auto name = evidenceName(e);
        if (!name || *name != e) {
            out.push_back({id, fmt(tr("{}: tên tệp minh chứng '{}' phải là tên tệp, không có thư mục",
                                      "{}: evidence '{}' must be a file name without folders"),
                                   id, e)});
            continue;
        }
        if (std::string why = evidenceNameProblem(e); !why.empty()) {
            out.push_back({id, fmt(tr("{}: tên tệp minh chứng '{}' không dùng được: {}; đổi tên tệp "
                                      "rồi thêm lại",
                                      "{}: the evidence file name '{}' cannot be used: {}; rename "
                                      "the file and add it again"),
                                   id, e, why)});
            continue;
        }
        const std::string source = evidenceSource(i, e);
        std::error_code ec;
        if (!source.empty()) {
            auto size = std::filesystem::file_size(std::filesystem::u8path(source), ec);
            if (ec)
                out.push_back({id, fmt(tr("{}: không đọc được tệp minh chứng {}", "{}: cannot read the evidence file {}"),
                                       id, source)});
            else if (size > kMaxEvidenceFileBytes)
                out.push_back({id, fmt(tr("{}: minh chứng '{}' lớn hơn giới hạn {} MiB",
                                          "{}: evidence '{}' is over the {} MiB limit"),
                                       id, e, std::to_string(kMaxEvidenceFileBytes >> 20))});
        } else if (evidence_.count(id + "/" + e) == 0) {
            out.push_back({id, fmt(tr("{}: chưa có tệp minh chứng '{}': bấm \"Thêm tệp...\" để chọn "
                                      "chính tệp đó",
                                      "{}: the evidence file '{}' is missing: pick the file itself "
                                      "with \"Add files...\""),
                                   id, e)});
        }
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

bool RespondState::hasEvidence() const {
    for (const auto& d : drafts_)
        if (d.report && !d.evidence.empty())
            return true;
    return false;
}

ResponsePackage RespondState::buildPackage(const std::string& by) const {
    auto ps = problems();
    if (!ps.empty()) {
        std::string lines;
        for (const auto& p : ps)
            lines += (lines.empty() ? "" : "\n") + p.message;
        throw UsageError(lines);
    }
    ResponsePackage pkg;
    pkg.response = file_;
    const std::string who = by.empty() ? loginName() : by;
    for (size_t i = 0; i < drafts_.size(); ++i) {
        const ResponseDraft& d = drafts_[i];
        const PlanAction& pa = file_.actions[i];
        const Action& a = pa.action;
        if (!d.report)
            continue;
        // The files: picked now, or carried over from the response opened.
        std::vector<EvidenceRef> refs;
        bool newFile = false;
        for (const auto& name : d.evidence) {
            const std::string source = evidenceSource(i, name);
            std::string bytes;
            if (!source.empty()) {
                bytes = readEvidenceFile(source, a.id, name);
                newFile = true;
            } else {
                bytes = evidence_.at(a.id + "/" + name);
            }
            refs.push_back({name, sha256Hex(bytes), bytes.size()});
            pkg.evidence[a.id + "/" + name] = std::move(bytes);
        }
        ActionReport r;
        r.date = parseUserDate(trim(d.date));
        r.doc = trim(d.doc);
        r.note = d.note;
        r.evidence = d.evidence;
        // Unchanged since the response was opened: kept as it is (same made, seq and history).
        if (pa.answered && a.status == ActionStatus::Reported && a.report.date == r.date &&
            a.report.doc == r.doc && a.report.note == r.note && a.report.evidence == r.evidence &&
            !newFile)
            continue;
        respond(pkg.response, a.id, ActionStatus::Reported, r, who, refs);
    }
    return pkg;
}

std::string RespondState::defaultOutput() const {
    if (file_.kind == PlanFile::Kind::Response) {
        // A plain response that now carries files becomes the zip beside it.
        if (hasEvidence() && endsWith(file_.file, ".xml"))
            return defaultResponsePath(file_.file, true);
        return file_.file;
    }
    return defaultResponsePath(file_.file, hasEvidence());
}

std::string RespondState::save(const std::string& path, const std::string& by) {
    ResponsePackage pkg = buildPackage(by);
    std::string out = path;
    if (!pkg.evidence.empty() && endsWith(out, ".xml"))
        out = defaultResponsePath(out, true);
    writeResponsePackage(out, pkg.response, pkg.evidence);
    dirty_ = false;
    return out;
}

}  // namespace par::wizard
