// SPDX-License-Identifier: Apache-2.0
#include "core/signature/Pkcs11Signer.hpp"

#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#endif

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstring>

#include <p11-kit/pkcs11.h>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::sig {

namespace {

std::string rvText(CK_RV rv) {
    switch (rv) {
        case CKR_PIN_INCORRECT: return tr("sai mã PIN (CKR_PIN_INCORRECT)", "wrong PIN (CKR_PIN_INCORRECT)");
        case CKR_PIN_LOCKED: return tr("mã PIN đã bị khoá (CKR_PIN_LOCKED): liên hệ nhà cung cấp chứng thư số", "the PIN is locked (CKR_PIN_LOCKED): ask the certificate provider");
        case CKR_PIN_EXPIRED: return tr("mã PIN đã hết hạn (CKR_PIN_EXPIRED)", "the PIN has expired (CKR_PIN_EXPIRED)");
        case CKR_TOKEN_NOT_PRESENT: return tr("không thấy thiết bị ký số (CKR_TOKEN_NOT_PRESENT)", "no token present (CKR_TOKEN_NOT_PRESENT)");
        case CKR_DEVICE_REMOVED: return tr("thiết bị ký số đã bị rút ra (CKR_DEVICE_REMOVED)", "the token was removed (CKR_DEVICE_REMOVED)");
        case CKR_MECHANISM_INVALID: return "CKR_MECHANISM_INVALID";
        default: break;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "CKR 0x%08lX", static_cast<unsigned long>(rv));
    return buf;
}

// DigestInfo prefix of SHA-256 (RFC 8017 section 9.2 note 1), for CKM_RSA_PKCS.
const unsigned char kSha256DigestInfo[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                           0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};

std::string padded(const CK_UTF8CHAR* s, size_t n) {
    std::string out(reinterpret_cast<const char*>(s), n);
    while (!out.empty() && (out.back() == ' ' || out.back() == '\0')) out.pop_back();
    return out;
}

}  // namespace

struct Pkcs11Signer::Impl {
    std::string module;
    void* lib = nullptr;
    CK_FUNCTION_LIST_PTR f = nullptr;
    bool initialized = false;
    CK_SESSION_HANDLE session = CK_INVALID_HANDLE;
    bool loggedIn = false;
    CK_OBJECT_HANDLE key = CK_INVALID_HANDLE;
    CK_KEY_TYPE keyType = CKK_RSA;

    [[noreturn]] void fail(const char* stepVi, const char* stepEn, CK_RV rv) const {
        throw Error(fmt(tr("{}: {} thất bại: {}", "{}: {} failed: {}"), module, tr(stepVi, stepEn), rvText(rv)));
    }
    void check(CK_RV rv, const char* vi, const char* en) const {
        if (rv != CKR_OK) fail(vi, en, rv);
    }
    std::string attribute(CK_OBJECT_HANDLE o, CK_ATTRIBUTE_TYPE type) const {
        CK_ATTRIBUTE a{type, nullptr, 0};
        if (f->C_GetAttributeValue(session, o, &a, 1) != CKR_OK || a.ulValueLen == CK_UNAVAILABLE_INFORMATION)
            return "";
        std::string v(a.ulValueLen, '\0');
        a.pValue = v.data();
        if (f->C_GetAttributeValue(session, o, &a, 1) != CKR_OK) return "";
        v.resize(a.ulValueLen);
        return v;
    }
    std::vector<CK_OBJECT_HANDLE> find(CK_OBJECT_CLASS cls) const {
        CK_ATTRIBUTE t{CKA_CLASS, &cls, sizeof cls};
        check(f->C_FindObjectsInit(session, &t, 1), "tìm đối tượng", "finding objects");
        std::vector<CK_OBJECT_HANDLE> out;
        CK_OBJECT_HANDLE h[16];
        CK_ULONG n = 0;
        while (f->C_FindObjects(session, h, 16, &n) == CKR_OK && n > 0) out.insert(out.end(), h, h + n);
        f->C_FindObjectsFinal(session);
        return out;
    }
    std::string signWith(CK_MECHANISM_TYPE type, std::string_view data, CK_RV& rv) const {
        CK_MECHANISM mech{type, nullptr, 0};
        rv = f->C_SignInit(session, &mech, key);
        if (rv != CKR_OK) return "";
        auto* in = reinterpret_cast<CK_BYTE_PTR>(const_cast<char*>(data.data()));
        CK_ULONG len = 0;
        rv = f->C_Sign(session, in, static_cast<CK_ULONG>(data.size()), nullptr, &len);
        if (rv != CKR_OK) return "";
        std::string out(len, '\0');
        rv = f->C_Sign(session, in, static_cast<CK_ULONG>(data.size()), reinterpret_cast<CK_BYTE_PTR>(out.data()), &len);
        out.resize(len);
        return rv == CKR_OK ? out : "";
    }
    ~Impl() {
        if (f != nullptr) {
            if (loggedIn) f->C_Logout(session);
            if (session != CK_INVALID_HANDLE) f->C_CloseSession(session);
            if (initialized) f->C_Finalize(nullptr);
        }
#ifdef _WIN32
        if (lib != nullptr) FreeLibrary(static_cast<HMODULE>(lib));
#else
        if (lib != nullptr) dlclose(lib);
#endif
    }
};

