// SPDX-License-Identifier: Apache-2.0
// Cms.hpp - detached CMS SignedData (RFC 5652) in the CAdES baseline profile that PAdES
// (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached) and the signed exchange files use: SHA-256,
// signed attributes content-type, message-digest and signing-certificate-v2 (RFC 5035), no
// signing-time attribute (PAdES puts the claimed time in the signature dictionary's /M), the
// signer's certificate and chain embedded, and with a time-stamp URL an RFC 3161 signature
// time-stamp as unsigned attribute (B-T).
// The signed attributes are encoded and signed here, not by CMS_final, so that the key may sit on a
// token (Signer::sign) and OpenSSL adds no signing-time.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/signature/Signer.hpp"
#include "core/signature/TrustStore.hpp"

namespace par::sig {

struct CmsOptions {
    std::string tsaUrl;  // "" = no time-stamp (B-B)
    int tsaTimeoutSeconds = 30;
};

// The DER of a detached SignedData whose content has SHA-256 `digest` (32 bytes). The result is
// checked against the digest before it is returned. Throws par::Error.
std::string signDigest(Signer& signer, std::string_view digest, const CmsOptions& options = {});
// The same over the content itself.
std::string signDetached(Signer& signer, std::string_view content, const CmsOptions& options = {});

std::string sha256(const std::vector<std::string_view>& pieces);

// What a detached signature says about content and signer. Each check is separate, so a report
// can name exactly what failed.
struct CmsCheck {
    std::string parseProblem;       // not empty: not a CMS SignedData (nothing else is set)
    bool digestMatches = false;     // message-digest attribute == SHA-256 of the content
    bool signatureValid = false;    // the signature over the signed attributes verifies
    bool signingCertV2 = false;     // the signing-certificate-v2 attribute is present and names the signer
    X509Ptr signer;                 // the signer's certificate (from the CMS)
    std::vector<X509Ptr> embedded;  // all certificates the CMS carries
    std::optional<std::time_t> timestamp;  // a valid RFC 3161 token's time, over this signature
    std::string timestampProblem;   // a token present but not over this signature / unreadable
    bool chainChecked = false;
    ChainResult chain;              // when chainChecked
    std::time_t checkedAt = 0;      // the time validity was checked at

    bool valid() const { return parseProblem.empty() && digestMatches && signatureValid && (!chainChecked || chain.trusted); }
};

// Checks `cms` over the content given as pieces (a PDF's two byte ranges). With a trust store the
// chain is verified at the time-stamp's time, else at `claimedTime`, else now.
CmsCheck verifyDetached(std::string_view cms, const std::vector<std::string_view>& content,
                        const TrustStore* trust, std::optional<std::time_t> claimedTime);

}  // namespace par::sig
