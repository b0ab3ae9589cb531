// SPDX-License-Identifier: Apache-2.0
#include "core/report/SampleData.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace par::report {

namespace {

struct SampleFinding {
    const char* area;
    const char* text;
    const char* action;
    const char* responsible;
    const char* deadline;
};

const std::vector<SampleFinding>& sampleFindings() {
    static const std::vector<SampleFinding> f{
        {"Công tác chỉ đạo, điều hành",
         "Một số cơ quan chuyên môn, đơn vị sự nghiệp của huyện chưa tích cực trong công tác chỉ "
         "đạo, hướng "
         "dẫn cơ sở; chưa có giải pháp, sáng kiến mới trong công tác cải cách hành chính.",
         "Ban hành quy định phân công, phân cấp rõ nhiệm vụ lãnh đạo, chỉ đạo công tác cải cách "
         "hành chính; "
         "đăng ký sáng kiến, giải pháp mới.",
         "Văn phòng HĐND và UBND huyện", "31/03/2019"},
        {"Cải cách thủ tục hành chính",
         "Một số thủ tục hành chính còn giải quyết tại phòng chuyên môn, chưa chuyển về Bộ phận "
         "Một cửa.",
         "Chuyển toàn bộ việc tiếp nhận, trả kết quả thủ tục hành chính về Bộ phận Một cửa của "
         "huyện.",
         "Văn phòng HĐND và UBND huyện", "31/01/2019"},
        {"Cải cách thủ tục hành chính",
         "Trong giải quyết hồ sơ còn yêu cầu thừa thành phần hồ sơ so với bộ thủ tục hành chính đã "
         "công bố.",
         "Rà soát, bỏ các thành phần hồ sơ yêu cầu thêm; niêm yết công khai đúng bộ thủ tục đã "
         "công bố.",
         "Các phòng chuyên môn; UBND các xã, thị trấn", "31/01/2019"},
        {"Cải cách thủ tục hành chính",
         "Còn hồ sơ giải quyết chậm so với thời gian quy định (36 hồ sơ năm 2017, 30 hồ sơ năm "
         "2018) mà "
         "chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả.",
         "Thực hiện phiếu xin lỗi và hẹn lại ngày trả kết quả cho mọi hồ sơ quá hạn; theo dõi tiến "
         "độ trên "
         "phần mềm một cửa.",
         "Bộ phận Một cửa huyện", "28/02/2019"},
        {"Cải cách tổ chức bộ máy",
         "Còn một số phòng ban hành quy định chức năng, nhiệm vụ của phòng chuyên môn theo quy "
         "định cũ.",
         "Sửa đổi, ban hành chức năng, nhiệm vụ, cơ cấu tổ chức của các phòng chuyên môn theo quy "
         "định mới.",
         "Phòng Nội vụ huyện", "30/06/2019"},
        {"Công tác chỉ đạo, điều hành",
         "Chưa ban hành quy định về đánh giá, xếp loại kết quả thực hiện công tác cải cách hành "
         "chính các cấp "
         "trong huyện.",
         "Ban hành quy định đánh giá, xếp loại thực hiện công tác cải cách hành chính đối với các "
         "phòng, ban "
         "và UBND các xã, thị trấn.",
         "Phòng Nội vụ huyện", "30/04/2019"},
    };
    return f;
}

Data text(const std::string& t) {
    return Data::map().set("text", t);
}

}  // namespace