Pkcs11Signer::Pkcs11Signer(const std::string& modulePath, const std::string& tokenLabel, std::string pin)
    : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.module = modulePath;
    CK_C_GetFunctionList getList = nullptr;
#ifdef _WIN32
    m.lib = LoadLibraryA(modulePath.c_str());
    if (m.lib != nullptr)
        getList = reinterpret_cast<CK_C_GetFunctionList>(
            reinterpret_cast<void*>(GetProcAddress(static_cast<HMODULE>(m.lib), "C_GetFunctionList")));
    std::string why = "LoadLibrary";
#else
    m.lib = dlopen(modulePath.c_str(), RTLD_NOW | RTLD_LOCAL);
    std::string why = m.lib == nullptr ? std::string(dlerror()) : std::string();
    if (m.lib != nullptr) getList = reinterpret_cast<CK_C_GetFunctionList>(dlsym(m.lib, "C_GetFunctionList"));
#endif
    if (m.lib == nullptr || getList == nullptr) {
        wipe(pin);
        throw Error(fmt(tr("{}: không nạp được thư viện PKCS#11 của thiết bị ký số ({}). Kiểm tra đường dẫn "
                           "(docs/signing.md liệt kê đường dẫn thường gặp) và đã cài phần mềm của nhà cung cấp",
                           "{}: cannot load the token's PKCS#11 library ({}). Check the path (docs/signing.md lists "
                           "the usual ones) and that the vendor's software is installed"),
                        modulePath, why.empty() ? std::string("C_GetFunctionList") : why));
    }
    try {
        m.check(getList(&m.f), "C_GetFunctionList", "C_GetFunctionList");
        CK_C_INITIALIZE_ARGS args{};
        args.flags = CKF_OS_LOCKING_OK;
        CK_RV rv = m.f->C_Initialize(&args);
        if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) m.fail("khởi tạo", "initialising", rv);
        m.initialized = rv == CKR_OK;
        CK_ULONG n = 0;
        m.check(m.f->C_GetSlotList(CK_TRUE, nullptr, &n), "liệt kê khe", "listing slots");
        std::vector<CK_SLOT_ID> slots(n);
        if (n > 0) m.check(m.f->C_GetSlotList(CK_TRUE, slots.data(), &n), "liệt kê khe", "listing slots");
        slots.resize(n);
        std::vector<std::string> labels;
        CK_SLOT_ID slot = 0;
        bool found = false;
        for (CK_SLOT_ID s : slots) {
            CK_TOKEN_INFO info{};
            if (m.f->C_GetTokenInfo(s, &info) != CKR_OK) continue;
            std::string label = padded(info.label, sizeof info.label);
            labels.push_back("'" + label + "'");
            if (!found && (tokenLabel.empty() || label == tokenLabel)) {
                slot = s;
                found = true;
            }
        }
        if (!found) {
            std::string list;
            for (const auto& l : labels) list += (list.empty() ? "" : ", ") + l;
            throw Error(fmt(tr("{}: không có thiết bị ký số nhãn '{}' (đang cắm: {})",
                               "{}: no token labelled '{}' (present: {})"),
                            modulePath, tokenLabel, list.empty() ? std::string(tr("không có", "none")) : list));
        }
        m.check(m.f->C_OpenSession(slot, CKF_SERIAL_SESSION, nullptr, nullptr, &m.session), "mở phiên", "opening a session");
        rv = m.f->C_Login(m.session, CKU_USER, reinterpret_cast<CK_UTF8CHAR_PTR>(pin.data()),
                          static_cast<CK_ULONG>(pin.size()));
        wipe(pin);
        if (rv != CKR_OK && rv != CKR_USER_ALREADY_LOGGED_IN) m.fail("đăng nhập", "logging in", rv);
        m.loggedIn = rv == CKR_OK;

        // The private key that signs, and the certificate with the same CKA_ID.
        std::vector<CK_OBJECT_HANDLE> certs = m.find(CKO_CERTIFICATE);
        for (CK_OBJECT_HANDLE k : m.find(CKO_PRIVATE_KEY)) {
            std::string sign = m.attribute(k, CKA_SIGN);
            if (!sign.empty() && sign[0] == 0) continue;
            std::string id = m.attribute(k, CKA_ID);
            for (CK_OBJECT_HANDLE c : certs)
                if (m.attribute(c, CKA_ID) == id) {
                    X509Ptr x = certificateFromDer(m.attribute(c, CKA_VALUE));
                    if (x) {
                        cert_ = std::move(x);
                        m.key = k;
                        break;
                    }
                }
            if (cert_) {
                std::string kt = m.attribute(k, CKA_KEY_TYPE);
                if (kt.size() == sizeof(CK_KEY_TYPE)) std::memcpy(&m.keyType, kt.data(), sizeof(CK_KEY_TYPE));
                break;
            }
        }
        if (!cert_)
            throw Error(fmt(tr("{}: thiết bị ký số '{}' không có khoá bí mật nào đi kèm chứng thư số",
                               "{}: token '{}' holds no private key with a matching certificate"),
                            modulePath, tokenLabel));
        // The other certificates on the token (the issuing CA, often) go into the signature too.
        for (CK_OBJECT_HANDLE c : certs) {
            X509Ptr x = certificateFromDer(m.attribute(c, CKA_VALUE));
            if (x && X509_cmp(x.get(), cert_.get()) != 0) chain_.push_back(std::move(x));
        }
    } catch (...) {
        wipe(pin);
        throw;
    }
}

