// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of the DOCX back end in two real readers. Every document par-audit prints (the
// notice with its annex, the plan alone, the minutes, the follow-up report, the ranking, and the
// notice of an audit with 300 findings) is written as DOCX and as PDF; LibreOffice (Debian
// libreoffice-writer-nogui, one soffice call for all files, a private profile) converts the DOCX
// files to PDF, which are compared with par-audit's own: page size and orientation, the text
// area's left and right edges within 1 mm on every page (pdftotext -bbox), the page count within
// ±1, and the texts that matter (every finding, the number, date, signer, recipients). python-docx
// (Debian python3-docx, /usr/bin/python3: the pyenv python3 on PATH lacks it) loads each file and
// finds the expected sections, tables, numbered paragraphs, styles and headers (check_docx.py).
// Both tools are test dependencies (scripts/install-deps.sh): missing, the test fails.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "TestSupport.hpp"
#include "pdf/PdfTestSupport.hpp"

using namespace par::test;

namespace {
std::string cli() {
    return binaryPath("par-audit");
}
constexpr double kMm = 72.0 / 25.4;

CommandResult must(const std::string& cmd) {
    auto r = run(cmd);
    INFO(cmd << "\n" << r.out << r.err);
    REQUIRE(r.exitCode == 0);
    return r;
}

std::string fold(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (ws) {
            if (!space && !out.empty())
                out += ' ';
            space = true;
        } else {
            out += c;
            space = false;
        }
    }
    return out;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
        s.replace(p, from.size(), to);
    return s;
}

int pageCount(const std::string& pdf) {
    auto r = must("pdfinfo " + q(pdf));
    size_t at = r.out.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoi(r.out.substr(at + 6));
}

// Page sizes (points, rounded) in order.
std::vector<std::pair<int, int>> pageSizes(const std::string& pdf, int pages) {
    auto r = must("pdfinfo -f 1 -l " + std::to_string(pages) + " " + q(pdf));
    std::vector<std::pair<int, int>> out;
    // "Page    1 size:  595.276 x 841.89 pts (A4)"
    for (size_t at = r.out.find("Page "); at != std::string::npos;
         at = r.out.find("Page ", at + 1)) {
        size_t eol = r.out.find('\n', at);
        std::string line =
            r.out.substr(at, eol == std::string::npos ? std::string::npos : eol - at);
        size_t size = line.find(" size:"), x = line.find(" x ");
        if (size == std::string::npos || x == std::string::npos)
            continue;
        double w = std::stod(line.substr(size + 6));
        double h = std::stod(line.substr(x + 3));
        out.push_back({static_cast<int>(std::lround(w)), static_cast<int>(std::lround(h))});
    }
    return out;
}

struct Extent {
    double left = 1e9, right = -1e9;
};
// The leftmost and rightmost text of each page, by page number.
std::map<int, Extent> extents(const std::string& pdf, std::map<int, double>& widths) {
    std::map<int, Extent> e;
    for (const auto& w : bboxWords(pdf)) {
        auto& x = e[w.page];
        x.left = std::min(x.left, w.xMin);
        x.right = std::max(x.right, w.xMax);
        widths[w.page] = w.pageWidth;
    }
    return e;
}

// A copy of the sample with its form found from anywhere, findings saved, a remediation plan made.
std::string prepareWorkspace(const ScratchDir& dir) {
    std::filesystem::create_directories(dir.file("ws"));
    for (const char* f : {"quynh-luu-2018.audit.xml", "thu-tuc.xml", "van-ban-bo-sung.xml"})
        std::filesystem::copy_file(sourcePath(std::string("samples/quynh-luu-2018/") + f),
                                   dir.file(std::string("ws/") + f));
    std::string a = dir.file("ws/quynh-luu-2018.audit.xml");
    writeText(a, replaceAll(readText(a), "href=\"../../forms/cchc-huyen.xml\"",
                            "href=\"" + sourcePath("forms/cchc-huyen.xml") + "\""));
    must(cli() + " findings --save " + q(a));
    must(cli() + " plan make " + q(a));
    return a;
}

