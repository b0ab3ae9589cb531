// SPDX-License-Identifier: Apache-2.0
// ResponseArchive.cpp - the zip container of a response (libzip). The whole file is read into
// memory under kMaxResponseBytes, opened from that buffer, and every entry is read with a byte
// budget that does not trust the sizes the zip declares (a "zip bomb" declares little and inflates
// much); libzip checks each entry's CRC-32 at its end.
#include "core/tracking/ResponseArchive.hpp"

#include <zip.h>

#include <memory>

#include "core/common/AtomicFile.hpp"
#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"

namespace par::track {

namespace {

bool endsWith(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Decodes UTF-8 (already checked valid) into code points.
std::vector<char32_t> codePoints(std::string_view s) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < n && i + static_cast<size_t>(k) < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
        out.push_back(cp);
        i += static_cast<size_t>(n);
    }
    return out;
}

std::string upperAscii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

[[noreturn]] void refuseEntry(const std::string& path, const std::string& entry,
                              const std::string& why) {
    throw ParseError({path + ":" + entry, 0, 0},
                     fmt(tr("tệp báo cáo nén bị từ chối cả tệp: {}. Hãy tạo lại tệp báo cáo "
                            "(par-audit plan respond hoặc biểu mẫu của Sở).",
                            "the response zip is refused as a whole: {}. Make the response again "
                            "(par-audit plan respond or the Department's form)."),
                         why));
}

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

// Reads one entry, at most `budget` bytes (more: refused).
std::string readEntry(zip_t* z, zip_uint64_t index, std::uint64_t budget, const std::string& path,
                      const std::string& name) {
    zip_file_t* f = zip_fopen_index(z, index, 0);
    if (f == nullptr)
        refuseEntry(path, name,
                    fmt(tr("không đọc được mục này ({})", "cannot read this entry ({})"),
                        zip_strerror(z)));
    std::string out;
    char buf[65536];
    for (;;) {
        zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            std::string why = zip_file_strerror(f);
            zip_fclose(f);
            refuseEntry(path, name, fmt(tr("mục này hỏng ({})", "this entry is damaged ({})"), why));
        }
        if (n == 0)
            break;
        if (out.size() + static_cast<size_t>(n) > budget) {
            zip_fclose(f);
            refuseEntry(path, name,
                        tr("mục này giải nén ra quá giới hạn (tệp hỏng, hoặc một \"bom zip\")",
                           "this entry inflates past the limit (damaged, or a \"zip bomb\")"));
        }
        out.append(buf, static_cast<size_t>(n));
    }
    if (zip_fclose(f) != 0)
        refuseEntry(path, name, tr("mục này hỏng (CRC)", "this entry is damaged (CRC)"));
    return out;
}

}  // namespace

std::string readEvidenceFile(const std::string& path, const std::string& actionId,
                             const std::string& shown) {
    std::string bytes = readFile(path, kMaxEvidenceFileBytes + 1);
    if (bytes.size() > kMaxEvidenceFileBytes)
        throw UsageError(fmt(tr("{}: minh chứng '{}' lớn hơn giới hạn {} MiB",
                                "{}: evidence '{}' is over the {} MiB limit"),
                             actionId, shown, std::to_string(kMaxEvidenceFileBytes >> 20)));
    return bytes;
}

std::string evidenceNameProblem(std::string_view name) {
    if (!isValidUtf8(name))
        return tr("không phải UTF-8 hợp lệ", "not valid UTF-8");
    if (name.empty() || name == "." || name == "..")
        return tr("tên trống", "an empty name");
    if (nfc(name) != name)
        return tr("chưa chuẩn hoá Unicode NFC", "not in Unicode NFC");
    std::vector<char32_t> cps = codePoints(name);
    if (cps.size() > kMaxEvidenceNameChars)
        return fmt(tr("dài hơn {} ký tự", "longer than {} characters"),
                   std::to_string(kMaxEvidenceNameChars));
    for (char32_t c : cps) {
        if (c == '/' || c == '\\')
            return tr("có dấu phân cách thư mục ('/' hoặc '\\')", "a folder separator ('/' or '\\')");
        if (c == ':')
            return tr("có dấu ':' (ổ đĩa hoặc luồng dữ liệu ẩn trên Windows)",
                      "a ':' (a drive or an alternate data stream on Windows)");
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            return tr("có ký tự điều khiển", "a control character");
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
            c == 0x200F || c == 0x061C)
            return tr("có ký tự đổi chiều văn bản (có thể giấu đuôi tệp thật, vd. U+202E)",
                      "a text-direction character (it can hide the real extension, e.g. U+202E)");
        if (c == '<' || c == '>' || c == '"' || c == '|' || c == '?' || c == '*')
            return tr("có ký tự Windows không cho phép (< > \" | ? *)",
                      "a character Windows forbids (< > \" | ? *)");
    }
    if (name.back() == '.' || name.back() == ' ')
        return tr("kết thúc bằng dấu chấm hoặc khoảng trắng (Windows bỏ đi, thành tên khác)",
                  "ends with a dot or a space (Windows drops it, giving another name)");
    if (name.front() == ' ')
        return tr("bắt đầu bằng khoảng trắng", "starts with a space");
    std::string stem = upperAscii(name.substr(0, name.find('.')));
    while (!stem.empty() && stem.back() == ' ')
        stem.pop_back();
    static const char* const kDevices[] = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"};
    bool device = false;
    for (const char* d : kDevices)
        device = device || stem == d;
    if (stem.size() == 4 && (stem.rfind("COM", 0) == 0 || stem.rfind("LPT", 0) == 0) &&
        stem[3] >= '0' && stem[3] <= '9')
        device = true;
    if (device)
        return fmt(tr("là tên thiết bị của Windows ({})", "a Windows device name ({})"), stem);
    return "";
}