Pkcs11Signer::~Pkcs11Signer() = default;

std::string Pkcs11Signer::sign(std::string_view data) {
    Impl& m = *impl_;
    CK_RV rv = CKR_OK;
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
    if (m.keyType == CKK_EC) {
        std::string raw = m.signWith(CKM_ECDSA, std::string_view(reinterpret_cast<char*>(md), sizeof md), rv);
        if (rv != CKR_OK) m.fail("ký", "signing", rv);
        // r || s -> ECDSA-Sig-Value (DER)
        ECDSA_SIG* s = ECDSA_SIG_new();
        size_t half = raw.size() / 2;
        ECDSA_SIG_set0(s, BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), static_cast<int>(half), nullptr),
                       BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + half, static_cast<int>(half), nullptr));
        unsigned char* der = nullptr;
        int n = i2d_ECDSA_SIG(s, &der);
        ECDSA_SIG_free(s);
        std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(std::max(n, 0)));
        OPENSSL_free(der);
        return out;
    }
    std::string out = m.signWith(CKM_SHA256_RSA_PKCS, data, rv);
    if (rv == CKR_MECHANISM_INVALID) {
        std::string di(reinterpret_cast<const char*>(kSha256DigestInfo), sizeof kSha256DigestInfo);
        di.append(reinterpret_cast<char*>(md), sizeof md);
        out = m.signWith(CKM_RSA_PKCS, di, rv);
    }
    if (rv != CKR_OK) m.fail("ký", "signing", rv);
    return out;
}

}  // namespace par::sig
