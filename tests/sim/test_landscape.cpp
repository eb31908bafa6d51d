// Fire landscapes in the C2F-W layout (sim/fire/landscape.h, fire_instance.h, c2f_weather.h,
// terrain.h): the real Vilopriu landscape (310 k cells, its codes, slope and aspect in the
// units of the files, checked against Horn's method on its DEM, the ignition cell in C2F-W's
// numbering), flat landscapes, NODATA, and every kind of bad landscape refused with its file and
// reason — grids of another shape, unknown fuel values at their line and column, codes the fire
// model does not know, bad CSV rows with row and column.
#include "sim/fire/fire_instance.h"
#include "sim/fire/terrain.h"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

using namespace drillbase;
using namespace drillbase::sim::fire;

namespace {

// Scott & Burgan (2005) fuel model codes and the non-burnable ones.
std::set<std::string> sbCodes() {
    std::set<std::string> s;
    auto add = [&](const char* p, int n) {
        for (int k = 1; k <= n; ++k) s.insert(p + std::to_string(k));
    };
    add("NB", 9);
    add("GR", 9);
    add("GS", 4);
    add("SH", 9);
    add("TU", 5);
    add("TL", 9);
    add("SB", 4);
    return s;
}

std::filesystem::path vilopriu() {
    // The copy shipped with the scenarios (grids gzip-compressed), so that a clean clone has it.
    return std::filesystem::path(DRILLBASE_SOURCE_DIR) / "scenarios" / "data" / "vilopriu";
}

std::string formatAll(const std::vector<Diagnostic>& d) {
    std::string all;
    for (const auto& x : d) all += x.format() + "\n";
    return all;
}

// A scratch landscape folder, removed at the end of the test.
struct Folder {
    std::filesystem::path dir;
    explicit Folder(const char* name)
        : dir(std::filesystem::temp_directory_path() /
              ("drillbase-landscape-" + std::string(name))) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    ~Folder() { std::filesystem::remove_all(dir); }
    void write(const char* name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
    }
};

const std::string kTable =
    "grid_value,export_value,descriptive_name,fuel_type, r, g, b, h, s, l\n"
    "101,101,sparse grass,GR1,209,255,115,57,255,185\n"
    "102,102,\"grass, low load\",GR2,209,255,115,57,255,185\n"
    "91,91,urban,Non-fuel,0,0,0,0,0,0\n";

std::string grid(int ncols, int nrows, const std::string& values, double cell = 10,
                 double xll = 0) {
    return "ncols " + std::to_string(ncols) + "\nnrows " + std::to_string(nrows) +
           "\nxllcorner " + std::to_string(xll) + "\nyllcorner 0\ncellsize " +
           std::to_string(cell) + "\nNODATA_value -9999\n" + values;
}

LandscapeOptions options() {
    LandscapeOptions o;
    o.knownCodes = sbCodes();
    return o;
}

std::string refused(const Folder& f, LandscapeOptions o = options()) {
    std::vector<Diagnostic> e, w;
    const auto L = loadLandscape(f.dir, o, e, w);
    CHECK_FALSE(L);
    CHECK_FALSE(e.empty());
    return formatAll(e);
}

}  // namespace

