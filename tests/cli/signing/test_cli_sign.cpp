// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `par-audit sign` and `par-audit verify` on the Quỳnh Lưu notice, with a PKI
// made at test time (make-pki.sh), a SoftHSM2 token, a local time-stamping authority, and poppler's
// pdfsig and qpdf as independent checkers. The tools are test dependencies (scripts/install-deps.sh):
// a missing one fails the test.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "TestSupport.hpp"

using namespace par::test;

namespace {

std::string cli() { return "PAR_AUDIT_DATA=" + q(sourcePath("")) + " " + q(binaryPath("par-audit")); }
std::string sample() { return sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"); }

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \n\r\t"), e = s.find_last_not_of(" \n\r\t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

int count(const std::string& hay, const std::string& needle) {
    int n = 0;
    for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

// A PKI and the printed notice, once per test case.
struct Fixture {
    ScratchDir dir{"par-sign"};
    std::string pki = dir.file("pki");
    std::string notice = dir.file("notice.pdf");
    Fixture() {
        auto r = run("sh " + q(sourcePath("tests/cli/signing/make-pki.sh")) + " " + q(pki));
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        r = run(cli() + " report " + q(sample()) + " -o " + q(notice));
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
    }
    std::string p12(const std::string& who) const {
        return " --pkcs12 " + q(pki + "/" + who + ".p12") + " --password-file " + q(pki + "/pw.txt");
    }
    CommandResult sign(const std::string& in, const std::string& out, const std::string& args) const {
        return run(cli() + " sign " + q(in) + " -o " + q(out) + " " + args);
    }
    CommandResult verify(const std::string& pdf, const std::string& trust = "trust") const {
        return run(cli() + " verify " + q(sample()) + " " + q(pdf) + (trust.empty() ? "" : " --trust " + q(pki + "/" + trust)));
    }
};

CommandResult pdfsig(const std::string& pdf) { return run("pdfsig " + q(pdf) + " 2>&1"); }

// The signature page and box the notice recorded ("/ParAuditSignatureBox (5 339.1 …)").
int signaturePage(const std::string& pdf) {
    std::string bytes = readText(pdf);
    std::smatch m;
    REQUIRE(std::regex_search(bytes, m, std::regex(R"(/ParAuditSignatureBox \((\d+) )")));
    return std::stoi(m[1]);
}

}  // namespace

TEST_CASE("sign: a PKCS#12 signature that pdfsig and verify both accept", "[sign][pkcs12]") {
    Fixture f;
    std::string out = f.dir.file("signed.pdf");
    auto r = f.sign(f.notice, out, f.p12("signer") + " --image " + q(f.pki + "/chu-ky.png") + " --reason 'Ký ban hành'");
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("PAdES B-B") != std::string::npos);

    auto s = pdfsig(out);
    INFO(s.out);
    CHECK(count(s.out, "Signature #") == 1);
    CHECK(s.out.find("Signature Validation: Signature is Valid.") != std::string::npos);
    CHECK(s.out.find("Total document signed") != std::string::npos);
    CHECK(s.out.find("Signature Type: ETSI.CAdES.detached") != std::string::npos);
    CHECK(s.out.find("Signer Certificate Common Name: Lê Đình Lý") != std::string::npos);
    CHECK(run("qpdf --check " + q(out)).exitCode == 0);

    auto v = f.verify(out);
    INFO(v.out << v.err);
    CHECK(v.exitCode == 0);
    CHECK(v.out.find("KHỚP") != std::string::npos);
    CHECK(v.out.find("HỢP LỆ: nội dung nguyên vẹn, chữ ký đúng, chứng thư số tin cậy") != std::string::npos);
    CHECK(v.out.find("CN=Lê Đình Lý") != std::string::npos);

    // The original bytes are kept: the signed file starts with the printed notice, byte for byte.
    std::string before = readText(f.notice), after = readText(out);
    CHECK(after.compare(0, before.size(), before) == 0);

    // The appearance is drawn on the signature page, and only there.
    int page = signaturePage(f.notice);
    auto render = [&](const std::string& pdf, const std::string& stem) {
        REQUIRE(run("pdftoppm -r 30 -gray -f " + std::to_string(page) + " -l " + std::to_string(page) + " -png " + q(pdf) +
                    " " + q(f.dir.file(stem)))
                    .exitCode == 0);
        auto ls = run("ls " + q(f.dir.path()) + " | grep '^" + stem + "'");
        return f.dir.file(trim(ls.out));
    };
    auto a = render(f.notice, "before"), b = render(out, "after");
    auto diff = run("compare -metric AE " + q(a) + " " + q(b) + " null: 2>&1");
    INFO(diff.out);
    CHECK(std::stol(diff.out) > 50);
}

TEST_CASE("sign: the signer then the agency's seal both stay valid and a changed byte fails both checkers",
          "[sign][pkcs12]") {
    Fixture f;
    std::string one = f.dir.file("one.pdf"), two = f.dir.file("two.pdf");
    REQUIRE(f.sign(f.notice, one, f.p12("signer") + " --image " + q(f.pki + "/chu-ky.jpg")).exitCode == 0);
    auto r = f.sign(one, two, f.p12("agency") + " --role agency --image " + q(f.pki + "/con-dau.png"));
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);

