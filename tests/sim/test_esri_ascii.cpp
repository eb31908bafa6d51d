// ESRI ASCII raster reader (sim/scenario/esri_ascii.h): corner/centre origins, the south-first
// flip, NODATA cells, every class of error at its exact line and column, the limits, and the
// real Vilopriu (C2F-W) landscape from the shared reference data.
#include "sim/scenario/esri_ascii.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>

using namespace drillbase;
using namespace drillbase::sim;

namespace {

const std::string kHeader =
    "ncols 3\nnrows 2\nxllcorner 100\nyllcorner 200\ncellsize 10\n";  // values start on line 6

std::string formatAll(const std::vector<Diagnostic>& d) {
    std::string all;
    for (const auto& x : d) all += x.format() + "\n";
    return all;
}

// Parses text that must fail and returns every diagnostic, one "g.asc:L:C: message" a line.
std::string errorsOf(const std::string& text, const AsciiGridLimits& limits = {}) {
    std::vector<Diagnostic> d;
    const auto g = parseAsciiGrid(text, "g.asc", d, limits);
    CHECK_FALSE(g);
    CHECK_FALSE(d.empty());
    for (const auto& x : d) CHECK(x.pointer.empty());
    return formatAll(d);
}

AsciiGrid parsed(const std::string& text) {
    std::vector<Diagnostic> d;
    auto g = parseAsciiGrid(text, "g.asc", d);
    INFO(formatAll(d));
    REQUIRE(g);
    CHECK(d.empty());
    return *g;
}

// The Vilopriu grids shipped with the scenarios, gzip-compressed byte for byte.
std::filesystem::path vilopriu(const char* name) {
    return std::filesystem::path(DRILLBASE_SOURCE_DIR) / "scenarios" / "data" / "vilopriu" /
           (std::string(name) + ".gz");
}

}  // namespace

TEST_CASE("esri_ascii: a small grid keeps its corner and stores the southern row first") {
    const auto g = parsed(kHeader + "1 2 3\n4 5 6\n");
    CHECK(g.ncols == 3);
    CHECK(g.nrows == 2);
    CHECK(g.xll == 100);
    CHECK(g.yll == 200);
    CHECK(g.cellM == 10);
    CHECK_FALSE(g.nodata);
    REQUIRE(g.values.size() == 6);
    REQUIRE(g.valid.size() == 6);
    // The file lists the northern row first: 4 5 6 is row j = 0.
    CHECK(g.at(0, 0) == 4);
    CHECK(g.at(2, 0) == 6);
    CHECK(g.at(0, 1) == 1);
    CHECK(g.at(2, 1) == 3);
    CHECK(g.values == std::vector<double>{4, 5, 6, 1, 2, 3});
    for (int j = 0; j < 2; ++j)
        for (int i = 0; i < 3; ++i) CHECK(g.isValid(i, j));
}

TEST_CASE("esri_ascii: xllcenter/yllcenter are moved to the south-west corner") {
    const auto g = parsed(
        "ncols 2\nnrows 3\nxllcenter 105\nyllcenter 207.5\ncellsize 10\n"
        "1 2\n3 4\n5 6\n");
    CHECK(g.xll == 100);
    CHECK(g.yll == 202.5);
    CHECK(g.at(0, 0) == 5);
    CHECK(g.at(1, 2) == 2);
    CHECK(g.at(0, 1) == 3);
}

TEST_CASE("esri_ascii: NODATA cells are invalid and keep their value") {
    const auto g = parsed(kHeader + "NODATA_value -9999\n-9999 2 3\n4 -9999.0 -9999.5\n");
    REQUIRE(g.nodata);
    CHECK(*g.nodata == -9999);
    CHECK_FALSE(g.isValid(0, 1));  // north-west, written first
    CHECK(g.at(0, 1) == -9999);
    CHECK_FALSE(g.isValid(1, 0));  // "-9999.0" is the same number
    CHECK(g.isValid(2, 0));        // -9999.5 is data
    CHECK(g.isValid(0, 0));
    CHECK(g.isValid(1, 1));
    int invalid = 0;
    for (auto v : g.valid) invalid += v == 0;
    CHECK(invalid == 2);
}

