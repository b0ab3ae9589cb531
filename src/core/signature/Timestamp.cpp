// SPDX-License-Identifier: Apache-2.0
#include "core/signature/Timestamp.hpp"

#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/ts.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/common/Platform.hpp"
#include "core/signature/Signer.hpp"

namespace par::sig {

namespace {
std::time_t toTime(const ASN1_GENERALIZEDTIME* t) {
    std::tm tm{};
    if (ASN1_TIME_to_tm(t, &tm) != 1) return 0;
    return platform::utcSeconds(tm);
}
}  // namespace

std::string requestTimestamp(const std::string& url, std::string_view data, int timeoutSeconds) {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
    TS_REQ* req = TS_REQ_new();
    TS_MSG_IMPRINT* imprint = TS_MSG_IMPRINT_new();
    X509_ALGOR* alg = X509_ALGOR_new();
    X509_ALGOR_set0(alg, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr);
    TS_MSG_IMPRINT_set_algo(imprint, alg);
    TS_MSG_IMPRINT_set_msg(imprint, md, sizeof md);
    TS_REQ_set_version(req, 1);
    TS_REQ_set_msg_imprint(req, imprint);
    TS_REQ_set_cert_req(req, 1);
    unsigned char nonceBytes[8];
    RAND_bytes(nonceBytes, sizeof nonceBytes);
    nonceBytes[0] &= 0x7f;
    BIGNUM* bn = BN_bin2bn(nonceBytes, sizeof nonceBytes, nullptr);
    ASN1_INTEGER* nonce = BN_to_ASN1_INTEGER(bn, nullptr);
    TS_REQ_set_nonce(req, nonce);
    X509_ALGOR_free(alg);
    TS_MSG_IMPRINT_free(imprint);

    unsigned char* der = nullptr;
    int n = i2d_TS_REQ(req, &der);
    TS_REQ_free(req);
    BIO* body = BIO_new_mem_buf(der, n);
    char *host = nullptr, *port = nullptr, *path = nullptr;
    int ssl = 0;
    BIO* resp = nullptr;
    if (OSSL_HTTP_parse_url(url.c_str(), &ssl, nullptr, &host, &port, nullptr, &path, nullptr, nullptr) == 1 && ssl == 0)
        resp = OSSL_HTTP_transfer(nullptr, host, port, path, 0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, 0,
                                  nullptr, "application/timestamp-query", body, "application/timestamp-reply", 1,
                                  1u << 20, timeoutSeconds, 0);
    else if (ssl != 0)
        ERR_raise_data(ERR_LIB_HTTP, 0, "https is not supported here: use the TSA's http:// address (RFC 3161 tokens are signed)");
    OPENSSL_free(host);
    OPENSSL_free(port);
    OPENSSL_free(path);
    BIO_free(body);
    OPENSSL_free(der);
    auto cleanup = [&]() {
        BN_free(bn);
        ASN1_INTEGER_free(nonce);
    };
    if (resp == nullptr) {
        std::string why = opensslErrors();
        cleanup();
        throw Error(fmt(tr("không nhận được dấu thời gian từ {} ({}); kiểm tra địa chỉ và kết nối mạng, hoặc ký không "
                           "có --tsa",
                           "no time-stamp from {} ({}); check the address and the network, or sign without --tsa"),
                        url, why));
    }
    TS_RESP* r = d2i_TS_RESP_bio(resp, nullptr);
    BIO_free(resp);
    std::string problem;
    std::string token;
    if (r == nullptr) {
        problem = tr("câu trả lời không phải TimeStampResp (RFC 3161)", "the answer is not a TimeStampResp (RFC 3161)");
    } else if (long st = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(r))); st != 0 && st != 1) {
        problem = fmt(tr("máy chủ từ chối yêu cầu (trạng thái {})", "the server refused the request (status {})"),
                      std::to_string(st));
    } else {
        TS_TST_INFO* info = TS_RESP_get_tst_info(r);
        const ASN1_OCTET_STRING* got = TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(info));
        const ASN1_INTEGER* gotNonce = TS_TST_INFO_get_nonce(info);
        if (got == nullptr || ASN1_STRING_length(got) != SHA256_DIGEST_LENGTH ||
            std::memcmp(ASN1_STRING_get0_data(got), md, sizeof md) != 0)
            problem = tr("dấu thời gian đóng cho dữ liệu khác", "the time-stamp is for other data");
        else if (gotNonce == nullptr || ASN1_INTEGER_cmp(gotNonce, nonce) != 0)
            problem = tr("số nonce trong câu trả lời không khớp", "the answer's nonce does not match");
        else {
            unsigned char* t = nullptr;
            int tn = i2d_PKCS7(TS_RESP_get_token(r), &t);
            token.assign(reinterpret_cast<char*>(t), static_cast<size_t>(std::max(tn, 0)));
            OPENSSL_free(t);
        }
    }
    TS_RESP_free(r);
    cleanup();
    if (!problem.empty() || token.empty())
        throw Error(fmt(tr("dấu thời gian từ {}: {}", "time-stamp from {}: {}"), url, problem));
    return token;
}

std::optional<TimestampInfo> readTimestamp(std::string_view token, std::string_view data, X509_STORE* trust) {
    const auto* p = reinterpret_cast<const unsigned char*>(token.data());
    PKCS7* p7 = d2i_PKCS7(nullptr, &p, static_cast<long>(token.size()));
    if (p7 == nullptr) {
        opensslErrors();
        return std::nullopt;
    }
    TS_TST_INFO* info = PKCS7_to_TS_TST_INFO(p7);
    std::optional<TimestampInfo> out;
    if (info != nullptr) {
        TimestampInfo t;
        t.time = toTime(TS_TST_INFO_get_time(info));
        unsigned char md[SHA256_DIGEST_LENGTH];
        SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
        const ASN1_OCTET_STRING* got = TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(info));
        t.imprintMatches = got != nullptr && ASN1_STRING_length(got) == SHA256_DIGEST_LENGTH &&
                           std::memcmp(ASN1_STRING_get0_data(got), md, sizeof md) == 0;
        STACK_OF(X509)* certs = PKCS7_get0_signers(p7, nullptr, 0);
        if (certs != nullptr && sk_X509_num(certs) > 0) t.tsaName = subjectText(sk_X509_value(certs, 0));
        sk_X509_free(certs);
        if (trust != nullptr) {
            TS_VERIFY_CTX* ctx = TS_VERIFY_CTX_new();
            X509_STORE_up_ref(trust);  // the context frees the store it holds
            TS_VERIFY_CTX_set_store(ctx, trust);
            TS_VERIFY_CTX_set_flags(ctx, TS_VFY_SIGNATURE);
            t.signatureChecked = true;
            t.signatureValid = TS_RESP_verify_token(ctx, p7) == 1;
            TS_VERIFY_CTX_free(ctx);
        }
        TS_TST_INFO_free(info);
        out = t;
    }
    PKCS7_free(p7);
    opensslErrors();
    return out;
}

}  // namespace par::sig
