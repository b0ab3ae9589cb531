// SPDX-License-Identifier: Apache-2.0
// fuzz_xlsx.cpp - XLSX dossier logs (par::dossier::XlsxReader): the package, the workbook, shared
// strings and the sheet's rows, read to the end through a scratch file, three times: with the
// inflating thread, without it, and in blocks cut at rows' starts as the analyser's threads read
// them (block size from the input), which must all give the same records and the same error (a
// damaged part: an error all the same, see below). The
// same bytes are also given to XlsxScan as a row and as a string item, by the one-pass reader,
// by the one-pass reader within a longer text (rowAt), after another row (the row tag it
// remembers) and by the general one, which must agree
// (issue #19: the fast paths and the blocks change nothing but the time). And the bytes as a date
// serial (checkSerial). And every record read classified twice by the analyser: as read (its
// shared strings stay put, so the analyser remembers texts by address) and copied out (nothing
// remembered), which must agree (checkRemembered).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <vector>

#include "FuzzDossier.hpp"
#include "FuzzSupport.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Error.hpp"
#include "core/dossier/ColumnMap.hpp"
#include "core/dossier/DossierAnalyzer.hpp"
#include "core/dossier/DossierDates.hpp"
#include "core/dossier/XlsxReader.hpp"
#include "core/dossier/XlsxScan.hpp"

