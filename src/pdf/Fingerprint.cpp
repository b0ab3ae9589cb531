// SPDX-License-Identifier: Apache-2.0
#include "pdf/Fingerprint.hpp"

#include <algorithm>

#include "core/common/InputFile.hpp"

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

PdfFileMark readFingerprintFromFile(const std::string& path, std::uint64_t maxBytes,
                                    size_t chunkBytes) {
    // The window is the tail of the previous piece (one byte short of a whole mark, which the
    // previous round would have seen) followed by the new piece.
    const size_t keep = kFingerprintMarker.size() + 64 - 1;
    InputFile in(path, maxBytes);
    PdfFileMark mark;
    std::string window;
    std::string piece(std::max<size_t>(chunkBytes, 1), '\0');
    bool first = true;
    while (size_t got = in.read(piece.data(), piece.size())) {
        window.append(piece, 0, got);
        if (first && window.size() >= 5) {
            mark.looksLikePdf = looksLikePdf(window);
            first = false;
        }
        if (auto f = readFingerprint(window))
            mark.fingerprint = std::move(f);
        if (window.size() > keep)
            window.erase(0, window.size() - keep);
    }
    if (first)
        mark.looksLikePdf = looksLikePdf(window);
    return mark;
}

}  // namespace par::pdf