TEST_CASE("landscape: Vilopriu loads with its codes, slope in degrees and downslope aspect") {
    FireInstanceOptions o;
    o.landscape = options();
    std::vector<Diagnostic> e, w;
    const auto inst = loadFireInstance(vilopriu(), o, e, w);
    INFO(formatAll(e) << formatAll(w));
    REQUIRE(inst);
    CHECK(w.empty());  // the slope units fit: no warning
    const Landscape& L = inst->landscape;
    CHECK(L.ncols == 508);
    CHECK(L.nrows == 610);
    CHECK(L.cellCount() == 309'880);
    CHECK(L.cellM == 20);
    CHECK(L.slopeFromFile);
    CHECK(L.aspectFromFile);
    std::string codes;
    for (const auto& c : L.codes) codes += c + " ";
    MESSAGE("Vilopriu codes: " << codes << "; burnable " << L.burnableCount());
    CHECK(L.codes.size() >= 5);
    CHECK(std::find(L.codes.begin(), L.codes.end(), "TU5") != L.codes.end());
    CHECK(std::find(L.codes.begin(), L.codes.end(), "GR3") != L.codes.end());
    CHECK(L.burnableCount() == 232'622);
    CHECK(L.lookup.find(101)->code == "GR1");
    CHECK(L.lookup.find(91)->nonFuel);

    // The files against Horn's method on the DEM: the slope in degrees, saz the downslope way.
    std::vector<double> z(L.elevationM.begin(), L.elevationM.end());
    std::vector<std::uint8_t> valid(z.size(), 1);
    std::vector<float> hornTan, hornAz;
    hornSlopeAspect(z, valid, L.ncols, L.nrows, L.cellM, hornTan, hornAz);
    double slopeErr = 0, aspectErr = 0;
    std::size_t n = 0, na = 0;
    for (int j = 1; j + 1 < L.nrows; ++j)
        for (int i = 1; i + 1 < L.ncols; ++i) {
            const std::size_t c = static_cast<std::size_t>(j) * L.ncols + i;
            slopeErr += std::fabs(slopeDegFromTan(L.slopeTan[c]) - slopeDegFromTan(hornTan[c]));
            ++n;
            if (hornTan[c] > 0.05) {
                const double d = std::fabs(std::remainder(L.aspectDeg[c] - hornAz[c], 360.0));
                aspectErr = std::max(aspectErr, d);
                ++na;
            }
        }
    MESSAGE("slope.asc vs Horn: mean " << slopeErr / n << " deg; saz vs Horn: worst " << aspectErr
                                       << " deg over " << na << " cells");
    CHECK(slopeErr / n < 1e-3);
    CHECK(aspectErr < 0.05);

    // Weather and the ignition, as C2F-W numbers them (northern row first).
    REQUIRE(inst->weather);
    CHECK(inst->weather->hours.size() == 7);
    CHECK(inst->weather->hours[0].windKmh == 26);
    CHECK(inst->weather->hours[0].windFromDeg == 321);
    CHECK(inst->weather->hours[3].windFromDeg == 329);
    CHECK(inst->weather->hourAt(3 * 3600 + 1) == 3);
    CHECK(inst->weather->hourAt(1e9) == 6);
    CHECK(inst->weather->nextChangeS(10) == 3600);
    REQUIRE(inst->ignitionCells.size() == 1);
    CHECK(inst->ignitions[0].ncell == 94187);
    const std::size_t cell = inst->ignitionCells[0];  // row 186 from the north, column 207
    CHECK(cell % 508 == 206);
    CHECK(cell / 508 == 610 - 186);
    CHECK(c2fCellNumber(cell, 508, 610) == 94187);
    CHECK(L.burnable(cell));
}

TEST_CASE("landscape: C2F-W cell numbers run from the north-west corner, row by row") {
    CHECK(c2fCellIndex(1, 3, 2) == std::optional<std::size_t>(3));  // NW: i 0, j 1
    CHECK(c2fCellIndex(3, 3, 2) == std::optional<std::size_t>(5));  // NE
    CHECK(c2fCellIndex(4, 3, 2) == std::optional<std::size_t>(0));  // SW
    CHECK_FALSE(c2fCellIndex(7, 3, 2));
    CHECK_FALSE(c2fCellIndex(0, 3, 2));
    for (std::size_t k = 0; k < 6; ++k) CHECK(c2fCellIndex(c2fCellNumber(k, 3, 2), 3, 2) == k);
}

TEST_CASE("landscape: only fuels.asc is flat ground; NODATA and non-fuel do not burn") {
    Folder f("flat");
    f.write("spain_lookup_table.csv", kTable);
    f.write("fuels.asc", grid(3, 2, "101 102 91\n-9999 101 101\n"));
    std::vector<Diagnostic> e, w;
    const auto L = loadLandscape(f.dir, options(), e, w);
    INFO(formatAll(e));
    REQUIRE(L);
    CHECK(L->slopeTan.empty());
    CHECK(L->elevationM.empty());
    CHECK(L->codes == std::vector<std::string>{"GR1", "GR2"});
    CHECK(L->code(3) == "GR1");  // north-west cell (j = 1)
    CHECK(L->code(4) == "GR2");
    CHECK_FALSE(L->burnable(5));  // Non-fuel
    CHECK_FALSE(L->burnable(0));  // NODATA
    CHECK(L->entry[0] == Landscape::kNone);
    CHECK(L->lookup.entries[1].descriptiveName == "grass, low load");
    CHECK(L->burnableCount() == 4);
}

TEST_CASE("landscape: slope and aspect from the DEM by Horn's method") {
    Folder f("dem");
    f.write("spain_lookup_table.csv", kTable);
    f.write("fuels.asc", grid(3, 3, "101 101 101\n101 101 101\n101 101 101\n"));
    // Rising 1 m per 10 m cell to the east: slope 0.1, downslope to the west (270°).
    f.write("elevation.asc", grid(3, 3, "0 1 2\n0 1 2\n0 1 2\n"));
    std::vector<Diagnostic> e, w;
    const auto L = loadLandscape(f.dir, options(), e, w);
    INFO(formatAll(e));
    REQUIRE(L);
    CHECK_FALSE(L->slopeFromFile);
    CHECK(L->slopeTan[4] == doctest::Approx(0.1));
    CHECK(L->aspectDeg[4] == doctest::Approx(270));
    CHECK(L->slopeTan[3] == doctest::Approx(0.05));  // one-sided at the edge
}

TEST_CASE("landscape: bad landscapes are refused with the file and the reason") {
    SUBCASE("grids of another shape, cell size or origin") {
        Folder f("shape");
        f.write("spain_lookup_table.csv", kTable);
        f.write("fuels.asc", grid(2, 2, "101 101\n101 101\n"));
        f.write("elevation.asc", grid(3, 2, "1 1 1\n1 1 1\n"));
        CHECK(refused(f).find("elevation.asc:1:1: 3 x 2 cells, fuels.asc has 2 x 2") !=
              std::string::npos);
        f.write("elevation.asc", grid(2, 2, "1 1\n1 1\n", 20));
        CHECK(refused(f).find("cellsize 20, fuels.asc has 10") != std::string::npos);
        f.write("elevation.asc", grid(2, 2, "1 1\n1 1\n", 10, 5));
        CHECK(refused(f).find("south-west corner") != std::string::npos);
    }
    SUBCASE("fuel values not in the table, at their line and column") {
        Folder f("unknown");
        f.write("spain_lookup_table.csv", kTable);
        f.write("fuels.asc", grid(3, 2, "101 101 101\n101 150 150\n"));
        const std::string e = refused(f);
        CHECK(e.find("fuels.asc:8:5: fuel grid value 150 is not in spain_lookup_table.csv (row 2 "
                     "from the north, column 2, C2F-W cell 5); 2 cells in all") !=
              std::string::npos);
        f.write("fuels.asc", grid(3, 2, "101 101 101.5\n101 101 101\n"));
        CHECK(refused(f).find("fuels.asc:7:9: fuel grid value 101.5 is not a whole number") !=
              std::string::npos);
    }
    SUBCASE("codes the fire model does not know") {
        Folder f("codes");
        f.write("spain_lookup_table.csv", kTable + "103,103,typo,GRX,1,2,3,4,5,6\n"
                                                   "104,104,unused,ZZ9,1,2,3,4,5,6\n");
        f.write("fuels.asc", grid(2, 1, "101 103\n"));
        const std::string e = refused(f);
        CHECK(e.find("spain_lookup_table.csv:5:1: fuel code 'GRX' is not a fuel model the fire "
                     "model knows; 1 cells of fuels.asc have grid value 103") !=
              std::string::npos);
        f.write("fuels.asc", grid(2, 1, "101 101\n"));
        std::vector<Diagnostic> errs, warns;
        CHECK(loadLandscape(f.dir, options(), errs, warns));
        REQUIRE(warns.size() == 2);
        CHECK(warns[1].format().find(":6:1: fuel code 'ZZ9'") != std::string::npos);
    }
    SUBCASE("bad lookup rows, with row and column") {
        Folder f("rows");
        f.write("fuels.asc", grid(1, 1, "101\n"));
        f.write("spain_lookup_table.csv",
                kTable + "105,105,grass, mixed,GR5,1,2,3,4,5,6\n106,106,x,GR6,300,2,3,4,5,6\n"
                         "101,101,again,GR1,1,2,3,4,5,6\n");
        const std::string e = refused(f);
        CHECK(e.find("spain_lookup_table.csv:5:36: row has 11 fields, the header 10") !=
              std::string::npos);
        CHECK(e.find("spain_lookup_table.csv:6:15: column 'r': '300' is outside 0..255") !=
              std::string::npos);
        CHECK(e.find("spain_lookup_table.csv:7:1: grid_value 101 is already given on line 2") !=
              std::string::npos);
        f.write("spain_lookup_table.csv", "grid_value,fuel_type\n101,GR1\n");
        CHECK(refused(f).find("the header has no 'r' column") != std::string::npos);
    }
    SUBCASE("no table, two tables, no fuels") {
        Folder f("files");
        f.write("fuels.asc", grid(1, 1, "101\n"));
        CHECK(refused(f).find("no fuel lookup table") != std::string::npos);
        f.write("spain_lookup_table.csv", kTable);
        f.write("fbp_lookup_table.csv", kTable);
        CHECK(refused(f).find("more than one fuel lookup table") != std::string::npos);
        std::filesystem::remove(f.dir / "fuels.asc");
        CHECK(refused(f).find("no fuels.asc") != std::string::npos);
    }
    SUBCASE("slopes out of range, in percent, or without a direction") {
        Folder f("slope");
        f.write("spain_lookup_table.csv", kTable);
        f.write("fuels.asc", grid(2, 1, "101 101\n"));
        f.write("slope.asc", grid(2, 1, "5 95\n"));
        f.write("saz.asc", grid(2, 1, "0 400\n"));
        const std::string e = refused(f);
        CHECK(e.find("slope.asc:7:3: slope 95 is outside [0, 90) degrees") != std::string::npos);
        LandscapeOptions pct = options();
        pct.slopeUnits = SlopeUnits::percent;
        CHECK(refused(f, pct).find("saz.asc:7:3: slope azimuth 400 is outside 0..360") !=
              std::string::npos);
        std::filesystem::remove(f.dir / "saz.asc");
        CHECK(refused(f, pct).find("slope.asc needs saz.asc or elevation.asc") !=
              std::string::npos);
        // A percent slope file read as degrees: the DEM says so.
        f.write("fuels.asc", grid(3, 3, "101 101 101\n101 101 101\n101 101 101\n"));
        f.write("elevation.asc", grid(3, 3, "0 3 6\n0 3 6\n0 3 6\n"));
        f.write("slope.asc", grid(3, 3, "15 30 15\n15 30 15\n15 30 15\n"));  // Horn's, in %
        std::vector<Diagnostic> errs, warns;
        const auto L = loadLandscape(f.dir, options(), errs, warns);
        REQUIRE(L);
        REQUIRE(warns.size() == 1);
        CHECK(warns[0].message.find("look like percent") != std::string::npos);
        CHECK(loadLandscape(f.dir, pct, errs, warns));
        CHECK(warns.size() == 1);  // none more in percent
    }
}

TEST_CASE("c2f_weather: Weather.csv and Ignitions.csv errors name the row and the column") {
    std::vector<Diagnostic> e;
    const std::string head = "Instance,datetime,WS,WD,FireScenario\n";
    auto w = parseHourlyWeather(head + "a,11/11/13 18:00,26,321.0,1\na,x,abc,10,2\n"
                                     "a,x,10,361,2\na,x,-1,10,7\na,x,10\n",
                              "Weather.csv", e);
    CHECK_FALSE(w);
    const std::string all = formatAll(e);
    CHECK(all.find("Weather.csv:3:5: WS (wind speed, km/h): 'abc' is not a number") !=
          std::string::npos);
    CHECK(all.find("Weather.csv:4:8: WD (wind from, degrees clockwise from north) 361 is "
                   "outside 0..360") != std::string::npos);
    CHECK(all.find("Weather.csv:5:5: WS (wind speed, km/h) -1 is outside 0..250") !=
          std::string::npos);
    CHECK(all.find("Weather.csv:5:11: FireScenario (moisture scenario 1..4): '7' is outside "
                   "1..4") != std::string::npos);
    CHECK(all.find("Weather.csv:6:7: row has 3 fields, the header 5") != std::string::npos);
    e.clear();
    CHECK_FALSE(parseHourlyWeather("Instance,datetime,WD\n", "Weather.csv", e));
    CHECK(formatAll(e).find("Weather.csv:1:1: the header has no 'WS' column") !=
          std::string::npos);
    e.clear();
    auto ok = parseHourlyWeather("\xEF\xBB\xBFScenario,datetime,WS,WD\r\ns,t,5.5,90.5\r\n\r\n",
                               "Weather.csv", e);
    REQUIRE(ok);
    CHECK(ok->hours[0].instance == "s");
    CHECK(ok->hours[0].windFromDeg == 90.5);
    CHECK_FALSE(ok->hours[0].fireScenario);

    e.clear();
    CHECK_FALSE(parseIgnitions("Year,Ncell\n1,0\n2,x\n", "Ignitions.csv", e));
    CHECK(formatAll(e).find("Ignitions.csv:2:3: Ncell (1-based cell number, northern row "
                            "first): '0' is outside") != std::string::npos);
    CHECK(formatAll(e).find("Ignitions.csv:3:3: Ncell") != std::string::npos);
    e.clear();
    CHECK_FALSE(parseIgnitions("Year,Ncell\n1,\"7\n", "Ignitions.csv", e));
    CHECK(formatAll(e).find("Ignitions.csv:2:3: a quoted field is not closed") !=
          std::string::npos);
    // Limits: rows are counted before they are stored.
    CsvLimits small;
    small.maxRows = 2;
    e.clear();
    CHECK_FALSE(parseIgnitions("Year,Ncell\n1,1\n2,2\n3,3\n", "Ignitions.csv", e, small));
    CHECK(formatAll(e).find("Ignitions.csv:4:1: more than 2 records") != std::string::npos);
}

TEST_CASE("fire_instance: an ignition outside the grid is refused at its field") {
    Folder f("ignition");
    f.write("spain_lookup_table.csv", kTable);
    f.write("fuels.asc", grid(2, 1, "101 91\n"));
    f.write("Ignitions.csv", "Year,Ncell\n1,3\n2,2\n");
    FireInstanceOptions o;
    o.landscape = options();
    std::vector<Diagnostic> e, w;
    CHECK_FALSE(loadFireInstance(f.dir, o, e, w));
    const std::string all = formatAll(e);
    CHECK(all.find("Ignitions.csv:2:3: Ncell 3 is not a cell of the 2 x 1 landscape") !=
          std::string::npos);
    CHECK(all.find("Ignitions.csv:3:3: Ncell 2 does not burn") != std::string::npos);
}