// The sample with 283 manual findings more (300 in all), each with a recommendation, written as
// the audit format stores them (docs/audit-files.md).
std::string bigAudit(const ScratchDir& dir, const std::string& sample) {
    std::filesystem::create_directories(dir.file("big"));
    for (const char* f : {"thu-tuc.xml", "van-ban-bo-sung.xml"})
        std::filesystem::copy_file(dir.file(std::string("ws/") + f),
                                   dir.file(std::string("big/") + f));
    std::string text = readText(sample);
    std::string more;
    const char* areas[] = {"leadership", "procedures", "organisation", "civil-service",
                           "e-government"};
    for (int n = 1; n <= 283; ++n) {
        char id[16];
        std::snprintf(id, sizeof id, "F-%03d", 100 + n);
        more += std::string("<finding id=\"") + id +
                "\" origin=\"manual\" severity=\"medium\" area=\"" + areas[n % 5] +
                "\" state=\"active\"><text>Phát hiện kiểm thử số " + std::to_string(n) +
                ": hồ sơ thủ tục hành chính tiếp nhận tại Bộ phận một cửa chưa được cập nhật đầy "
                "đủ vào hệ "
                "thống thông tin giải quyết thủ tục hành chính của tỉnh theo quy định.</text>"
                "<recommendation deadline=\"30 working-days\"><text>Cập nhật đầy đủ hồ sơ số " +
                std::to_string(n) + " vào hệ thống.</text></recommendation></finding>\n";
    }
    size_t at = text.find("</findings>");
    REQUIRE(at != std::string::npos);
    text.insert(at, more);
    std::string big = dir.file("big/big.audit.xml");
    writeText(big, text);
    return big;
}

std::vector<std::string> findingTexts(const std::string& audit) {
    auto r = must(cli() + " findings --json " + q(audit));
    std::vector<std::string> out;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    for (const auto& f : j.at("findings"))
        if (!f.value("dismissed", false) && f.value("state", std::string("active")) != "stale")
            out.push_back(f["text"].get<std::string>());
    return out;
}

struct Doc {
    std::string name;                // file stem
    std::string command;             // par-audit arguments before "-o FILE"
    nlohmann::json spec;             // for check_docx.py
    std::vector<std::string> texts;  // must appear in LibreOffice's PDF
};

}  // namespace

