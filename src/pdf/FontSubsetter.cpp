// SPDX-License-Identifier: Apache-2.0
#include "pdf/FontSubsetter.hpp"

#include <hb-subset.h>

#include <memory>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::pdf {

namespace {

struct BlobDeleter {
    void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceDeleter {
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct InputDeleter {
    void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
using Blob = std::unique_ptr<hb_blob_t, BlobDeleter>;
using Face = std::unique_ptr<hb_face_t, FaceDeleter>;
using Input = std::unique_ptr<hb_subset_input_t, InputDeleter>;

// Tables libharu never embeds (it writes OS/2, cmap, cvt, fpgm, glyf, head, hhea, hmtx, loca, maxp,
// name, post, prep): dropping them up front also keeps GSUB from pulling ligature and small-cap
// glyphs into the subset.
constexpr const char* kDropped[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern",
                                    "gasp", "hdmx", "VDMX", "LTSH", "DSIG", "PCLT", "meta",
                                    "vhea", "vmtx", "morx", "kerx", "feat"};

}  // namespace

std::string subsetTrueType(const std::string& path, const std::vector<char32_t>& codepoints) {
    auto fail = [&]() {
        return IoError(fmt(tr("không cắt được phông {}", "cannot subset font {}"), path));
    };
    Blob blob(hb_blob_create_from_file_or_fail(path.c_str()));
    if (!blob)
        throw IoError(fmt(tr("không đọc được phông {}", "cannot read font {}"), path));
    Face face(hb_face_create(blob.get(), 0));
    if (hb_face_get_glyph_count(face.get()) == 0)
        throw fail();

    Input input(hb_subset_input_create_or_fail());
    if (!input)
        throw fail();
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t c : codepoints)
        hb_set_add(unicodes, static_cast<hb_codepoint_t>(c));
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : kDropped)
        hb_set_add(drop, hb_tag_from_string(tag, 4));
    // Hinting is for screens at small sizes; PDF viewers and printers rasterise unhinted outlines
    // well, and poppler renders without hinting anyway (keeping it would add about 10 KB per face).
    // Glyph names are dropped by default (post format 3); libharu writes the missing cvt/fpgm/prep
    // as empty tables. The .notdef outline stays as the face has it (usually a box; empty
    // in Liberation Serif), so a character the font lacks prints as it did with the whole face.
    hb_subset_input_set_flags(input.get(),
                              HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);

    Face subset(hb_subset_or_fail(face.get(), input.get()));
    if (!subset)
        throw fail();
    Blob out(hb_face_reference_blob(subset.get()));
    unsigned int length = 0;
    const char* data = hb_blob_get_data(out.get(), &length);
    if (data == nullptr || length == 0)
        throw fail();
    return std::string(data, length);
}

}  // namespace par::pdf
