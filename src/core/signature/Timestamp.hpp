// SPDX-License-Identifier: Apache-2.0
// Timestamp.hpp - RFC 3161 time-stamps (PAdES B-T): a request for the SHA-256 of a signature value
// sent to a time-stamping authority over HTTP with OpenSSL's own client (no other library), the
// answer checked (granted, same imprint, same nonce), and the token read back when verifying.
#pragma once

#include <openssl/x509_vfy.h>

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace par::sig {

// The TimeStampToken (a CMS ContentInfo, DER) for `data` (hashed here with SHA-256). Throws
// par::Error with what went wrong (unreachable server, refused request, wrong imprint).
std::string requestTimestamp(const std::string& url, std::string_view data, int timeoutSeconds = 30);

struct TimestampInfo {
    std::time_t time = 0;          // genTime, UTC
    bool imprintMatches = false;   // the token stamps SHA-256(data)
    std::string tsaName;           // the TSA's certificate subject, when the token carries it
    bool signatureChecked = false; // a trust store was given
    bool signatureValid = false;   // the token's signature and the TSA's chain hold (when checked)
};

// Reads a TimeStampToken; nullopt when the bytes are not one. With `trust`, the token's own
// signature and its TSA certificate's chain (timeStamping purpose) are verified against it.
std::optional<TimestampInfo> readTimestamp(std::string_view token, std::string_view data, X509_STORE* trust = nullptr);

}  // namespace par::sig
