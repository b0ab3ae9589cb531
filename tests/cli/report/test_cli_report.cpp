// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `par-audit report` and `par-audit verify` on the Quỳnh Lưu sample: what the
// printed notice, plan and minutes say (pdftotext -layout), their fonts (pdffonts), structure
// (qpdf --check), reproducibility (SOURCE_DATE_EPOCH), the fingerprint check, and bad input.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "TestSupport.hpp"

using namespace par::test;

namespace {
std::string cli() {
    return binaryPath("par-audit");
}
std::string sample() {
    return sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml");
}

// pdftotext -layout output with runs of white space made single spaces, so that phrases of a
// justified line match.
std::string pdfText(const std::string& pdf) {
    auto r = run("pdftotext -layout " + q(pdf) + " -");
    REQUIRE(r.exitCode == 0);
    std::string out;
    bool space = false;
    for (char c : r.out) {
        bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (ws) {
            if (!space)
                out += ' ';
            space = true;
        } else {
            out += c;
            space = false;
        }
    }
    return out;
}

bool fileExists(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f != nullptr)
        std::fclose(f);
    return f != nullptr;
}

// A copy of the sample audit that tests may change: the audit and its reference files in
// <dir>/s/q/, the form where its href (../../forms/) points.
std::string copySample(const ScratchDir& dir) {
    auto r = run("mkdir -p " + q(dir.file("s/q")) + " " + q(dir.file("forms")) + " && cp " +
                 q(sourcePath("samples/quynh-luu-2018")) + "/*.xml " + q(dir.file("s/q")) +
                 " && cp " + q(sourcePath("forms/cchc-huyen.xml")) + " " + q(dir.file("forms")));
    REQUIRE(r.exitCode == 0);
    return dir.file("s/q/quynh-luu-2018.audit.xml");
}
}  // namespace

TEST_CASE("report: the sample's notice reads back", "[cli][report]") {
    ScratchDir dir;
    std::string pdf = dir.file("tb.pdf");
    auto r = run(cli() + " report " + sample() + " -o " + pdf);
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("17"));
    std::string t = pdfText(pdf);
    CHECK_THAT(t, Catch::Contains("UBND TỈNH NGHỆ AN"));
    CHECK_THAT(t, Catch::Contains("Số: 05/TB-SNV"));
    CHECK_THAT(t, Catch::Contains("Nghệ An, ngày 05 tháng 12 năm 2018"));
    CHECK_THAT(t, Catch::Contains("KT. GIÁM ĐỐC"));
    CHECK_THAT(t, Catch::Contains("PHÓ GIÁM ĐỐC"));
    CHECK_THAT(t, Catch::Contains("Lê Đình Lý"));
    CHECK_THAT(t, Catch::Contains("Lưu: VT, CCHC."));
    CHECK_THAT(t, Catch::Contains("17.334"));  // the dossier table, Vietnamese style
    // Legal bases: ";" after each, "." after the last.
    CHECK_THAT(t, Catch::Contains("giai đoạn 2011 - 2020;"));
    CHECK_THAT(t, Catch::Contains("ngày 28/11/2018."));
    // Findings in the form's area order: leadership, procedures, organisation, civil service,
    // e-government; each area's label printed once above its findings.
    std::vector<std::string> inOrder{"Công tác chỉ đạo, điều hành cải cách hành chính",
                                     "sáng kiến mới",
                                     "Cải cách thủ tục hành chính",
                                     "MAU.XD.01",
                                     "Cải cách tổ chức bộ máy hành chính nhà nước",
                                     "Phòng Văn hóa và Thông tin",
                                     "Cải cách chế độ công vụ",
                                     "Xây dựng chính quyền điện tử, chính quyền số",
                                     "IV. YÊU CẦU"};
    size_t shortcomings = t.find("2. Tồn tại, hạn chế");
    REQUIRE(shortcomings != std::string::npos);
    size_t at = shortcomings;
    for (const auto& s : inOrder) {
        INFO(s);
        size_t next = t.find(s, at);
        CHECK(next != std::string::npos);
        if (next != std::string::npos)
            at = next;
    }
    // Deadlines computed from the notice date on the working-day calendar.
    CHECK_THAT(t, Catch::Contains("đến hết ngày"));
    // A notice for signing carries the fingerprint in its metadata only (Decree 30/2020 Art. 8.3).
    CHECK_THAT(t, !Catch::Contains("SHA-256"));
    CHECK_THAT(t, !Catch::Contains("DỰ THẢO"));
    // The annex follows.
    CHECK_THAT(t, Catch::Contains("KẾ HOẠCH KHẮC PHỤC TỒN TẠI, HẠN CHẾ SAU KIỂM TRA"));
}

