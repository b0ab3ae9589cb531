#include "pdf/Fonts.hpp"

#include <sys/stat.h>

#include <cstdlib>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::pdf {

namespace {

bool isFile(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
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
    candidates.push_back(timesMsCore("/usr/share/fonts/truetype/msttcorefonts"));
    candidates.push_back(timesIn("/usr/share/fonts/truetype/msttcorefonts"));
    candidates.push_back(liberationIn("/usr/share/fonts/truetype/liberation2"));
    candidates.push_back(liberationIn("/usr/share/fonts/truetype/liberation"));
    for (const auto& c : candidates)
        if (complete(c))
            return c;
    throw IoError(
        tr("không tìm thấy phông Times New Roman hay Liberation Serif (gói fonts-liberation2)",
           "neither Times New Roman nor Liberation Serif found (package fonts-liberation2)"));
}

HaruFonts::HaruFonts(HPDF_Doc doc, const FontFiles& files) : family_(files.family) {
    for (int i = 0; i < 4; ++i) {
        const char* name = HPDF_LoadTTFontFromFile(doc, files.paths[i].c_str(), HPDF_TRUE);
        if (name == nullptr)
            throw IoError(
                fmt(tr("không nạp được phông {}", "cannot load font {}"), files.paths[i]));
        fonts_[i] = HPDF_GetFont(doc, name, "UTF-8");
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
        HPDF_TextWidth tw =
            HPDF_Font_TextWidth(font(style), reinterpret_cast<const HPDF_BYTE*>(utf8.data()),
                                static_cast<HPDF_UINT>(utf8.size()));
        it = cache.emplace(std::string(utf8), static_cast<double>(tw.width)).first;
    }
    return it->second * size / 1000.0;
}

}  // namespace par::pdf
