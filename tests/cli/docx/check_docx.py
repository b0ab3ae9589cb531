#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""A second reader of par-audit's DOCX files (python-docx, Debian python3-docx): loads the file and
checks what test_cli_docx.cpp asks for. Usage:

    check_docx.py FILE.docx SPEC.json
    check_docx.py --edit FILE.docx OUT.docx TEXT

The second form makes the edit a user would make: TEXT appended 40 times to the first paragraph of
the body that has the Normal style, and a new item in the first numbered list; saved as OUT.docx
(LibreOffice then shows whether the document reflows).

SPEC is a JSON object: "sections" (list of "portrait"/"landscape"), "margins_mm" ([top, right,
bottom, left]), "min_tables", "table_rows" ({"index": i, "rows": n} of the main table),
"numbered_min" (paragraphs with Word numbering), "decimal_list" (a decimal-numbered list exists),
"texts" (strings that must appear, white space folded), "title" (in the core properties),
"styles" (paragraph style names that must be used). Prints one line per failure and exits 1, or
prints "OK ..." and exits 0.
"""
import copy
import json
import re
import sys
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fold(s):
    return re.sub(r"\s+", " ", s).strip()


def all_paragraphs(d):
    """Body paragraphs and the paragraphs of every table cell (nested tables too)."""
    out = list(d.paragraphs)

    def walk(tables):
        for t in tables:
            for row in t.rows:
                for cell in row.cells:
                    out.extend(cell.paragraphs)
                    walk(cell.tables)

    walk(d.tables)
    return out


def edit(path, out, text):
    d = docx.Document(path)
    body = next(p for p in d.paragraphs if p.style.name == "Normal" and len(p.text) > 40)
    body.add_run(" " + " ".join([text] * 40))
    item = next(p for p in d.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None)
    new = item.insert_paragraph_before(text + " (mục thêm)")
    new.style = item.style
    new._p.get_or_add_pPr().append(copy.deepcopy(item._p.pPr.numPr))
    d.save(out)
    print("EDITED " + out)
    return 0


def main():
    if sys.argv[1] == "--edit":
        return edit(sys.argv[2], sys.argv[3], sys.argv[4])
    path, spec_path = sys.argv[1], sys.argv[2]
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    fails = []
    d = docx.Document(path)

    # No part of the package names a font other than Times New Roman's substitutes.
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for required in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                         "word/settings.xml", "word/_rels/document.xml.rels", "docProps/core.xml"]:
            if required not in names:
                fails.append("missing part " + required)
        for n in names:
            if b"Liberation" in z.read(n):
                fails.append("'Liberation' named in " + n)
        headers = {n: z.read(n).decode("utf-8") for n in names if n.startswith("word/header")}

    normal = d.styles["Normal"]
    if normal.font.name not in (None, "Times New Roman"):
        fails.append("Normal style font is %r" % normal.font.name)
    rfonts = d.styles.element.find(W + "docDefaults").find(".//" + W + "rFonts")
    if rfonts is None or rfonts.get(W + "ascii") != "Times New Roman":
        fails.append("document default font is not Times New Roman")

    # Sections: orientation, A4, margins, a different first page, numbering from 1, the page
    # number field in the header of pages 2.. only.
    want = spec.get("sections", [])
    if len(d.sections) != len(want):
        fails.append("sections: %d, expected %d" % (len(d.sections), len(want)))
    top, right, bottom, left = spec.get("margins_mm", [20, 15, 20, 30])
    for i, s in enumerate(d.sections):
        o = "landscape" if s.orientation == WD_ORIENT.LANDSCAPE else "portrait"
        if i < len(want) and o != want[i]:
            fails.append("section %d is %s, expected %s" % (i + 1, o, want[i]))
        w, h = (s.page_width, s.page_height) if o == "portrait" else (s.page_height, s.page_width)
        if abs(w - Mm(210)) > Mm(0.5) or abs(h - Mm(297)) > Mm(0.5):
            fails.append("section %d is not A4: %.1f x %.1f mm" % (i + 1, w.mm, h.mm))
        for name, got, exp in [("top", s.top_margin, top), ("right", s.right_margin, right),
                               ("bottom", s.bottom_margin, bottom), ("left", s.left_margin, left)]:
            if abs(got.mm - exp) > 0.2:
                fails.append("section %d %s margin %.2f mm, expected %s" % (i + 1, name, got.mm, exp))
        if not s.different_first_page_header_footer:
            fails.append("section %d: no different first page (titlePg)" % (i + 1))
        if s.header.is_linked_to_previous:
            fails.append("section %d: header linked to the previous section" % (i + 1))
        default_xml = s.header._element.xml
        first_xml = s.first_page_header._element.xml
        if "PAGE" not in default_xml:
            fails.append("section %d: no PAGE field in the header of pages 2.." % (i + 1))
        if "PAGE" in first_xml:
            fails.append("section %d: a page number on the first page" % (i + 1))
        pg = s._sectPr.find(W + "pgNumType")
        if pg is None or pg.get(W + "start") != "1":
            fails.append("section %d: not numbered from 1" % (i + 1))

    tables = d.tables
    if len(tables) < spec.get("min_tables", 0):
        fails.append("tables: %d, expected at least %d" % (len(tables), spec["min_tables"]))
    tr = spec.get("table_rows")
    if tr and tr["index"] < len(tables) and len(tables[tr["index"]].rows) != tr["rows"]:
        fails.append("table %d has %d rows, expected %d" % (tr["index"], len(tables[tr["index"]].rows), tr["rows"]))

    paras = all_paragraphs(d)
    numbered = [p for p in paras if p._p.pPr is not None and p._p.pPr.numPr is not None]
    if len(numbered) < spec.get("numbered_min", 0):
        fails.append("numbered paragraphs: %d, expected at least %d" % (len(numbered), spec["numbered_min"]))
    if spec.get("decimal_list"):
        numbering = d.part.numbering_part.element.xml
        if 'w:numFmt w:val="decimal"' not in numbering:
            fails.append("no decimal list in numbering.xml")
    used = {p.style.name for p in paras}
    for st in spec.get("styles", []):
        if st not in used:
            fails.append("style %r not used (used: %s)" % (st, ", ".join(sorted(used))))

    text = fold(" ".join(p.text for p in paras))
    for t in spec.get("texts", []):
        if fold(t) not in text:
            fails.append("text not found: %r" % t[:80])

    title = spec.get("title")
    if title and title not in (d.core_properties.title or ""):
        fails.append("title %r does not contain %r" % (d.core_properties.title, title))

    for f in fails:
        print("FAIL " + path + ": " + f)
    if fails:
        return 1
    print("OK %s: %d sections, %d tables, %d paragraphs, %d numbered, headers %d" %
          (path, len(d.sections), len(tables), len(paras), len(numbered), len(headers)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
