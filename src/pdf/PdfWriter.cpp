// SPDX-License-Identifier: Apache-2.0
#include "pdf/PdfWriter.hpp"

#include <hpdf.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <memory>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "pdf/Fonts.hpp"
#include "pdf/ToUnicode.hpp"
#include "par/Version.hpp"

namespace par::pdf {

namespace {

// libharu reports errors through a C callback; exceptions must not cross C frames, so the callback
// only records the first error and the C++ side checks after each phase.
struct HaruError {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void onHaruError(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* e = static_cast<HaruError*>(user);
    if (e->code == HPDF_OK) {
        e->code = code;
        e->detail = detail;
    }
}

void check(const HaruError& e, const char* phase) {
    if (e.code == HPDF_OK)
        return;
    char buf[64];
    std::snprintf(buf, sizeof buf, "0x%04X/%u", static_cast<unsigned>(e.code),
                  static_cast<unsigned>(e.detail));
    throw Error(fmt(tr("libharu báo lỗi {} khi {}", "libharu error {} while {}"), buf, phase));
}

struct DocDeleter {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};


void setDate(HPDF_Doc doc, long long epoch) {
    std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    HPDF_Date d{};
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    d.hour = tm.tm_hour;
    d.minutes = tm.tm_min;
    d.seconds = tm.tm_sec;
    d.ind = 'Z';
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, d);
}

// Positions on a half-point grid (0.18 mm, about one dot at 300 dpi, below what print or eye
// resolves): libharu writes coordinates as decimal text and moves relative to the previous word, so
// exact binary fractions keep every number short ("29.5", never "29.4873"). Half points rather than
// quarter points cut the content streams by about 5 % (issue #5 size budget).
HPDF_REAL grid(double v) {
    return static_cast<HPDF_REAL>(std::round(v * 2.0) / 2.0);
}

// Which faces the pages print with, and their characters: the font subsets hold exactly these.
// libharu 2.3.0's UTF-8 encoder writes 16-bit codes, so characters beyond the BMP cannot print
// (they did not before either) and are left out.
void collectCharacters(const std::vector<PageLayout>& pages, std::array<bool, 4>& used,
                       UsedCharacters& chars) {
    std::array<std::vector<bool>, 4> seen;
    for (auto& s : seen)
        s.assign(0x10000, false);
    for (const auto& p : pages)
        for (const auto& t : p.texts) {
            auto face = static_cast<size_t>(t.style);
            used[face] = true;
            const std::string& s = t.text;
            for (size_t i = 0; i < s.size();) {
                auto b = static_cast<unsigned char>(s[i++]);
                int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
                char32_t c = b < 0x80   ? b
                             : b < 0xE0 ? (b & 0x1F)
                             : b < 0xF0 ? (b & 0x0F)
                                        : (b & 0x07);
                for (int k = 0; k < extra && i < s.size(); ++k, ++i)
                    c = (c << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
                if (c < 0x10000)
                    seen[face][c] = true;
            }
        }
    for (size_t face = 0; face < 4; ++face)
        for (char32_t c = 0; c < 0x10000; ++c)
            if (seen[face][c])
                chars[face].push_back(c);
}

void drawPage(HPDF_Doc doc, const std::array<HPDF_Font, 4>& fonts, const PageLayout& p) {
    HPDF_Page page = HPDF_AddPage(doc);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height));
    const double h = p.height;
    double lineWidth = -1;
    for (const auto& l : p.lines) {
        if (l.width != lineWidth) {
            HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(l.width));
            lineWidth = l.width;
        }
        HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(l.x1), static_cast<HPDF_REAL>(h - l.y1));
        HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(l.x2), static_cast<HPDF_REAL>(h - l.y2));
        HPDF_Page_Stroke(page);
    }
    if (p.texts.empty())
        return;
    HPDF_Page_BeginText(page);
    int style = -1;
    double size = -1;
    for (const auto& t : p.texts) {
        if (static_cast<int>(t.style) != style || t.size != size) {
            style = static_cast<int>(t.style);
            size = t.size;
            HPDF_Page_SetFontAndSize(page, fonts[static_cast<size_t>(style)],
                                     static_cast<HPDF_REAL>(size));
        }
        HPDF_Page_TextOut(page, grid(t.x), grid(h - t.baseline), t.text.c_str());
    }
    HPDF_Page_EndText(page);
}

