// SPDX-License-Identifier: Apache-2.0
#include "core/signature/Cms.hpp"

#include <openssl/cms.h>
#include <openssl/ess.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstring>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/signature/Timestamp.hpp"

namespace par::sig {

namespace {

struct CmsFree {
    void operator()(CMS_ContentInfo* c) const { CMS_ContentInfo_free(c); }
};
using CmsPtr = std::unique_ptr<CMS_ContentInfo, CmsFree>;

[[noreturn]] void fail(const char* step) {
    throw Error(fmt(tr("không tạo được chữ ký CMS ({}: {})", "cannot make the CMS signature ({}: {})"), step, opensslErrors()));
}

// DER length octets.
std::string derLength(size_t n) {
    std::string out;
    if (n < 0x80) {
        out += static_cast<char>(n);
        return out;
    }
    std::string bytes;
    while (n > 0) {
        bytes.insert(bytes.begin(), static_cast<char>(n & 0xff));
        n >>= 8;
    }
    out += static_cast<char>(0x80 | bytes.size());
    return out + bytes;
}

// The DER of the signed attributes as the signature covers them: a SET OF (tag 0x31) of the
// attributes, in DER order (RFC 5652 section 5.4).
std::string signedAttributesDer(CMS_SignerInfo* si) {
    std::vector<std::string> items;
    for (int i = 0; i < CMS_signed_get_attr_count(si); ++i) {
        unsigned char* der = nullptr;
        int n = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
        if (n <= 0) fail("i2d_X509_ATTRIBUTE");
        items.emplace_back(reinterpret_cast<char*>(der), static_cast<size_t>(n));
        OPENSSL_free(der);
    }
    // X.690 11.6: ascending as octet strings, the shorter padded with zeros at its end.
    std::sort(items.begin(), items.end(), [](const std::string& a, const std::string& b) {
        size_t n = std::max(a.size(), b.size());
        for (size_t i = 0; i < n; ++i) {
            unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
            unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
            if (x != y) return x < y;
        }
        return false;
    });
    std::string body;
    for (const auto& s : items) body += s;
    return std::string(1, '\x31') + derLength(body.size()) + body;
}

std::string toDer(CMS_ContentInfo* cms) {
    unsigned char* der = nullptr;
    int n = i2d_CMS_ContentInfo(cms, &der);
    if (n <= 0) fail("i2d_CMS_ContentInfo");
    std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(n));
    OPENSSL_free(der);
    return out;
}

}  // namespace

std::string sha256(const std::vector<std::string_view>& pieces) {
    EVP_MD_CTX* c = EVP_MD_CTX_new();
    EVP_DigestInit_ex(c, EVP_sha256(), nullptr);
    for (auto p : pieces) EVP_DigestUpdate(c, p.data(), p.size());
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(c, md, &n);
    EVP_MD_CTX_free(c);
    return std::string(reinterpret_cast<char*>(md), n);
}

std::string signDigest(Signer& signer, std::string_view digest, const CmsOptions& options) {
    if (digest.size() != SHA256_DIGEST_LENGTH) throw Error("signDigest: a SHA-256 digest has 32 bytes");
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_PARTIAL | CMS_DETACHED | CMS_BINARY));
    if (!cms) fail("CMS_sign");
    X509* cert = signer.certificate();
    // The public key stands in for the private one: CMS_add1_signer only compares them and sets
    // the algorithms; the signing itself is Signer::sign. CMS_CADES adds signing-certificate-v2.
    CMS_SignerInfo* si = CMS_add1_signer(cms.get(), cert, X509_get0_pubkey(cert), EVP_sha256(),
                                         CMS_PARTIAL | CMS_BINARY | CMS_NOSMIMECAP | CMS_CADES);
    if (si == nullptr) fail("CMS_add1_signer");
    for (const auto& c : signer.chain())
        if (CMS_add1_cert(cms.get(), c.get()) != 1) opensslErrors();  // a duplicate is not an error
    if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1) != 1 ||
        CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, digest.data(),
                                    static_cast<int>(digest.size())) != 1)
        fail("signed attributes");
    std::string tbs = signedAttributesDer(si);
    std::string signature = signer.sign(tbs);
    if (ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), signature.data(), static_cast<int>(signature.size())) != 1)
        fail("signature");
    if (!options.tsaUrl.empty()) {
        std::string token = requestTimestamp(options.tsaUrl, signature, options.tsaTimeoutSeconds);
        if (CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, token.data(),
                                          static_cast<int>(token.size())) != 1)
            fail("timeStampToken");
    }
    std::string der = toDer(cms.get());
    // What OpenSSL wrote must verify as what was signed (encoding of the attributes included).
    CmsPtr back;
    {
        const auto* p = reinterpret_cast<const unsigned char*>(der.data());
        back.reset(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
    }
    STACK_OF(CMS_SignerInfo)* sis = back ? CMS_get0_SignerInfos(back.get()) : nullptr;
    CMS_SignerInfo* bsi = sis != nullptr && sk_CMS_SignerInfo_num(sis) == 1 ? sk_CMS_SignerInfo_value(sis, 0) : nullptr;
    if (bsi == nullptr) fail("d2i_CMS_ContentInfo");
    CMS_SignerInfo_set1_signer_cert(bsi, cert);
    if (CMS_SignerInfo_verify(bsi) != 1)
        throw Error(fmt(tr("chữ ký vừa tạo không kiểm tra lại được: khoá bí mật không khớp với chứng thư số? ({})",
                           "the signature just made does not verify: does the private key match the certificate? ({})"),
                        opensslErrors()));
    return der;
}

