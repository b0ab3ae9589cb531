// SPDX-License-Identifier: Apache-2.0
// ResponseSignature.hpp - who answered: the signed exchange (docs/signing.md, docs/tracking.md).
// A unit signs its response with `plan respond --sign …`: the zip then holds response.xml.p7s, a
// detached CMS signature (core/signature/Cms) over the exact bytes of response.xml; the evidence is
// covered through the hashes response.xml lists. The inspectors name each unit's certificate(s) in
// the workspace file don-vi.xml beside the audits:
//
//   <units format-version="1">
//     <unit name="UBND xã Tân Thạnh">
//       <certificate file="chung-thu/tan-thanh.pem"/>     (PEM or DER, relative to don-vi.xml)
//     </unit>
//   </units>
//
// For a unit listed there, `plan import` refuses a response that is unsigned, signed with another
// certificate, or changed after signing, before anything is merged; a verified signer's subject
// goes into the history of each action merged. A unit not listed is imported as before (a valid
// signature, if present, is still recorded; a broken one is refused).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/signature/Signer.hpp"

namespace par::track {

constexpr const char* kUnitCertificatesFile = "don-vi.xml";

class UnitCertificates {
public:
    // <folder>/don-vi.xml, or nullopt when the folder has none. Throws ParseError (file:line: an
    // unknown element, a unit without a name or certificate, a listed file that is not a
    // certificate) or IoError.
    static std::optional<UnitCertificates> load(const std::string& folder);
    // The certificates named for `unit` (same unit: par::unitKey), or nullptr.
    const std::vector<sig::X509Ptr>* forUnit(std::string_view unit) const;
    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::map<std::string, std::vector<sig::X509Ptr>> byUnit_;
};

struct ResponseSigner {
    std::string subject;      // "CN=UBND xã Tân Thạnh, O=…"
    std::string certSha256;   // of the certificate's DER
};

// Checks a response's signature for `unit`: `xml` are the bytes of response.xml, `p7s` the
// signature ("" when the response has none), `certificates` the unit's entry of don-vi.xml (nullptr
// when the unit is not listed). Returns the verified signer, nullopt for an unsigned response that
// needs no signature. Throws ImportRefused with every reason, naming `responseName`.
std::optional<ResponseSigner> checkResponseSignature(const std::string& unit, std::string_view xml, std::string_view p7s,
                                                     const std::vector<sig::X509Ptr>* certificates,
                                                     const std::string& responseName);

// The same for an audit: reads don-vi.xml from the audit's folder.
std::optional<ResponseSigner> checkResponseSignatureFor(const std::string& auditPath, const std::string& unit,
                                                        std::string_view xml, std::string_view p7s,
                                                        const std::string& responseName);

}  // namespace par::track