ResponsePackage readResponsePackage(const std::string& path) {
    return parseResponsePackage(readFile(path, kMaxResponseBytes + (1u << 20)), path);
}

ResponsePackage parseResponsePackage(std::string bytes, const std::string& path) {
    ResponsePackage pkg;
    if (bytes.size() > kMaxResponseBytes + (1u << 20))
        throw ParseError({path, 0, 0},
                         fmt(tr("tệp báo cáo lớn quá {} MiB", "the response is over {} MiB"),
                             std::to_string((kMaxResponseBytes >> 20) + 1)));
    if (bytes.compare(0, 4, "PK\x03\x04") != 0 && bytes.compare(0, 4, "PK\x05\x06") != 0) {
        pkg.xml = std::move(bytes);
        pkg.response = PlanFile::parse(pkg.xml, path);
        return pkg;
    }
    pkg.zipped = true;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src == nullptr)
        throw IoError(fmt(tr("không mở được tệp nén {}: {}", "cannot open the zip file {}: {}"),
                          path, zip_error_strerror(&err)));
    std::unique_ptr<zip_t, ZipCloser> z(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err));
    if (!z) {
        std::string why = zip_error_strerror(&err);
        zip_source_free(src);
        zip_error_fini(&err);
        throw ParseError({path, 0, 0},
                         fmt(tr("tệp nén hỏng hoặc không phải tệp zip ({}); hãy gửi lại tệp báo cáo",
                                "a damaged zip or not a zip file ({}); send the response again"),
                             why));
    }
    zip_error_fini(&err);
    const zip_int64_t n = zip_get_num_entries(z.get(), 0);
    if (n < 0 || static_cast<zip_uint64_t>(n) > kMaxResponseEntries)
        refuseEntry(path, "", fmt(tr("có hơn {} mục", "more than {} entries"),
                                  std::to_string(kMaxResponseEntries)));
    std::uint64_t total = 0;
    bool haveXml = false;
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(n); ++i) {
        const char* raw = zip_get_name(z.get(), i, ZIP_FL_ENC_GUESS);
        std::string name = raw != nullptr ? raw : "";
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(z.get(), i, 0, &st) != 0)
            refuseEntry(path, name, tr("không đọc được mục này", "cannot read this entry"));
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            refuseEntry(path, name, tr("mục này được mã hoá", "this entry is encrypted"));
        if (!isValidUtf8(name))
            refuseEntry(path, name, tr("tên mục không phải UTF-8", "an entry name that is not UTF-8"));
        // Only these names: response.xml, response.xml.p7s, evidence/, evidence/ID/,
        // evidence/ID/FILE. Anything else (absolute paths, "..", backslashes, other folders) is a
        // container made by something else, refused as a whole.
        if (name == "response.xml" || name == "response.xml.p7s") {
            std::string data = readEntry(z.get(), i, kMaxResponseBytes - total, path, name);
            total += data.size();
            if (name == "response.xml") {
                pkg.xml = std::move(data);
                haveXml = true;
            } else {
                pkg.signature = std::move(data);
            }
            continue;
        }
        if (name == "evidence/")
            continue;
        if (name.rfind("evidence/", 0) != 0 || name.find('\\') != std::string::npos)
            refuseEntry(path, name,
                        tr("mục không được phép (chỉ response.xml và evidence/<mã hành động>/<tệp>)",
                           "an entry that is not allowed (only response.xml and evidence/<action "
                           "id>/<file>)"));
        std::string rest = name.substr(9);
        size_t slash = rest.find('/');
        std::string id = rest.substr(0, slash);
        if (id.empty() || id == "." || id == ".." ||
            id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") !=
                std::string::npos || slash == std::string::npos)
            refuseEntry(path, name, tr("thư mục minh chứng không phải mã hành động",
                                       "an evidence folder that is not an action id"));
        std::string file = rest.substr(slash + 1);
        if (file.empty())
            continue;  // the folder entry evidence/A-001/
        if (file.find('/') != std::string::npos || file == "." || file == "..")
            refuseEntry(path, name, tr("đường dẫn lồng nhau hoặc '..' trong minh chứng",
                                       "a nested path or '..' in the evidence"));
        if (std::string why = evidenceNameProblem(file); !why.empty()) {
            pkg.entryProblems[id].push_back(
                fmt(tr("minh chứng '{}': tên không an toàn: {}", "evidence '{}': unsafe name: {}"),
                    file, why));
            continue;  // never read, never stored
        }
        if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxEvidenceFileBytes) {
            pkg.entryProblems[id].push_back(fmt(
                tr("minh chứng '{}' lớn hơn giới hạn {} MiB", "evidence '{}' is over the {} MiB limit"),
                file, std::to_string(kMaxEvidenceFileBytes >> 20)));
            continue;
        }
        std::string data = readEntry(
            z.get(), i, std::min<std::uint64_t>(kMaxEvidenceFileBytes, kMaxResponseBytes - total),
            path, name);
        total += data.size();
        if (!pkg.evidence.emplace(id + "/" + file, std::move(data)).second)
            refuseEntry(path, name, tr("mục trùng tên", "a duplicate entry"));
    }
    if (!haveXml)
        throw ParseError({path, 0, 0},
                         tr("tệp nén không có response.xml: không phải tệp báo cáo của đơn vị",
                            "the zip has no response.xml: not a unit's response"));
    pkg.response = PlanFile::parse(pkg.xml, path + ":response.xml");
    pkg.response.file = path;
    return pkg;
}