// The space a notice leaves for the signature and the seal (Decree 30/2020: between the signer's
// title and name): above the last bold line that prints exactly the signer's name, below the
// nearest line above it. "page x1 y1 x2 y2" in PDF points (origin bottom left), or "" when the
// name is not printed. PdfSigner reads it back (kSignatureBoxKey).
std::string signatureBox(const std::vector<PageLayout>& pages, const std::string& signer,
                         const TextMeasurer& m) {
    if (signer.empty())
        return "";
    for (size_t pi = pages.size(); pi-- > 0;) {
        const PageLayout& p = pages[pi];
        for (size_t i = p.texts.size(); i-- > 0;) {
            const TextOp& name = p.texts[i];
            if (name.text != signer || name.style != FontStyle::Bold)
                continue;
            const double nameW = m.width(name.text, name.style, name.size);
            const double cx = name.x + nameW / 2;
            const double bottom = name.baseline - m.ascent(name.size) - 2;
            double top = bottom - 64;
            double width = std::max(nameW, 170.0);
            for (const TextOp& t : p.texts) {
                double w = m.width(t.text, t.style, t.size);
                if (t.baseline < name.baseline - name.size && t.x <= cx && t.x + w >= cx &&
                    t.baseline + t.size * 0.25 > top) {
                    top = t.baseline + t.size * 0.25 + 2;
                    width = std::max(width, w);
                }
            }
            if (bottom - top < 20)
                return "";
            char buf[128];
            std::snprintf(buf, sizeof buf, "%zu %.1f %.1f %.1f %.1f", pi + 1, cx - width / 2,
                          p.height - bottom, cx + width / 2, p.height - top);
            return buf;
        }
    }
    return "";
}

}  // namespace

std::optional<long long> sourceDateEpochFromEnvironment() {
    const char* v = std::getenv("SOURCE_DATE_EPOCH");
    if (v == nullptr || *v == '\0')
        return std::nullopt;
    char* end = nullptr;
    long long n = std::strtoll(v, &end, 10);
    if (end == nullptr || *end != '\0' || n < 0)
        return std::nullopt;
    return n;
}

RenderResult renderPdf(const Document& doc, const RenderOptions& options) {
    HaruError err;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter> pdf(HPDF_New(onHaruError, &err));
    if (!pdf)
        throw Error(tr("không khởi tạo được libharu", "cannot initialise libharu"));
    HPDF_UseUTFEncodings(pdf.get());
    HPDF_SetCompressionMode(pdf.get(), options.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
    check(err, "init");

    // Lay out with the metrics of the full faces, then embed only what the pages print.
    RenderResult result;
    HaruFonts measure(findSerifFonts());
    result.fontFamily = measure.family();
    result.pages = layoutDocument(doc, measure);
    std::array<bool, 4> used{};
    UsedCharacters chars;
    collectCharacters(result.pages, used, chars);
    std::array<HPDF_Font, 4> fonts = embedSubsets(pdf.get(), measure.files(), used, chars);
    check(err, "loading fonts");
    for (size_t i = 0; i < fonts.size(); ++i)
        if (fonts[i] != nullptr)
            fixToUnicode(pdf.get(), fonts[i], chars[i]);
    check(err, "ToUnicode");

    for (const auto& p : result.pages)
        drawPage(pdf.get(), fonts, p);
    check(err, "drawing");

    auto info = [&](HPDF_InfoType type, const std::string& v) {
        if (!v.empty())
            HPDF_SetInfoAttr(pdf.get(), type, v.c_str());
    };
    // The keywords (the fingerprint `verify` looks for, ASCII) as plain bytes; then the texts in
    // Vietnamese with their diacritics: with the UTF-8 encoder current, libharu writes them as
    // UTF-16BE text strings, which every reader shows as typed.
    info(HPDF_INFO_KEYWORDS, doc.keywords);
    HPDF_SetCurrentEncoder(pdf.get(), "UTF-8");
    info(HPDF_INFO_TITLE, doc.title);
    info(HPDF_INFO_SUBJECT, doc.subject);
    info(HPDF_INFO_AUTHOR, doc.author);
    info(HPDF_INFO_CREATOR, "par-audit");
    info(HPDF_INFO_PRODUCER, "par-audit " PAR_VERSION " (libharu)");
    if (std::string box = signatureBox(result.pages, doc.signer, measure); !box.empty())
        HPDF_Dict_Add(pdf.get()->info, "ParAuditSignatureBox",
                      HPDF_String_New(pdf.get()->mmgr, box.c_str(), nullptr));
    std::optional<long long> epoch =
        options.sourceDateEpoch ? options.sourceDateEpoch : sourceDateEpochFromEnvironment();
    if (epoch)
        setDate(pdf.get(), *epoch);
    check(err, "metadata");

    HPDF_SaveToStream(pdf.get());
    check(err, "saving");
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf.get());
    result.pdf.resize(size);
    HPDF_UINT32 got = size;
    HPDF_ReadFromStream(pdf.get(), reinterpret_cast<HPDF_BYTE*>(result.pdf.data()), &got);
    result.pdf.resize(got);
    if (err.code != HPDF_OK && err.code != HPDF_STREAM_EOF)
        check(err, "saving");
    return result;
}

void writePdf(const Document& doc, std::ostream& out, const RenderOptions& options) {
    RenderResult r = renderPdf(doc, options);
    out.write(r.pdf.data(), static_cast<std::streamsize>(r.pdf.size()));
    if (!out)
        throw IoError(tr("không ghi được tệp PDF", "cannot write the PDF"));
}

}  // namespace par::pdf
