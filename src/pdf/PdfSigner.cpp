// SPDX-License-Identifier: Apache-2.0
#include "pdf/PdfSigner.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>

#include <zlib.h>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "pdf/PdfObjects.hpp"
#include "pdf/PdfSignatureCheck.hpp"
#include "pdf/SignatureAppearance.hpp"

namespace par::pdf {

using obj::Value;
using T = obj::Value::Type;

namespace {

constexpr const char* kByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

// A PDF text string: ASCII as is, anything else as UTF-16BE with its byte order mark.
Value textString(const std::string& utf8) {
    bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return Value::string(utf8);
    std::string out = "\xFE\xFF";
    for (size_t i = 0; i < utf8.size();) {
        auto b = static_cast<unsigned char>(utf8[i++]);
        int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
        char32_t c = b < 0x80 ? b : b < 0xE0 ? (b & 0x1F) : b < 0xF0 ? (b & 0x0F) : (b & 0x07);
        for (int k = 0; k < extra && i < utf8.size(); ++k, ++i) c = (c << 6) | (static_cast<unsigned char>(utf8[i]) & 0x3F);
        auto put = [&](char16_t u) {
            out += static_cast<char>(u >> 8);
            out += static_cast<char>(u & 0xFF);
        };
        if (c >= 0x10000) {
            c -= 0x10000;
            put(static_cast<char16_t>(0xD800 + (c >> 10)));
            put(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
        } else put(static_cast<char16_t>(c));
    }
    return Value::string(out, true);
}

// Signing times are shown in Vietnam's time (UTC+07:00, no daylight saving), whatever the
// machine's zone, as Decree 30/2020 asks for the agency signature's time (ISO 8601 with the zone).
std::tm vietnamTime(std::time_t t) {
    std::time_t shifted = t + 7 * 3600;
    std::tm tm{};
    gmtime_r(&shifted, &tm);
    return tm;
}

// "D:20261206153000+07'00'".
std::string pdfDate(std::time_t t) {
    std::tm tm = vietnamTime(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%S+07'00'", &tm);
    return buf;
}

// Copies objects of another PDF (the appearance drawn by libharu) under new numbers.
struct Copier {
    const obj::File& src;
    int& next;
    std::map<int, int> numbers;
    std::vector<std::pair<int, std::string>>& out;

    Value copy(const Value& v) {
        switch (v.type) {
            case T::Ref: return Value::reference(number(v.ref.num));
            case T::Array: {
                Value a = Value::makeArray();
                for (const auto& x : *v.array) a.array->push_back(copy(x));
                return a;
            }
            case T::Dict: {
                Value d = Value::makeDict();
                for (const auto& [k, x] : *v.dict) d.dict->emplace_back(k, copy(x));
                return d;
            }
            default: return v;
        }
    }
    int number(int old) {
        auto it = numbers.find(old);
        if (it != numbers.end()) return it->second;
        int n = next++;
        numbers[old] = n;
        obj::Object o = src.object(old);
        if (o.isStream) {
            Value d = o.value;
            d.dict = std::make_shared<obj::Dict>(*o.value.dict);
            d.erase("Length");
            // libharu 2.3 leaves a PNG's alpha mask (SMask) uncompressed: 36 KB for a 300 × 120
            // signature. Deflated here, it is a few hundred bytes.
            if (d.get("Filter") == nullptr && o.stream.size() > 256) {
                uLongf size = compressBound(static_cast<uLong>(o.stream.size()));
                std::string packed(size, '\0');
                if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                              reinterpret_cast<const Bytef*>(o.stream.data()), static_cast<uLong>(o.stream.size()),
                              Z_BEST_COMPRESSION) == Z_OK) {
                    packed.resize(size);
                    o.stream = std::move(packed);
                    d.set("Filter", Value::name("FlateDecode"));
                }
            }
            out.emplace_back(n, obj::writeObject(n, copy(d), &o.stream));
        } else {
            out.emplace_back(n, obj::writeObject(n, copy(o.value)));
        }
        return n;
    }
};

// The form XObject of the appearance: the one page of `appearance` as an XObject.
int appearanceObject(const std::string& appearance, int& next, std::vector<std::pair<int, std::string>>& out, double w, double h) {
    obj::File f(appearance, "appearance");
    std::vector<obj::Ref> pages = f.pages();
    if (pages.size() != 1) throw Error("appearance: one page expected");
    Value page = f.object(pages[0].num).value;
    Copier c{f, next, {}, out};
    Value resources = page.get("Resources") != nullptr ? c.copy(f.resolve(*page.get("Resources"))) : Value::makeDict();
    const Value* contents = page.get("Contents");
    std::string stream;
    Value dict = Value::makeDict();
    if (contents != nullptr && contents->is(T::Ref)) {
        obj::Object s = f.object(contents->ref.num);
        stream = s.stream;
        if (const Value* filter = s.value.get("Filter")) dict.set("Filter", *filter);
    }
    dict.set("Type", Value::name("XObject"));
    dict.set("Subtype", Value::name("Form"));
    dict.set("BBox", Value::makeArray({Value::integer(0), Value::integer(0), Value::number(w), Value::number(h)}));
    dict.set("Resources", resources);
    int n = next++;
    out.emplace_back(n, obj::writeObject(n, dict, &stream));
    return n;
}

std::string pad10(size_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%zu", v);
    return buf;
}

}  // namespace

std::optional<SignatureBox> recordedSignatureBox(std::string_view pdf, const std::string& name) {
    obj::File f(std::string(pdf), name);
    const Value* info = f.trailer().get("Info");
    if (info == nullptr) return std::nullopt;
    Value i = f.resolve(*info);
    const Value* box = i.get(kSignatureBoxKey);
    if (box == nullptr || !box->is(T::String)) return std::nullopt;
    SignatureBox b;
    std::istringstream in(box->text);
    if (!(in >> b.page >> b.x1 >> b.y1 >> b.x2 >> b.y2) || b.page < 1 || b.x2 <= b.x1 || b.y2 <= b.y1) return std::nullopt;
    return b;
}

PdfSignResult signPdf(std::string_view pdfIn, const std::string& name, sig::Signer& signer, const PdfSignRequest& rq) {
    obj::File file{std::string(pdfIn), name};
    PdfSignResult result;
    const std::time_t when = rq.signingTime != 0 ? rq.signingTime : std::time(nullptr);
    X509* cert = signer.certificate();
    const std::string cn = sig::subjectField(cert, NID_commonName);
    const std::string org = sig::subjectField(cert, NID_organizationName);

    Value root = *file.trailer().get("Root");
    Value catalog = file.resolve(root);
    std::vector<obj::Ref> pages = file.pages();
    if (pages.empty()) throw ParseError({name, 0, 0}, tr("PDF không có trang nào", "the PDF has no page"));

    // Existing signature fields, to name the new one and count.
    Value acroForm = catalog.get("AcroForm") != nullptr ? file.resolve(*catalog.get("AcroForm")) : Value{};
    Value fields = acroForm.get("Fields") != nullptr ? file.resolve(*acroForm.get("Fields")) : Value::makeArray();
    if (!fields.is(T::Array)) fields = Value::makeArray();
    result.field = std::string(rq.role == SignatureRole::Agency ? "con-dau-" : "chu-ky-") + std::to_string(fields.array->size() + 1);

    int next = file.size();
    std::vector<std::pair<int, std::string>> objects;

    // Where: the box the notice recorded; the seal over its left third.
    int pageIndex = static_cast<int>(pages.size()) - 1;
    Value rect = Value::makeArray({Value::integer(0), Value::integer(0), Value::integer(0), Value::integer(0)});
    std::optional<int> ap;
    if (rq.visible) {
        std::optional<SignatureBox> box = recordedSignatureBox(pdfIn, name);
        if (!box || box->page > static_cast<int>(pages.size()))
            throw ParseError({name, 0, 0},
                             tr("văn bản không ghi vị trí chữ ký (in bằng phiên bản par-audit cũ hoặc không phải thông báo kết luận): "
                                "in lại bằng `par-audit report`, hoặc ký không hiển thị với --invisible",
                                "the document records no signature position (printed by an older par-audit, or not a "
                                "conclusion notice): print it again with `par-audit report`, or sign invisibly with --invisible"));
        pageIndex = box->page - 1;
        SignatureBox r = *box;
        std::vector<std::string> lines;
        double fontSize = 6.5;
        if (rq.role == SignatureRole::Agency) {
            double d = rq.sealSizeMm * 72.0 / 25.4;
            double cy = (box->y1 + box->y2) / 2;
            // Over about the left third of the signature image, which is centred in the box and
            // about as wide as 2/3 of it (an approximation: the image's own width is not kept).
            r.x2 = (box->x1 + box->x2) / 2 - (box->x2 - box->x1) / 8;
            r.x1 = r.x2 - d;
            r.y1 = cy - d / 2;
            r.y2 = cy + d / 2;
        } else {
            if (!cn.empty()) lines.push_back(fmt("Ký bởi: {}", cn));
            if (!org.empty()) lines.push_back(fmt("Cơ quan: {}", org));
            lines.push_back(fmt("Thời gian ký: {}", vietnamTimeText(when)));
        }
        result.box = r;
        std::string drawn = drawAppearance(r.x2 - r.x1, r.y2 - r.y1, rq.imagePath, lines, fontSize);
        ap = appearanceObject(drawn, next, objects, r.x2 - r.x1, r.y2 - r.y1);
        rect = Value::makeArray({Value::number(r.x1), Value::number(r.y1), Value::number(r.x2), Value::number(r.y2)});
    }
    const obj::Ref pageRef = pages[static_cast<size_t>(pageIndex)];

    // The signature dictionary, with the placeholders. Room for the CMS: the certificates it
    // carries, the signature, the attributes, a time-stamp token (with its own certificates).
    size_t certBytes = static_cast<size_t>(i2d_X509(cert, nullptr));
    for (const auto& c : signer.chain()) certBytes += static_cast<size_t>(i2d_X509(c.get(), nullptr));
    size_t reserve = certBytes + 4096 + (rq.cms.tsaUrl.empty() ? 0 : 12288);
    result.reservedBytes = reserve;
    const int sigNum = next++;
    const int widgetNum = next++;
    std::string sigText = std::to_string(sigNum) + " 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange " +
                          std::string(kByteRangePlaceholder) + " /Contents <" + std::string(reserve * 2, '0') + "> /M " +
                          obj::write(Value::string(pdfDate(when)));
    if (!cn.empty()) sigText += " /Name " + obj::write(textString(cn));
    if (!rq.reason.empty()) sigText += " /Reason " + obj::write(textString(rq.reason));
    if (!rq.location.empty()) sigText += " /Location " + obj::write(textString(rq.location));
    sigText += " /Prop_Build << /App << /Name /par-audit >> >> >>\nendobj\n";
    objects.emplace_back(sigNum, sigText);

    Value widget = Value::makeDict();
    widget.set("Type", Value::name("Annot"));
    widget.set("Subtype", Value::name("Widget"));
    widget.set("FT", Value::name("Sig"));
    widget.set("T", Value::string(result.field));
    widget.set("V", Value::reference(sigNum));
    widget.set("F", Value::integer(132));  // Print | Locked
    widget.set("P", Value::reference(pageRef.num, pageRef.gen));
    widget.set("Rect", rect);
    if (ap) widget.set("AP", Value::makeDict({{"N", Value::reference(*ap)}}));
    objects.emplace_back(widgetNum, obj::writeObject(widgetNum, widget));

    // The field into the AcroForm, the widget into the page's /Annots.
    const Value* afRef = catalog.get("AcroForm");
    Value newCatalog = catalog;
    newCatalog.dict = std::make_shared<obj::Dict>(*catalog.dict);
    bool catalogChanged = false;
    // Appends the widget to holder[key]: in place when the array is inline (the holder is then
    // rewritten), else by rewriting the array object it refers to.
    auto addTo = [&](Value holder, const char* key, bool& holderChanged) -> Value {
        const Value* arr = holder.get(key);
        if (arr != nullptr && arr->is(T::Ref)) {
            Value a = file.resolve(*arr);
            Value copy = Value::makeArray(a.is(T::Array) ? *a.array : obj::Array{});
            copy.array->push_back(Value::reference(widgetNum));
            objects.emplace_back(arr->ref.num, obj::writeObject(arr->ref.num, copy));
            return holder;
        }
        Value copy = Value::makeArray(arr != nullptr && arr->is(T::Array) ? *arr->array : obj::Array{});
        copy.array->push_back(Value::reference(widgetNum));
        holder.set(key, copy);
        holderChanged = true;
        return holder;
    };
    bool unused = false;
    if (afRef != nullptr && afRef->is(T::Ref)) {
        Value af = file.resolve(*afRef);
        af.dict = std::make_shared<obj::Dict>(*af.dict);
        af = addTo(af, "Fields", unused);
        af.set("SigFlags", Value::integer(3));
        objects.emplace_back(afRef->ref.num, obj::writeObject(afRef->ref.num, af));
    } else {
        Value af = afRef != nullptr && afRef->is(T::Dict) ? *afRef : Value::makeDict();
        af.dict = std::make_shared<obj::Dict>(*af.dict);
        af = addTo(af, "Fields", unused);
        af.set("SigFlags", Value::integer(3));
        int afNum = next++;
        objects.emplace_back(afNum, obj::writeObject(afNum, af));
        newCatalog.set("AcroForm", Value::reference(afNum));
        catalogChanged = true;
    }
    if (catalogChanged) objects.emplace_back(root.ref.num, obj::writeObject(root.ref.num, newCatalog));
    {
        Value page = file.object(pageRef.num).value;
        page.dict = std::make_shared<obj::Dict>(*page.dict);
        bool changed = false;
        page = addTo(page, "Annots", changed);
        if (changed) objects.emplace_back(pageRef.num, obj::writeObject(pageRef.num, page));
    }

    // The update: objects, cross-reference section, trailer.
    std::string out(pdfIn);
    if (out.empty() || out.back() != '\n') out += '\n';
    std::map<int, size_t> offsets;
    size_t sigOffset = 0;
    std::sort(objects.begin(), objects.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [num, text] : objects) {
        offsets[num] = out.size();
        if (num == sigNum) sigOffset = out.size();
        out += text;
    }
    const size_t xref = out.size();
    out += "xref\n";
    for (auto it = offsets.begin(); it != offsets.end();) {
        auto end = it;
        int count = 0;
        while (end != offsets.end() && end->first == it->first + count) {
            ++end;
            ++count;
        }
        out += std::to_string(it->first) + " " + std::to_string(count) + "\n";
        for (; it != end; ++it) {
            char line[32];
            std::snprintf(line, sizeof line, "%010zu %05d n\r\n", it->second, 0);
            out += line;
        }
    }
    Value trailer = file.trailer();
    trailer.dict = std::make_shared<obj::Dict>(*trailer.dict);
    trailer.erase("Prev");
    trailer.set("Size", Value::integer(next));
    trailer.set("Prev", Value::integer(static_cast<long long>(file.lastXref())));
    out += "trailer\n" + obj::write(trailer) + "\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";

    // Patch /ByteRange, hash, sign, fill /Contents.
    const size_t br = out.find(kByteRangePlaceholder, sigOffset);
    const size_t a = out.find("/Contents <", sigOffset) + std::strlen("/Contents ");
    const size_t b = a + reserve * 2 + 2;
    std::string ranges = "[0 " + pad10(a) + " " + pad10(b) + " " + pad10(out.size() - b);
    ranges.resize(std::strlen(kByteRangePlaceholder) - 1, ' ');
    ranges += "]";
    out.replace(br, ranges.size(), ranges);
    std::string_view view(out);
    std::string digest = sig::sha256({view.substr(0, a), view.substr(b)});
    std::string cms = sig::signDigest(signer, digest, rq.cms);
    result.cmsBytes = cms.size();
    if (cms.size() > reserve)
        throw Error(fmt(tr("chữ ký ({} byte) lớn hơn chỗ đã dành ({} byte)", "the signature ({} bytes) exceeds the room reserved ({} bytes)"),
                        std::to_string(cms.size()), std::to_string(reserve)));
    static const char* hex = "0123456789abcdef";
    for (size_t i = 0; i < cms.size(); ++i) {
        auto c = static_cast<unsigned char>(cms[i]);
        out[a + 1 + 2 * i] = hex[c >> 4];
        out[a + 2 + 2 * i] = hex[c & 15];
    }
    // What was written must read back as a PDF with the new revision.
    obj::File check(out, name);
    result.pdf = std::move(out);
    return result;
}

}  // namespace par::pdf
