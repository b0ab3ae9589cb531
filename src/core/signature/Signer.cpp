// SPDX-License-Identifier: Apache-2.0
#include "core/signature/Signer.hpp"

#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/sha.h>

#include <cstdio>
#include <cstring>

#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"

namespace par::sig {

std::string opensslErrors() {
    std::string out;
    unsigned long e;
    while ((e = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        if (!out.empty()) out += "; ";
        out += buf;
    }
    return out;
}

void wipe(std::string& secret) {
    if (!secret.empty()) OPENSSL_cleanse(secret.data(), secret.size());
    secret.clear();
}

std::string subjectField(const X509* cert, int nid) {
    const X509_NAME* name = X509_get_subject_name(cert);
    int i = X509_NAME_get_index_by_NID(name, nid, -1);
    if (i < 0) return "";
    const ASN1_STRING* s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
    unsigned char* utf8 = nullptr;
    int n = ASN1_STRING_to_UTF8(&utf8, s);
    if (n < 0) return "";
    std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
    OPENSSL_free(utf8);
    return out;
}

std::string subjectText(const X509* cert) {
    BIO* b = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(b, X509_get_subject_name(cert), 0,
                       (ASN1_STRFLGS_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) | XN_FLAG_SEP_CPLUS_SPC | XN_FLAG_FN_SN);
    char* data = nullptr;
    long n = BIO_get_mem_data(b, &data);
    std::string out(data, static_cast<size_t>(n));
    BIO_free(b);
    return out;
}

std::string certificateSha256(const X509* cert) {
    unsigned char* der = nullptr;
    int n = i2d_X509(cert, &der);
    if (n <= 0) return "";
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(der, static_cast<size_t>(n), md);
    OPENSSL_free(der);
    std::string hex;
    char buf[3];
    for (unsigned char c : md) {
        std::snprintf(buf, sizeof buf, "%02x", c);
        hex += buf;
    }
    return hex;
}

X509Ptr certificateFromDer(std::string_view der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    return X509Ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

Pkcs12Signer::Pkcs12Signer(const std::string& path, std::string password) {
    std::string bytes = readFile(path, 1u << 20);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    PKCS12* p12 = d2i_PKCS12(nullptr, &p, static_cast<long>(bytes.size()));
    if (p12 == nullptr) {
        wipe(password);
        throw Error(fmt(tr("{}: không phải tệp PKCS#12 (.p12/.pfx) ({})",
                           "{}: not a PKCS#12 (.p12/.pfx) file ({})"),
                        path, opensslErrors()));
    }
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    STACK_OF(X509)* ca = nullptr;
    int ok = PKCS12_parse(p12, password.c_str(), &key, &cert, &ca);
    PKCS12_free(p12);
    wipe(password);
    if (ok != 1) {
        std::string why = opensslErrors();
        throw Error(fmt(tr("{}: không mở được tệp PKCS#12: sai mật khẩu hoặc tệp hỏng ({})",
                           "{}: cannot open the PKCS#12 file: wrong password or damaged file ({})"),
                        path, why));
    }
    key_.reset(key);
    cert_.reset(cert);
    for (int i = 0; ca != nullptr && i < sk_X509_num(ca); ++i)
        chain_.emplace_back(sk_X509_value(ca, i));
    sk_X509_free(ca);
    if (!key_ || !cert_)
        throw Error(fmt(tr("{}: tệp PKCS#12 không có khoá bí mật và chứng thư số đi kèm",
                           "{}: the PKCS#12 file holds no private key with its certificate"),
                        path));
}

std::string Pkcs12Signer::sign(std::string_view data) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    size_t len = 0;
    std::string out;
    bool ok = ctx != nullptr && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key_.get()) == 1 &&
              EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(data.data()),
                             data.size()) == 1;
    if (ok) {
        out.resize(len);
        ok = EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(out.data()), &len,
                            reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
        out.resize(len);
    }
    EVP_MD_CTX_free(ctx);
    if (!ok) throw Error(fmt(tr("không ký được bằng khoá PKCS#12 ({})", "cannot sign with the PKCS#12 key ({})"), opensslErrors()));
    return out;
}

}  // namespace par::sig
