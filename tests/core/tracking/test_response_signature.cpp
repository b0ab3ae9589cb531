// SPDX-License-Identifier: Apache-2.0
// The signed exchange's check (ResponseSignature): a PKI made at test time by
// tests/cli/signing/make-pki.sh (openssl; no key committed), responses signed with the units'
// PKCS#12 keys, and don-vi.xml read with its errors.
#include <catch2/catch.hpp>

#include "TestSupport.hpp"
#include "core/common/Error.hpp"
#include "core/signature/Cms.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/ResponseSignature.hpp"

using namespace par;
using namespace par::test;

namespace {

struct Pki {
    ScratchDir dir{"par-response-sig"};
    std::string pki = dir.file("pki");
    Pki() {
        auto r = run("sh " + sourcePath("tests/cli/signing/make-pki.sh") + " '" + pki + "'");
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
    }
    std::string sign(const std::string& who, const std::string& content) const {
        sig::Pkcs12Signer s(pki + "/" + who + ".p12", readText(pki + "/pw.txt").substr(0, 10));
        return sig::signDetached(s, content);
    }
};

std::string refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const track::ImportRefused& e) {
        return e.what();
    }
    return "";
}

const std::string kXml = "<?xml version=\"1.0\"?>\n<response format-version=\"2\" unit=\"UBND xã Tân Thạnh\"/>\n";

}  // namespace

TEST_CASE("response signature: only the unit's own certificate, over the exact bytes", "[tracking][signature]") {
    Pki p;
    writeText(p.dir.file("don-vi.xml"),
              "<units format-version=\"1\">\n  <unit name=\"UBND XÃ  Tân Thạnh\">\n    <certificate file=\"pki/tan-thanh.pem\"/>\n"
              "  </unit>\n</units>\n");
    auto units = track::UnitCertificates::load(p.dir.path());
    REQUIRE(units);
    const auto* certs = units->forUnit("UBND xã Tân Thạnh");  // same unit: case and spaces
    REQUIRE(certs != nullptr);
    CHECK(units->forUnit("UBND xã Tân Thành") == nullptr);     // another tone mark: another unit

    auto ok = track::checkResponseSignature("UBND xã Tân Thạnh", kXml, p.sign("tan-thanh", kXml), certs, "r.zip");
    REQUIRE(ok);
    CHECK(ok->subject == "CN=UBND xã Tân Thạnh, O=UBND xã Tân Thạnh");
    CHECK(ok->certSha256.size() == 64);

    CHECK(refusal([&] { track::checkResponseSignature("UBND xã Tân Thạnh", kXml, "", certs, "r.zip"); })
              .find("phải được ký số (theo don-vi.xml) nhưng không có chữ ký response.xml.p7s") != std::string::npos);
    CHECK(refusal([&] { track::checkResponseSignature("UBND xã Tân Thạnh", kXml, p.sign("ngoc-son", kXml), certs, "r.zip"); })
              .find("được ký bằng chứng thư số của \"CN=UBND xã Ngọc Sơn, O=UBND xã Ngọc Sơn\", không phải chứng thư đã khai báo") !=
          std::string::npos);
    std::string altered = kXml;
    altered.replace(altered.find("Tân"), 4, "Tam");
    CHECK(refusal([&] { track::checkResponseSignature("UBND xã Tân Thạnh", altered, p.sign("tan-thanh", kXml), certs, "r.zip"); })
              .find("response.xml đã bị sửa sau khi ký") != std::string::npos);
    CHECK(refusal([&] { track::checkResponseSignature("UBND xã Tân Thạnh", kXml, "not a signature", certs, "r.zip"); })
              .find("không phải chữ ký CMS") != std::string::npos);

    // A unit not listed: unsigned is imported as before; a signature, when present, still counts.
    CHECK_FALSE(track::checkResponseSignature("UBND xã Ngọc Sơn", kXml, "", nullptr, "r.zip"));
    CHECK(track::checkResponseSignature("UBND xã Ngọc Sơn", kXml, p.sign("ngoc-son", kXml), nullptr, "r.zip"));
    CHECK(refusal([&] { track::checkResponseSignature("UBND xã Ngọc Sơn", altered, p.sign("ngoc-son", kXml), nullptr, "r.zip"); })
              .find("đã bị sửa sau khi ký") != std::string::npos);

    // No don-vi.xml: nothing is required.
    ScratchDir empty;
    CHECK_FALSE(track::UnitCertificates::load(empty.path()));
}

TEST_CASE("response signature: don-vi.xml errors name the file and line", "[tracking][signature][errors]") {
    Pki p;
    auto error = [&](const std::string& xml) {
        writeText(p.dir.file("don-vi.xml"), xml);
        try {
            track::UnitCertificates::load(p.dir.path());
        } catch (const ParseError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(error("<units format-version=\"1\">\n<unit name=\"A\"/>\n</units>").find("don-vi.xml:2") != std::string::npos);
    CHECK(error("<units format-version=\"1\">\n<unit name=\"A\"/>\n</units>").find("đơn vị 'A' chưa có <certificate") != std::string::npos);
    CHECK(error("<units format-version=\"1\">\n<don-vi name=\"A\"/>\n</units>").find("phần tử không biết <don-vi>") != std::string::npos);
    std::string notCert = error("<units format-version=\"1\">\n<unit name=\"A\">\n<certificate file=\"pki/pki.cnf\"/>\n</unit>\n</units>");
    CHECK(notCert.find("don-vi.xml:3") != std::string::npos);
    CHECK(notCert.find("không đọc được chứng thư số nào") != std::string::npos);
    CHECK(error("<units format-version=\"9\"/>").find("don-vi.xml") != std::string::npos);
    CHECK(error("<units format-version=\"1\">\n<unit>\n<certificate file=\"pki/ca.pem\"/></unit></units>").find("name") != std::string::npos);
}
