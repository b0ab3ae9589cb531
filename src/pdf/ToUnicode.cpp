#include "pdf/ToUnicode.hpp"

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace par::pdf {

namespace {

std::string identityCMap() {
    std::string s =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // One range per high byte (a bfrange may only vary the last byte); surrogates have no meaning.
    std::vector<int> highs;
    for (int hi = 0; hi < 256; ++hi)
        if (hi < 0xD8 || hi > 0xDF)
            highs.push_back(hi);
    for (size_t i = 0; i < highs.size(); i += 100) {
        size_t n = std::min<size_t>(100, highs.size() - i);
        s += std::to_string(n) + " beginbfrange\n";
        for (size_t k = i; k < i + n; ++k) {
            char buf[40];
            std::snprintf(buf, sizeof buf, "<%02X00> <%02XFF> <%02X00>\n", highs[k], highs[k],
                          highs[k]);
            s += buf;
        }
        s += "endbfrange\n";
    }
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return s;
}

}  // namespace

void fixToUnicode(HPDF_Doc /*doc*/, HPDF_Font font) {
    auto* dict = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
    if (dict == nullptr || dict->stream == nullptr)
        return;
    static const std::string cmap = identityCMap();
    HPDF_MemStream_FreeData(dict->stream);
    HPDF_Stream_WriteStr(dict->stream, cmap.c_str());
    // The CMap-resource keys libharu put on the stream dictionary belong to encoding CMaps only.
    HPDF_Dict_RemoveElement(dict, "Type");
    HPDF_Dict_RemoveElement(dict, "CMapName");
    HPDF_Dict_RemoveElement(dict, "CIDSystemInfo");
    HPDF_Dict_RemoveElement(dict, "WMode");
}

}  // namespace par::pdf