TEST_CASE("esri_ascii: keys in any case and order, CRLF, tabs, trailing blanks, BOM, wrapping") {
    const std::string text =
        "\xEF\xBB\xBF"
        "CELLSIZE\t2.5 \r\nNRows 2\r\nnodata_VALUE -1\r\nYLLCORNER -50\r\n"
        "NCOLS 4  \r\nxllCorner +1e3\r\n1 2 3\r\n4 5\r\n6 -1\t8   \r\n\r\n";
    const auto g = parsed(text);
    CHECK(g.ncols == 4);
    CHECK(g.nrows == 2);
    CHECK(g.cellM == 2.5);
    CHECK(g.xll == 1000);
    CHECK(g.yll == -50);
    // Rows wrapped over lines: the north row is 1 2 3 4, the south row 5 6 -1 8.
    CHECK(g.values == std::vector<double>{5, 6, -1, 8, 1, 2, 3, 4});
    CHECK_FALSE(g.isValid(2, 0));
    // No newline after the last value is fine too.
    CHECK(parsed(kHeader + "1 2 3 4 5 6").at(2, 0) == 6);
}

TEST_CASE("esri_ascii: header errors at their line and column") {
    const std::string rest = "nrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n4 5 6\n";
    CHECK(errorsOf("ncols 0\n" + rest) ==
          "g.asc:1:7: ncols must be a positive whole number, not '0'\n");
    CHECK(errorsOf("ncols -3\n" + rest) ==
          "g.asc:1:7: ncols must be a positive whole number, not '-3'\n");
    CHECK(errorsOf("ncols  3.5\n" + rest) ==
          "g.asc:1:8: ncols must be a positive whole number, not '3.5'\n");
    CHECK(errorsOf("ncols 99999999999\n" + rest) ==
          "g.asc:1:7: ncols: '99999999999' is too large (at most 2147483647)\n");
    CHECK(errorsOf("ncols 3\nnrows two\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n") ==
          "g.asc:2:7: nrows must be a positive whole number, not 'two'\n");
    CHECK(errorsOf("ncols 3\nnrows 2\nxllcorner 1e999\nyllcorner nan\ncellsize 0\n1 2 3\n") ==
          "g.asc:3:11: xllcorner: '1e999' is out of the range of a double\n"
          "g.asc:4:11: yllcorner: 'nan' is not a finite number\n"
          "g.asc:5:10: cellsize must be positive, not '0'\n");
    CHECK(errorsOf("ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize -inf\n1 2 3\n") ==
          "g.asc:5:10: cellsize: '-inf' is not a finite number\n");
    CHECK(errorsOf("ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\nNODATA_value x9\n") ==
          "g.asc:6:14: NODATA_value: 'x9' is not a number\n");
    // Each number is finite, but the corner moved half a cell west is not.
    CHECK(errorsOf("ncols 3\nnrows 2\nxllcenter -1.7e308\nyllcorner 0\ncellsize 1e308\n1 2 3\n") ==
          "g.asc:3:11: the grid corner is out of the range of a double\n");
}

TEST_CASE("esri_ascii: missing, repeated, unknown and non-square header keys") {
    // A missing key is reported where the values begin.
    CHECK(errorsOf("ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\n1 2 3\n4 5 6\n") ==
          "g.asc:5:1: header lacks cellsize (an ESRI ASCII grid begins with ncols, nrows, "
          "xllcorner, yllcorner, cellsize and optionally NODATA_value)\n");
    CHECK(errorsOf("").find("g.asc:1:1: header lacks ncols, nrows, xllcorner, yllcorner, "
                            "cellsize (") == 0);
    CHECK(errorsOf("ncols 3\nnrows 2\n").find("g.asc:2:8: header lacks xllcorner,") == 0);
    CHECK(errorsOf(kHeader + "NCOLS 3\n1 2 3\n4 5 6\n") ==
          "g.asc:6:1: header gives 'NCOLS' after 'ncols' at line 1; each header key may appear "
          "only once\n");
    CHECK(errorsOf(kHeader + "xllcenter 105\n1 2 3\n4 5 6\n") ==
          "g.asc:6:1: header gives 'xllcenter' after 'xllcorner' at line 3; each header key may "
          "appear only once\n");
    CHECK(errorsOf("ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ndx 1\ndy 2\n1 2 3\n4 5 6\n") ==
          "g.asc:5:1: 'dx' gives non-square cells (a GDAL extension); drillbase needs square "
          "cells: resample the grid to one cellsize\n"
          "g.asc:6:1: 'dy' gives non-square cells (a GDAL extension); drillbase needs square "
          "cells: resample the grid to one cellsize\n");
    CHECK(errorsOf(kHeader + "  nodata -9999\n1 2 3\n4 5 6\n") ==
          "g.asc:6:3: unknown header key 'nodata' (expected ncols, nrows, xllcorner|xllcenter, "
          "yllcorner|yllcenter, cellsize, NODATA_value)\n");
    CHECK(errorsOf("north: 10\n" + kHeader + "1 2 3 4 5 6")
              .find("g.asc:1:1: unknown header key 'north:' (a GRASS ASCII grid?") == 0);
    CHECK(errorsOf(kHeader + "NODATA_value\n1 2 3\n4 5 6\n") ==
          "g.asc:6:1: header key 'NODATA_value' has no value on its line\n");
    CHECK(errorsOf("ncols 3 2\n" + kHeader.substr(8) + "1 2 3\n4 5 6\n") ==
          "g.asc:1:9: unexpected '2' after the value of 'ncols'\n");
}

