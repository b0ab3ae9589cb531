// SPDX-License-Identifier: Apache-2.0
// Pkcs11Signer.hpp - a signing key on a PKCS#11 token (a USB token of a Vietnamese certification
// authority, a smart card, SoftHSM2 in the tests). The vendor's module (a .so / .dll) is loaded with
// dlopen()/LoadLibrary and driven through the standard PKCS#11 v2.40 interface (p11-kit's header):
// find the token by its label, log in with the PIN, take the private key that can sign and the
// certificate with the same CKA_ID, sign with CKM_SHA256_RSA_PKCS (or CKM_RSA_PKCS over a DigestInfo,
// or CKM_ECDSA over the hash, when the token lacks it). The PIN is wiped once the login is done;
// the session stays open until the object is destroyed (logout, close, finalize, unload).
#pragma once

#include <memory>
#include <string>

#include "core/signature/Signer.hpp"

namespace par::sig {

class Pkcs11Signer : public Signer {
public:
    // Throws par::Error naming the module, the token and the PKCS#11 return code (CKR_PIN_INCORRECT
    // as "sai mã PIN", …) when a step fails.
    Pkcs11Signer(const std::string& modulePath, const std::string& tokenLabel, std::string pin);
    ~Pkcs11Signer() override;
    Pkcs11Signer(const Pkcs11Signer&) = delete;
    Pkcs11Signer& operator=(const Pkcs11Signer&) = delete;

    X509* certificate() const override { return cert_.get(); }
    const std::vector<X509Ptr>& chain() const override { return chain_; }
    std::string sign(std::string_view data) override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    X509Ptr cert_;
    std::vector<X509Ptr> chain_;
};

}  // namespace par::sig