TEST_CASE("docx: every document opens in LibreOffice and python-docx and looks like the PDF",
          "[cli][docx][readers]") {
    ScratchDir dir("par-docx");
    const std::string sample = prepareWorkspace(dir);
    const std::string big = bigAudit(dir, sample);
    const std::vector<std::string> sampleFindings = findingTexts(sample);
    const std::vector<std::string> bigFindings = findingTexts(big);
    REQUIRE(sampleFindings.size() == 17);
    REQUIRE(bigFindings.size() == 300);
    std::filesystem::create_directories(dir.file("out"));

    const std::vector<std::string> notice{"Số: 05/TB-SNV",
                                          "Nghệ An, ngày 05 tháng 12 năm 2018",
                                          "KT. GIÁM ĐỐC",
                                          "PHÓ GIÁM ĐỐC",
                                          "Lê Đình Lý",
                                          "Nơi nhận:",
                                          "UBND huyện Quỳnh Lưu;",
                                          "Lưu: VT, CCHC.",
                                          "KẾ HOẠCH KHẮC PHỤC TỒN TẠI, HẠN CHẾ SAU KIỂM TRA"};
    const nlohmann::json styles = {"Normal", "Heading 1", "Mục liệt kê", "Chữ trong bảng",
                                   "Khối thể thức"};
    std::vector<Doc> docs;
    {
        Doc d{"notice", "report " + q(sample), {}, notice};
        d.texts.insert(d.texts.end(), sampleFindings.begin(), sampleFindings.end());
        d.spec = {{"sections", {"portrait", "landscape"}},
                  {"min_tables", 5},
                  {"numbered_min", 30},
                  {"decimal_list", true},
                  {"title", "Thông báo kết luận kiểm tra 05/TB-SNV"},
                  {"styles", styles},
                  {"texts", d.texts},
                  {"table_rows", {{"index", 4}, {"rows", 18}}}};
        docs.push_back(d);
    }
    {
        Doc d{"plan",
              "report --document plan " + q(sample),
              {},
              {"Thông báo số 05/TB-SNV", "STT", "Thời hạn"}};
        d.texts.insert(d.texts.end(), sampleFindings.begin(), sampleFindings.end());
        d.spec = {{"sections", {"landscape"}},
                  {"min_tables", 1},
                  {"title", "Kế hoạch khắc phục"},
                  {"texts", d.texts},
                  {"table_rows", {{"index", 0}, {"rows", 18}}}};
        docs.push_back(d);
    }
    {
        Doc d{"minutes",
              "report --document minutes " + q(sample),
              {},
              {"BIÊN BẢN", "/BB-SNV", "Hôm nay, vào lúc", "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA",
               "TRƯỞNG ĐOÀN KIỂM TRA", "Hoàng Văn Cường", "Lê Đình Lý", "Nơi nhận:"}};
        d.texts.insert(d.texts.end(), sampleFindings.begin(), sampleFindings.end());
        d.spec = {{"sections", {"portrait"}},
                  {"min_tables", 4},
                  {"numbered_min", 20},
                  {"title", "Biên bản kiểm tra"},
                  {"texts", d.texts}};
        docs.push_back(d);
    }
    {
        Doc d{"big", "report " + q(big), {}, notice};
        d.texts.insert(d.texts.end(), bigFindings.begin(), bigFindings.end());
        d.spec = {{"sections", {"portrait", "landscape"}},
                  {"min_tables", 5},
                  {"numbered_min", 300},
                  {"decimal_list", true},
                  {"texts", d.texts},
                  {"table_rows", {{"index", 4}, {"rows", 301}}}};
        docs.push_back(d);
    }
    {
        Doc d{"track",
              "track " + q(dir.file("ws")) +
                  " --as-of 2019-01-31 --number 12 --symbol BC-SNV --date 31/01/2019 "
                  "--place 'Nghệ An' --signer 'Lê Đình Lý' --signer-title 'PHÓ GIÁM ĐỐC' "
                  "--sign-for 'KT. GIÁM ĐỐC' "
                  "--recipient 'UBND tỉnh;' --recipient 'Lưu: VT.'",
              {},
              {"Số: 12/BC-SNV", "Nghệ An, ngày 31 tháng 01 năm 2019", "BÁO CÁO",
               "TỔNG HỢP THEO ĐƠN VỊ", "KT. GIÁM ĐỐC", "Lê Đình Lý", "UBND tỉnh;", "Lưu: VT."}};
        d.spec = {{"sections", {"landscape"}},
                  {"min_tables", 4},
                  {"title", "Báo cáo theo dõi"},
                  {"texts", d.texts}};
        docs.push_back(d);
    }
    {
        Doc d{"rank",
              "rank " + q(dir.file("ws")) + " --year 2018",
              {},
              {"XẾP HẠNG", "UBND huyện Quỳnh Lưu", "63,22", "Biểu đồ tổng điểm"}};
        d.spec = {{"sections", {"landscape"}},
                  {"min_tables", 3},
                  {"margins_mm", {15, 15, 15, 20}},
                  {"title", "Xếp hạng CCHC năm 2018"},
                  {"texts", d.texts}};
        docs.push_back(d);
    }
    for (const auto& d : docs) {
        std::string fmtFlag = d.command.rfind("report", 0) == 0 ? "" : " --format ";
        must(cli() + " " + d.command + (fmtFlag.empty() ? "" : fmtFlag + "docx") + " -o " +
             q(dir.file("out/" + d.name + ".docx")));
        must(cli() + " " + d.command + (fmtFlag.empty() ? "" : fmtFlag + "pdf") + " -o " +
             q(dir.file("out/" + d.name + ".pdf")));
    }

    // A user's edit (python-docx): a long run of text added to a body paragraph and an item added
    // to a numbered list. LibreOffice must reflow it: more pages, the text inside the same margins.
    const std::string added = "Đoạn văn do người dùng thêm khi sửa văn bản bằng Word.";
    auto edited =
        run("/usr/bin/python3 " + q(sourcePath("tests/cli/docx/check_docx.py")) + " --edit " +
            q(dir.file("out/notice.docx")) + " " + q(dir.file("out/edited.docx")) + " " + q(added));
    INFO(edited.out << edited.err);
    REQUIRE(edited.exitCode == 0);

    // One LibreOffice start for all files; a profile of its own, so that parallel tests never share
    // one.
    std::string files = " " + q(dir.file("out/edited.docx"));
    for (const auto& d : docs)
        files += " " + q(dir.file("out/" + d.name + ".docx"));
    auto lo = run("soffice -env:UserInstallation=file://" + dir.file("profile") +
                  " --headless --convert-to pdf --outdir " + q(dir.file("lo")) + files);
    INFO(lo.out << lo.err);
    REQUIRE(lo.exitCode == 0);

    {
        const std::string e = dir.file("lo/edited.pdf");
        REQUIRE(std::filesystem::exists(e));
        int before = pageCount(dir.file("lo/notice.pdf")), after = pageCount(e);
        INFO("pages before the edit " << before << ", after " << after);
        CHECK(after > before);
        std::string text = fold(must("pdftotext -raw " + q(e) + " -").out);
        CHECK(text.find(fold(added) + " " + fold(added)) != std::string::npos);
        CHECK(text.find(fold(added) + " (mục thêm)") != std::string::npos);
        std::map<int, double> w0, w1;
        auto e0 = extents(dir.file("lo/notice.pdf"), w0), e1 = extents(e, w1);
        std::map<int, Extent> ref;  // the unedited document's text edges, by page width
        for (const auto& [page, x] : e0) {
            auto& r = ref[static_cast<int>(w0[page])];
            r.left = std::min(r.left, x.left);
            r.right = std::max(r.right, x.right);
        }
        for (const auto& [page, x] : e1) {
            INFO("edited page " << page);
            const Extent& r = ref[static_cast<int>(w1[page])];
            CHECK(x.left >= r.left - kMm);
            CHECK(x.right <= r.right + kMm);
        }
    }

    for (const auto& d : docs) {
        INFO("document: "
             << d.name);  // not SECTION: Catch would run the conversions once per section
        {
            const std::string ours = dir.file("out/" + d.name + ".pdf");
            const std::string theirs = dir.file("lo/" + d.name + ".pdf");
            REQUIRE(std::filesystem::exists(theirs));
            // Pages: LibreOffice breaks lines with its own algorithm, so a page may fill
            // differently.
            int a = pageCount(ours), b = pageCount(theirs);
            INFO("pages: par-audit " << a << ", LibreOffice " << b);
            CHECK(std::abs(a - b) <= 1);
            // Page sizes: A4, each orientation in the same order.
            auto sa = pageSizes(ours, a), sb = pageSizes(theirs, b);
            REQUIRE(sa.size() == static_cast<size_t>(a));
            REQUIRE(sb.size() == static_cast<size_t>(b));
            auto orientations = [](const std::vector<std::pair<int, int>>& s) {
                std::string o;
                for (const auto& [w, h] : s) {
                    CHECK(((w == 595 && h == 842) || (w == 842 && h == 595)));
                    char c = w < h ? 'P' : 'L';
                    if (o.empty() || o.back() != c)
                        o += c;
                }
                return o;
            };
            CHECK(orientations(sa) == orientations(sb));
            // The text area: on every LibreOffice page the text stays within 1 mm of par-audit's
            // outermost text for that orientation, and reaches the same edges on some page.
            std::map<int, double> wa, wb;
            auto ea = extents(ours, wa), eb = extents(theirs, wb);
            std::map<int, Extent> ref;  // by page width
            for (const auto& [page, e] : ea) {
                auto& r = ref[static_cast<int>(wa[page])];
                r.left = std::min(r.left, e.left);
                r.right = std::max(r.right, e.right);
            }
            std::map<int, Extent> seen;
            for (const auto& [page, e] : eb) {
                int w = static_cast<int>(wb[page]);
                REQUIRE(ref.count(w) == 1);
                INFO("LibreOffice page " << page << ": text from " << e.left << " to " << e.right
                                         << " pt; par-audit's from " << ref[w].left << " to "
                                         << ref[w].right);
                CHECK(e.left >= ref[w].left - kMm);
                CHECK(e.right <= ref[w].right + kMm);
                seen[w].left = std::min(seen[w].left, e.left);
                seen[w].right = std::max(seen[w].right, e.right);
            }
            for (const auto& [w, e] : seen) {
                INFO("page width " << w);
                CHECK(std::abs(e.left - ref[w].left) <= kMm);
                CHECK(std::abs(e.right - ref[w].right) <= kMm);
            }
            // The texts, in the order LibreOffice wrote them (-raw: a table cell's lines stay
            // together).
            std::string text = fold(must("pdftotext -raw " + q(theirs) + " -").out);
            for (const auto& t : d.texts) {
                INFO(t);
                CHECK(text.find(fold(t)) != std::string::npos);
            }
            // The second reader.
            std::string spec = dir.file(d.name + ".json");
            writeText(spec, d.spec.dump());
            auto py = run("/usr/bin/python3 " + q(sourcePath("tests/cli/docx/check_docx.py")) +
                          " " + q(dir.file("out/" + d.name + ".docx")) + " " + q(spec));
            INFO(py.out << py.err);
            CHECK(py.exitCode == 0);
            CHECK_THAT(py.out, Catch::StartsWith("OK "));
        }
    }
}