TEST_CASE("report: fonts embedded as subsets, structure valid", "[cli][report]") {
    ScratchDir dir;
    std::string pdf = dir.file("tb.pdf");
    REQUIRE(run(cli() + " report " + sample() + " -o " + pdf).exitCode == 0);
    auto fonts = run("pdffonts " + q(pdf));
    REQUIRE(fonts.exitCode == 0);
    int faces = 0;
    size_t pos = fonts.out.find('\n', fonts.out.find("----"));
    while (pos != std::string::npos && pos + 1 < fonts.out.size()) {
        size_t end = fonts.out.find('\n', pos + 1);
        std::string line = fonts.out.substr(pos + 1, end - pos - 1);
        pos = end;
        if (line.empty())
            continue;
        ++faces;
        INFO(line);
        CHECK(line[6] == '+');                             // subset tag ABCDEF+
        CHECK_THAT(line, Catch::Contains("yes yes yes"));  // emb sub uni
    }
    CHECK(faces == 4);
    auto check = run("qpdf --check " + q(pdf));
    INFO(check.out << check.err);
    CHECK(check.exitCode == 0);
}

TEST_CASE("report: byte-identical with SOURCE_DATE_EPOCH", "[cli][report]") {
    ScratchDir dir;
    for (const char* doc : {"notice", "plan", "minutes"}) {
        INFO(doc);
        std::string env = "SOURCE_DATE_EPOCH=1543968000 ";
        REQUIRE(run(env + cli() + " report " + sample() + " --document " + doc + " -o " +
                    dir.file("a.pdf"))
                    .exitCode == 0);
        REQUIRE(run(env + cli() + " report " + sample() + " --document " + doc + " -o " +
                    dir.file("b.pdf"))
                    .exitCode == 0);
        CHECK(readText(dir.file("a.pdf")) == readText(dir.file("b.pdf")));
        CHECK_THAT(readText(dir.file("a.pdf")), Catch::Contains("D:20181205"));
    }
}

TEST_CASE("report: the plan and the minutes", "[cli][report]") {
    ScratchDir dir;
    REQUIRE(
        run(cli() + " report " + sample() + " --document plan -o " + dir.file("kh.pdf")).exitCode ==
        0);
    std::string plan = pdfText(dir.file("kh.pdf"));
    CHECK_THAT(plan, Catch::Contains("KẾ HOẠCH KHẮC PHỤC"));
    CHECK_THAT(plan, Catch::Contains("Thông báo số 05/TB-SNV"));
    CHECK_THAT(plan, Catch::Contains("1.001612"));
    // One label per status, the register's (no plan made yet: every row is open).
    CHECK_THAT(plan, Catch::Contains("Chưa thực hiện"));

    REQUIRE(run(cli() + " report " + sample() + " --document minutes -o " + dir.file("bb.pdf"))
                .exitCode == 0);
    std::string bb = pdfText(dir.file("bb.pdf"));
    CHECK_THAT(bb, Catch::Contains("BIÊN BẢN"));
    CHECK_THAT(bb, Catch::Contains("/BB-SNV"));
    CHECK_THAT(bb, Catch::Contains("Hôm nay, vào lúc"));
    CHECK_THAT(bb, Catch::Contains("ngày 28 tháng 11 năm 2018, tại UBND huyện Quỳnh Lưu"));
    CHECK_THAT(bb, Catch::Contains("Hoàng Văn Cường"));
    CHECK_THAT(bb, Catch::Contains("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA"));
    CHECK_THAT(bb, Catch::Contains("TRƯỞNG ĐOÀN KIỂM TRA"));
}

TEST_CASE("report --lang en: English fixed wording, the audit's texts as entered",
          "[cli][report]") {
    ScratchDir dir;
    auto r = run(cli() + " report " + sample() + " --lang en -o " + dir.file("en.pdf"));
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    std::string t = pdfText(dir.file("en.pdf"));
    CHECK_THAT(t, Catch::Contains("NOTICE"));
    CHECK_THAT(t, Catch::Contains("Reference translation"));
    CHECK_THAT(t, Catch::Contains("II. RESULTS"));
    CHECK_THAT(t, Catch::Contains("2. Shortcomings"));
    CHECK_THAT(t, Catch::Contains("5 December 2018"));
    CHECK_THAT(t, Catch::Contains("Quỳnh Lưu"));  // names and the team's texts stay Vietnamese
}