void writeResponsePackage(const std::string& path, const PlanFile& response,
                          const std::map<std::string, std::string>& evidence,
                          const std::function<std::string(std::string_view xml)>& sign) {
    const std::string xml = response.toXml();
    const std::string signature = sign ? sign(xml) : std::string();
    if (evidence.empty() && !sign && !endsWith(path, ".zip")) {
        writeFileAtomically(path, xml, AtomicWriteOptions{false});
        return;
    }
    // libzip writes the archive into a buffer of its own (no temporary file, no POSIX calls);
    // its bytes then go to `path` through the one atomic writer.
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
    if (buffer == nullptr)
        throw IoError(fmt(tr("không tạo được tệp nén {}: {}", "cannot make the zip file {}: {}"),
                          path, zip_error_strerror(&err)));
    zip_source_keep(buffer);  // kept after zip_close, to read the bytes back
    struct Free {
        zip_source_t* s;
        ~Free() { zip_source_free(s); }
    } freeBuffer{buffer};
    zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
    if (z == nullptr)
        throw IoError(fmt(tr("không tạo được tệp nén {}: {}", "cannot make the zip file {}: {}"),
                          path, zip_error_strerror(&err)));
    auto add = [&](const std::string& name, const std::string& data) {
        zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
        zip_int64_t idx = s != nullptr ? zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            if (s != nullptr)
                zip_source_free(s);
            std::string why = zip_strerror(z);
            zip_discard(z);
            throw IoError(fmt(tr("không ghi được {} vào tệp nén {}: {}",
                                 "cannot add {} to the zip file {}: {}"),
                              name, path, why));
        }
        zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
    };
    add("response.xml", xml);
    if (!signature.empty())
        add("response.xml.p7s", signature);
    for (const auto& [key, data] : evidence)
        add("evidence/" + key, data);
    if (zip_close(z) != 0) {
        std::string why = zip_strerror(z);
        zip_discard(z);
        throw IoError(fmt(tr("không ghi được tệp nén {}: {}", "cannot write the zip file {}: {}"),
                          path, why));
    }
    std::string bytes;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(buffer, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
        zip_source_open(buffer) != 0)
        throw IoError(fmt(tr("không đọc lại được tệp nén {} vừa tạo", "cannot read back the zip {}"),
                          path));
    bytes.resize(static_cast<size_t>(st.size));
    const zip_int64_t got = zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size)
        throw IoError(fmt(tr("không đọc lại được tệp nén {} vừa tạo", "cannot read back the zip {}"),
                          path));
    writeFileAtomically(path, bytes, AtomicWriteOptions{false});
}

std::string defaultResponsePath(const std::string& input, bool withEvidence) {
    std::string base = input;
    for (const char* ext : {".plan.xml", ".response.xml", ".response.zip", ".xml", ".zip"})
        if (endsWith(base, ext) && base.size() > std::string(ext).size()) {
            base.resize(base.size() - std::string(ext).size());
            break;
        }
    return base + (withEvidence ? ".response.zip" : ".response.xml");
}

}  // namespace par::track
