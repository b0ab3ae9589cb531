// SPDX-License-Identifier: Apache-2.0
#include "pdf/PdfSignatureCheck.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <string>

#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"
#include "core/common/InputFile.hpp"
#include "pdf/Fingerprint.hpp"
#include "pdf/PdfObjects.hpp"

namespace par::pdf {

using obj::Value;
using T = obj::Value::Type;

bool PdfSignatureReport::ok() const {
    if (signatures.empty() || modifiedAfterLastSignature) return false;
    return std::all_of(signatures.begin(), signatures.end(), [](const PdfSignatureInfo& s) { return s.problems.empty(); });
}

std::optional<std::time_t> parsePdfDate(std::string_view d) {
    if (d.substr(0, 2) == "D:") d.remove_prefix(2);
    if (d.size() < 14 || !std::all_of(d.begin(), d.begin() + 14, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return std::nullopt;
    // Digits only (a hostile /M may hold anything): -1 when not all digits.
    auto num = [&](size_t at, size_t n) {
        if (at + n > d.size()) return -1;
        int v = 0;
        for (char c : d.substr(at, n)) {
            if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    std::tm tm{};
    tm.tm_year = num(0, 4) - 1900;
    tm.tm_mon = num(4, 2) - 1;
    tm.tm_mday = num(6, 2);
    tm.tm_hour = num(8, 2);
    tm.tm_min = num(10, 2);
    tm.tm_sec = num(12, 2);
    std::time_t t = platform::utcSeconds(tm);
    if (d.size() >= 20 && (d[14] == '+' || d[14] == '-') && num(15, 2) >= 0 && num(18, 2) >= 0) {
        long off = (num(15, 2) * 60 + num(18, 2)) * 60;
        t -= d[14] == '+' ? off : -off;
    }
    return t;
}

std::string vietnamTimeText(std::time_t t) {
    std::time_t shifted = t + 7 * 3600;
    std::tm tm{};
    gmtime_r(&shifted, &tm);
    char buf[48];
    std::strftime(buf, sizeof buf, "%d/%m/%Y %H:%M:%S +07:00", &tm);
    return buf;
}

std::vector<std::string> describeSignatures(const PdfSignatureReport& r, bool trustChecked) {
    std::vector<std::string> out;
    if (r.signatures.empty()) {
        out.push_back(trustChecked ? tr("KHÔNG HỢP LỆ: văn bản chưa được ký số.", "INVALID: the document carries no digital signature.")
                                   : tr("Văn bản chưa được ký số.", "The document carries no digital signature."));
        return out;
    }
    out.push_back(fmt(tr("Chữ ký số: {}", "Digital signatures: {}"), std::to_string(r.signatures.size())));
    int i = 0;
    for (const auto& s : r.signatures) {
        std::string who = s.cms.signer ? sig::subjectText(s.cms.signer.get()) : std::string("?");
        std::string when = s.cms.timestamp ? fmt(tr("{} (dấu thời gian)", "{} (time-stamp)"), vietnamTimeText(*s.cms.timestamp))
                           : s.claimedTime ? fmt(tr("{} (theo máy người ký)", "{} (the signer's clock)"), vietnamTimeText(*s.claimedTime))
                                           : std::string("?");
        out.push_back(fmt(tr("  {}. {}: {}; ký lúc {}", "  {}. {}: {}; signed at {}"), std::to_string(++i), s.field, who, when));
        if (s.problems.empty()) {
            std::string line = s.cms.chainChecked
                                   ? tr("HỢP LỆ: nội dung nguyên vẹn, chữ ký đúng, chứng thư số tin cậy và còn hiệu lực tại thời điểm ký",
                                        "VALID: content intact, signature correct, certificate trusted and valid at the signing time")
                                   : tr("HỢP LỆ về nội dung và chữ ký; CHƯA kiểm tra chứng thư số (thêm --trust THƯ_MỤC)",
                                        "VALID content and signature; certificate NOT checked (add --trust FOLDER)");
            if (!s.coversWholeFile && &s != &r.signatures.back()) line += tr(" (sau đó có chữ ký khác)", " (a later signature follows)");
            out.push_back("     " + line);
        } else {
            out.push_back(std::string("     ") + tr("KHÔNG HỢP LỆ:", "INVALID:"));
            for (const auto& p : s.problems) out.push_back("       - " + p);
        }
    }
    if (r.modifiedAfterLastSignature)
        out.push_back(fmt(tr("KHÔNG HỢP LỆ: văn bản đã bị sửa sau chữ ký cuối cùng ({} byte thêm vào sau phần đã ký)",
                             "INVALID: the document was modified after the last signature ({} bytes added after the signed part)"),
                          std::to_string(r.fileSize - r.signatures.back().rangeEnd)));
    return out;
}

SignedFileCheck checkSignedFile(const std::string& pdfPath, const std::string& trustDir) {
    std::unique_ptr<sig::TrustStore> trust;
    if (!trustDir.empty()) trust = std::make_unique<sig::TrustStore>(trustDir);
    SignedFileCheck out;
    std::string bytes = readFile(pdfPath, kMaxPdfBytes);
    out.report = checkPdfSignatures(bytes, pdfPath, trust.get());
    out.lines = describeSignatures(out.report, trust != nullptr);
    out.ok = out.report.signatures.empty() ? trust == nullptr : out.report.ok();
    return out;
}

namespace {

void collectFields(const obj::File& f, const Value& v, std::vector<Value>& out, std::set<int>& seen, int depth) {
    if (depth > 32) return;
    Value arr = f.resolve(v);
    if (!arr.is(T::Array)) return;
    for (const auto& item : *arr.array) {
        if (item.is(T::Ref) && !seen.insert(item.ref.num).second) continue;
        Value field = f.resolve(item);
        if (const Value* kids = field.get("Kids")) collectFields(f, *kids, out, seen, depth + 1);
        const Value* ft = field.get("FT");
        if (ft != nullptr && ft->text == "Sig" && field.get("V") != nullptr) out.push_back(field);
    }
}

bool isHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

PdfSignatureReport checkPdfSignatures(std::string_view pdf, const std::string& name, const sig::TrustStore* trust) {
    obj::File f{std::string(pdf), name};
    PdfSignatureReport report;
    report.fileSize = pdf.size();
    Value catalog = f.resolve(*f.trailer().get("Root"));
    std::vector<Value> fields;
    std::set<int> seen;
    if (const Value* af = catalog.get("AcroForm")) {
        Value form = f.resolve(*af);
        if (const Value* fl = form.get("Fields")) collectFields(f, *fl, fields, seen, 0);
    }

    size_t lastEnd = 0;
    for (const Value& field : fields) {
        PdfSignatureInfo s;
        if (const Value* t = field.get("T")) s.field = t->text;
        Value v = f.resolve(*field.get("V"));
        if (const Value* sf = v.get("SubFilter")) s.subFilter = sf->text;
        if (const Value* m = v.get("M")) s.claimedTime = parsePdfDate(m->text);
        const Value* br = v.get("ByteRange");
        std::vector<long long> r;
        if (br != nullptr && br->is(T::Array))
            for (const auto& x : *br->array) r.push_back(x.integer());
        bool rangesOk = r.size() == 4 && r[0] == 0 && r[1] > 0 && r[2] > r[1] && r[3] >= 0 &&
                        static_cast<unsigned long long>(r[2] + r[3]) <= pdf.size();
        if (rangesOk) {
            size_t a = static_cast<size_t>(r[1]), b = static_cast<size_t>(r[2]);
            rangesOk = pdf[a] == '<' && pdf[b - 1] == '>' && std::all_of(pdf.begin() + a + 1, pdf.begin() + b - 1, isHex);
        }
        if (!rangesOk) {
            s.problems.push_back(tr("vùng byte được ký (/ByteRange) không hợp lệ: không bắt đầu từ đầu tệp, không bao đúng "
                                    "chữ ký hoặc vượt quá tệp",
                                    "the signed byte ranges (/ByteRange) are invalid: not from the start of the file, not "
                                    "around the signature, or past the end of the file"));
            report.signatures.push_back(std::move(s));
            continue;
        }
        const size_t a = static_cast<size_t>(r[1]), b = static_cast<size_t>(r[2]);
        s.rangeEnd = static_cast<size_t>(r[2] + r[3]);
        s.coversWholeFile = s.rangeEnd == pdf.size();
        lastEnd = std::max(lastEnd, s.rangeEnd);
        std::string cms;
        for (size_t i = a + 1; i + 1 < b - 1 + 1; i += 2) cms += static_cast<char>(std::stoi(std::string(pdf.substr(i, 2)), nullptr, 16));
        s.cms = sig::verifyDetached(cms, {pdf.substr(0, a), pdf.substr(b, s.rangeEnd - b)}, trust, s.claimedTime);
        if (!s.cms.parseProblem.empty()) {
            s.problems.push_back(s.cms.parseProblem);
        } else {
            if (!s.cms.digestMatches)
                s.problems.push_back(tr("nội dung đã bị thay đổi sau khi ký (giá trị băm SHA-256 không khớp)",
                                        "the content was changed after signing (the SHA-256 digest does not match)"));
            if (!s.cms.signatureValid)
                s.problems.push_back(tr("chữ ký số không hợp lệ với chứng thư số của người ký",
                                        "the signature does not verify with the signer's certificate"));
            if (s.cms.chainChecked && !s.cms.chain.trusted) s.problems.push_back(s.cms.chain.problem);
            if (!s.cms.timestampProblem.empty()) s.problems.push_back(s.cms.timestampProblem);
        }
        report.signatures.push_back(std::move(s));
    }
    std::sort(report.signatures.begin(), report.signatures.end(),
              [](const PdfSignatureInfo& x, const PdfSignatureInfo& y) { return x.rangeEnd < y.rangeEnd; });
    report.modifiedAfterLastSignature = !report.signatures.empty() && lastEnd < pdf.size();
    return report;
}

}  // namespace par::pdf