    auto s = pdfsig(two);
    INFO(s.out);
    CHECK(count(s.out, "Signature #") == 2);
    CHECK(count(s.out, "Signature Validation: Signature is Valid.") == 2);
    CHECK(s.out.find("Signature Field Name: chu-ky-1") != std::string::npos);
    CHECK(s.out.find("Signature Field Name: con-dau-2") != std::string::npos);
    CHECK(s.out.find("Total document signed") != std::string::npos);  // the last one
    CHECK(run("qpdf --check " + q(two)).exitCode == 0);
    auto v = f.verify(two);
    INFO(v.out);
    CHECK(v.exitCode == 0);
    CHECK(count(v.out, "HỢP LỆ: nội dung nguyên vẹn") == 2);
    CHECK(v.out.find("1. chu-ky-1") != std::string::npos);
    CHECK(v.out.find("2. con-dau-2") != std::string::npos);

    SECTION("a byte of the notice changed") {
        std::string bytes = readText(two);
        size_t at = bytes.find("stream") + 200;  // inside the first page's content
        bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
        std::string bad = f.dir.file("bad.pdf");
        writeText(bad, bytes);
        auto ps = pdfsig(bad);
        INFO(ps.out);
        CHECK(count(ps.out, "Digest Mismatch") == 2);
        auto pv = f.verify(bad);
        INFO(pv.out);
        CHECK(pv.exitCode == 1);
        CHECK(count(pv.out, "nội dung đã bị thay đổi sau khi ký") == 2);
        auto en = run(cli() + " --lang en verify " + q(sample()) + " " + q(bad));
        CHECK(en.out.find("the content was changed after signing") != std::string::npos);
    }
    SECTION("bytes added after the last signature") {
        std::string bad = f.dir.file("appended.pdf");
        writeText(bad, readText(two) + "% added later\n");
        auto pv = f.verify(bad);
        INFO(pv.out);
        CHECK(pv.exitCode == 1);
        CHECK(pv.out.find("văn bản đã bị sửa sau chữ ký cuối cùng (14 byte") != std::string::npos);
    }
    SECTION("a trust folder that does not hold the issuer") {
        auto pv = f.verify(two, "other-trust");
        INFO(pv.out);
        CHECK(pv.exitCode == 1);
        CHECK(count(pv.out, "không do tổ chức chứng thực nào trong thư mục tin cậy cấp") == 2);
    }
    SECTION("without a trust folder the certificates are said to be unchecked") {
        auto pv = f.verify(two, "");
        CHECK(pv.exitCode == 0);
        CHECK(count(pv.out, "CHƯA kiểm tra chứng thư số") == 2);
    }
}

