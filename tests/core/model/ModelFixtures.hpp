// SPDX-License-Identifier: Apache-2.0
// ModelFixtures.hpp - a small valid form used by the model and findings tests, and helpers to load
// forms from strings.
#pragma once

#include <string>

#include "core/model/FormReader.hpp"
#include "core/model/Reference.hpp"

namespace par::test {

// A compact form with one question of each type, a table, a repeat and rules of the three core
// categories. Line numbers matter to some tests: keep the layout.
inline const char* kSmallForm = R"XML(<?xml version="1.0" encoding="UTF-8"?>
<form format-version="1" id="mini" version="1" unit-types="xa">
  <title>Biểu mẫu nhỏ</title>
  <areas><area id="procedures">Cải cách TTHC</area><area id="organisation">Tổ chức bộ máy</area></areas>
  <categories>
    <category id="surplus-components">Thừa thành phần hồ sơ</category>
    <category id="outdated-mandate">Chức năng, nhiệm vụ theo quy định cũ</category>
    <category id="late-handling">Giải quyết quá hạn</category>
  </categories>
  <section id="s1" area="procedures" weight="60">
    <label>Thủ tục hành chính</label>
    <question id="co_ke_hoach" type="yes-no" required="true" score-yes="2" score-no="0"><label>Có kế hoạch?</label></question>
    <question id="so_ke_hoach" type="text" relevant="co_ke_hoach = true" pattern="[0-9]+/KH-.*"><label>Số kế hoạch</label></question>
    <question id="muc_do" type="yes-partly-no"><label>Mức độ</label></question>
    <question id="hinh_thuc" type="multiple"><label>Hình thức</label>
      <choice value="bao">Báo</choice><choice value="dai">Đài</choice></question>
    <question id="so_tthc" type="integer" min="0" max="5000"><label>Số TTHC</label>
      <constraint test="so_tthc &gt;= so_tthc_mot_cua"><message>Không nhỏ hơn số TTHC một cửa.</message></constraint></question>
    <question id="so_tthc_mot_cua" type="integer" min="0"><label>Số TTHC một cửa</label></question>
    <question id="ty_le" type="decimal"><label>Tỷ lệ</label></question>
    <question id="ngay" type="date" na-allowed="true"><label>Ngày</label></question>
    <question id="tthc_kiem_tra" type="table">
      <label>TTHC kiểm tra</label>
      <column id="ma_thu_tuc" type="text" required="true"><label>Mã</label></column>
      <column id="thanh_phan_yeu_cau" type="text"><label>Thành phần</label></column>
    </question>
    <question id="ket_qua" type="table">
      <label>Kết quả</label>
      <column id="nam" type="integer"><label>Năm</label></column>
      <column id="qua_han" type="integer" min="0"><label>Quá hạn</label></column>
      <column id="phieu_xin_loi" type="integer" min="0"><label>Phiếu xin lỗi</label></column>
    </question>
  </section>
  <section id="s2" area="organisation" weight="40">
    <label>Tổ chức</label>
    <question id="cnnv" type="table">
      <label>Chức năng nhiệm vụ</label>
      <column id="don_vi" type="text"><label>Đơn vị</label></column>
      <column id="ngay_ban_hanh" type="date"><label>Ngày</label></column>
      <column id="can_cu" type="text"><label>Căn cứ</label></column>
    </question>
    <repeat id="xa">
      <label>Xã kiểm tra</label>
      <question id="xa_ten" type="text" required="true"><label>Tên xã</label></question>
      <question id="xa_mot_cua" type="yes-no"><label>Một cửa?</label></question>
    </repeat>
  </section>
  <rules>
    <rule id="R-THUA" category="surplus-components" severity="high" area="procedures" for-each="tthc_kiem_tra" key="ma_thu_tuc"
          when="len(surplus(ma_thu_tuc, thanh_phan_yeu_cau)) &gt; 0">
      <text>Thủ tục {ma_thu_tuc} yêu cầu thừa: {join(surplus(ma_thu_tuc, thanh_phan_yeu_cau), '; ')}.</text>
      <recommendation deadline="30 working-days"><text>Bỏ thành phần thừa của thủ tục {ma_thu_tuc}.</text></recommendation>
    </rule>
    <rule id="R-CU" category="outdated-mandate" area="organisation" for-each="cnnv" key="don_vi"
          when="outdated(can_cu, ngay_ban_hanh)">
      <text>{don_vi}: {outdated_reason(can_cu, ngay_ban_hanh)}.</text>
    </rule>
    <rule id="R-TRE" category="late-handling" area="procedures" for-each="ket_qua" key="nam" when="qua_han &gt; 0">
      <text>Năm {nam} có {qua_han} hồ sơ quá hạn.</text>
      <recommendation deadline="15 calendar-days" responsible="{$unit}"><text>Khắc phục.</text></recommendation>
    </rule>
    <rule id="R-XIN-LOI" category="late-handling" area="procedures" when="any(ket_qua, phieu_xin_loi &lt; qua_han)">
      <text>Thiếu phiếu xin lỗi ở {count(ket_qua, phieu_xin_loi &lt; qua_han)} năm.</text>
    </rule>
    <rule id="R-XA" category="late-handling" area="procedures" when="any(xa, xa_mot_cua = false)">
      <text>Xã chưa có một cửa.</text>
    </rule>
  </rules>
</form>
)XML";

inline const char* kSmallCatalog = R"XML(<procedures format-version="1">
  <procedure code="1.001612" name="Đăng ký khai sinh" working-days="3" cutoff="15:00">
    <component>Tờ khai đăng ký khai sinh theo mẫu</component>
    <component>Giấy chứng sinh (bản chính)</component>
  </procedure>
</procedures>
)XML";

inline const char* kSmallRegistry = R"XML(<legal-registry format-version="1">
  <text number="14/2008/NĐ-CP" kind="nghi-dinh" effective="2008-03-01"><replaced-by number="37/2014/NĐ-CP"/></text>
  <text number="37/2014/NĐ-CP" kind="nghi-dinh" effective="2014-06-20"/>
</legal-registry>
)XML";

inline std::shared_ptr<ReferenceData> smallReference() {
    auto r = std::make_shared<ReferenceData>();
    r->catalog = ProcedureCatalog::parse(kSmallCatalog, "catalog.xml");
    r->registry = LegalRegistry::parse(kSmallRegistry, "registry.xml");
    return r;
}

// Every problem of a form load, one per line ("file:line:column: message").
inline std::string allProblems(const FormLoad& l) {
    std::string s;
    for (const auto& p : l.problems.problems()) s += p.str() + "\n";
    return s;
}

inline FormLoad parseForm(const std::string& xml, std::shared_ptr<ReferenceData> ref = smallReference()) {
    return FormReader::parse(xml, "form.xml", formFunctions(ref, std::nullopt));
}

}  // namespace par::test
