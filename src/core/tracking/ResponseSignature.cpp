// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/ResponseSignature.hpp"

#include <filesystem>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/common/UnitName.hpp"
#include "core/common/XmlReader.hpp"
#include "core/signature/Cms.hpp"
#include "core/signature/TrustStore.hpp"
#include "core/tracking/PlanExchange.hpp"

namespace par::track {

namespace fs = std::filesystem;

std::optional<UnitCertificates> UnitCertificates::load(const std::string& folder) {
    fs::path file = fs::path(folder.empty() ? "." : folder) / kUnitCertificatesFile;
    std::error_code ec;
    if (!fs::exists(file, ec)) return std::nullopt;
    XmlReader x = XmlReader::load(file.string());
    const auto& root = x.root("units");
    x.checkFormatVersion(root, 1, kUnitCertificatesFile);
    UnitCertificates out;
    out.file_ = file.string();
    for (const auto* e = root.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
        if (std::string(e->Name()) != "unit")
            x.fail(*e, fmt(tr("phần tử không biết <{}> (chỉ có <unit>)", "unknown element <{}> (only <unit>)"), e->Name()));
        std::string name = x.attr(*e, "name");
        std::vector<sig::X509Ptr>& certs = out.byUnit_[unitKey(name)];
        for (const auto& c : children(*e, "certificate")) {
            fs::path p = x.attr(c, "file");
            if (p.is_relative()) p = file.parent_path() / p;
            try {
                for (auto& cert : sig::loadCertificates(p.string())) certs.push_back(std::move(cert));
            } catch (const Error& err) {
                x.fail(c, err.what());
            }
        }
        if (certs.empty())
            x.fail(*e, fmt(tr("đơn vị '{}' chưa có <certificate file=\"…\"/>", "unit '{}' has no <certificate file=\"…\"/>"), name));
    }
    return out;
}

const std::vector<sig::X509Ptr>* UnitCertificates::forUnit(std::string_view unit) const {
    auto it = byUnit_.find(unitKey(unit));
    return it == byUnit_.end() ? nullptr : &it->second;
}

std::optional<ResponseSigner> checkResponseSignature(const std::string& unit, std::string_view xml, std::string_view p7s,
                                                     const std::vector<sig::X509Ptr>* certificates,
                                                     const std::string& responseName) {
    const bool required = certificates != nullptr;
    if (p7s.empty()) {
        if (!required) return std::nullopt;
        throw ImportRefused({fmt(tr("{}: báo cáo của {} phải được ký số (theo {}) nhưng không có chữ ký response.xml.p7s; "
                                    "đề nghị đơn vị ký bằng `par-audit plan respond … --sign`",
                                    "{}: the response of {} must be signed (per {}) but carries no response.xml.p7s; "
                                    "ask the unit to sign it with `par-audit plan respond … --sign`"),
                                 responseName, unit, kUnitCertificatesFile)});
    }
    sig::CmsCheck c = sig::verifyDetached(p7s, {xml}, nullptr, std::nullopt);
    std::vector<std::string> reasons;
    if (!c.parseProblem.empty()) {
        reasons.push_back(fmt(tr("{}: chữ ký response.xml.p7s: {}", "{}: signature response.xml.p7s: {}"), responseName, c.parseProblem));
    } else {
        if (!c.digestMatches)
            reasons.push_back(fmt(tr("{}: response.xml đã bị sửa sau khi ký (giá trị băm không khớp chữ ký)",
                                     "{}: response.xml was changed after signing (its digest does not match the signature)"),
                                  responseName));
        if (!c.signatureValid)
            reasons.push_back(fmt(tr("{}: chữ ký số không hợp lệ với chứng thư số kèm theo",
                                     "{}: the signature does not verify with the certificate it carries"),
                                  responseName));
        if (required) {
            bool known = false;
            for (const auto& cert : *certificates) known = known || X509_cmp(cert.get(), c.signer.get()) == 0;
            if (!known)
                reasons.push_back(fmt(tr("{}: được ký bằng chứng thư số của \"{}\", không phải chứng thư đã khai báo cho {} trong {}",
                                         "{}: signed with the certificate of \"{}\", not one declared for {} in {}"),
                                      responseName, sig::subjectText(c.signer.get()), unit, kUnitCertificatesFile));
        }
    }
    if (!reasons.empty()) throw ImportRefused(reasons);
    return ResponseSigner{sig::subjectText(c.signer.get()), sig::certificateSha256(c.signer.get())};
}

std::optional<ResponseSigner> checkResponseSignatureFor(const std::string& auditPath, const std::string& unit,
                                                        std::string_view xml, std::string_view p7s,
                                                        const std::string& responseName) {
    std::optional<UnitCertificates> units = UnitCertificates::load(fs::path(auditPath).parent_path().string());
    return checkResponseSignature(unit, xml, p7s, units ? units->forUnit(unit) : nullptr, responseName);
}

}  // namespace par::track
