// SPDX-License-Identifier: Apache-2.0
// The signed exchange end to end: the unit signs its response with `plan respond --sign`, the
// inspectors name the unit's certificate in don-vi.xml beside the audit, and `plan import` refuses
// a response that is unsigned, signed by another unit's certificate or changed after signing
// (the audit file byte for byte unchanged), and merges a correctly signed one with the signer in
// the history. openssl cms checks the signature independently.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "TestSupport.hpp"

using namespace par::test;

namespace {

std::string cli() { return "PAR_AUDIT_DATA=" + q(sourcePath("")) + " " + q(binaryPath("par-audit")); }

// The sample with its findings and actions, in dir/ws/ (the form from the source tree).
std::string preparedAudit(const ScratchDir& dir) {
    std::filesystem::create_directories(dir.file("ws"));
    std::string a = dir.file("ws/quynh-luu-2018.audit.xml");
    for (const char* f : {"quynh-luu-2018.audit.xml", "thu-tuc.xml", "van-ban-bo-sung.xml"})
        std::filesystem::copy_file(sourcePath(std::string("samples/quynh-luu-2018/") + f), dir.file(std::string("ws/") + f));
    std::string text = readText(a);
    auto p = text.find("href=\"../../forms/cchc-huyen.xml\"");
    REQUIRE(p != std::string::npos);
    text.replace(p, 33, "href=\"" + sourcePath("forms/cchc-huyen.xml") + "\"");
    writeText(a, text);
    REQUIRE(run(cli() + " findings --save " + q(a)).exitCode == 0);
    REQUIRE(run(cli() + " plan make " + q(a)).exitCode == 0);
    return a;
}

// One entry of a zip, with the system's Python (zipfile is in its standard library).
std::string unzipEntry(const std::string& zip, const std::string& entry, const std::string& to) {
    auto r = run("/usr/bin/python3 -c 'import sys,zipfile; open(sys.argv[3],\"wb\").write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' " +
                 q(zip) + " " + q(entry) + " " + q(to));
    REQUIRE(r.exitCode == 0);
    return to;
}

}  // namespace

