#include "pdf/Fingerprint.hpp"

namespace par::pdf {

bool looksLikePdf(std::string_view bytes) {
    return bytes.substr(0, 5) == "%PDF-";
}

std::optional<std::string> readFingerprint(std::string_view pdf) {
    size_t at = pdf.rfind(kFingerprintMarker);
    while (at != std::string_view::npos) {
        std::string_view hex = pdf.substr(at + kFingerprintMarker.size(), 64);
        bool ok = hex.size() == 64;
        for (char c : hex)
            ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        if (ok)
            return std::string(hex);
        if (at == 0)
            break;
        at = pdf.rfind(kFingerprintMarker, at - 1);
    }
    return std::nullopt;
}

}  // namespace par::pdf