TEST_CASE("docx: verify says a Word file, or a PDF printed from it, cannot be verified",
          "[cli][docx][verify]") {
    ScratchDir dir("par-docx-verify");
    const std::string sample = prepareWorkspace(dir);
    must(cli() + " report " + q(sample) + " -o " + q(dir.file("tb.docx")));
    auto v = run(cli() + " verify " + q(sample) + " " + q(dir.file("tb.docx")));
    CHECK(v.exitCode == 1);
    CHECK_THAT(v.out, Catch::Contains("KHÔNG KIỂM TRA ĐƯỢC") && Catch::Contains("tệp Word") &&
                          Catch::Contains("dữ liệu hiện tại"));
    // After the audit changes, it says so too.
    must(cli() + " answer " + q(sample) + " ld_sang_kien=có");
    auto changed = run(cli() + " verify " + q(sample) + " " + q(dir.file("tb.docx")));
    CHECK(changed.exitCode == 1);
    CHECK_THAT(changed.out,
               Catch::Contains("KHÔNG KIỂM TRA ĐƯỢC") && Catch::Contains("dữ liệu khác"));

    // Printed to PDF from Word's format (LibreOffice here): still not a par-audit PDF.
    auto lo = run("soffice -env:UserInstallation=file://" + dir.file("profile") +
                  " --headless --convert-to pdf --outdir " + q(dir.file("lo")) + " " +
                  q(dir.file("tb.docx")));
    INFO(lo.out << lo.err);
    REQUIRE(lo.exitCode == 0);
    auto p = run(cli() + " verify " + q(sample) + " " + q(dir.file("lo/tb.pdf")));
    CHECK(p.exitCode == 1);
    CHECK_THAT(p.out, Catch::Contains("KHÔNG KIỂM TRA ĐƯỢC") && Catch::Contains("từ một tệp Word"));

    // A zip that is not par-audit's: exit 2 with the reason.
    must("cd " + q(dir.path()) +
         " && echo x > a.txt && python3 -c \"import zipfile; "
         "zipfile.ZipFile('x.docx','w').write('a.txt')\"");
    auto foreign = run(cli() + " verify " + q(sample) + " " + q(dir.file("x.docx")));
    CHECK(foreign.exitCode == 2);
    CHECK_THAT(foreign.err, Catch::Contains("không phải là tệp Word do par-audit tạo"));
    // A damaged package (a zip's signature, then garbage): exit 2, the file named.
    writeText(dir.file("broken.docx"), std::string("PK\x03\x04", 4) + "not a zip at all");
    auto broken = run(cli() + " verify " + q(sample) + " " + q(dir.file("broken.docx")));
    CHECK(broken.exitCode == 2);
    CHECK_THAT(broken.err, Catch::Contains("broken.docx") && Catch::Contains("không mở được"));
}

