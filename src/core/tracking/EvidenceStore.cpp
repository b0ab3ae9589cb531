// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/EvidenceStore.hpp"

#include <filesystem>
#include <system_error>

#include "core/common/AtomicFile.hpp"
#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/PlanFile.hpp"

namespace par::track {

namespace fs = std::filesystem;

namespace {
bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

fs::path u8path(const std::string& s) { return fs::u8path(s); }
}  // namespace

std::string evidenceFolder(const std::string& auditPath) {
    std::string base = auditPath;
    for (const char* ext : {".audit.xml", ".xml"})
        if (endsWith(base, ext)) {
            base.resize(base.size() - std::string(ext).size());
            break;
        }
    return base + ".evidence";
}

EvidenceStaging::EvidenceStaging(std::string auditPath)
    : folder_(evidenceFolder(auditPath)), staging_(folder_ + "/.staging-" + randomId()) {}

EvidenceStaging::~EvidenceStaging() {
    std::error_code ec;
    if (!staging_.empty() && fs::exists(u8path(staging_), ec))
        fs::remove_all(u8path(staging_), ec);
}

void EvidenceStaging::stage(const std::string& actionId,
                            const std::map<std::string, std::string>& files) {
    std::error_code ec;
    const std::string dir = staging_ + "/" + actionId;
    fs::create_directories(u8path(dir), ec);
    if (ec)
        throw IoError(fmt(tr("không tạo được thư mục minh chứng {}: {}",
                             "cannot make the evidence folder {}: {}"),
                          dir, ec.message()));
    staged_.push_back(actionId);
    for (const auto& [name, bytes] : files)
        writeFileAtomically(dir + "/" + name, bytes, AtomicWriteOptions{false});
}

std::vector<std::string> EvidenceStaging::commit() {
    std::vector<std::string> made;
    for (const auto& id : staged_) {
        const fs::path target = u8path(folder_ + "/" + id);
        std::error_code ec;
        if (fs::exists(target, ec)) {
            for (int n = 1;; ++n) {
                fs::path old = u8path(folder_ + "/" + id + ".previous-" + std::to_string(n));
                if (fs::exists(old, ec))
                    continue;
                fs::rename(target, old, ec);
                break;
            }
        }
        if (!ec)
            fs::rename(u8path(staging_ + "/" + id), target, ec);
        if (ec) {
            const std::string kept = staging_;
            staged_.clear();
            staging_.clear();  // kept for the user: the message says where
            throw IoError(fmt(tr("không chuyển được minh chứng của {} vào {}: {} (tệp kiểm tra "
                                 "đã lưu; minh chứng còn ở {})",
                                 "cannot move the evidence of {} into {}: {} (the audit is "
                                 "saved; the evidence is still in {})"),
                              id, target.u8string(), ec.message(), kept));
        }
        made.push_back(target.u8string());
    }
    staged_.clear();
    std::error_code ec;
    fs::remove_all(u8path(staging_), ec);
    return made;
}

}  // namespace par::track