TEST_CASE("signed exchange: only the unit's own signature is imported", "[sign][exchange]") {
    ScratchDir dir("par-signed-exchange");
    const std::string pki = dir.file("pki");
    REQUIRE(run("sh " + q(sourcePath("tests/cli/signing/make-pki.sh")) + " " + q(pki)).exitCode == 0);
    const std::string a = preparedAudit(dir);

    // The first action's unit, from the audit file.
    std::string audit = readText(a);
    auto at = audit.find("responsible=\"");
    REQUIRE(at != std::string::npos);
    at += 13;
    const std::string unit = audit.substr(at, audit.find('"', at) - at);
    const std::string plan = dir.file("plan.xml");
    auto ex = run(cli() + " plan export " + q(a) + " --unit " + q(unit) + " -o " + q(plan));
    INFO(ex.out << ex.err);
    REQUIRE(ex.exitCode == 0);
    std::string planText = readText(plan);
    at = planText.find("<action id=\"");
    REQUIRE(at != std::string::npos);
    const std::string id = planText.substr(at + 12, planText.find('"', at + 12) - at - 12);

    auto respond = [&](const std::string& out, const std::string& signArgs) {
        auto r = run(cli() + " plan respond " + q(plan) + " " + id + " --date 2018-12-14 --doc 15/BC-UBND --note " +
                     q("Đã khắc phục") + " -o " + q(out) + " " + signArgs);
        INFO(r.out << r.err);
        REQUIRE(r.exitCode == 0);
        return r;
    };
    const std::string pw = " --password-file " + q(pki + "/pw.txt");
    auto right = respond(dir.file("right.response.zip"), "--sign --pkcs12 " + q(pki + "/tan-thanh.p12") + pw);
    CHECK(right.out.find("Đã ký số báo cáo (response.xml.p7s) bằng chứng thư của CN=UBND xã Tân Thạnh") != std::string::npos);
    respond(dir.file("wrong.response.zip"), "--sign --pkcs12 " + q(pki + "/ngoc-son.p12") + pw);
    respond(dir.file("unsigned.response.xml"), "");
    // --sign to a .xml name still writes the zip (the signature needs it).
    respond(dir.file("named.response.xml"), "--sign --pkcs12 " + q(pki + "/tan-thanh.p12") + pw);
    CHECK(std::filesystem::exists(dir.file("named.response.zip")));

    // openssl, on its own, finds the signature valid over the exact bytes of response.xml.
    std::string xml = unzipEntry(dir.file("right.response.zip"), "response.xml", dir.file("response.xml"));
    std::string p7s = unzipEntry(dir.file("right.response.zip"), "response.xml.p7s", dir.file("response.xml.p7s"));
    auto os = run("openssl cms -verify -binary -inform DER -in " + q(p7s) + " -content " + q(xml) + " -CAfile " +
                  q(pki + "/ca.pem") + " -purpose any -out /dev/null 2>&1");
    INFO(os.out);
    CHECK(os.exitCode == 0);
    CHECK(os.out.find("Verification successful") != std::string::npos);

    // The same response with one byte of response.xml changed, the signature kept.
    REQUIRE(run("cd " + q(dir.path()) + " && /usr/bin/python3 -c '" +
                "import zipfile; z=zipfile.ZipFile(\"right.response.zip\"); "
                "x=z.read(\"response.xml\").replace(b\"15/BC-UBND\", b\"16/BC-UBND\"); "
                "o=zipfile.ZipFile(\"altered.response.zip\",\"w\"); o.writestr(\"response.xml\", x); "
                "o.writestr(\"response.xml.p7s\", z.read(\"response.xml.p7s\")); o.close()'")
                .exitCode == 0);

    // Without don-vi.xml every response imports as before; with it, only the unit's own signature.
    writeText(dir.file("ws/don-vi.xml"), "<units format-version=\"1\">\n  <unit name=\"" + unit +
                                             "\">\n    <certificate file=\"../pki/tan-thanh.pem\"/>\n  </unit>\n</units>\n");
    const std::string before = readText(a);
    auto refused = [&](const std::string& file, const std::string& why) {
        auto r = run(cli() + " plan import " + q(a) + " " + q(dir.file(file)));
        INFO(file << "\n" << r.out << r.err);
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("Không nhập báo cáo (không thay đổi gì trong tệp kiểm tra)") != std::string::npos);
        CHECK(r.err.find(why) != std::string::npos);
        CHECK(readText(a) == before);
        CHECK_FALSE(std::filesystem::exists(dir.file("ws/quynh-luu-2018.evidence")));
    };
    refused("wrong.response.zip", "được ký bằng chứng thư số của \"CN=UBND xã Ngọc Sơn, O=UBND xã Ngọc Sơn\", không phải chứng thư đã khai báo cho " + unit);
    refused("unsigned.response.xml", "phải được ký số (theo don-vi.xml) nhưng không có chữ ký response.xml.p7s");
    refused("altered.response.zip", "response.xml đã bị sửa sau khi ký");

    auto ok = run(cli() + " plan import " + q(a) + " " + q(dir.file("right.response.zip")));
    INFO(ok.out << ok.err);
    REQUIRE(ok.exitCode == 0);
    CHECK(ok.out.find("Chữ ký số hợp lệ của CN=UBND xã Tân Thạnh, O=UBND xã Tân Thạnh") != std::string::npos);
    std::string after = readText(a);
    CHECK(after.find("15/BC-UBND") != std::string::npos);
    CHECK(after.find("signed-by=\"CN=UBND xã Tân Thạnh, O=UBND xã Tân Thạnh\"") != std::string::npos);
    CHECK(after.find("source=\"right.response.zip\"") != std::string::npos);
}

TEST_CASE("signed exchange: --pkcs12 without --sign is refused", "[sign][exchange][errors]") {
    ScratchDir dir("par-signed-exchange");
    writeText(dir.file("x.p12"), "not a p12");
    writeText(dir.file("plan.xml"), "<plan/>");
    auto r = run(cli() + " plan respond " + q(dir.file("plan.xml")) + " A-001 --date 2018-12-14 --pkcs12 " + q(dir.file("x.p12")));
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--pkcs12/--pkcs11-module chỉ dùng cùng --sign") != std::string::npos);
}
