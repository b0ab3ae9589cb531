#include "core/model/Audit.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

#include "core/common/DataPaths.hpp"
#include "core/common/Sha256.hpp"
#include "core/model/AuditWriter.hpp"

namespace par {

bool Finding::operator==(const Finding& o) const {
    return id == o.id && origin == o.origin && rule == o.rule && key == o.key && category == o.category &&
           severity == o.severity && area == o.area && state == o.state && edited == o.edited &&
           text == o.text && legalBasis == o.legalBasis && recommendation.text == o.recommendation.text &&
           recommendation.deadline.str() == o.recommendation.deadline.str() &&
           recommendation.responsible == o.recommendation.responsible;
}

std::optional<Date> Audit::inspectionDate() const { return visitEnd ? visitEnd : visitStart; }

Finding* Audit::findFinding(const std::string& fid) {
    for (auto& f : findings)
        if (f.id == fid) return &f;
    return nullptr;
}

const Finding* Audit::findFinding(const std::string& fid) const {
    for (const auto& f : findings)
        if (f.id == fid) return &f;
    return nullptr;
}

std::string Audit::nextFindingId() const {
    int highest = 0;
    for (const auto& f : findings) {
        if (f.id.rfind("F-", 0) == 0) {
            int n = std::atoi(f.id.c_str() + 2);
            if (n > highest) highest = n;
        }
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "F-%03d", highest + 1);
    return buf;
}

void Audit::logChange(const std::string& what, const std::string& by) {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &local);
    std::string who = by;
    if (who.empty()) {
        if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_name != nullptr) who = pw->pw_name;
    }
    changeLog.push_back({buf, who, what});
}

std::string Audit::resolve(const std::string& href) const {
    if (href.empty() || href[0] == '/') return href;
    auto slash = file.find_last_of('/');
    if (slash == std::string::npos) return href;
    return file.substr(0, slash + 1) + href;
}

std::string Audit::formPath() const {
    if (!form.href.empty()) return resolve(form.href);
    return dataPath("forms/" + form.id + ".xml");
}

std::string Audit::fingerprint() const {
    Audit copy = *this;
    copy.revision = 0;
    copy.changeLog.clear();
    return sha256Hex(AuditWriter::toXml(copy));
}

bool Audit::sameContent(const Audit& other) const { return fingerprint() == other.fingerprint(); }

}  // namespace par