TEST_CASE("esri_ascii: bad values at their exact line and column") {
    CHECK(errorsOf(kHeader + "1 2 3\n4 1e999 6\n") ==
          "g.asc:7:3: '1e999' is out of the range of a double (row 2 from the north, column 2)\n");
    CHECK(errorsOf(kHeader + "1 2 nan\n4 5 6\n") ==
          "g.asc:6:5: 'nan' is not a finite number (row 1 from the north, column 3)\n");
    CHECK(errorsOf(kHeader + "inf 2 3\n4 5 6\n") ==
          "g.asc:6:1: 'inf' is not a finite number (row 1 from the north, column 1)\n");
    CHECK(errorsOf(kHeader + "1 2 3\n4 5\n  -INF\n") ==
          "g.asc:8:3: '-INF' is not a finite number (row 2 from the north, column 3)\n");
    CHECK(errorsOf(kHeader + "1 2,5 3\n4 5 6\n") ==
          "g.asc:6:3: '2,5' is not a number (the decimal separator is '.') (row 1 from the "
          "north, column 2)\n");
    // Columns count characters, not bytes: the full-width digit is 3 bytes, 1 character.
    CHECK(errorsOf(kHeader + "1 2 3\n\xEF\xBC\x94 5 6x\n") ==
          "g.asc:7:1: '\xEF\xBC\x94' is not a number (row 2 from the north, column 1)\n"
          "g.asc:7:5: '6x' is not a number (row 2 from the north, column 3)\n");
    // Bytes that are not UTF-8 are shown escaped; a NUL is part of the token.
    CHECK(errorsOf(kHeader + "1 2 3\n4 5 " + std::string("\xFF\0", 2) + "\n") ==
          "g.asc:7:5: '\\xff\\x00' is not a number (row 2 from the north, column 3)\n");
    CHECK(errorsOf(kHeader + "1 2 3\n4 5 +-6\n").find("g.asc:7:5: '+-6' is not a number") == 0);
}

TEST_CASE("esri_ascii: the wrong number of values") {
    // Too few: how many were expected and found, at the end of the last value.
    CHECK(errorsOf(kHeader + "1 2 3\n4 5\n\n") ==
          "g.asc:7:4: expected 6 values (ncols 3 x nrows 2), found 5\n");
    CHECK(errorsOf(kHeader) == "g.asc:5:12: expected 6 values (ncols 3 x nrows 2), found 0\n");
    // Too many: at the first extra value.
    CHECK(errorsOf(kHeader + "1 2 3\n4 5 6 7\n8\n") ==
          "g.asc:7:7: more values than ncols x nrows = 6 (8 in all); the first extra one is "
          "here\n");
}

TEST_CASE("esri_ascii: limits") {
    AsciiGridLimits small;
    small.maxCells = 5;
    CHECK(errorsOf(kHeader + "1 2 3\n4 5 6\n", small) ==
          "g.asc:2:7: ncols x nrows = 6 cells is over the limit of 5\n");
    // 10^10 cells is refused from the header alone: no allocation is attempted (which would
    // fail as "not enough memory" instead).
    CHECK(errorsOf("nrows 100000\nncols 100000\nxllcorner 0\nyllcorner 0\ncellsize 1\n1\n") ==
          "g.asc:2:7: ncols x nrows = 10000000000 cells is over the limit of 25000000\n");
    // At the limit but without the values: a short text reserves no more than it could hold.
    CHECK(errorsOf("ncols 5000\nnrows 5000\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n") ==
          "g.asc:6:4: expected 25000000 values (ncols 5000 x nrows 5000), found 2\n");

    AsciiGridLimits bytes;
    bytes.maxBytes = 40;
    CHECK(errorsOf(kHeader + "1 2 3\n4 5 6\n", bytes) ==
          "g.asc:1:1: file is 68 bytes, over the limit of 40\n");

    AsciiGridLimits lines;
    lines.maxLineChars = 14;
    CHECK(errorsOf(kHeader + "1 2 3\n4.5 5.25 6.1255\n", lines) ==
          "g.asc:7:15: line 7 is longer than 14 characters; is this an ESRI ASCII grid?\n");
    CHECK(errorsOf("ncols 3\nnrows 2\n" + std::string(40, 'x'), lines)
              .find("g.asc:3:15: line 3 is longer than 14 characters") == 0);

    AsciiGridLimits few;
    few.maxErrors = 2;
    CHECK(errorsOf(kHeader + "1a 2b 3c\n4 5 6\n", few) ==
          "g.asc:6:1: '1a' is not a number (row 1 from the north, column 1)\n"
          "g.asc:6:4: '2b' is not a number (row 1 from the north, column 2)\n"
          "g.asc:6:4: stopping after 2 errors\n");
}