TEST_CASE("verify: match, then mismatch after the audit changes", "[cli][report][verify]") {
    ScratchDir dir;
    std::string audit = copySample(dir);
    std::string pdf = dir.file("tb.pdf");
    REQUIRE(run(cli() + " report " + audit + " -o " + pdf).exitCode == 0);
    auto ok = run(cli() + " verify " + audit + " " + pdf);
    INFO(ok.out << ok.err);
    CHECK(ok.exitCode == 0);
    CHECK_THAT(ok.out, Catch::Contains("KHỚP"));

    auto changed = run(cli() + " answer " + audit + " ld_sang_kien=có");
    INFO(changed.out << changed.err);
    REQUIRE(changed.exitCode == 0);
    auto bad = run(cli() + " verify " + audit + " " + pdf);
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.out, Catch::Contains("KHÔNG KHỚP") && Catch::Contains("in lại"));

    // Printed again, it matches again.
    REQUIRE(run(cli() + " report " + audit + " -o " + pdf).exitCode == 0);
    CHECK(run(cli() + " verify " + audit + " " + pdf).exitCode == 0);
}

TEST_CASE("verify: unreadable or foreign files exit 2", "[cli][report][verify]") {
    ScratchDir dir;
    writeText(dir.file("x.pdf"), "not a pdf");
    auto notPdf = run(cli() + " verify " + sample() + " " + dir.file("x.pdf"));
    CHECK(notPdf.exitCode == 2);
    CHECK_THAT(notPdf.err, Catch::Contains("không phải là tệp PDF"));
    writeText(dir.file("y.pdf"), "%PDF-1.4\n1 0 obj << /Keywords (other) >> endobj\n%%EOF\n");
    auto foreign = run(cli() + " verify " + sample() + " " + dir.file("y.pdf"));
    CHECK(foreign.exitCode == 2);
    CHECK_THAT(foreign.err, Catch::Contains("không có dấu SHA-256"));
    auto missing = run(cli() + " verify " + sample() + " " + dir.file("none.pdf"));
    CHECK(missing.exitCode == 2);
}

TEST_CASE("report: bad templates exit 2 and write nothing", "[cli][report]") {
    ScratchDir dir;
    std::string out = dir.file("out.pdf");
    writeText(out, "old");

    auto missing =
        run(cli() + " report " + sample() + " --template " + dir.file("none.xml") + " -o " + out);
    CHECK(missing.exitCode == 2);
    CHECK_THAT(missing.err, Catch::Contains("none.xml"));

    writeText(dir.file("syntax.xml"),
              "<template format-version='1'>\n<section>\n<p>x</p>\n<para>y</para>\n</section>\n"
              "</template>\n");
    auto syntax =
        run(cli() + " report " + sample() + " --template " + dir.file("syntax.xml") + " -o " + out);
    CHECK(syntax.exitCode == 2);
    CHECK_THAT(syntax.err, Catch::Contains(dir.file("syntax.xml") + ":4"));

    writeText(dir.file("broken.xml"), "<template format-version='1'>\n<section>\n<p>x</section>\n");
    auto xml =
        run(cli() + " report " + sample() + " --template " + dir.file("broken.xml") + " -o " + out);
    CHECK(xml.exitCode == 2);
    CHECK_THAT(xml.err, Catch::Contains(dir.file("broken.xml") + ":3"));

    writeText(dir.file("field.xml"),
              "<template format-version='1'>\n<section>\n<p>{unit.name}</p>\n<p>{unit.nmae}</p>\n"
              "</section>\n</template>\n");
    auto field =
        run(cli() + " report " + sample() + " --template " + dir.file("field.xml") + " -o " + out);
    CHECK(field.exitCode == 2);
    CHECK_THAT(field.err,
               Catch::Contains(dir.file("field.xml") + ":4") && Catch::Contains("unit.nmae"));

    CHECK(readText(out) == "old");
    CHECK_FALSE(fileExists(out + ".bak"));
    auto noOutput = run(cli() + " report " + sample() + " --template " + dir.file("field.xml") +
                        " -o " + dir.file("new.pdf"));
    CHECK(noOutput.exitCode == 2);
    CHECK_FALSE(fileExists(dir.file("new.pdf")));
}