TEST_CASE("docx: --format, the extension, and nothing written on error", "[cli][docx]") {
    ScratchDir dir("par-docx-cli");
    const std::string sample = sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml");
    must(cli() + " report " + q(sample) + " --format docx -o " + q(dir.file("a.bin")));
    CHECK(readText(dir.file("a.bin")).substr(0, 2) == "PK");
    must(cli() + " report " + q(sample) + " -o " + q(dir.file("b.DOCX")));
    CHECK(readText(dir.file("b.DOCX")).substr(0, 2) == "PK");
    must(cli() + " report " + q(sample) + " --format pdf -o " + q(dir.file("c.docx")));
    CHECK(readText(dir.file("c.docx")).substr(0, 5) == "%PDF-");
    // Reproducible with SOURCE_DATE_EPOCH, the date in the core properties.
    must("SOURCE_DATE_EPOCH=1543968000 " + cli() + " report " + q(sample) + " -o " +
         q(dir.file("d1.docx")));
    must("SOURCE_DATE_EPOCH=1543968000 " + cli() + " report " + q(sample) + " -o " +
         q(dir.file("d2.docx")));
    CHECK(readText(dir.file("d1.docx")) == readText(dir.file("d2.docx")));
    auto core = must("unzip -p " + q(dir.file("d1.docx")) + " docProps/core.xml");
    CHECK_THAT(core.out, Catch::Contains("2018-12-05T00:00:00Z") &&
                             Catch::Contains("par-audit-docx-sha256:") &&
                             !Catch::Contains("par-audit-sha256:"));
    // A bad template: exit 2, the file left as it was.
    writeText(dir.file("old.docx"), "old");
    writeText(
        dir.file("field.xml"),
        "<template format-version='1'>\n<section>\n<p>{unit.nmae}</p>\n</section>\n</template>\n");
    auto bad = run(cli() + " report " + q(sample) + " --template " + q(dir.file("field.xml")) +
                   " -o " + q(dir.file("old.docx")));
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.err, Catch::Contains("field.xml:3") && Catch::Contains("unit.nmae"));
    CHECK(readText(dir.file("old.docx")) == "old");
    auto badFormat =
        run(cli() + " report " + q(sample) + " --format odt -o " + q(dir.file("x.odt")));
    CHECK(badFormat.exitCode == 2);
}