TEST_CASE("sign: a key on a SoftHSM2 token through PKCS#11", "[sign][pkcs11]") {
    Fixture f;
    std::string hsm = f.dir.file("hsm");
    writeText(f.dir.file("softhsm2.conf"), "directories.tokendir = " + hsm + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    const std::string env = "SOFTHSM2_CONF=" + q(f.dir.file("softhsm2.conf")) + " ";
    const std::string module = "/usr/lib/softhsm/libsofthsm2.so";
    REQUIRE(run("mkdir -p " + q(hsm)).exitCode == 0);
    auto r = run(env + "softhsm2-util --init-token --free --label 'So Noi vu' --so-pin 87654321 --pin 123456");
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    const std::string p11 = env + "pkcs11-tool --module " + module + " --token-label 'So Noi vu' --login --pin 123456 ";
    REQUIRE(run("openssl pkcs8 -topk8 -nocrypt -in " + q(f.pki + "/signer.key") + " -outform DER -out " + q(f.dir.file("k.der")) +
                " && openssl x509 -in " + q(f.pki + "/signer.pem") + " -outform DER -out " + q(f.dir.file("c.der")))
                .exitCode == 0);
    REQUIRE(run(p11 + "--write-object " + q(f.dir.file("k.der")) + " --type privkey --id 01 --label signer").exitCode == 0);
    REQUIRE(run(p11 + "--write-object " + q(f.dir.file("c.der")) + " --type cert --id 01 --label signer").exitCode == 0);
    writeText(f.dir.file("pin.txt"), "123456\n");
    writeText(f.dir.file("bad-pin.txt"), "000000\n");

    std::string out = f.dir.file("hsm.pdf");
    const std::string token = " --pkcs11-module " + module + " --token-label 'So Noi vu' --pin-file ";
    auto s = run(env + cli() + " sign " + q(f.notice) + " -o " + q(out) + token + q(f.dir.file("pin.txt")) + " --image " +
                 q(f.pki + "/chu-ky.png"));
    INFO(s.out << s.err);
    REQUIRE(s.exitCode == 0);
    auto ps = pdfsig(out);
    INFO(ps.out);
    CHECK(ps.out.find("Signature Validation: Signature is Valid.") != std::string::npos);
    CHECK(ps.out.find("Total document signed") != std::string::npos);
    auto v = f.verify(out);
    INFO(v.out);
    CHECK(v.exitCode == 0);
    CHECK(v.out.find("HỢP LỆ: nội dung nguyên vẹn") != std::string::npos);

    auto bad = run(env + cli() + " sign " + q(f.notice) + " -o " + q(f.dir.file("x.pdf")) + token + q(f.dir.file("bad-pin.txt")));
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("sai mã PIN (CKR_PIN_INCORRECT)") != std::string::npos);
    auto none = run(env + cli() + " sign " + q(f.notice) + " -o " + q(f.dir.file("x.pdf")) + " --pkcs11-module " + module +
                    " --token-label 'Khong co' --pin-file " + q(f.dir.file("pin.txt")));
    CHECK(none.exitCode == 2);
    CHECK(none.err.find("không có thiết bị ký số nhãn 'Khong co' (đang cắm: 'So Noi vu'") != std::string::npos);
    auto lib = run(cli() + " sign " + q(f.notice) + " -o " + q(f.dir.file("x.pdf")) + " --pkcs11-module /nonexistent/lib.so --pin-file " +
                   q(f.dir.file("pin.txt")));
    CHECK(lib.exitCode == 2);
    CHECK(lib.err.find("không nạp được thư viện PKCS#11") != std::string::npos);
}

TEST_CASE("sign: B-T with a time-stamp from a local RFC 3161 authority", "[sign][tsa]") {
    Fixture f;
    // The TSA runs in the background for this test only; its pid is kept to stop exactly it.
    auto start = run("cd " + q(f.pki) + " && (/usr/bin/python3 " + q(sourcePath("tests/cli/signing/tsa_server.py")) + " " + q(f.pki) +
                     " >/dev/null 2>&1 & echo $! > tsa.pid); for i in $(seq 50); do [ -s tsa.port ] && break; sleep 0.1; done; cat tsa.port");
    REQUIRE(start.exitCode == 0);
    REQUIRE(!trim(start.out).empty());
    std::string url = "http://127.0.0.1:" + trim(start.out) + "/tsa";
    std::string out = f.dir.file("bt.pdf");
    auto r = f.sign(f.notice, out, f.p12("signer") + " --image " + q(f.pki + "/chu-ky.png") + " --tsa " + url);
    auto down = f.sign(f.notice, f.dir.file("x.pdf"), f.p12("signer") + " --invisible --tsa http://127.0.0.1:1/tsa --tsa-timeout 2");
    run("kill $(cat " + q(f.pki + "/tsa.pid") + ")");
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("PAdES B-T") != std::string::npos);
    auto ps = pdfsig(out);
    INFO(ps.out);
    CHECK(ps.out.find("Signature Validation: Signature is Valid.") != std::string::npos);
    auto v = f.verify(out);
    INFO(v.out);
    CHECK(v.exitCode == 0);
    CHECK(v.out.find("(dấu thời gian)") != std::string::npos);
    // The token's own signature is checked against the trust folder too.
    auto other = f.verify(out, "other-trust");
    INFO(other.out);
    CHECK(other.exitCode == 1);
    CHECK(other.out.find("dấu thời gian không hợp lệ hoặc máy chủ cấp dấu thời gian (CN=TSA thử nghiệm)") != std::string::npos);
    CHECK(down.exitCode == 2);
    CHECK(down.err.find("không nhận được dấu thời gian từ http://127.0.0.1:1/tsa") != std::string::npos);
}