namespace {

struct Outcome {
    std::vector<std::string> fields;  // every record's line and fields, flattened
    std::string error;
};

Outcome readAll(const std::string& path, bool ahead) {
    Outcome out;
    try {
        par::dossier::XlsxReader reader(path, "", ahead);
        par::dossier::RawRecord r;
        while (reader.next(r)) {
            out.fields.push_back(std::to_string(r.line));
            for (auto f : r.fields)
                out.fields.emplace_back(f);
        }
    } catch (const par::Error& e) {
        out.error = e.what();
    }
    return out;
}

// The sheet as the analyser reads it on several threads, on this one: blocks in order, each read
// by a BlockRows, the checks across blocks when each is delivered.
Outcome readBlocks(const std::string& path, size_t want) {
    Outcome out;
    try {
        par::dossier::XlsxReader r(path, "", false);
        par::dossier::Bytes block;
        long before = r.rowBeforeBlocks();
        const std::function<long()> previous = [&] { return before; };
        while (r.nextBlock(block, want)) {
            par::dossier::XlsxReader::BlockRows rows(r, block.data(), block.data() + block.size,
                                                     r.blocksEnded());
            std::vector<std::string> mine;
            std::exception_ptr error;
            try {
                par::dossier::RawRecord rec;
                while (rows.next(rec, previous)) {
                    mine.push_back(std::to_string(rec.line));
                    for (auto f : rec.fields)
                        mine.emplace_back(f);
                }
            } catch (...) {
                error = std::current_exception();
            }
            const auto& sum = rows.summary(previous);
            r.deliverBlock(sum);
            out.fields.insert(out.fields.end(), mine.begin(), mine.end());
            if (error)
                std::rethrow_exception(error);
            before = sum.lastRow;
        }
        r.finishBlocks();
    } catch (const par::Error& e) {
        out.error = e.what();
    }
    return out;
}

void compareScanners(std::string_view text) {
    par::dossier::XlsxScan fast(true), general(false);
    std::vector<par::dossier::XlsxCell> a, b;
    long na = 0, nb = 0;
    std::string ea, eb;
    const bool oka = fast.row(text, na, a, ea), okb = general.row(text, nb, b, eb);
    if (oka != okb || (oka && (na != nb || a.size() != b.size())))
        std::abort();
    for (size_t k = 0; oka && k < a.size(); ++k) {
        if (a[k].column != b[k].column || a[k].type != b[k].type || a[k].value != b[k].value)
            std::abort();
        // A shared string's index read ahead is the value's number (1 to 8 digits).
        if (a[k].index != par::dossier::XlsxCell::kNoIndex) {
            std::uint64_t n = 0;
            if (a[k].type != 's' || a[k].value.empty() || a[k].value.size() > 8)
                std::abort();
            for (char ch : a[k].value) {
                if (ch < '0' || ch > '9')
                    std::abort();
                n = n * 10 + static_cast<std::uint64_t>(ch - '0');
            }
            if (n != a[k].index)
                std::abort();
        }
    }
    // rowAt within the text: where it stops, the general reader of that much agrees.
    std::vector<par::dossier::XlsxCell> c;
    long nc = 0;
    const char* stop = fast.rowAt(text.data(), text.data() + text.size(), nc, c);
    if (stop != nullptr) {
        const std::string_view row = text.substr(0, static_cast<size_t>(stop - text.data()));
        std::vector<par::dossier::XlsxCell> d;
        long nd = 0;
        std::string ed;
        if (!general.row(row, nd, d, ed) || nd != nc || d.size() != c.size())
            std::abort();
        for (size_t k = 0; k < c.size(); ++k)
            if (c[k].column != d[k].column || c[k].type != d[k].type || c[k].value != d[k].value)
                std::abort();
        // and the row ends at the first "</row>" (or "</x:row>", the prefixed form the
        // one-pass reader takes) after its start tag, as the block reader and ElementStream
        // find it
        const size_t gt = row.find('>');
        const size_t plain = row.find("</row>", gt), prefixed = row.find("</x:row>", gt);
        const size_t close = plain < prefixed                     ? plain + 6
                             : prefixed != std::string_view::npos ? prefixed + 8
                                                                  : std::string_view::npos;
        if (row.back() == '>' && row[row.size() - 2] != '/' && close != row.size())
            std::abort();
    }
    // The one-pass reader remembers the last row tag (XlsxScan::rowTag): a row read after
    // another reads as the general reader reads it alone. The text cut after its first
    // "</row>" (or in two halves).
    {
        size_t cut = text.find("</row>");
        cut = cut == std::string_view::npos ? text.size() / 2 : cut + 6;
        par::dossier::XlsxScan remembering(true), alone(false);
        std::vector<par::dossier::XlsxCell> x, y;
        long nx = 0, ny = 0;
        std::string ex, ey;
        (void)remembering.row(text.substr(0, cut), nx, x, ex);
        const bool okx = remembering.row(text.substr(cut), nx, x, ex);
        const bool oky = alone.row(text.substr(cut), ny, y, ey);
        if (okx != oky || (okx && (nx != ny || x.size() != y.size())))
            std::abort();
        for (size_t k = 0; okx && k < x.size(); ++k)
            if (x[k].column != y[k].column || x[k].type != y[k].type || x[k].value != y[k].value)
                std::abort();
    }
    std::string ta, tb;
    const bool sa = fast.stringItem(text, ta, ea), sb = general.stringItem(text, tb, eb);
    if (sa != sb || (sa && ta != tb))
        std::abort();
}

// The bytes as a date serial (how an XLSX date cell's value is read): within the calendar and
// the day when accepted, and, for the form spreadsheets write (1 to 7 digits, '.', digits),
// within a second of the value computed in long double (a tie may round either way there).
void checkSerial(std::string_view text) {
    for (bool date1904 : {false, true}) {
        const auto p = par::dossier::parseStamp(text, true, date1904);
        if (p.status != par::dossier::DateStatus::Ok)
            continue;
        if (p.stamp.seconds < 0 || p.stamp.seconds >= 86400 ||
            p.stamp.day < par::Date(par::cal::kWorkFirstYear, 1, 1) ||
            p.stamp.day > par::Date(par::cal::kWorkLastYear, 12, 31))
            std::abort();
        const size_t dot = text.find('.');
        const std::string_view whole = text.substr(0, dot);
        const std::string_view fraction =
            dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
        const auto digits = [](std::string_view d) {
            return d.find_first_not_of("0123456789") == std::string_view::npos;
        };
        if (whole.empty() || whole.size() > 7 || !digits(whole) || !digits(fraction))
            continue;
        long double f = 0, scale = 1;
        for (char c : fraction) {
            scale /= 10;
            f += (c - '0') * scale;
        }
        const long double total = std::stold(std::string(whole)) + f;
        const par::Date base = date1904 ? par::Date(1904, 1, 1) : par::Date(1899, 12, 30);
        const long double got =
            static_cast<long double>((p.stamp.day - base).days()) + p.stamp.seconds / 86400.0L;
        if (std::fabs(static_cast<double>(got - total)) > 1.0 / 86400 + 1e-9)
            std::abort();
    }
}

// The analyser's address caches (texts of the shared strings remembered by address, keyed by
// the cell's text as given) change nothing but the time: each record classified as read and as
// a copy in buffers of its own (no stable range: nothing remembered) gives the same record or
// the same reason, the groups included (both analysers see the same texts in the same order).
void checkRemembered(const std::string& path) {
    const par::ProcedureCatalog& catalog = par::fuzz::dossierCatalog();
    const par::cal::WorkingCalendar& calendar = par::fuzz::dossierCalendar();
    static const par::dossier::ColumnMap columns = par::dossier::ColumnMap::resolve(
        {"Mã hồ sơ", "Mã thủ tục", "Đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả"},
        {}, {"fuzz", 1, 0});
    par::dossier::AnalysisOptions o;
    o.asOf = par::Date(2024, 3, 29);
    par::dossier::DossierAnalyzer remembering(catalog, calendar, o), plain(catalog, calendar, o);
    try {
        par::dossier::XlsxReader reader(path, "", false, false);
        par::dossier::RawRecord r, copy;
        std::vector<std::string> texts;
        while (reader.next(r)) {
            texts.assign(r.fields.begin(), r.fields.end());
            copy.line = r.line;
            copy.fields.assign(texts.begin(), texts.end());
            std::string why1, why2;
            const auto a = remembering.classify(r, columns, why1, true, reader.date1904());
            const auto b = plain.classify(copy, columns, why2, true, reader.date1904());
            if (a.has_value() != b.has_value() || why1 != why2)
                std::abort();
            if (a && (a->id != b->id || a->unit != b->unit ||
                      a->procedureCode != b->procedureCode || a->received != b->received ||
                      a->receivedSeconds != b->receivedSeconds || a->due != b->due ||
                      a->finished != b->finished || a->knownProcedure != b->knownProcedure ||
                      a->outcome != b->outcome || a->lateWorkingDays != b->lateWorkingDays ||
                      a->wrongAppointment != b->wrongAppointment || a->unitGroup != b->unitGroup ||
                      a->procedureGroup != b->procedureGroup ||
                      (a->knownProcedure && a->statutoryDue != b->statutoryDue)))
                std::abort();
        }
    } catch (const par::Error&) {
        // (a refused workbook: readAll's business)
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    compareScanners(par::fuzz::bytes(data, size));
    checkSerial(par::fuzz::bytes(data, size));
    const std::string& path = par::fuzz::writeScratch(par::fuzz::bytes(data, size), ".xlsx");
    par::fuzz::refuseOnlyWithParError([&] { (void)par::dossier::XlsxReader::sheetNames(path); });
    const Outcome one = readAll(path, false);
    const Outcome two = readAll(path, true);
    if (one.fields != two.fields || one.error != two.error)
        std::abort();  // the inflating thread changed what was read
    checkRemembered(path);
    // Reading in blocks must not change what was read: the same records, or the same error.
    // Two exceptions, below. A part that fails to inflate (damaged) is read in pieces of different
    // sizes, so the rows read before the damage, or a row error just before it, may differ;
    // the file is refused either way.
    const Outcome blocks = readBlocks(path, 1 + size % 97);
    const auto inflating = [](const std::string& e) {
        return e.find("bị hỏng") != std::string::npos || e.find("giải nén") != std::string::npos;
    };
    if (one.error.empty() != blocks.error.empty())
        std::abort();
    if (one.error.empty() && one.fields != blocks.fields)
        std::abort();
    // A malformed row: the same row, but its text may be cut where the next block begins
    // (the block's reader never sees past it), so the fault it names may differ.
    const auto place = [](const std::string& e) {
        const size_t k = e.find(": dòng của trang tính không đúng XML");
        return k == std::string::npos ? e : e.substr(0, k);
    };
    if (!inflating(one.error) && !inflating(blocks.error) &&
        (place(one.error) != place(blocks.error) || one.fields != blocks.fields))
        std::abort();
    return 0;
}
