/* plan-form.js - the HTML plan form's behaviour (plan-form.html; inlined by PlanHtml.cpp):
   shows the embedded plan, keeps the draft, checks the answers, and saves the response file that
   `plan import` reads. Block comments only: the page must contain no double slash. */
(function () {
  'use strict';

  /* ---------- data ---------- */
  var DATA = JSON.parse(document.getElementById('plan-data').textContent);
  var planDoc = new DOMParser().parseFromString(DATA.planXml, 'application/xml');
  var planRoot = planDoc.documentElement;
  if (planDoc.getElementsByTagName('parsererror').length || planRoot.nodeName !== 'plan') {
    document.getElementById('actions').textContent =
      'Tệp kế hoạch bị hỏng, không đọc được. Hãy xin Sở Nội vụ gửi lại tệp. (The embedded plan is damaged.)';
    return;
  }
  var LIMITS = DATA.limits;
  var STATUS = {
    open: ['Chưa thực hiện', 'Open'], reported: ['Đã báo cáo', 'Reported'],
    accepted: ['Đã hoàn thành', 'Accepted'], reopened: ['Yêu cầu làm lại', 'Reopened']
  };
  var NOTE_KIND = { reopen: 'Lý do đoàn kiểm tra yêu cầu làm lại', extension: 'Lý do gia hạn' };

  function attr(el, name) { return el.getAttribute(name) || ''; }
  function childText(el, name) {
    for (var c = el.firstElementChild; c; c = c.nextElementSibling)
      if (c.nodeName === name) return c.textContent;
    return '';
  }
  function children(el, name) {
    var out = [];
    for (var c = el.firstElementChild; c; c = c.nextElementSibling)
      if (c.nodeName === name) out.push(c);
    return out;
  }

  var notice = children(planRoot, 'notice')[0] || null;
  var noticeNumber = notice ? attr(notice, 'number') : '';
  var noticeIso = notice ? attr(notice, 'date') : '';
  var exportId = attr(planRoot, 'export-id') ||
    [attr(planRoot, 'audit'), attr(planRoot, 'unit'), attr(planRoot, 'exported')].join('|');
  var actions = children(planRoot, 'action').map(function (el) {
    return { el: el, id: attr(el, 'id'), status: attr(el, 'status') || 'open' };
  });

  /* ---------- dates ---------- */
  function pad(n, w) { var s = String(n); while (s.length < (w || 2)) s = '0' + s; return s; }
  function isoToVn(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : (iso || '');
  }
  function todayIso() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }
  /* What a person typed, as XML 1.0 can hold it and the core reads it: NFC, LF line ends, no
     control characters but tab and line feed, no lone surrogate. */
  function cleanText(t) {
    return t.normalize('NFC').replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '$1')
      .trim();
  }
  function localIsoDateTime(d) {
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' +
      pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }
  /* dd/mm/yyyy (also d/m/yyyy, with - or . as separator) -> {iso} or {error} */
  function parseVnDate(text) {
    var t = text.trim();
    var m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(t);
    if (!m) return { error: 'Ngày phải viết dạng ngày/tháng/năm, ví dụ 10/01/2019.' };
    var d = +m[1], mo = +m[2], y = +m[3];
    var probe = new Date(y, mo - 1, d);
    if (mo < 1 || mo > 12 || probe.getFullYear() !== y || probe.getMonth() !== mo - 1 || probe.getDate() !== d)
      return { error: 'Ngày ' + t + ' không có trong lịch.' };
    var iso = pad(y, 4) + '-' + pad(mo) + '-' + pad(d);
    if (noticeIso && iso < noticeIso)
      return { error: 'Ngày báo cáo không được trước ngày thông báo kết luận (' + isoToVn(noticeIso) + ').' };
    if (iso > todayIso())
      return { error: 'Ngày báo cáo không được sau hôm nay (' + isoToVn(todayIso()) + ').' };
    return { iso: iso };
  }

  /* ---------- evidence file names: the core's rules (evidenceNameProblem in
     src/core/tracking/ResponseArchive.cpp; the page also refuses COM/LPT with a superscript digit,
     which Windows treats as devices too). The name is put in NFC before the check. ---------- */
  var DEVICE = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9\u00B9\u00B2\u00B3]|LPT[0-9\u00B9\u00B2\u00B3])$/i;
  function evidenceNameProblem(name) {
    if (!name) return 'Tên tệp trống.';
    var cps = Array.from(name);
    if (cps.length > LIMITS.nameChars)
      return 'Tên tệp dài quá ' + LIMITS.nameChars + ' ký tự: hãy đổi tên ngắn hơn.';
    if (name === '.' || name === '..') return 'Tên tệp không hợp lệ.';
    for (var i = 0; i < cps.length; i++) {
      var c = cps[i].codePointAt(0);
      if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0))
        return 'Tên tệp có ký tự điều khiển: hãy đổi tên tệp.';
      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x061c)
        return 'Tên tệp có ký tự đảo chiều văn bản (có thể che giấu đuôi tệp thật): hãy đổi tên tệp.';
      if ('/\\:*?"<>|'.indexOf(cps[i]) >= 0)
        return 'Tên tệp không được chứa ký tự ' + cps[i] + ' (không dùng được trên Windows): hãy đổi tên tệp.';
    }
    var last = name.charAt(name.length - 1);
    if (last === '.' || last === ' ') return 'Tên tệp không được kết thúc bằng dấu chấm hoặc dấu cách.';
    if (name.charAt(0) === ' ') return 'Tên tệp không được bắt đầu bằng dấu cách.';
    var stem = name.split('.')[0].replace(/ +$/, '');
    if (DEVICE.test(stem))
      return 'Tên "' + name + '" là tên thiết bị dành riêng của Windows (CON, PRN, AUX, NUL, COM1…, LPT1…): hãy đổi tên tệp.';
    return null;
  }

  /* ---------- CRC-32 and SHA-256 ---------- */
  var CRC_TABLE = (function () {
    var t = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = (c & 1) ? (0xEDB88320 ^ (c >>> 1)) : (c >>> 1);
      t[n] = c >>> 0;
    }
    return t;
  })();
  function crc32(bytes) {
    var c = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
    return (c ^ 0xFFFFFFFF) >>> 0;
  }
  var SHA_K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
  /* FIPS 180-4 SHA-256, for browsers that give no crypto.subtle on a page opened from a file. */
  function sha256Js(bytes) {
    var h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    var len = bytes.length, total = ((len + 9 + 63) >> 6) << 6;
    var m = new Uint8Array(total);
    m.set(bytes);
    m[len] = 0x80;
    var bits = len * 8, hi = Math.floor(bits / 0x100000000);
    var dv = new DataView(m.buffer);
    dv.setUint32(total - 8, hi >>> 0);
    dv.setUint32(total - 4, bits >>> 0);
    var w = new Uint32Array(64);
    for (var off = 0; off < total; off += 64) {
      for (var i = 0; i < 16; i++) w[i] = dv.getUint32(off + i * 4);
      for (i = 16; i < 64; i++) {
        var x = w[i - 15], y = w[i - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & f) ^ (~e & g);
        var t1 = (k + S1 + ch + SHA_K[i] + w[i]) >>> 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var mj = (a & b) ^ (a & c) ^ (b & c);
        var t2 = (S0 + mj) >>> 0;
        k = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
      }
      h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
    }
    var out = '';
    for (i = 0; i < 8; i++) out += ('00000000' + h[i].toString(16)).slice(-8);
    return out;
  }
  function hex(buf) {
    var b = new Uint8Array(buf), s = '';
    for (var i = 0; i < b.length; i++) s += ('0' + b[i].toString(16)).slice(-2);
    return s;
  }
  var subtleOk = !!(window.isSecureContext && window.crypto && window.crypto.subtle);
  function sha256(bytes) {
    if (subtleOk)
      return window.crypto.subtle.digest('SHA-256', bytes).then(hex, function () { return sha256Js(bytes); });
    return Promise.resolve(sha256Js(bytes));
  }

  /* ---------- zip (stored entries, UTF-8 names: APPNOTE 4.4.4 bit 11) ---------- */
  function dosTime(d) {
    return {
      time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
      date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()
    };
  }
  /* entries: [{name, bytes}] -> Blob */
  function makeZip(entries, when) {
    var enc = new TextEncoder(), dt = dosTime(when), parts = [], central = [], offset = 0;
    entries.forEach(function (e) {
      var name = enc.encode(e.name), crc = crc32(e.bytes), size = e.bytes.length;
      var lh = new DataView(new ArrayBuffer(30));
      lh.setUint32(0, 0x04034b50, true); lh.setUint16(4, 20, true); lh.setUint16(6, 0x0800, true);
      lh.setUint16(8, 0, true); lh.setUint16(10, dt.time, true); lh.setUint16(12, dt.date, true);
      lh.setUint32(14, crc, true); lh.setUint32(18, size, true); lh.setUint32(22, size, true);
      lh.setUint16(26, name.length, true); lh.setUint16(28, 0, true);
      parts.push(lh.buffer, name, e.bytes);
      var ch = new DataView(new ArrayBuffer(46));
      ch.setUint32(0, 0x02014b50, true); ch.setUint16(4, 20, true); ch.setUint16(6, 20, true);
      ch.setUint16(8, 0x0800, true); ch.setUint16(10, 0, true); ch.setUint16(12, dt.time, true);
      ch.setUint16(14, dt.date, true); ch.setUint32(16, crc, true); ch.setUint32(20, size, true);
      ch.setUint32(24, size, true); ch.setUint16(28, name.length, true); ch.setUint16(30, 0, true);
      ch.setUint16(32, 0, true); ch.setUint16(34, 0, true); ch.setUint16(36, 0, true);
      ch.setUint32(38, 0, true); ch.setUint32(42, offset, true);
      central.push(ch.buffer, name);
      offset += 30 + name.length + size;
    });
    var cdSize = 0;
    central.forEach(function (p) { cdSize += p.byteLength; });
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true); end.setUint16(4, 0, true); end.setUint16(6, 0, true);
    end.setUint16(8, entries.length, true); end.setUint16(10, entries.length, true);
    end.setUint32(12, cdSize, true); end.setUint32(16, offset, true); end.setUint16(20, 0, true);
    return new Blob(parts.concat(central, [end.buffer]), { type: 'application/zip' });
  }

  /* ---------- state and draft ---------- */
  var DRAFT_KEY = 'par-audit.plan-form.' + exportId;
  var state = { responseId: '', declaredBy: '', answers: {} };  /* answers[id] = {date, doc, note, files:[names], made, seq, savedSig} */
  var attached = {};  /* attached[id] = [{name, file}] (files themselves cannot be kept in a draft) */
  var storageOk = true;

  function randomHex128() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    return hex(b.buffer);
  }
  function answer(id) {
    if (!state.answers[id]) state.answers[id] = { date: '', doc: '', note: '', files: [], made: '', seq: 0, savedSig: '' };
    return state.answers[id];
  }
  function isAnswered(id) {
    var a = state.answers[id];
    return !!a && (a.date.trim() !== '' || a.doc.trim() !== '' || a.note.trim() !== '' ||
                   (attached[id] || []).length > 0);
  }
  function writeDraft() {
    if (!storageOk) return;
    try {
      state.savedAt = localIsoDateTime(new Date());
      window.localStorage.setItem(DRAFT_KEY, JSON.stringify(state));
    } catch (e) {
      storageOk = false;
      banner('warn', 'Trình duyệt không cho lưu bản nháp: nếu đóng trang, nội dung đã điền sẽ mất. Hãy lưu báo cáo trước khi đóng.');
    }
  }
  function readDraft() {
    try {
      var text = window.localStorage.getItem(DRAFT_KEY);
      return text ? JSON.parse(text) : null;
    } catch (e) {
      storageOk = false;
      return null;
    }
  }

  /* ---------- rendering (textContent only) ---------- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function banner(kind, text, buttonText, onClick) {
    var b = el('div', 'banner ' + kind, text);
    if (buttonText) {
      var btn = el('button', '', buttonText);
      btn.type = 'button';
      btn.addEventListener('click', function () { onClick(); b.remove(); });
      b.appendChild(btn);
    }
    document.getElementById('banners').appendChild(b);
    return b;
  }
  function kv(parent, k, v) {
    var d = el('div');
    d.appendChild(el('span', 'k', k + ': '));
    d.appendChild(el('b', '', v));
    parent.appendChild(d);
  }
  function formatSize(n) {
    if (n < 1024) return n + ' B';
    if (n < 1048576) return (n / 1024).toFixed(1).replace('.', ',') + ' KB';
    return (n / 1048576).toFixed(1).replace('.', ',') + ' MB';
  }

  function renderHeader() {
    var ref = document.getElementById('ref');
    var body = [DATA.inspecting.parent, DATA.inspecting.name].filter(Boolean).join(' – ');
    kv(ref, 'Thông báo kết luận số', (noticeNumber || '(chưa có số)') + (noticeIso ? ' ngày ' + isoToVn(noticeIso) : ''));
    kv(ref, 'Cơ quan kiểm tra', body || '—');
    kv(ref, 'Đơn vị được kiểm tra', attr(planRoot, 'inspected-unit') || '—');
    kv(ref, 'Đơn vị thực hiện khắc phục', attr(planRoot, 'unit'));
    kv(ref, 'Mã cuộc kiểm tra', attr(planRoot, 'audit'));
    kv(ref, 'Ngày xuất kế hoạch', isoToVn(attr(planRoot, 'exported').slice(0, 10)));
    document.title = 'Báo cáo khắc phục – ' + attr(planRoot, 'unit') + ' – ' + (noticeNumber || attr(planRoot, 'audit'));
  }

  var views = {};  /* views[id] = {card, date, dateErr, doc, note, fileInput, fileList, fileErr} */

  function renderAction(a) {
    var card = el('section', 'action');
    card.id = 'action-' + a.id;
    var left = el('div', 'plan');
    var h = el('h2');
    h.appendChild(el('span', '', a.id));
    var st = STATUS[a.status] || [a.status, a.status];
    var badge = el('span', 'badge ' + a.status, st[0]);
    badge.title = st[1];
    h.appendChild(badge);
    var dl = el('span', 'deadline', 'Thời hạn: ');
    var deadlineIso = attr(a.el, 'deadline');
    dl.appendChild(el('b', '', deadlineIso ? isoToVn(deadlineIso) : 'chưa xác định'));
    var rule = /^(\d+) (working|calendar)-days$/.exec(attr(a.el, 'deadline-rule'));
    if (rule)
      dl.appendChild(document.createTextNode(' (' + rule[1] + (rule[2] === 'working' ? ' ngày làm việc' : ' ngày') +
        ' kể từ ngày thông báo)'));
    h.appendChild(dl);
    if (deadlineIso && deadlineIso < todayIso() && (a.status === 'open' || a.status === 'reopened'))
      h.appendChild(el('span', 'badge late', 'Đã quá hạn'));
    left.appendChild(h);
    var finding = childText(a.el, 'finding-text');
    left.appendChild(el('div', 'field-title', 'Tồn tại, hạn chế' + (attr(a.el, 'finding') ? ' (' + attr(a.el, 'finding') + ')' : '') + ':'));
    left.appendChild(el('div', 'text finding', finding || '—'));
    left.appendChild(el('div', 'field-title', 'Nội dung phải khắc phục:'));
    left.appendChild(el('div', 'text content', childText(a.el, 'content')));
    children(a.el, 'inspector-note').forEach(function (n) {
      var kind = attr(n, 'kind');
      var label = (NOTE_KIND[kind] || 'Ghi chú của đoàn kiểm tra') + (attr(n, 'date') ? ' (ngày ' + isoToVn(attr(n, 'date')) + ')' : '') + ': ';
      var box = el('div', 'note-insp ' + kind);
      box.appendChild(el('b', '', label));
      box.appendChild(document.createTextNode(n.textContent));
      left.appendChild(box);
    });
    var prev = children(a.el, 'report')[0];
    if (prev) {
      var parts = [];
      if (attr(prev, 'date')) parts.push('ngày ' + isoToVn(attr(prev, 'date')));
      if (attr(prev, 'doc')) parts.push('văn bản số ' + attr(prev, 'doc'));
      var files = children(prev, 'evidence').map(function (e) { return attr(e, 'file'); });
      if (files.length) parts.push('minh chứng: ' + files.join(', '));
      var pn = childText(prev, 'note');
      left.appendChild(el('div', 'prev', 'Báo cáo đã gửi trước đây: ' + parts.join(', ') + (pn ? '\n' + pn : '')));
    }
    card.appendChild(left);

    var right = el('div', 'answer');
    var v = { card: card };
    views[a.id] = v;
    if (a.status === 'accepted') {
      right.appendChild(el('div', 'closed', 'Đoàn kiểm tra đã công nhận hoàn thành hành động này: không cần báo cáo thêm.'));
      card.appendChild(right);
      return card;
    }
    if (a.status === 'reported')
      right.appendChild(el('div', 'closed', 'Sở đã nhận báo cáo và đang xem xét: chỉ điền nếu cần sửa hoặc bổ sung báo cáo.'));
    var g = el('div', 'grid2');
    function row(labelText, labelEn, input, err, forId) {
      var l = el('label', '', labelText);
      if (forId || input.id) l.htmlFor = forId || input.id;
      if (labelEn) { l.appendChild(document.createElement('br')); l.appendChild(el('span', 'en', labelEn)); }
      g.appendChild(l);
      var cell = el('div');
      cell.appendChild(input);
      if (err) cell.appendChild(err);
      g.appendChild(cell);
      return cell;
    }
    v.date = el('input', 'date');
    v.date.type = 'text'; v.date.id = 'date-' + a.id; v.date.placeholder = 'dd/mm/yyyy';
    v.date.setAttribute('inputmode', 'numeric'); v.date.setAttribute('data-field', 'date');
    v.dateErr = el('div', 'err date-err');
    v.doc = el('input');
    v.doc.type = 'text'; v.doc.id = 'doc-' + a.id; v.doc.placeholder = 'ví dụ 15/BC-UBND';
    v.doc.setAttribute('data-field', 'doc');
    var pair = el('div', 'pair');
    pair.appendChild(v.date);
    var docLabel = el('label', '', 'Số văn bản');
    docLabel.htmlFor = v.doc.id;
    docLabel.appendChild(el('span', 'en', ' Doc. no.'));
    docLabel.style.whiteSpace = 'nowrap';
    docLabel.style.paddingTop = '4px';
    pair.appendChild(docLabel);
    pair.appendChild(v.doc);
    row('Ngày báo cáo', 'Report date', pair, v.dateErr, v.date.id);
    v.note = el('textarea');
    v.note.id = 'note-' + a.id; v.note.rows = 2; v.note.setAttribute('data-field', 'note');
    v.note.placeholder = 'Kết quả đã thực hiện';
    row('Kết quả, ghi chú', 'Note', v.note);
    v.fileInput = el('input', 'visually-hidden');
    v.fileInput.type = 'file'; v.fileInput.multiple = true; v.fileInput.id = 'files-' + a.id;
    var pick = el('label', 'pick', 'Chọn tệp…');
    pick.appendChild(v.fileInput);
    v.fileList = el('ul', 'files');
    v.fileErr = el('div', 'err file-err');
    var cell = row('Tệp minh chứng', 'Evidence', pick, v.fileList, v.fileInput.id);
    cell.appendChild(v.fileErr);
    right.appendChild(g);
    card.appendChild(right);

    [v.date, v.doc, v.note].forEach(function (input) {
      input.addEventListener('input', function () {
        var ans = answer(a.id);
        ans[input.getAttribute('data-field')] = input.value;
        ans.made = localIsoDateTime(new Date());
        touched();
        refreshCard(a.id);
      });
    });
    v.date.addEventListener('blur', function () { checkDate(a.id); });
    v.fileInput.addEventListener('change', function () {
      addFiles(a.id, Array.prototype.slice.call(v.fileInput.files));
      v.fileInput.value = '';
    });
    return card;
  }

  function totalAttached() {
    var n = 0;
    Object.keys(attached).forEach(function (id) { attached[id].forEach(function (f) { n += f.file.size; }); });
    return n;
  }

  function addFiles(id, files) {
    var v = views[id], problems = [];
    var list = attached[id] || (attached[id] = []);
    files.forEach(function (file) {
      var name = file.name.normalize('NFC');
      var why = evidenceNameProblem(name);
      if (!why && list.some(function (f) { return f.name.toLowerCase() === name.toLowerCase(); }))
        why = 'Đã đính kèm một tệp cùng tên cho hành động này.';
      if (!why && file.size > LIMITS.fileBytes)
        why = 'Tệp lớn ' + formatSize(file.size) + ', quá giới hạn ' + formatSize(LIMITS.fileBytes) + ' mỗi tệp: hãy nén hoặc quét lại với độ phân giải thấp hơn.';
      if (!why && totalAttached() + file.size > LIMITS.responseBytes)
        why = 'Tổng dung lượng các tệp đính kèm sẽ quá ' + formatSize(LIMITS.responseBytes) + ': hãy gửi bớt tệp.';
      if (why) { problems.push('"' + file.name + '": ' + why); return; }
      list.push({ name: name, file: file });
    });
    v.fileErr.textContent = problems.length ? 'Không đính kèm được ' + problems.join(' ') : '';
    var ans = answer(id);
    ans.files = list.map(function (f) { return f.name; });
    ans.made = localIsoDateTime(new Date());
    touched();
    refreshCard(id);
  }

  function refreshCard(id) {
    var v = views[id];
    if (!v || !v.fileList) return;
    v.card.classList.toggle('answered', isAnswered(id));
    v.fileList.textContent = '';
    var list = attached[id] || [];
    list.forEach(function (f, i) {
      var li = el('li');
      li.appendChild(el('span', 'name', f.name));
      li.appendChild(el('span', 'size', formatSize(f.file.size)));
      var rm = el('button', 'link', 'Bỏ');
      rm.type = 'button';
      rm.title = 'Bỏ tệp này (Remove)';
      rm.addEventListener('click', function () {
        list.splice(i, 1);
        var ans = answer(id);
        ans.files = list.map(function (x) { return x.name; });
        ans.made = localIsoDateTime(new Date());
        touched();
        refreshCard(id);
      });
      li.appendChild(rm);
      v.fileList.appendChild(li);
    });
    var ans = state.answers[id];
    (ans && ans.missing || []).forEach(function (name) {
      if (list.some(function (f) { return f.name === name; })) return;
      var li = el('li', 'missing', 'Cần đính kèm lại: ' + name + ' (bản nháp không giữ được tệp)');
      var rm = el('button', 'link', 'Bỏ');
      rm.type = 'button';
      rm.addEventListener('click', function () {
        ans.missing = ans.missing.filter(function (n) { return n !== name; });
        touched();
        refreshCard(id);
      });
      li.appendChild(rm);
      v.fileList.appendChild(li);
    });
    updateStatus();
  }

  function checkDate(id) {
    var v = views[id], ans = state.answers[id];
    var text = ans ? ans.date : '';
    var msg = '';
    if (text.trim() === '') msg = isAnswered(id) ? 'Cần ghi ngày báo cáo.' : '';
    else { var r = parseVnDate(text); if (r.error) msg = r.error; }
    v.dateErr.textContent = msg;
    v.date.classList.toggle('invalid', !!msg);
    return !msg;
  }

  var dirtySinceSave = false;
  var draftTimer = null;
  function touched() {
    dirtySinceSave = true;
    if (draftTimer) clearTimeout(draftTimer);
    draftTimer = setTimeout(function () { draftTimer = null; writeDraft(); }, 300);
  }
  function updateStatus(text, cls) {
    var s = document.getElementById('status');
    if (text) { s.textContent = text; s.className = 'status ' + (cls || ''); return; }
    var n = actions.filter(function (a) { return isAnswered(a.id); }).length;
    s.className = 'status';
    s.textContent = 'Đã điền ' + n + '/' + actions.length + ' hành động' +
      (dirtySinceSave ? ' · chưa lưu thành tệp' : '') + (storageOk ? ' · bản nháp được giữ trong trình duyệt' : '');
  }

  /* ---------- building the response ---------- */
  function readBytes(file) {
    if (file.arrayBuffer) return file.arrayBuffer().then(function (b) { return new Uint8Array(b); });
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(new Uint8Array(r.result)); };
      r.onerror = function () { reject(r.error); };
      r.readAsArrayBuffer(file);
    });
  }

  function validateAll() {
    var errors = [];
    var by = document.getElementById('declared-by');
    var byErr = document.getElementById('declared-by-err');
    byErr.textContent = state.declaredBy.trim() ? '' : 'Cần ghi họ tên người lập báo cáo.';
    by.classList.toggle('invalid', !state.declaredBy.trim());
    if (!state.declaredBy.trim()) errors.push(by);
    var answered = actions.filter(function (a) { return a.status !== 'accepted' && isAnswered(a.id); });
    answered.forEach(function (a) {
      if (!checkDate(a.id)) errors.push(views[a.id].date);
      var ans = state.answers[a.id];
      if ((ans.missing || []).some(function (n) { return !(attached[a.id] || []).some(function (f) { return f.name === n; }); })) {
        views[a.id].fileErr.textContent = 'Hãy đính kèm lại các tệp ghi "Cần đính kèm lại", hoặc bỏ chúng đi.';
        errors.push(views[a.id].fileInput);
      }
    });
    actions.forEach(function (a) { if (views[a.id].date && !isAnswered(a.id)) checkDate(a.id); });
    return { errors: errors, answered: answered };
  }

  function buildResponse(answered) {
    var now = new Date();
    var doc = document.implementation.createDocument(null, 'response', null);
    var root = doc.documentElement;
    Array.prototype.forEach.call(planRoot.attributes, function (at) { root.setAttribute(at.name, at.value); });
    root.setAttribute('response-id', state.responseId);
    root.setAttribute('responded', localIsoDateTime(now));
    root.setAttribute('declared-by', cleanText(state.declaredBy).replace(/\s+/g, ' '));
    var zipEntries = [];
    var answeredIds = {};
    answered.forEach(function (a) { answeredIds[a.id] = true; });
    var work = [];
    for (var c = planRoot.firstChild; c; c = c.nextSibling) {
      var copy = doc.importNode(c, true);
      root.appendChild(copy);
      if (c.nodeType === 1 && c.nodeName === 'action' && answeredIds[attr(c, 'id')])
        work.push({ el: copy, id: attr(c, 'id') });
    }
    return Promise.all(work.map(function (w) {
      var ans = state.answers[w.id];
      var files = attached[w.id] || [];
      return Promise.all(files.map(function (f) {
        return readBytes(f.file).then(function (bytes) {
          return sha256(bytes).then(function (digest) { return { name: f.name, bytes: bytes, sha: digest }; });
        });
      })).then(function (read) {
        var doc1 = cleanText(ans.doc), note1 = cleanText(ans.note);
        var sig = JSON.stringify([ans.date.trim(), doc1, note1, read.map(function (r) { return [r.name, r.sha]; })]);
        var seq = ans.seq || 0, made = ans.made || localIsoDateTime(now);
        if (sig !== ans.savedSig) seq += 1;
        w.pending = { sig: sig, seq: seq, made: made };
        children(w.el, 'report').forEach(function (old) { old.parentNode.removeChild(old); });
        w.el.setAttribute('status', 'reported');
        var rep = doc.createElement('report');
        rep.setAttribute('date', parseVnDate(ans.date).iso);
        if (doc1) rep.setAttribute('doc', doc1.replace(/\s+/g, ' '));
        rep.setAttribute('made', made);
        rep.setAttribute('seq', String(seq));
        if (note1) {
          var note = doc.createElement('note');
          note.textContent = note1;
          rep.appendChild(note);
        }
        read.forEach(function (r) {
          var ev = doc.createElement('evidence');
          ev.setAttribute('file', r.name);
          ev.setAttribute('sha256', r.sha);
          ev.setAttribute('size', String(r.bytes.length));
          rep.appendChild(ev);
          zipEntries.push({ name: 'evidence/' + w.id + '/' + r.name, bytes: r.bytes });
        });
        var last = w.el.lastChild;
        var indent = last && last.nodeType === 3 ? last.nodeValue : '';
        w.el.insertBefore(doc.createTextNode(indent ? indent + '    ' : '\n'), last && last.nodeType === 3 ? last : null);
        w.el.insertBefore(rep, last && last.nodeType === 3 ? last : null);
      });
    })).then(function () {
      var xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc) + '\n';
      var xmlBytes = new TextEncoder().encode(xml);
      var total = xmlBytes.length;
      zipEntries.forEach(function (e) { total += e.bytes.length; });
      if (total > LIMITS.responseBytes)
        throw new Error('tổng dung lượng ' + formatSize(total) + ' quá giới hạn ' + formatSize(LIMITS.responseBytes) + ' của một tệp báo cáo: hãy gửi bớt tệp minh chứng');
      var blob, name;
      if (zipEntries.length) {
        blob = makeZip([{ name: 'response.xml', bytes: xmlBytes }].concat(zipEntries), now);
        name = DATA.responseName + '.zip';
      } else {
        blob = new Blob([xmlBytes], { type: 'application/xml' });
        name = DATA.responseName + '.xml';
      }
      return { blob: blob, name: name, work: work };
    });
  }

  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 60000);
  }

  var saving = false;
  function save() {
    if (saving) return;
    var check = validateAll();
    if (check.errors.length) {
      updateStatus('Chưa lưu được: có ' + check.errors.length + ' chỗ cần sửa (tô đỏ).', 'bad');
      check.errors[0].scrollIntoView({ block: 'center' });
      check.errors[0].focus();
      return;
    }
    if (!check.answered.length) {
      updateStatus('Chưa có hành động nào được điền: hãy ghi ngày báo cáo và kết quả của ít nhất một hành động.', 'bad');
      return;
    }
    saving = true;
    updateStatus('Đang tính mã kiểm tra các tệp và tạo tệp báo cáo…');
    buildResponse(check.answered).then(function (r) {
      r.work.forEach(function (w) {
        var ans = state.answers[w.id];
        ans.seq = w.pending.seq; ans.savedSig = w.pending.sig; ans.made = w.pending.made;
      });
      state.lastSaved = { file: r.name, at: localIsoDateTime(new Date()) };
      dirtySinceSave = false;
      writeDraft();
      download(r.blob, r.name);
      updateStatus('Đã lưu tệp "' + r.name + '" (thư mục Tải về / Downloads). Gửi tệp này cho ' +
        (DATA.inspecting.name || 'đoàn kiểm tra') + '. Có sửa gì sau đó thì bấm Lưu báo cáo lần nữa và gửi tệp mới.', 'good');
      document.body.setAttribute('data-saved', r.name);
    }, function (e) {
      updateStatus('Không tạo được tệp báo cáo: ' + (e && e.message ? e.message : e) + '. Hãy thử lại hoặc dùng trình duyệt khác (Chrome, Edge, Firefox).', 'bad');
    }).then(function () { saving = false; });
  }

  /* ---------- start ---------- */
  renderHeader();
  var main = document.getElementById('actions');
  actions.forEach(function (a) { main.appendChild(renderAction(a)); });

  var draft = readDraft();
  if (draft && draft.answers) {
    state = draft;
    Object.keys(state.answers).forEach(function (id) {
      var ans = state.answers[id], v = views[id];
      if (!v || !v.date) { delete state.answers[id]; return; }
      v.date.value = ans.date || ''; v.doc.value = ans.doc || ''; v.note.value = ans.note || '';
      ans.missing = (ans.missing || []).concat((ans.files || []).filter(function (n) {
        return (ans.missing || []).indexOf(n) < 0;
      }));
      ans.files = [];
      refreshCard(id);
    });
    document.getElementById('declared-by').value = state.declaredBy || '';
    var at = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(state.savedAt || '');
    banner('info', 'Đã khôi phục bản nháp lưu lúc ' + (at ? at[2] + ' ngày ' + isoToVn(at[1]) : '?') +
      '. Tệp đính kèm phải chọn lại (trình duyệt không giữ tệp trong bản nháp).');
  }
  if (!state.responseId) state.responseId = randomHex128();
  if (!storageOk)
    banner('warn', 'Trình duyệt không cho lưu bản nháp: nếu đóng trang, nội dung đã điền sẽ mất. Hãy lưu báo cáo trước khi đóng.');

  var byInput = document.getElementById('declared-by');
  byInput.addEventListener('input', function () {
    state.declaredBy = byInput.value;
    if (state.declaredBy.trim()) {
      document.getElementById('declared-by-err').textContent = '';
      byInput.classList.remove('invalid');
    }
    touched();
  });
  document.getElementById('save').addEventListener('click', save);
  document.getElementById('clear-draft').addEventListener('click', function () {
    if (!window.confirm('Xoá mọi nội dung đã điền trong trang này?')) return;
    try { window.localStorage.removeItem(DRAFT_KEY); } catch (e) { /* nothing kept */ }
    dirtySinceSave = false;
    window.location.reload();
  });
  updateStatus();

  /* For the browser test (tests/cli/tracking/plan_form_browser.py): the pure helpers. */
  window.parPlanForm = { sha256Js: sha256Js, crc32: crc32, subtle: subtleOk,
                         evidenceNameProblem: evidenceNameProblem, parseVnDate: parseVnDate };
})();
