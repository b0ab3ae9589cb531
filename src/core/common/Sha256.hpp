// SPDX-License-Identifier: Apache-2.0
// Sha256.hpp - SHA-256 digests (OpenSSL's libcrypto) for the fingerprints that tie a PDF or a plan
// file to the exact audit content it was made from.
#pragma once

#include <string>
#include <string_view>

namespace par {

// Lower-case hexadecimal SHA-256 of the bytes.
std::string sha256Hex(std::string_view bytes);

}  // namespace par
