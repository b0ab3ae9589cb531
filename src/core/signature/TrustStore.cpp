// SPDX-License-Identifier: Apache-2.0
#include "core/signature/TrustStore.hpp"

#include <openssl/pem.h>

#include <algorithm>
#include <filesystem>

#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"

namespace par::sig {

namespace fs = std::filesystem;

std::vector<X509Ptr> loadCertificates(const std::string& path) {
    std::string bytes = readFile(path, 4u << 20);
    std::vector<X509Ptr> out;
    if (bytes.find("-----BEGIN") != std::string::npos) {
        BIO* b = BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size()));
        while (X509* x = PEM_read_bio_X509(b, nullptr, nullptr, nullptr)) out.emplace_back(x);
        BIO_free(b);
        opensslErrors();  // the end-of-file "no start line" of the last round
    } else if (X509Ptr x = certificateFromDer(bytes)) {
        out.push_back(std::move(x));
    }
    if (out.empty())
        throw Error(fmt(tr("{}: không đọc được chứng thư số nào (cần tệp PEM \"-----BEGIN CERTIFICATE-----\" hoặc DER)",
                           "{}: no certificate could be read (a PEM \"-----BEGIN CERTIFICATE-----\" or DER file is expected)"),
                        path));
    return out;
}

TrustStore::TrustStore(const std::string& folder) : folder_(folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw IoError(fmt(tr("{}: không phải thư mục chứng thư tin cậy", "{}: not a trust folder"), folder));
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(folder, ec)) {
        std::string ext = e.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (e.is_regular_file() && (ext == ".pem" || ext == ".crt" || ext == ".cer")) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
        for (auto& c : loadCertificates(f)) certs_.push_back(std::move(c));
    if (certs_.empty())
        throw Error(fmt(tr("{}: thư mục tin cậy không có chứng thư số nào (*.pem, *.crt, *.cer)",
                           "{}: the trust folder holds no certificate (*.pem, *.crt, *.cer)"),
                        folder));
    store_ = X509_STORE_new();
    for (const auto& c : certs_) X509_STORE_add_cert(store_, c.get());
}

TrustStore::TrustStore(std::vector<X509Ptr> certs) : certs_(std::move(certs)) {
    store_ = X509_STORE_new();
    for (const auto& c : certs_) X509_STORE_add_cert(store_, c.get());
}

TrustStore::~TrustStore() { X509_STORE_free(store_); }

ChainResult verifyChain(const TrustStore& trust, X509* cert, const std::vector<X509*>& untrusted, std::time_t when) {
    ChainResult r;
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    STACK_OF(X509)* chain = sk_X509_new_null();
    for (X509* x : untrusted) sk_X509_push(chain, x);
    X509_STORE_CTX_init(ctx, trust.store(), cert, chain);
    X509_STORE_CTX_set_time(ctx, 0, when);
    int ok = X509_verify_cert(ctx);
    r.error = X509_STORE_CTX_get_error(ctx);
    X509_STORE_CTX_free(ctx);
    sk_X509_free(chain);
    opensslErrors();
    r.trusted = ok == 1;
    if (r.trusted) return r;
    const std::string detail = X509_verify_cert_error_string(r.error);
    switch (r.error) {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            r.problem = fmt(tr("chứng thư số đã hết hạn vào thời điểm ký ({})", "the certificate had expired at the signing time ({})"), detail);
            break;
        case X509_V_ERR_CERT_NOT_YET_VALID:
            r.problem = fmt(tr("chứng thư số chưa có hiệu lực vào thời điểm ký ({})", "the certificate was not yet valid at the signing time ({})"), detail);
            break;
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            r.problem = fmt(tr("chứng thư số không do tổ chức chứng thực nào trong thư mục tin cậy cấp ({}); "
                               "thêm chứng thư của tổ chức chứng thực (PEM) vào thư mục tin cậy nếu tin tưởng",
                               "the certificate was not issued by any authority in the trust folder ({}); add the "
                               "authority's certificate (PEM) to the trust folder if you trust it"),
                            detail);
            break;
        default:
            r.problem = fmt(tr("chuỗi chứng thư số không hợp lệ ({})", "the certificate chain is not valid ({})"), detail);
    }
    return r;
}

}  // namespace par::sig