Data sampleNoticeData(size_t findings) {
    Data d;
    d.set("lang", "vi");
    d["agency"]
        .set("parent", "UBND TỈNH NGHỆ AN")
        .set("name", "SỞ NỘI VỤ")
        .set("title", "Sở Nội vụ")
        .set("place", "Nghệ An")
        .set("code", "SNV");
    d["notice"]
        .set("number", "05")
        .set("symbol", "TB-SNV")
        .set("date", "ngày 05 tháng 12 năm 2018")
        .set("summary", "Kết luận kiểm tra công tác cải cách hành chính tại UBND huyện Quỳnh Lưu");
    d["unit"].set("name", "UBND huyện Quỳnh Lưu").set("short", "huyện Quỳnh Lưu");
    d["inspection"]
        .set("date", "ngày 28 tháng 11 năm 2018")
        .set("period", "từ ngày 01/01/2017 đến ngày 30/10/2018")
        .set("plan", "Kế hoạch số 1234/KH-SNV ngày 15/10/2018")
        .set("planIssuer", "Sở Nội vụ")
        .set("decision", "Quyết định số 1235/QĐ-SNV ngày 15/11/2018")
        .set("team", "Đoàn kiểm tra của Sở Nội vụ")
        .set("leader", "Lê Đình Lý")
        .set("secretary", "Hoàng Văn Cường")
        .set("scope", "các phòng, ban chuyên môn thuộc UBND huyện và 02 xã Ngọc Sơn, Quỳnh Châu");
    Data& team = d["team"];
    team.push(Data::map()
                  .set("name", "Lê Đình Lý")
                  .set("title", "Phó Giám đốc Sở Nội vụ")
                  .set("role", "Trưởng đoàn")
                  .set("end", ";"));
    team.push(Data::map()
                  .set("name", "Nguyễn Văn An")
                  .set("title", "Trưởng phòng Cải cách hành chính, Sở Nội vụ")
                  .set("role", "Thành viên")
                  .set("end", "."));
    d["minutes"]
        .set("symbol", "BB-SNV")
        .set("date", "ngày 28 tháng 11 năm 2018")
        .set("place", "UBND huyện Quỳnh Lưu");
    Data& bases = d["bases"];
    bases.push(
        Data::map()
            .set("text",
                 "Căn cứ Quyết định số 4780/QĐ-UBND ngày 12/10/2018 của UBND tỉnh Nghệ An ban hành "
                 "Kế hoạch kiểm tra công tác cải cách hành chính năm 2018")
            .set("end", ";"));
    bases.push(
        Data::map()
            .set("text",
                 "Căn cứ Quyết định số 1235/QĐ-SNV ngày 15/11/2018 của Giám đốc Sở Nội vụ về việc "
                 "thành lập Đoàn kiểm tra công tác cải cách hành chính")
            .set("end", ";"));
    bases.push(Data::map()
                   .set("text", "Xét báo cáo kết quả kiểm tra của Đoàn kiểm tra ngày 30/11/2018")
                   .set("end", "."));
    Data& results = d["results"];
    results.push(Data::map()
                     .set("area", "Công tác chỉ đạo, điều hành")
                     .set("text",
                          "Ban Thường vụ Huyện ủy đã ban hành Chương trình hành động số 25 ngày "
                          "19/8/2015 về đẩy mạnh công tác cải "
                          "cách hành chính, nâng cao chất lượng đội ngũ cán bộ, công chức, viên "
                          "chức giai đoạn 2015 - 2020; UBND "
                          "huyện ban hành kế hoạch cải cách hành chính hằng năm và tổ chức triển "
                          "khai đến các xã, thị trấn."));
    Data dossiers = Data::list();
    dossiers.push(Data::map()
                      .set("year", "2017")
                      .set("received", "17.334")
                      .set("resolved", "10.782")
                      .set("inTime", "10.746")
                      .set("late", "36")
                      .set("rate", "99,7%")
                      .set("rate766", "—")  // the article gives no pending-in-time figure
                      .set("apologies", "20"));
    dossiers.push(Data::map()
                      .set("year", "2018")
                      .set("received", "10.063")
                      .set("resolved", "10.033")
                      .set("inTime", "10.003")
                      .set("late", "30")
                      .set("rate", "99,7%")
                      .set("rate766", "—")
                      .set("apologies", "12"));
    results.push(
        Data::map()
            .set("dossiers", dossiers)
            .set("area", "Cải cách thủ tục hành chính")
            .set("text",
                 "UBND huyện có 303 thủ tục hành chính, được niêm yết công khai tại Bộ phận Một "
                 "cửa qua màn hình cảm ứng; "
                 "100% thủ tục hành chính cấp huyện và 33/33 xã, thị trấn thực hiện cơ chế một "
                 "cửa, một cửa liên thông. "
                 "Năm 2017 tiếp nhận 17.334 hồ sơ, giải quyết đúng hạn 10.746 hồ sơ, quá hạn 36 hồ "
                 "sơ; năm 2018 (đến "
                 "30/10/2018) tiếp nhận 10.063 hồ sơ, đúng hạn 10.003 hồ sơ, quá hạn 30 hồ sơ."));
    results.push(Data::map()
                     .set("area", "Hiện đại hóa hành chính")
                     .set("text",
                          "100% đơn vị ứng dụng phần mềm dùng chung, phần mềm quản lý văn bản "
                          "VNPT-iOffice, phần mềm kế toán - tài "
                          "chính và mạng nội bộ; phần mềm một cửa liên thông hiện đại được triển "
                          "khai tại UBND huyện và 33 xã, thị trấn."));
    d["strengths"].push(
        text("Công tác cải cách hành chính được cấp ủy, chính quyền huyện xác định là nhiệm vụ "
             "trọng tâm, "
             "có chương trình, kế hoạch cụ thể."));
    d["strengths"].push(text(
        "Thủ tục hành chính được công khai, giải quyết cơ bản đúng hạn; cơ chế một cửa liên thông "
        "được triển khai đồng bộ ở cả hai cấp."));
    Data& list = d["findings"];
    Data& plan = d["plan"];
    int actions = 0;
    Data& groups = d["shortcomings"];
    std::vector<std::string> areas;
    size_t n = std::max(findings, sampleFindings().size());
    for (size_t i = 0; i < n; ++i) {
        const SampleFinding& s = sampleFindings()[i % sampleFindings().size()];
        std::string no = std::to_string(i + 1);
        std::string t = s.text;
        if (i >= sampleFindings().size())
            t += " (Đơn vị lấy mẫu số " + no + ".)";
        Data item = Data::map().set("no", no).set("area", s.area).set("text", t);
        list.push(item);
        size_t g = std::find(areas.begin(), areas.end(), s.area) - areas.begin();
        if (g == areas.size()) {
            areas.push_back(s.area);
            groups.push(Data::map()
                            .set("letter", std::string(1, static_cast<char>('a' + g % 26)))
                            .set("area", s.area));
        }
        groups.items()[g]["findings"].push(std::move(item));
        char actionId[16];
        std::snprintf(actionId, sizeof actionId, "A-%03d", ++actions);
        plan.push(Data::map()
                      .set("no", no)
                      .set("id", actionId)
                      .set("finding", t)
                      .set("action", s.action)
                      .set("responsible", s.responsible)
                      .set("deadline", s.deadline)
                      .set("status", "Chưa thực hiện"));
    }
    Data& req = d["requests"];
    req.push(Data::map()
                 .set("text",
                      "Rà soát, bỏ thành phần hồ sơ yêu cầu thừa so với bộ thủ tục hành chính đã "
                      "công bố.")
                 .set("deadline", "31/01/2019"));
    req.push(Data::map()
                 .set("text",
                      "Sửa đổi, ban hành chức năng, nhiệm vụ, cơ cấu tổ chức của các phòng chuyên "
                      "môn theo "
                      "quy định mới.")
                 .set("deadline", "30/06/2019"));
    req.push(Data::map()
                 .set("text",
                      "Ban hành quy định về đánh giá, xếp loại thực hiện công tác cải cách hành "
                      "chính các cấp "
                      "trong huyện.")
                 .set("deadline", "30/04/2019"));
    req.push(Data::map()
                 .set("text",
                      "Tăng cường tuyên truyền về cải cách hành chính; nâng cao hiệu quả ứng dụng "
                      "công nghệ "
                      "thông tin trong lãnh đạo, chỉ đạo và thực thi nhiệm vụ.")
                 .set("deadline", "31/12/2019"));
    d["report"].set("deadline", "ngày 30 tháng 6 năm 2019");
    d["recipients"].push(text("UBND huyện Quỳnh Lưu;"));
    d["recipients"].push(text("UBND tỉnh (để b/c);"));
    d["recipients"].push(text("Giám đốc Sở (để b/c);"));
    d["recipients"].push(text("Lưu: VT, CCHC."));
    d["signer"]
        .set("authority", "KT. GIÁM ĐỐC")
        .set("title", "PHÓ GIÁM ĐỐC")
        .set("name", "Lê Đình Lý");
    d.set("fingerprint", "0000000000000000000000000000000000000000000000000000000000000000");
    d["draft"].set("mark", "").set("footer", "");  // a document for signing: no draft mark
    return d;
}

}  // namespace par::report