TEST_CASE("sign: bad input says what is wrong and writes nothing", "[sign][errors]") {
    Fixture f;
    std::string out = f.dir.file("out.pdf");
    auto notPdf = f.sign(sample(), out, f.p12("signer"));
    CHECK(notPdf.exitCode == 2);
    CHECK(notPdf.err.find("không phải là tệp PDF") != std::string::npos);

    auto who = f.sign(f.notice, out, "");
    CHECK(who.exitCode == 2);
    CHECK(who.err.find("chọn đúng một cách ký: --pkcs12 TỆP hoặc --pkcs11-module THƯ_VIỆN") != std::string::npos);

    writeText(f.dir.file("wrong.txt"), "wrong\n");
    auto pw = f.sign(f.notice, out, "--pkcs12 " + q(f.pki + "/signer.p12") + " --password-file " + q(f.dir.file("wrong.txt")));
    CHECK(pw.exitCode == 2);
    CHECK(pw.err.find("sai mật khẩu hoặc tệp hỏng") != std::string::npos);

    // No password file and no terminal: refused, never a password on the command line.
    auto noTty = run(cli() + " sign " + q(f.notice) + " -o " + q(out) + " --pkcs12 " + q(f.pki + "/signer.p12") + " < /dev/null");
    CHECK(noTty.exitCode == 2);
    CHECK(noTty.err.find("khi không chạy trên terminal") != std::string::npos);

    auto seal = f.sign(f.notice, out, f.p12("agency") + " --role agency");
    CHECK(seal.exitCode == 2);
    CHECK(seal.err.find("cần ảnh con dấu") != std::string::npos);

    auto image = f.sign(f.notice, out, f.p12("signer") + " --image " + q(f.pki + "/pki.cnf"));
    CHECK(image.exitCode == 2);
    CHECK(image.err.find("phải là PNG (nền trong suốt) hoặc JPEG") != std::string::npos);

    // A PDF with no recorded signature space (the remediation plan): visible refused, invisible signed.
    std::string plan = f.dir.file("plan.pdf");
    REQUIRE(run(cli() + " report " + q(sample()) + " --document plan -o " + q(plan)).exitCode == 0);
    auto box = f.sign(plan, out, f.p12("signer"));
    CHECK(box.exitCode == 2);
    CHECK(box.err.find("văn bản không ghi vị trí chữ ký") != std::string::npos);
    CHECK(run("test -e " + q(out)).exitCode != 0);
    auto invisible = f.sign(plan, out, f.p12("signer") + " --invisible");
    CHECK(invisible.exitCode == 0);
    CHECK(pdfsig(out).out.find("Signature is Valid.") != std::string::npos);

    // A PDF rewritten with a cross-reference stream (not what par-audit prints).
    std::string xs = f.dir.file("xref-stream.pdf");
    REQUIRE(run("qpdf --object-streams=generate " + q(f.notice) + " " + q(xs)).exitCode == 0);
    auto stream = f.sign(xs, f.dir.file("y.pdf"), f.p12("signer"));
    CHECK(stream.exitCode == 2);
    CHECK(stream.err.find("bảng tham chiếu dạng luồng") != std::string::npos);
}
