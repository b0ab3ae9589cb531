// SPDX-License-Identifier: Apache-2.0
// TrustStore.hpp - the trust folder an office configures: the PEM (or DER) certificates of the
// certification authorities whose signatures it accepts (for Vietnam: the root CA of the Ministry of
// Information and Communications' national CA, the Government Cipher Committee's CA for government
// bodies, and the intermediate CAs of the providers). Every *.pem, *.crt, *.cer file in the folder
// is read (a PEM file may hold several certificates).
#pragma once

#include <openssl/x509_vfy.h>

#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "core/signature/Signer.hpp"

namespace par::sig {

class TrustStore {
public:
    // Throws IoError (folder unreadable) or Error (a file that is not a certificate, naming it; a
    // folder without any certificate).
    explicit TrustStore(const std::string& folder);
    // From certificates already loaded (tests, the exchange's unit certificates).
    explicit TrustStore(std::vector<X509Ptr> certs);
    ~TrustStore();
    TrustStore(const TrustStore&) = delete;
    TrustStore& operator=(const TrustStore&) = delete;

    const std::vector<X509Ptr>& certificates() const { return certs_; }
    X509_STORE* store() const { return store_; }
    const std::string& folder() const { return folder_; }

private:
    std::string folder_;
    std::vector<X509Ptr> certs_;
    X509_STORE* store_ = nullptr;
};

// Certificates from one PEM file (one or more) or a DER file; throws Error naming the file.
std::vector<X509Ptr> loadCertificates(const std::string& path);

struct ChainResult {
    bool trusted = false;
    int error = 0;            // X509_V_ERR_…
    std::string problem;      // Vietnamese (English with --lang en), with what to do
};

// Whether `cert` chains to the trust store, using `untrusted` as intermediates, as it stood at
// `when` (validity periods are checked at that time).
ChainResult verifyChain(const TrustStore& trust, X509* cert, const std::vector<X509*>& untrusted, std::time_t when);

}  // namespace par::sig
