// SPDX-License-Identifier: Apache-2.0
#include "pdf/DocxMark.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>

#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"
#include "pdf/DocxWriter.hpp"

namespace par::pdf {

namespace {
// The three spellings of the marker a PDF may carry.
struct Forms {
    std::string ascii, utf16, hexUpper, hexLower;
    Forms() {
        ascii = kDocxFingerprintMarker;
        ascii.pop_back();  // without ':' (LibreOffice turns it into ", ")
        char buf[8];
        for (char c : ascii) {
            utf16 += '\0';
            utf16 += c;
            std::snprintf(buf, sizeof buf, "00%02X", static_cast<unsigned char>(c));
            hexUpper += buf;
            std::snprintf(buf, sizeof buf, "00%02x", static_cast<unsigned char>(c));
            hexLower += buf;
        }
    }
    size_t longest() const { return hexUpper.size(); }
};
const Forms& forms() {
    static const Forms f;
    return f;
}
}  // namespace

bool looksLikeZipFile(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr)
        return false;
    char head[4] = {};
    size_t got = std::fread(head, 1, 4, f);
    std::fclose(f);
    return got == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
}

DocxMark readDocxMark(const std::string& path) {
    int err = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (za == nullptr) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        std::string why = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        throw IoError(fmt(tr("không mở được '{}' như một tệp Word (.docx): {}. Tệp hỏng hoặc không phải tệp "
                             "Word; in lại văn bản bằng par-audit report.",
                             "cannot open '{}' as a Word file (.docx): {}. The file is damaged or not a Word "
                             "file; print the document again with par-audit report."),
                          path, why));
    }
    std::unique_ptr<zip_t, void (*)(zip_t*)> guard(za, [](zip_t* z) { zip_discard(z); });
    DocxMark mark;
    mark.isDocx = zip_name_locate(za, "word/document.xml", 0) >= 0;
    zip_stat_t st;
    if (zip_stat(za, "docProps/core.xml", 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0 ||
        st.size > (1u << 20))
        return mark;
    zip_file_t* zf = zip_fopen(za, "docProps/core.xml", 0);
    if (zf == nullptr)
        return mark;
    std::string xml(static_cast<size_t>(st.size), '\0');
    zip_int64_t got = zip_fread(zf, xml.data(), xml.size());
    zip_fclose(zf);
    if (got != static_cast<zip_int64_t>(xml.size()))
        return mark;
    const std::string marker = kDocxFingerprintMarker;
    size_t at = xml.rfind(marker);
    if (at != std::string::npos && at + marker.size() + 64 <= xml.size()) {
        std::string hex = xml.substr(at + marker.size(), 64);
        if (std::all_of(hex.begin(), hex.end(),
                        [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }))
            mark.fingerprint = hex;
    }
    return mark;
}

bool mentionsDocxMarker(std::string_view pdf) {
    const Forms& f = forms();
    for (const std::string* s : {&f.ascii, &f.utf16, &f.hexUpper, &f.hexLower})
        if (pdf.find(*s) != std::string_view::npos)
            return true;
    return false;
}

bool fileMentionsDocxMarker(const std::string& path, std::uint64_t maxBytes) {
    const size_t keep = forms().longest() - 1;
    InputFile in(path, maxBytes);
    std::string window;
    std::string piece(1u << 20, '\0');
    while (size_t got = in.read(piece.data(), piece.size())) {
        window.append(piece, 0, got);
        if (mentionsDocxMarker(window))
            return true;
        if (window.size() > keep)
            window.erase(0, window.size() - keep);
    }
    return false;
}

}  // namespace par::pdf
