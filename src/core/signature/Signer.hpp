// SPDX-License-Identifier: Apache-2.0
// Signer.hpp - who signs: a certificate (with the chain to include) and a private key that signs
// bytes with SHA-256. Two kinds: a PKCS#12 file (Pkcs12Signer) and a key on a PKCS#11 token
// (Pkcs11Signer.hpp). The key never leaves the token; the PKCS#12 key lives only in this object.
// Secrets (password, PIN) are taken as strings the caller read from a file or a prompt, never from
// the command line, and are wiped from the objects that held them once used.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace par::sig {

struct X509Free {
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

class Signer {
public:
    virtual ~Signer() = default;
    // The signing certificate.
    virtual X509* certificate() const = 0;
    // Further certificates to embed (intermediate CAs), may be empty.
    virtual const std::vector<X509Ptr>& chain() const = 0;
    // The signature of `data` with SHA-256 (hashing included): RSA PKCS#1 v1.5 octets, or a DER
    // ECDSA-Sig-Value for EC keys. Throws par::Error with the token's or OpenSSL's reason.
    virtual std::string sign(std::string_view data) = 0;
};

// A PKCS#12 (.p12/.pfx) file and its password. Throws IoError (unreadable), Error (wrong password
// or no key/certificate inside; the message says which).
class Pkcs12Signer : public Signer {
public:
    Pkcs12Signer(const std::string& path, std::string password);
    X509* certificate() const override { return cert_.get(); }
    const std::vector<X509Ptr>& chain() const override { return chain_; }
    std::string sign(std::string_view data) override;

private:
    X509Ptr cert_;
    PkeyPtr key_;
    std::vector<X509Ptr> chain_;
};

// OpenSSL's error queue as text ("" when empty), emptied.
std::string opensslErrors();

// Overwrites a secret held in a string, then clears it.
void wipe(std::string& secret);

// "CN=…, O=…" of a certificate's subject, UTF-8; and its common name / organisation alone.
std::string subjectText(const X509* cert);
std::string subjectField(const X509* cert, int nid);
// SHA-256 of the certificate's DER, lower-case hex.
std::string certificateSha256(const X509* cert);
// A certificate from DER bytes; nullptr when they are not one.
X509Ptr certificateFromDer(std::string_view der);

}  // namespace par::sig
