#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The pandas + numpy.busday_count peer of `par-audit dossiers analyze --json` (docs/performance.md,
"Dossier analysis"). Same semantics as docs/dossiers.md, written the way an analyst would with the
usual tools: pandas.read_csv, pandas.to_datetime, numpy.busday_count, DataFrame.groupby.

    peer_pandas.py LOG.csv|LOG.xlsx CATALOG.xml AS_OF OFFDAYS.tsv

An .xlsx log is read with pandas.read_excel (openpyxl), every cell as text, then handled the same.

OFFDAYS.tsv is par-audit's own calendar (`par-audit --lang en calendar off YEAR` for each year: ISO
dates and off/work; the Vietnamese default prints dd/mm/yyyy and nghỉ): weekdays off
become busday_count's holidays; Saturdays worked are added back with a sorted-array count. Prints the
same JSON keys as par-audit (invalid_rows left empty: only their number is compared).
"""
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd

ALIASES = {
    "dossier_id": ["Mã hồ sơ", "dossier_id", "Số hồ sơ", "Mã HS"],
    "procedure_code": ["Mã thủ tục", "procedure_code", "Mã TTHC", "Mã thủ tục hành chính"],
    "unit": ["Đơn vị", "unit", "Cơ quan tiếp nhận", "Cơ quan giải quyết", "Đơn vị tiếp nhận", "Đơn vị giải quyết"],
    "received_at": ["Ngày tiếp nhận", "received_at", "Ngày nhận"],
    "due_at": ["Ngày hẹn trả", "due_at", "Ngày hẹn trả kết quả", "Ngày hẹn"],
    "finished_at": ["Ngày có kết quả", "finished_at", "Ngày trả kết quả", "Ngày hoàn thành"],
}
FORMATS = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S",
           "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"]
COUNTS = ["received", "finished_early", "finished_on_time", "finished_late", "pending_in_time",
          "pending_overdue", "wrong_appointment", "late_working_days_sum"]


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "d")
    return " ".join(s.lower().split())


def parse_dates(col):
    """Timestamps (NaT where empty or bad) and a mask of non-empty cells that failed."""
    out = pd.Series(pd.NaT, index=col.index, dtype="datetime64[ns]")
    todo = col != ""
    # Try first the formats that fit a sample of the column (a column usually has one format).
    sample = col[todo].head(1000)
    fits = {f: pd.to_datetime(sample, format=f, errors="coerce").notna().sum() for f in FORMATS}
    for f in sorted(FORMATS, key=lambda f: -fits[f]):
        if not todo.any():
            break
        got = pd.to_datetime(col[todo], format=f, errors="coerce")
        ok = got.notna()
        out[got.index[ok]] = got[ok]
        todo[got.index[ok]] = False
    bad = todo & (col != "")
    years = out.dt.year
    out_range = out.notna() & ((years < 2000) | (years > 2199))
    out[out_range] = pd.NaT
    return out, bad | out_range


def canonical_units(col):
    """NFC, spaces collapsed; computed once per distinct name."""
    names = {u: " ".join(unicodedata.normalize("NFC", u).split()) for u in col.unique()}
    return col.map(names).values


def main():
    log, catalog_path, as_of, offdays = sys.argv[1:5]
    if log.endswith(".xlsx"):
        df = pd.read_excel(log, dtype=str, engine="openpyxl", keep_default_na=False, na_filter=False)
        df = df[(df != "").any(axis=1)]  # par-audit skips rows whose cells are all empty
    else:
        with open(log, "rb") as f:
            first = f.readline().decode("utf-8-sig")
        sep = ";" if first.count(";") > first.count(",") else ","
        df = pd.read_csv(log, sep=sep, dtype=str, encoding="utf-8-sig", keep_default_na=False,
                         na_filter=False)
    keys = {fold(unicodedata.normalize("NFC", c)): c for c in reversed(df.columns)}
    cols = {}
    for field, names in ALIASES.items():
        for n in names:
            if fold(n) in keys:
                cols[field] = keys[fold(n)]
                break
    data = {f: df[c].str.strip() for f, c in cols.items()}

    procs = {}
    for p in ET.parse(catalog_path).getroot().iter("procedure"):
        cut = p.get("cutoff")
        cut_s = int(cut[:2]) * 3600 + int(cut[3:5]) * 60 if cut else 10 ** 9
        procs[p.get("code")] = (int(p.get("working-days")), cut_s)

    hol, work_sat = [], []
    for line in open(offdays, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2:
            # `par-audit calendar off` prints "dd/mm/yyyy<TAB>nghỉ|làm việc<TAB>reason" (older builds:
            # ISO dates and "off"); numpy wants ISO dates.
            day = parts[0]
            if "/" in day:
                dd, mm, yyyy = day.split("/")
                day = f"{yyyy}-{mm}-{dd}"
            (hol if parts[1] in ("off", "nghỉ") else work_sat).append(day)
    hol = np.array(hol, dtype="datetime64[D]")
    work_sat = np.sort(np.array(work_sat, dtype="datetime64[D]"))

    r, r_bad = parse_dates(data["received_at"])
    d, d_bad = parse_dates(data["due_at"])
    f, f_bad = parse_dates(data["finished_at"])
    code = data["procedure_code"]
    known = code.isin(procs.keys())
    rd = r.values.astype("datetime64[D]")
    dd = d.values.astype("datetime64[D]")
    fd = f.values.astype("datetime64[D]")
    # A code not in the catalog is counted in every figure but the wrong appointments.
    valid = ((data["dossier_id"] != "") & (code != "") & (data["unit"] != "") & r.notna() & ~r_bad
             & d.notna() & ~d_bad & ~f_bad).values
    valid &= ~(dd < rd)
    valid &= ~(f.notna().values & (fd < rd))

    v = np.flatnonzero(valid)
    rd, dd, fd = rd[v], dd[v], fd[v]
    rsec = (r.values[v] - r.values[v].astype("datetime64[D]")).astype("timedelta64[s]").astype(np.int64)
    kn = known.values[v]
    wd = code.iloc[v].map({c: p[0] for c, p in procs.items()}).fillna(0).values.astype(np.int64)
    cut = code.iloc[v].map({c: p[1] for c, p in procs.items()}).fillna(0).values.astype(np.int64)
    finished = ~np.isnat(fd)
    asof = np.datetime64(as_of, "D")

    # Working-day table over the span, for the statutory due date (busday_offset cannot add
    # worked Saturdays); counts below use busday_count.
    lo, hi = rd.min(), max(dd.max(), rd.max()) + np.timedelta64(800, "D")
    days = np.arange(lo, hi, dtype="datetime64[D]")
    working = np.is_busday(days, holidays=hol) | np.isin(days, work_sat)
    cum = np.cumsum(working)
    work_idx = np.flatnonzero(working)
    ri = (rd - lo).astype(np.int64)
    r_working = working[ri]
    start_i = np.where(r_working & (rsec <= cut), ri, work_idx[cum[ri]])
    s_i = np.where(wd == 0, start_i, work_idx[np.minimum(cum[start_i] + wd - 1, len(work_idx) - 1)])
    sd = lo + s_i.astype("timedelta64[D]")

    def working_days(a, b):  # working days in (a, b]
        one = np.timedelta64(1, "D")
        n = np.busday_count(a + one, b + one, holidays=hol)
        n += np.searchsorted(work_sat, b, side="right") - np.searchsorted(work_sat, a, side="right")
        return n

    early = finished & (fd < dd)
    ontime = finished & (fd == dd)
    late = finished & (fd > dd)
    overdue = ~finished & (asof > dd)
    in_time = ~finished & ~overdue
    late_days = np.zeros(len(v), dtype=np.int64)
    late_days[late] = working_days(dd[late], fd[late])
    late_days[overdue] = working_days(dd[overdue], np.full(overdue.sum(), asof))
    out = pd.DataFrame({
        "unit": canonical_units(data["unit"].iloc[v]),
        "procedure_code": code.iloc[v].values,
        "month": pd.Series(rd).dt.strftime("%Y-%m").values,
        "received": 1, "finished_early": early.astype(int), "finished_on_time": ontime.astype(int),
        "finished_late": late.astype(int), "pending_in_time": in_time.astype(int),
        "pending_overdue": overdue.astype(int), "wrong_appointment": (kn & (dd > sd)).astype(int),
        "late_working_days_sum": late_days,
    })
    result = {"rows_total": int(len(df)), "rows_invalid": int(len(df) - len(v)),
              "rows_unknown_procedure": int((~kn).sum()),
              "totals": {c: int(out[c].sum()) for c in COUNTS}}
    for name, key in (("by_unit", "unit"), ("by_procedure", "procedure_code"), ("by_month", "month")):
        g = out.groupby(key, sort=True)[COUNTS].sum()
        result[name] = [dict({key: k}, **{c: int(row[c]) for c in COUNTS}) for k, row in g.iterrows()]
    result["invalid_rows"] = []
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
