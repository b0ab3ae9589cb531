// SPDX-License-Identifier: Apache-2.0
#include "pdf/Fonts.hpp"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <cstdint>
#include <cstdlib>

#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"
#include "pdf/FontSubsetter.hpp"

namespace par::pdf {

namespace {

bool isFile(const std::string& p) {
    platform::FileStatus st;  // by UTF-8 name also on Windows (an install folder "C:\\Phần mềm\\...")
    return platform::statPath(p, st) == 0 && st.regular;
}

bool complete(const FontFiles& f) {
    for (const auto& p : f.paths)
        if (!isFile(p))
            return false;
    return true;
}

FontFiles liberationIn(const std::string& dir) {
    return {"Liberation Serif",
            {dir + "/LiberationSerif-Regular.ttf", dir + "/LiberationSerif-Bold.ttf",
             dir + "/LiberationSerif-Italic.ttf", dir + "/LiberationSerif-BoldItalic.ttf"}};
}

FontFiles timesIn(const std::string& dir) {
    return {"Times New Roman",
            {dir + "/times.ttf", dir + "/timesbd.ttf", dir + "/timesi.ttf", dir + "/timesbi.ttf"}};
}

FontFiles timesMsCore(const std::string& dir) {
    return {"Times New Roman",
            {dir + "/Times_New_Roman.ttf", dir + "/Times_New_Roman_Bold.ttf",
             dir + "/Times_New_Roman_Italic.ttf", dir + "/Times_New_Roman_Bold_Italic.ttf"}};
}

}  // namespace

FontFiles findSerifFonts() {
    std::vector<FontFiles> candidates;
    if (const char* env = std::getenv("PAR_FONT_DIR"); env != nullptr && *env != '\0') {
        candidates.push_back(timesIn(env));
        candidates.push_back(liberationIn(env));
    }
#ifdef _WIN32
    // Windows: its own Times New Roman.
    if (const char* windir = std::getenv("WINDIR"); windir != nullptr && *windir != '\0')
        candidates.push_back(timesIn(std::string(windir) + "/Fonts"));
#endif
    candidates.push_back(timesMsCore("/usr/share/fonts/truetype/msttcorefonts"));
    candidates.push_back(timesIn("/usr/share/fonts/truetype/msttcorefonts"));
    candidates.push_back(liberationIn("/usr/share/fonts/truetype/liberation2"));
    candidates.push_back(liberationIn("/usr/share/fonts/truetype/liberation"));
    // Fonts shipped with the program (the Windows installer bundles Liberation Serif there).
    candidates.push_back(liberationIn(dataPath("fonts")));
    for (const auto& c : candidates)
        if (complete(c))
            return c;
    throw IoError(
        tr("không tìm thấy phông Times New Roman hay Liberation Serif (gói fonts-liberation2)",
           "neither Times New Roman nor Liberation Serif found (package fonts-liberation2)"));
}

HaruFonts::HaruFonts(const FontFiles& files) : files_(files) {
    // No error handler: a failure shows as a null handle, checked below.
    doc_.reset(HPDF_New(nullptr, nullptr));
    if (!doc_)
        throw Error(tr("không khởi tạo được libharu", "cannot initialise libharu"));
    HPDF_UseUTFEncodings(doc_.get());
    for (int i = 0; i < 4; ++i) {
        const char* name = HPDF_LoadTTFontFromFile(doc_.get(), files.paths[i].c_str(), HPDF_FALSE);
        fonts_[i] = name == nullptr ? nullptr : HPDF_GetFont(doc_.get(), name, "UTF-8");
        if (fonts_[i] == nullptr)
            throw IoError(
                fmt(tr("không nạp được phông {}", "cannot load font {}"), files.paths[i]));
    }
}

double HaruFonts::width(std::string_view utf8, FontStyle style, double size) const {
    if (utf8.empty())
        return 0;
    auto& cache = cache_[static_cast<int>(style)];
    auto it = cache.find(std::string(utf8));
    if (it == cache.end()) {
        HPDF_TextWidth tw = HPDF_Font_TextWidth(fonts_[static_cast<size_t>(style)],
                                                reinterpret_cast<const HPDF_BYTE*>(utf8.data()),
                                                static_cast<HPDF_UINT>(utf8.size()));
        it = cache.emplace(std::string(utf8), static_cast<double>(tw.width)).first;
    }
    return it->second * size / 1000.0;
}

namespace {

// Six capital letters from a hash of the subset (PDF 32000 9.6.4: the tag should differ between
// different subsets of a font).
std::string subsetTag(const std::string& bytes) {
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    std::string tag(6, 'A');
    for (char& c : tag) {
        c = static_cast<char>('A' + h % 26);
        h /= 26;
    }
    return tag;
}

// What HPDF_LoadTTFontFromFile does, from memory: libharu 2.3.0 has no public call for it. The
// font definition takes the stream; the document takes the definition.
HPDF_Font loadSubset(HPDF_Doc doc, const std::string& bytes, const std::string& path) {
    auto fail = [&]() {
        return IoError(fmt(tr("không nạp được phông {}", "cannot load font {}"), path));
    };
    HPDF_Stream stream = HPDF_MemStream_New(doc->mmgr, 16384);
    if (stream == nullptr)
        throw fail();
    if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                          static_cast<HPDF_UINT>(bytes.size())) != HPDF_OK) {
        HPDF_Stream_Free(stream);
        throw fail();
    }
    HPDF_FontDef def = HPDF_TTFontDef_Load(doc->mmgr, stream, HPDF_TRUE);
    if (def == nullptr)
        throw fail();
    std::string tag = subsetTag(bytes);
    HPDF_TTFontDef_SetTagName(def, tag.data());
    std::string name = def->base_font;
    if (HPDF_Doc_RegisterFontDef(doc, def) != HPDF_OK)
        throw fail();
    HPDF_Font font = HPDF_GetFont(doc, name.c_str(), "UTF-8");
    if (font == nullptr)
        throw fail();
    return font;
}

}  // namespace

std::array<HPDF_Font, 4> embedSubsets(HPDF_Doc doc, const FontFiles& files,
                                      const std::array<bool, 4>& used,
                                      const UsedCharacters& chars) {
    std::array<HPDF_Font, 4> fonts{};
    for (int i = 0; i < 4; ++i) {
        if (!used[i])
            continue;
        // The space keeps a cmap in the subset even when the face prints only empty strings.
        std::vector<char32_t> cps = chars[i];
        cps.push_back(U' ');
        fonts[i] = loadSubset(doc, subsetTrueType(files.paths[i], cps), files.paths[i]);
    }
    return fonts;
}

}  // namespace par::pdf
