// SPDX-License-Identifier: Apache-2.0
#include "pdf/ToUnicode.hpp"

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace par::pdf {

namespace {

std::string hex4(unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "<%04X>", v & 0xFFFFu);
    return buf;
}

// At most 100 entries per section: the limit of the CMap format (Adobe technical note 5099).
void writeSection(std::string& s, const char* kind, std::vector<std::string>& entries) {
    for (size_t i = 0; i < entries.size(); i += 100) {
        size_t n = std::min<size_t>(100, entries.size() - i);
        s += std::to_string(n) + " begin" + kind + "\n";
        for (size_t k = i; k < i + n; ++k)
            s += entries[k];
        s += std::string("end") + kind + "\n";
    }
    entries.clear();
}

std::string identityCMap(const std::vector<char32_t>& codes) {
    std::string s =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // Runs of consecutive codes become ranges (a bfrange may only vary the last byte), single
    // codes bfchars. Surrogate codes have no meaning on their own and are left out.
    std::vector<std::string> ranges, chars;
    for (size_t i = 0; i < codes.size();) {
        unsigned first = static_cast<unsigned>(codes[i]);
        size_t j = i + 1;
        while (j < codes.size() && codes[j] == codes[j - 1] + 1 && (codes[j] >> 8) == (first >> 8))
            ++j;
        unsigned last = static_cast<unsigned>(codes[j - 1]);
        i = j;
        if (first >= 0xD800 && first <= 0xDFFF)
            continue;
        if (first == last)
            chars.push_back(hex4(first) + " " + hex4(first) + "\n");
        else
            ranges.push_back(hex4(first) + " " + hex4(last) + " " + hex4(first) + "\n");
    }
    writeSection(s, "bfchar", chars);
    writeSection(s, "bfrange", ranges);
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return s;
}

}  // namespace

void fixToUnicode(HPDF_Doc /*doc*/, HPDF_Font font, const std::vector<char32_t>& codes) {
    auto* dict = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
    if (dict == nullptr || dict->stream == nullptr)
        return;
    const std::string cmap = identityCMap(codes);
    HPDF_MemStream_FreeData(dict->stream);
    HPDF_Stream_WriteStr(dict->stream, cmap.c_str());
    // The CMap-resource keys libharu put on the stream dictionary belong to encoding CMaps only.
    HPDF_Dict_RemoveElement(dict, "Type");
    HPDF_Dict_RemoveElement(dict, "CMapName");
    HPDF_Dict_RemoveElement(dict, "CIDSystemInfo");
    HPDF_Dict_RemoveElement(dict, "WMode");
}

}  // namespace par::pdf