std::string signDetached(Signer& signer, std::string_view content, const CmsOptions& options) {
    return signDigest(signer, sha256({content}), options);
}

CmsCheck verifyDetached(std::string_view cmsDer, const std::vector<std::string_view>& content,
                        const TrustStore* trust, std::optional<std::time_t> claimedTime) {
    CmsCheck r;
    const auto* p = reinterpret_cast<const unsigned char*>(cmsDer.data());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(cmsDer.size())));
    STACK_OF(CMS_SignerInfo)* sis = cms && OBJ_obj2nid(CMS_get0_type(cms.get())) == NID_pkcs7_signed
                                        ? CMS_get0_SignerInfos(cms.get())
                                        : nullptr;
    if (sis == nullptr || sk_CMS_SignerInfo_num(sis) != 1) {
        r.parseProblem = sis == nullptr ? tr("không phải chữ ký CMS (SignedData)", "not a CMS signature (SignedData)")
                                        : tr("chữ ký CMS phải có đúng một người ký", "the CMS signature must have exactly one signer");
        opensslErrors();
        return r;
    }
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(sis, 0);
    STACK_OF(X509)* certs = CMS_get1_certs(cms.get());
    std::vector<X509*> untrusted;
    for (int i = 0; certs != nullptr && i < sk_X509_num(certs); ++i) {
        X509* x = sk_X509_value(certs, i);
        untrusted.push_back(x);
        X509_up_ref(x);
        r.embedded.emplace_back(x);
        if (!r.signer && CMS_SignerInfo_cert_cmp(si, x) == 0) {
            X509_up_ref(x);
            r.signer.reset(x);
        }
    }
    sk_X509_pop_free(certs, X509_free);
    if (!r.signer) {
        r.parseProblem = tr("chữ ký không kèm chứng thư số của người ký", "the signature does not carry the signer's certificate");
        return r;
    }
    CMS_SignerInfo_set1_signer_cert(si, r.signer.get());

    // Message digest: the content as signed.
    std::string md = sha256(content);
    const auto* attr = static_cast<const ASN1_OCTET_STRING*>(
        CMS_signed_get0_data_by_OBJ(si, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
    r.digestMatches = attr != nullptr && ASN1_STRING_length(attr) == static_cast<int>(md.size()) &&
                      std::memcmp(ASN1_STRING_get0_data(attr), md.data(), md.size()) == 0;
    r.signatureValid = CMS_SignerInfo_verify(si) == 1;
    opensslErrors();

    // signing-certificate-v2 names this certificate.
    if (const auto* sc = static_cast<const ASN1_STRING*>(CMS_signed_get0_data_by_OBJ(
            si, OBJ_nid2obj(NID_id_smime_aa_signingCertificateV2), -3, V_ASN1_SEQUENCE))) {
        const unsigned char* q = ASN1_STRING_get0_data(sc);
        ESS_SIGNING_CERT_V2* v2 = d2i_ESS_SIGNING_CERT_V2(nullptr, &q, ASN1_STRING_length(sc));
        if (v2 != nullptr) {
            STACK_OF(X509)* one = sk_X509_new_null();
            sk_X509_push(one, r.signer.get());
            r.signingCertV2 = OSSL_ESS_check_signing_certs(nullptr, v2, one, 1) == 1;
            sk_X509_free(one);
            ESS_SIGNING_CERT_V2_free(v2);
        }
        opensslErrors();
    }

    // A time-stamp over this signature's value (B-T).
    int ti = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
    if (ti >= 0) {
        ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, ti), 0);
        const ASN1_OCTET_STRING* sig = CMS_SignerInfo_get0_signature(si);
        std::string_view sv(reinterpret_cast<const char*>(ASN1_STRING_get0_data(sig)), static_cast<size_t>(ASN1_STRING_length(sig)));
        std::optional<TimestampInfo> info;
        if (t != nullptr && t->type == V_ASN1_SEQUENCE)
            info = readTimestamp(std::string_view(reinterpret_cast<const char*>(t->value.sequence->data),
                                                  static_cast<size_t>(t->value.sequence->length)),
                                 sv, trust != nullptr ? trust->store() : nullptr);
        if (!info)
            r.timestampProblem = tr("dấu thời gian không đọc được", "the time-stamp cannot be read");
        else if (!info->imprintMatches)
            r.timestampProblem = tr("dấu thời gian không đóng cho chữ ký này", "the time-stamp is not over this signature");
        else if (info->signatureChecked && !info->signatureValid)
            r.timestampProblem = fmt(tr("dấu thời gian không hợp lệ hoặc máy chủ cấp dấu thời gian ({}) không do tổ chức "
                                        "chứng thực trong thư mục tin cậy cấp",
                                        "the time-stamp is invalid, or its authority ({}) was not issued by one in the "
                                        "trust folder"),
                                     info->tsaName);
        else
            r.timestamp = info->time;
    }

    r.checkedAt = r.timestamp ? *r.timestamp : claimedTime ? *claimedTime : std::time(nullptr);
    if (trust != nullptr) {
        r.chainChecked = true;
        r.chain = verifyChain(*trust, r.signer.get(), untrusted, r.checkedAt);
    }
    return r;
}

}  // namespace par::sig