TEST_CASE("esri_ascii: loadAsciiGrid reports unreadable and oversized files") {
    std::vector<Diagnostic> d;
    CHECK_FALSE(loadAsciiGrid("/nonexistent/grid.asc", d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].format().find("/nonexistent/grid.asc:1:1: cannot read file") == 0);

    const auto tmp = std::filesystem::temp_directory_path() / "drillbase_test_esri_ascii.asc";
    {
        std::ofstream o(tmp, std::ios::binary);
        o << kHeader << "NODATA_value 0\n1 2 3\n4 5 0\n";
    }
    d.clear();
    const auto g = loadAsciiGrid(tmp, d);
    INFO(formatAll(d));
    REQUIRE(g);
    CHECK_FALSE(g->isValid(2, 0));
    CHECK(g->at(1, 1) == 2);

    AsciiGridLimits tiny;
    tiny.maxBytes = 10;
    d.clear();
    CHECK_FALSE(loadAsciiGrid(tmp, d, tiny));
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "file is 83 bytes, over the limit of 10");
    std::filesystem::remove(tmp);
}

TEST_CASE("esri_ascii: the Vilopriu landscape (C2F-W) loads") {
    std::vector<Diagnostic> d;
    // fuels.asc: integer codes, a trailing blank on every line and no final newline.
    const auto fuels = loadAsciiGrid(vilopriu("fuels.asc"), d);
    const auto elev = loadAsciiGrid(vilopriu("elevation.asc"), d);
    INFO(formatAll(d));
    REQUIRE(fuels);
    REQUIRE(elev);
    CHECK(d.empty());
    for (const AsciiGrid* g : {&*fuels, &*elev}) {
        CHECK(g->ncols == 508);
        CHECK(g->nrows == 610);
        CHECK(g->cellM == 20);
        CHECK(g->xll == doctest::Approx(494272.38261041));
        CHECK(g->yll == doctest::Approx(4652115.6527613));
        REQUIRE(g->nodata);
        CHECK(*g->nodata == -9999);
        CHECK(g->values.size() == 508u * 610u);
    }
    // Read off the files with awk: file row r (1 = north), column c is cell (c-1, 610-r).
    CHECK(fuels->at(0, 609) == 165);  // first value in the file
    CHECK(fuels->at(507, 0) == 93);   // last value
    CHECK(fuels->at(0, 0) == 103);    // first value of the last line
    CHECK(fuels->at(0, 305) == 91);   // row 305, column 1
    CHECK(elev->at(0, 609) == 118.2342);
    CHECK(elev->at(1, 609) == 119.8342);
    CHECK(elev->at(200, 510) == 88.70083);  // row 100, column 201
    CHECK(elev->at(507, 0) == 15.2725);
    // Histogram of fuel codes, counted with awk: 59 191 cells of 93, 12 471 of 91, 104 of 0.
    int n93 = 0, n91 = 0, n0 = 0, invalid = 0;
    for (double v : fuels->values) {
        n93 += v == 93;
        n91 += v == 91;
        n0 += v == 0;
    }
    for (auto ok : elev->valid) invalid += ok == 0;
    CHECK(n93 == 59191);
    CHECK(n91 == 12471);
    CHECK(n0 == 104);
    CHECK(invalid == 0);  // neither file uses its NODATA_value
    double lo = 1e9, hi = -1e9;
    for (double v : elev->values) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    CHECK(lo == 9.925);
    CHECK(hi == 174.7047);
}
