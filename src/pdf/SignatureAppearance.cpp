// SPDX-License-Identifier: Apache-2.0
#include "pdf/SignatureAppearance.hpp"

#include <hpdf.h>

#include <algorithm>
#include <array>
#include <memory>
#include <set>

#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"
#include "pdf/Fonts.hpp"
#include "pdf/ToUnicode.hpp"

namespace par::pdf {

namespace {
void onError(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* e = static_cast<std::pair<HPDF_STATUS, HPDF_STATUS>*>(user);
    if (e->first == HPDF_OK) *e = {code, detail};
}
struct DocFree {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};

std::vector<char32_t> characters(const std::vector<std::string>& lines) {
    std::set<char32_t> seen;
    for (const auto& s : lines)
        for (size_t i = 0; i < s.size();) {
            auto b = static_cast<unsigned char>(s[i++]);
            int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
            char32_t c = b < 0x80 ? b : b < 0xE0 ? (b & 0x1F) : b < 0xF0 ? (b & 0x0F) : (b & 0x07);
            for (int k = 0; k < extra && i < s.size(); ++k, ++i) c = (c << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
            if (c < 0x10000) seen.insert(c);
        }
    return {seen.begin(), seen.end()};
}
}  // namespace

std::string drawAppearance(double width, double height, const std::string& imagePath,
                           const std::vector<std::string>& lines, double fontSize) {
    std::pair<HPDF_STATUS, HPDF_STATUS> err{HPDF_OK, 0};
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> doc(HPDF_New(onError, &err));
    if (!doc) throw Error("libharu");
    HPDF_UseUTFEncodings(doc.get());
    HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height));

    const double lineHeight = fontSize * 1.2;
    const double textHeight = lines.empty() ? 0 : lineHeight * static_cast<double>(lines.size()) + 1;
    if (!imagePath.empty()) {
        std::string head = readFile(imagePath, 20u << 20).substr(0, 8);
        HPDF_Image img = nullptr;
        if (head.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0)
            img = HPDF_LoadPngImageFromFile(doc.get(), imagePath.c_str());
        else if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0xFF && static_cast<unsigned char>(head[1]) == 0xD8)
            img = HPDF_LoadJpegImageFromFile(doc.get(), imagePath.c_str());
        else
            throw IoError(fmt(tr("{}: ảnh chữ ký/con dấu phải là PNG (nền trong suốt) hoặc JPEG",
                                 "{}: the signature/seal image must be PNG (transparent background) or JPEG"),
                              imagePath));
        if (img == nullptr || err.first != HPDF_OK)
            throw IoError(fmt(tr("{}: không đọc được ảnh (libharu {})", "{}: cannot read the image (libharu {})"),
                              imagePath, std::to_string(err.first)));
        double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
        double areaH = std::max(1.0, height - textHeight);
        double scale = std::min(width / iw, areaH / ih);
        double dw = iw * scale, dh = ih * scale;
        HPDF_Page_DrawImage(page, img, static_cast<HPDF_REAL>((width - dw) / 2),
                            static_cast<HPDF_REAL>(textHeight + (areaH - dh) / 2), static_cast<HPDF_REAL>(dw),
                            static_cast<HPDF_REAL>(dh));
    }
    if (!lines.empty()) {
        UsedCharacters chars;
        chars[static_cast<size_t>(FontStyle::Regular)] = characters(lines);
        std::array<bool, 4> used{};
        used[static_cast<size_t>(FontStyle::Regular)] = true;
        std::array<HPDF_Font, 4> fonts = embedSubsets(doc.get(), findSerifFonts(), used, chars);
        HPDF_Font font = fonts[static_cast<size_t>(FontStyle::Regular)];
        fixToUnicode(doc.get(), font, chars[static_cast<size_t>(FontStyle::Regular)]);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(fontSize));
        double y = textHeight - lineHeight + fontSize * 0.25;
        for (const auto& l : lines) {
            double w = HPDF_Page_TextWidth(page, l.c_str());
            HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(std::max(0.0, (width - w) / 2)), static_cast<HPDF_REAL>(y), l.c_str());
            y -= lineHeight;
        }
        HPDF_Page_EndText(page);
    }
    HPDF_SaveToStream(doc.get());
    HPDF_UINT32 size = HPDF_GetStreamSize(doc.get());
    std::string out(size, '\0');
    HPDF_UINT32 got = size;
    HPDF_ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(out.data()), &got);
    out.resize(got);
    if (err.first != HPDF_OK && err.first != HPDF_STREAM_EOF)
        throw Error(fmt(tr("libharu báo lỗi {} khi vẽ hình thức chữ ký", "libharu error {} while drawing the signature appearance"),
                        std::to_string(err.first)));
    return out;
}

}  // namespace par::pdf
