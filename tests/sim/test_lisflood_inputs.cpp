// LISFLOOD-FP input readers (sim/hydraulics/lisflood_inputs.h): each file's good input, every
// boundary kind and side, each class of error at its exact FILE:LINE:COL, the loader's
// cross-references and grid checks in a temporary folder, gzip-compressed grids (and a gzip bomb),
// and the shipped EA benchmark Test 5 model (scenarios/data/ea-test5).
#include "sim/hydraulics/lisflood_inputs.h"
#include "sim/scenario/esri_ascii.h"

#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace drillbase;
using namespace drillbase::sim;
namespace fs = std::filesystem;

namespace {

std::string formatAll(const std::vector<Diagnostic>& d) {
    std::string all;
    for (const auto& x : d) all += x.format() + "\n";
    return all;
}

// The diagnostics of a parse that must fail, one "FILE:L:C: message" a line.
template <class Parse>
std::string errorsOf(Parse parse) {
    std::vector<Diagnostic> errors, warnings;
    const bool ok = parse(errors, warnings);
    CHECK_FALSE(ok);
    CHECK_FALSE(errors.empty());
    return formatAll(errors);
}

std::string parErrors(const std::string& text) {
    return errorsOf(
        [&](auto& e, auto& w) { return parseLisfloodPar(text, "m.par", e, w).has_value(); });
}
std::string bciErrors(const std::string& text) {
    return errorsOf(
        [&](auto& e, auto& w) { return parseLisfloodBci(text, "m.bci", e, w).has_value(); });
}
std::string bdyErrors(const std::string& text) {
    return errorsOf(
        [&](auto& e, auto& w) { return parseLisfloodBdy(text, "m.bdy", e, w).has_value(); });
}
std::string stageErrors(const std::string& text) {
    return errorsOf(
        [&](auto& e, auto&) { return parseLisfloodStage(text, "m.stage", e).has_value(); });
}

// True when `all` has a line that begins with `prefix` and contains `reason`.
bool hasLine(const std::string& all, const std::string& prefix, const std::string& reason) {
    std::size_t b = 0;
    while (b < all.size()) {
        const std::size_t e = all.find('\n', b);
        const std::string line = all.substr(b, e - b);
        if (line.rfind(prefix, 0) == 0 && line.find(reason) != std::string::npos) return true;
        if (e == std::string::npos) break;
        b = e + 1;
    }
    return false;
}
#define CHECK_LINE(all, prefix, reason)     \
    do {                                    \
        const std::string a_ = (all);       \
        INFO(a_);                           \
        CHECK(hasLine(a_, prefix, reason)); \
    } while (0)

// A folder of its own under the system temp folder, removed at the end of the test.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() /
               ("drillbase-lisflood-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return path / name;
    }
    fs::path writeGz(const std::string& name, const std::string& text) const {
        const fs::path p = path / name;
        gzFile f = gzopen(p.string().c_str(), "wb");
        REQUIRE(f != nullptr);
        if (!text.empty()) gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
        gzclose(f);
        return p;
    }
    std::string name(const std::string& file) const { return (path / file).string(); }
};

// A 4 x 3 grid of 10 m cells from (1000, 2000); the north-east cell is NODATA.
const std::string kDem =
    "ncols 4\nnrows 3\nxllcorner 1000\nyllcorner 2000\ncellsize 10\nNODATA_value -9999\n"
    "3 3 3 -9999\n2 2 2 2\n1 1 1 1\n";

const std::string kPar =
    "DEMfile dem.asc\nfpfric 0.035\nsim_time 600\nacceleration\nbcifile m.bci\n"
    "bdyfile m.bdy\nstagefile m.stage\nmassint 10\n";

}  // namespace

TEST_CASE("lisflood par: every keyword drillbase uses, comments, flags and output names") {
    std::vector<Diagnostic> errors, warnings;
    const auto p = parseLisfloodPar(
        "# a comment line\n"
        "DEMfile\t\tdem.asc   # the DEM\n"
        "manningfile n.asc\nstartfile h.asc\nstartelev\n"
        "bcifile b.bci\nbdyfile b.bdy\nstagefile g.stage\n"
        "\n"
        "resroot res\ndirroot out\\acc-cpu\r\n"
        "sim_time 108000.0\ninitial_tstep 0.7\nmassint 100\nsaveint 3600\nfpfric +0.04\n"
        "cfl 0.5\ndepththresh 0.002\nacceleration\nelevoff\ndepthoff\n",
        "m.par", errors, warnings);
    INFO(std::string(formatAll(errors) + formatAll(warnings)));
    REQUIRE(p);
    CHECK(errors.empty());
    CHECK(warnings.empty());
    CHECK(p->demFile->text == "dem.asc");
    CHECK(p->demFile->pos.line == 2);
    CHECK(p->demFile->pos.col == 10);
    CHECK(p->manningFile->text == "n.asc");
    CHECK(p->startFile->text == "h.asc");
    CHECK(p->startElev);
    CHECK(p->bciFile->text == "b.bci");
    CHECK(p->bdyFile->text == "b.bdy");
    CHECK(p->stageFile->text == "g.stage");
    CHECK(p->resRoot->text == "res");
    CHECK(p->dirRoot->text == "out\\acc-cpu");
    CHECK(*p->simTimeS == 108000);
    CHECK(*p->initialStepS == 0.7);
    CHECK(*p->massIntervalS == 100);
    CHECK(*p->saveIntervalS == 3600);
    CHECK(*p->fpfric == 0.04);
    CHECK(*p->cfl == 0.5);
    CHECK(*p->depthThresholdM == 0.002);
    CHECK(p->acceleration);
}

TEST_CASE("lisflood par: unknown keywords and outputs drillbase does not write are warned") {
    std::vector<Diagnostic> errors, warnings;
    const auto p = parseLisfloodPar(
        "DEMfile d.asc\nsim_time 10\nfpfric 0.03\nacceleration\n  frobnicate 3\ndemfile x\n"
        "voutput\nts 0.5\n",
        "m.par", errors, warnings);
    REQUIRE(p);
    CHECK(errors.empty());
    const std::string w = formatAll(warnings);
    CHECK_LINE(w, "m.par:5:3: ", "unknown keyword 'frobnicate' \u2014 ignored");
    CHECK_LINE(w, "m.par:6:1: ",
               "unknown keyword 'demfile' \u2014 ignored (keywords are "
               "case-sensitive: did you mean 'DEMfile'?)");
    CHECK_LINE(w, "m.par:7:1: ",
               "'voutput' (velocity output) is a LISFLOOD-FP output drillbase "
               "does not write");
    CHECK_LINE(w, "m.par:8:1: ", "has no effect on the local-inertial solver");
    CHECK(warnings.size() == 4);

    // Without 'acceleration', LISFLOOD-FP would run another solver: said once, at the top.
    warnings.clear();
    REQUIRE(
        parseLisfloodPar("DEMfile d.asc\nsim_time 10\nfpfric 0.03\n", "m.par", errors, warnings));
    CHECK_LINE(formatAll(warnings), "m.par:1:1: ", "no 'acceleration' keyword");
}

TEST_CASE("lisflood par: physics drillbase does not implement is refused") {
    const std::string base = "DEMfile d.asc\nsim_time 10\nfpfric 0.03\nacceleration\n";
    CHECK_LINE(parErrors(base + "fv1\n"), "m.par:5:1: ",
               "not supported by drillbase: 'fv1' selects the first-order finite-volume solver");
    CHECK_LINE(parErrors(base + "  dg2\n"), "m.par:5:3: ", "not supported by drillbase: 'dg2'");
    CHECK_LINE(parErrors(base + "cuda\n"), "m.par:5:1: ", "the GPU solvers");
    CHECK_LINE(parErrors(base + "SGCwidth w.asc\n"), "m.par:5:1: ", "sub-grid channels");
    CHECK_LINE(parErrors(base + "rivers r.rivers\n"), "m.par:5:1: ", "1D river channels");
    CHECK_LINE(parErrors(base + "evaporation e.evap\n"), "m.par:5:1: ", "evaporation");
    CHECK_LINE(parErrors(base + "infiltration 1e-6\n"), "m.par:5:1: ", "infiltration");
    CHECK_LINE(parErrors(base + "routing\n"), "m.par:5:1: ", "rainfall-routing");
    CHECK_LINE(parErrors(base + "qlim\n"), "m.par:5:1: ", "the flow limiter");
    CHECK_LINE(parErrors(base + "theta 0.7\n"), "m.par:5:1: ", "numerical diffusion");
    CHECK_LINE(parErrors(base + "adaptoff\n"), "m.par:5:1: ", "a fixed time step");
}

TEST_CASE("lisflood par: missing keys, bad numbers and malformed lines") {
    CHECK(parErrors("sim_time 10\nfpfric 0.03\n") ==
          "m.par:1:1: no DEMfile: the .par must name the DEM (an .asc grid)\n");
    CHECK(parErrors("DEMfile d.asc\nfpfric 0.03\n") ==
          "m.par:1:1: no sim_time: the .par must give the simulated time, s\n");
    CHECK_LINE(parErrors("DEMfile d.asc\nsim_time 10\n"), "m.par:1:1: ",
               "no friction: the .par must give fpfric (Manning's n) or a manningfile");
    const std::string base = "DEMfile d.asc\nfpfric 0.03\n";
    CHECK(parErrors(base + "sim_time 10,5\n") ==
          "m.par:3:10: sim_time: '10,5' is not a number (the decimal separator is '.')\n");
    CHECK(parErrors(base + "sim_time 1e999\n") ==
          "m.par:3:10: sim_time: '1e999' is out of the range of a double\n");
    CHECK(parErrors(base + "sim_time -5\n") == "m.par:3:10: sim_time must be positive, not '-5'\n");
    CHECK(parErrors(base + "sim_time 0\n") == "m.par:3:10: sim_time must be positive, not '0'\n");
    CHECK(parErrors(base + "sim_time 10\ncfl 1.5\n").find("m.par:4:5: cfl must be at most 1") == 0);
    CHECK(parErrors(base + "sim_time\n") ==
          "m.par:3:9: 'sim_time' needs a value (the simulated time)\n");
    CHECK(parErrors(base + "sim_time 10 20\n") ==
          "m.par:3:13: unexpected '20' after the value of 'sim_time'\n");
    CHECK(parErrors(base + "sim_time 10\nacceleration on\n") ==
          "m.par:4:14: 'acceleration' is a flag and takes no value (found 'on')\n");
    CHECK(parErrors(base + "sim_time 10\nfpfric 0.05\n") ==
          "m.par:4:1: 'fpfric' is given again (first at line 2)\n");
    // A comment after a value ends the value.
    std::vector<Diagnostic> e, w;
    const auto p = parseLisfloodPar(base + "sim_time 10#s\n", "m.par", e, w);
    REQUIRE(p);
    CHECK(*p->simTimeS == 10);
}

TEST_CASE("lisflood bci: every side and every kind") {
    std::vector<Diagnostic> errors, warnings;
    const auto b = parseLisfloodBci(
        "# side  from/x  to/y  kind  value\n"
        "P 1005 2015 QFIX 0.5\n"
        "P\t1015\t2015\tQVAR\tinflow   # tabs\n"
        "N 1000 1020 HFIX 3.25\n"
        "S 1020 1000 HVAR tide\n"
        "E 2000 2030 FREE 0.001\n"
        "W 2000 2030 free\n"
        "N 1000 1040 CLOSED\n"
        "S 1000 1040 qfix -0.1\n",
        "m.bci", errors, warnings);
    INFO(formatAll(errors));
    REQUIRE(b);
    CHECK(warnings.empty());
    REQUIRE(b->size() == 7);  // CLOSED is every edge's default: nothing is added
    const auto& v = *b;
    CHECK(v[0].side == BoundarySide::Point);
    CHECK(v[0].x == 1005);
    CHECK(v[0].y == 2015);
    CHECK(v[0].kind == BoundaryKind::QFix);
    CHECK(v[0].value == 0.5);
    CHECK(v[0].file == "m.bci");
    CHECK(v[0].pos.line == 2);
    CHECK(v[0].pos.col == 1);
    CHECK(v[1].kind == BoundaryKind::QVar);
    CHECK(v[1].series == "inflow");
    CHECK(v[1].pos.line == 3);
    CHECK(v[2].side == BoundarySide::North);
    CHECK(v[2].from == 1000);
    CHECK(v[2].to == 1020);
    CHECK(v[2].kind == BoundaryKind::HFix);
    CHECK(v[2].value == 3.25);
    CHECK(v[3].side == BoundarySide::South);
    CHECK(v[3].from == 1000);  // a reversed range is put in order
    CHECK(v[3].to == 1020);
    CHECK(v[3].kind == BoundaryKind::HVar);
    CHECK(v[3].series == "tide");
    CHECK(v[4].side == BoundarySide::East);
    CHECK(v[4].kind == BoundaryKind::Free);
    CHECK(v[4].value == 0.001);
    CHECK(v[5].side == BoundarySide::West);
    CHECK(v[5].kind == BoundaryKind::Free);
    CHECK(v[5].value < 0);  // no slope given: the local water-surface slope
    CHECK(v[6].kind == BoundaryKind::QFix);
    CHECK(v[6].value == -0.1);
}

TEST_CASE("lisflood bci: errors at their line and column") {
    CHECK(bciErrors("P 1 2 QFIX 1\nN 0 10 QFLOW 2\n") ==
          "m.bci:2:8: unknown boundary type 'QFLOW' (expected QFIX, QVAR, HFIX, HVAR, FREE or "
          "CLOSED)\n");
    CHECK(bciErrors("N 0 10 QFIX\n") ==
          "m.bci:1:12: QFIX needs a value (inflow per unit width, m\u00b2/s)\n");
    CHECK(bciErrors("  W 0 10 HVAR   \n") == "m.bci:1:17: HVAR needs the name of a .bdy series\n");
    CHECK(bciErrors("X 0 10 QFIX 1\n") ==
          "m.bci:1:1: unknown boundary 'X' (expected P for a point, or N, S, E, W for an edge)\n");
    CHECK_LINE(bciErrors("F 0 10 FREE\n"), "m.bci:1:1: ", "not supported by drillbase: 'F'");
    CHECK(bciErrors("P 1,5 2 QFIX 1\n") ==
          "m.bci:1:3: x: '1,5' is not a number (the decimal separator is '.')\n");
    CHECK(bciErrors("E 0 ten HFIX 1\n") == "m.bci:1:5: to: 'ten' is not a number\n");
    CHECK(bciErrors("P 1 2 QFIX x\n") == "m.bci:1:12: QFIX: 'x' is not a number\n");
    CHECK(bciErrors("P 1 2\n") == "m.bci:1:6: incomplete boundary: expected P x y KIND [value]\n");
    CHECK(bciErrors("S 0 1 QVAR a b\n") == "m.bci:1:14: unexpected 'b' after the QVAR boundary\n");
}

TEST_CASE("lisflood bdy: the EA test 5 hydrograph and every time unit") {
    std::vector<Diagnostic> errors, warnings;
    const auto s = parseLisfloodBdy(
        "#inflow\ntest5\n6   seconds\n0\t0\n0\t300\n15\t600\n15\t1200\n0\t6000\n0\t108000\n"
        "\n"
        "tide\n3 hours\n1.5 0\n2.5 0.5\n1.5 1\n"
        "slow\n2 days\n0 0\n1 1.5\n",
        "m.bdy", errors, warnings);
    INFO(formatAll(errors));
    REQUIRE(s);
    CHECK(warnings.empty());
    REQUIRE(s->size() == 3);
    const TimeSeries& t5 = (*s)[0].series;
    CHECK(t5.name == "test5");
    CHECK((*s)[0].pos.line == 2);
    CHECK(t5.tS == std::vector<double>{0, 300, 600, 1200, 6000, 108000});
    CHECK(t5.value == std::vector<double>{0, 0, 15, 15, 0, 0});
    CHECK((*s)[1].series.tS == std::vector<double>{0, 1800, 3600});
    CHECK((*s)[1].series.value == std::vector<double>{1.5, 2.5, 1.5});
    CHECK((*s)[2].series.tS == std::vector<double>{0, 1.5 * 86400});

    // minutes and the singular forms are converted as they say, with a warning that LISFLOOD-FP
    // 5.9 would read them as seconds.
    warnings.clear();
    const auto m = parseLisfloodBdy("c\nq\n2 minutes\n1 0\n2 2\nr\n2 hour\n1 0\n2 1\n", "m.bdy",
                                    errors, warnings);
    REQUIRE(m);
    CHECK((*m)[0].series.tS == std::vector<double>{0, 120});
    CHECK((*m)[1].series.tS == std::vector<double>{0, 3600});
    const std::string w = formatAll(warnings);
    CHECK_LINE(w, "m.bdy:3:3: ", "'minutes' taken as 60 s each; LISFLOOD-FP 5.9 converts only");
    CHECK_LINE(w, "m.bdy:7:3: ", "'hour' taken as 3600 s each");
}

TEST_CASE("lisflood bdy: errors at their line and column") {
    CHECK(bdyErrors("c\nq\n3 seconds\n0 0\n1 100\n2 100\n") ==
          "m.bdy:6:3: time '100' is not after the previous one, '100' at line 5 (times must "
          "increase)\n");
    CHECK(bdyErrors("c\nq\n2 seconds\n0 50\n1 10\n") ==
          "m.bdy:5:3: time '10' is not after the previous one, '50' at line 4 (times must "
          "increase)\n");
    CHECK(bdyErrors("c\nq\n2 fortnights\n0 0\n1 1\n") ==
          "m.bdy:3:3: unknown time unit 'fortnights' (expected seconds, minutes, hours or days; "
          "LISFLOOD-FP would read it as seconds)\n");
    CHECK(bdyErrors("c\nq\n4 seconds\n0 0\n1 1\n") ==
          "m.bdy:6:1: series 'q' declares 4 samples (line 3) but the file ends after 2\n");
    CHECK(bdyErrors("c\nq\n3 seconds\n0 0\n1 1\nr\n1 seconds\n0 0\n") ==
          "m.bdy:6:1: series 'q' declares 3 samples (line 3); sample 3 should be 'value time', "
          "not 'r'\n");
    CHECK(bdyErrors("c\nq\n2 seconds\n0 0\nx 1\n") == "m.bdy:5:1: value: 'x' is not a number\n");
    CHECK(bdyErrors("c\nq\n2 seconds\n0 0\n1 1.0.0\n") ==
          "m.bdy:5:3: time: '1.0.0' is not a number\n");
    CHECK(bdyErrors("c\nq\nsix seconds\n") ==
          "m.bdy:3:1: the sample count of series 'q': 'six' is not a whole number\n");
    CHECK(bdyErrors("c\nq\n2\n0 0\n1 1\n") ==
          "m.bdy:3:2: series 'q': the count needs a time unit after it (seconds, minutes, hours "
          "or days)\n");
    CHECK(bdyErrors("c\nq\n") == "m.bdy:3:1: series 'q' lacks its 'COUNT UNIT' line\n");
    CHECK(bdyErrors("c\nq\n1 seconds\n0 0\nq\n1 seconds\n0 0\n") ==
          "m.bdy:5:1: series 'q' is given again (first at line 2)\n");
    CHECK(bdyErrors("").find("m.bdy:1:1: empty file") == 0);
    LisfloodLimits small;
    small.maxSamples = 10;
    CHECK(errorsOf([&](auto& e, auto& w) {
              return parseLisfloodBdy("c\nq\n11 seconds\n", "m.bdy", e, w, small).has_value();
          }) == "m.bdy:3:1: the sample count of series 'q': '11' is over the limit of 10\n");
}

TEST_CASE("lisflood rain: one series of rates, mm/h") {
    std::vector<Diagnostic> errors, warnings;
    const auto t =
        parseLisfloodRain("# rain\n3 hours\n0 0\n12.5 1\n0 2\n", "m.rain", errors, warnings);
    REQUIRE(t);
    CHECK(t->name == "rainfall");
    CHECK(t->tS == std::vector<double>{0, 3600, 7200});
    CHECK(t->value == std::vector<double>{0, 12.5, 0});
    auto rainErrors = [](const std::string& text) {
        return errorsOf(
            [&](auto& e, auto& w) { return parseLisfloodRain(text, "m.rain", e, w).has_value(); });
    };
    CHECK(rainErrors("c\n2 seconds\n1 0\n-1 10\n") ==
          "m.rain:4:1: a rainfall rate cannot be negative: '-1' mm/h\n");
    CHECK(rainErrors("c\n1 seconds\n1 0\nmore 1\n") ==
          "m.rain:4:1: unexpected 'more 1' after the rainfall samples (a .rain has one series)\n");
    CHECK(rainErrors("c\n") == "m.rain:2:1: the rainfall lacks its 'COUNT UNIT' line\n");
    CHECK(rainErrors("c\n2 weeks\n").find("m.rain:2:3: unknown time unit 'weeks'") == 0);
}

TEST_CASE("lisflood stage: gauges, and counts that do not match") {
    std::vector<Diagnostic> errors;
    const auto g = parseLisfloodStage("2\n235200\t832400\n  236700 833800\n", "m.stage", errors);
    REQUIRE(g);
    REQUIRE(g->size() == 2);
    CHECK((*g)[0].gauge.x == 235200);
    CHECK((*g)[0].gauge.y == 832400);
    CHECK((*g)[1].pos.line == 3);
    CHECK((*g)[1].pos.col == 3);
    CHECK(stageErrors("3\n1 2\n3 4\n") ==
          "m.stage:4:1: line 1 announces 3 points, the file has 2\n");
    CHECK(stageErrors("1\n1 2\n3 4\n") ==
          "m.stage:3:1: more points than the 1 announced on line 1\n");
    CHECK(stageErrors("2\n1 2\n3 y\n") == "m.stage:3:3: y: 'y' is not a number\n");
    CHECK(stageErrors("2\n1 2\n3\n") == "m.stage:3:2: point 2 should be 'x y', not '3'\n");
    CHECK(stageErrors("two\n") ==
          "m.stage:1:1: the number of points: 'two' is not a whole number\n");
    CHECK(stageErrors("").find("m.stage:1:1: empty file") == 0);
}

TEST_CASE("lisflood loader: a small model, its grids and cross-references") {
    TempDir d("small");
    d.write("dem.asc", kDem);
    d.write("m.bci",
            "P 1005 2005 QVAR in\nN 1000 1040 HFIX 3.5\nW 2000 2010 FREE\nP 1010 2010 QFIX 1\n");
    d.write("m.bdy", "hydrograph\nin\n2 minutes\n0 0\n1 5\n");  // value, then time
    d.write("m.stage", "2\n1015 2015\n1035 2025\n");
    d.write("h.asc",
            "ncols 4\nnrows 3\nxllcenter 1005\nyllcenter 2005\ncellsize 10\n"
            "NODATA_value -1\n3.5 3 2 -1\n2.5 2 2 2\n1 1 1 1\n");
    d.write("n.asc",
            "ncols 4\nnrows 3\nxllcorner 1000\nyllcorner 2000\ncellsize 10\n"
            "NODATA_value -9999\n0.05 0.05 -9999 -9999\n0.03 0.03 0.03 0.03\n"
            "0.02 0.02 0.02 0.02\n");
    d.write("m.rain", "storm\n2 seconds\n10 0\n0 600\n");
    const auto par = d.write("m.par", kPar +
                                          "manningfile n.asc\nstartfile h.asc\nstartelev\n"
                                          "initial_tstep 0.5\nsaveint 60\nrainfall m.rain\n");
    std::vector<Diagnostic> errors, warnings;
    const auto lm = loadLisfloodModel(par, errors, warnings);
    INFO(std::string(formatAll(errors) + formatAll(warnings)));
    REQUIRE(lm);
    CHECK(errors.empty());
    const FloodModel& m = lm->model;
    CHECK(m.nx == 4);
    CHECK(m.ny == 3);
    CHECK(m.xll == 1000);
    CHECK(m.yll == 2000);
    CHECK(m.cellM == 10);
    CHECK(m.z[m.index(0, 0)] == 1);
    CHECK(m.z[m.index(0, 2)] == 3);
    CHECK(m.inDomain[m.index(3, 2)] == 0);
    CHECK(m.inDomain[m.index(2, 2)] == 1);
    // Manning: the NODATA cell of the domain takes fpfric (warned), the one outside does not
    // matter.
    CHECK(m.manning[m.index(0, 2)] == 0.05);
    CHECK(m.manning[m.index(2, 2)] == 0.035);
    CHECK(m.manning[m.index(0, 0)] == 0.02);
    CHECK_LINE(formatAll(warnings),
               d.name("m.par") + ":9:13: ", "1 NODATA cells of the domain take fpfric 0.035");
    // startelev: depth = surface - bed, never negative.
    REQUIRE(m.h0.size() == 12);
    CHECK(m.h0[m.index(0, 2)] == 0.5);
    CHECK(m.h0[m.index(1, 2)] == 0);
    CHECK(m.h0[m.index(0, 1)] == 0.5);
    CHECK(m.h0[m.index(0, 0)] == 0);
    REQUIRE(m.boundaries.size() == 4);
    CHECK(m.boundaries[0].series == "in");
    CHECK(m.boundaries[0].cellI == 0);
    CHECK(m.boundaries[0].cellJ == 0);
    CHECK(m.boundaries[1].cellI == -1);  // edges have no cell of their own
    // A point on the corner of four cells feeds the one east and south of it, as in LISFLOOD-FP.
    CHECK(m.boundaries[3].cellI == 1);
    CHECK(m.boundaries[3].cellJ == 0);
    CHECK(m.boundaries[0].file == d.name("m.bci"));
    REQUIRE(m.series.size() == 1);
    CHECK(m.findSeries("in")->tS == std::vector<double>{0, 300});
    CHECK(m.findSeries("in")->value == std::vector<double>{0, 1});
    REQUIRE(m.gauges.size() == 2);
    CHECK(m.gauges[1].x == 1035);
    CHECK(m.settings.simTimeS == 600);
    CHECK(m.settings.initialStepS == 0.5);
    CHECK(m.settings.massIntervalS == 10);
    CHECK(m.settings.saveIntervalS == 60);
    CHECK(m.rain.present);
    CHECK(m.rain.mmPerHour.at(300) == 5);
    CHECK(lm->filesRead.size() == 8);
    CHECK(lm->filesRead.front() == par);
    // The series ends before sim_time: said, with its place.
    CHECK_LINE(formatAll(warnings), d.name("m.bdy") + ":2:1: ",
               "series 'in' ends at 300 s, before sim_time 600 s: its last value is held");
}

TEST_CASE("lisflood loader: errors at the line that causes them") {
    TempDir d("errors");
    d.write("dem.asc", kDem);
    d.write("m.bdy", "c\nin\n2 seconds\n0 0\n1 600\n");
    d.write("m.stage", "1\n1015 2015\n");
    auto load = [&](const std::string& par) {
        const auto p = d.write("m.par", par);
        return errorsOf([&](auto& e, auto& w) { return loadLisfloodModel(p, e, w).has_value(); });
    };
    const std::string par = d.name("m.par"), bci = d.name("m.bci");

    d.write("m.bci", "P 1005 2005 QVAR in\nP 1015 2005 QVAR out\n");
    CHECK(load(kPar) == bci + ":2:1: series 'out' is not in the bdyfile " + d.name("m.bdy") + "\n");
    d.write("m.bci", "P 1005 2005 QVAR in\nP 995 2005 QFIX 1\n");
    CHECK(load(kPar) == bci +
                            ":2:1: point (995, 2005) is outside the grid (x 1000 to 1040, y "
                            "2000 to 2030)\n");
    d.write("m.bci", "P 1005 2005 QVAR in\n  P 1035 2025 QFIX 1\n");
    CHECK(load(kPar) == bci +
                            ":2:3: point (1035, 2025) lies on a NODATA cell of the DEM, outside "
                            "the domain\n");
    d.write("m.bci", "P 1005 2005 QVAR in\nP 1009 2001 QFIX 1\n");
    CHECK_LINE(load(kPar), bci + ":2:1: ", "is in the same cell as the point source of line 1");
    d.write("m.bci", "P 1005 2005 QVAR in\nE 2031 2100 HFIX 1\n");
    CHECK(load(kPar) == bci +
                            ":2:1: y 2031 to 2100 holds no cell centre of the east edge (y 2000 "
                            "to 2030)\n");
    d.write("m.bci", "P 1005 2005 QVAR in\nN 1000 1040 HVAR tide\n");
    CHECK_LINE(load(kPar), bci + ":2:1: ", "series 'tide' is not in the bdyfile");
    d.write("m.bci", "P 1005 2005 QVAR in\n");
    CHECK_LINE(load("DEMfile dem.asc\nfpfric 0.03\nsim_time 10\nacceleration\nbcifile m.bci\n"),
               bci + ":1:1: ", "series 'in' needs a bdyfile, and the .par names none");

    // Gauges: outside the grid is an error; on a NODATA cell a warning.
    d.write("m.stage", "2\n1015 2015\n1040 2015\n");
    CHECK(load(kPar) == d.name("m.stage") +
                            ":3:1: gauge (1040, 2015) is outside the grid (x 1000 "
                            "to 1040, y 2000 to 2030)\n");
    d.write("m.stage", "1\n1035 2025\n");
    std::vector<Diagnostic> errors, warnings;
    REQUIRE(loadLisfloodModel(d.write("m.par", kPar), errors, warnings));
    CHECK_LINE(formatAll(warnings),
               d.name("m.stage") + ":2:1: ", "gauge (1035, 2025) lies on a NODATA cell");

    // Grids: a Manning grid of another size, a missing DEM, negative depths, a bad grid.
    d.write("n.asc",
            "ncols 3\nnrows 3\nxllcorner 1000\nyllcorner 2000\ncellsize 10\n"
            "1 1 1\n1 1 1\n1 1 1\n");
    CHECK(load(kPar + "manningfile n.asc\n") ==
          par +
              ":9:13: manningfile 'n.asc': the grid is 3 x 3 cells of 10 m from (1000, 2000), "
              "the DEM 4 x 3 cells of 10 m from (1000, 2000); the grids must match cell for "
              "cell\n");
    d.write("n.asc",
            "ncols 4\nnrows 3\nxllcorner 1010\nyllcorner 2000\ncellsize 10\n"
            "1 1 1 1\n1 1 1 1\n1 1 1 1\n");
    CHECK_LINE(load(kPar + "manningfile n.asc\n"),
               par + ":9:13: ", "the grid is 4 x 3 cells of 10 m from (1010, 2000)");
    d.write("n.asc",
            "ncols 4\nnrows 3\nxllcorner 1000\nyllcorner 2000\ncellsize 10\n"
            "1 1 1 1\n1 0 1 1\n1 1 1 1\n");
    CHECK(load(kPar + "manningfile n.asc\n") ==
          par +
              ":9:13: manningfile 'n.asc': 1 cell of the domain have a Manning's n that is not "
              "positive, the first at column 2, row 2 from the north (centre x 1015, y 2015)\n");
    d.write("h.asc",
            "ncols 4\nnrows 3\nxllcorner 1000\nyllcorner 2000\ncellsize 10\n"
            "0 0 0 0\n0 -1 0 0\n0 0 0 -2\n");
    CHECK_LINE(load(kPar + "startfile h.asc\n"),
               par + ":9:11: ", "2 cells of the domain have a negative initial depth");
    CHECK(load("DEMfile nothere.asc\nfpfric 0.03\nsim_time 10\nacceleration\n") ==
          par + ":1:9: DEMfile 'nothere.asc': no such file (looked for " + d.name("nothere.asc") +
              ")\n");
    d.write("bad.asc", "ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 x\n");
    CHECK(load("DEMfile bad.asc\nfpfric 0.03\nsim_time 10\nacceleration\n") ==
          d.name("bad.asc") + ":6:3: 'x' is not a number (row 1 from the north, column 2)\n");
    CHECK(load("DEMfile dem.asc\nfpfric 0.03\nsim_time 10\nacceleration\nbcifile none.bci\n") ==
          par + ":5:9: bcifile 'none.bci': no such file (looked for " + d.name("none.bci") + ")\n");
}

TEST_CASE("esri_ascii: gzip-compressed grids load as the plain ones, and a gzip bomb is refused") {
    TempDir d("gzip");
    const std::string text = kDem;
    std::vector<Diagnostic> out;
    const auto plain = loadAsciiGrid(d.write("g.asc", text), out);
    // Recognised by its magic bytes, whatever the name says.
    const auto gz = loadAsciiGrid(d.writeGz("g.asc.gz", text), out);
    const auto misnamed = loadAsciiGrid(d.writeGz("g2.asc", text), out);
    INFO(formatAll(out));
    REQUIRE(plain);
    REQUIRE(gz);
    REQUIRE(misnamed);
    CHECK(gz->values == plain->values);
    CHECK(misnamed->values == plain->values);
    CHECK(gz->valid == plain->valid);

    // Two gzip members one after the other read as one text (as gzip -d does).
    {
        const auto a = d.writeGz("a.gz", text.substr(0, 40));
        const auto b = d.writeGz("b.gz", text.substr(40));
        std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
        std::ofstream c(d.path / "c.asc.gz", std::ios::binary);
        c << fa.rdbuf() << fb.rdbuf();
    }
    const auto joined = loadAsciiGrid(d.path / "c.asc.gz", out);
    REQUIRE(joined);
    CHECK(joined->values == plain->values);

    // 8 MiB of blanks compress to a few kB: refused once the text passes the limit.
    AsciiGridLimits small;
    small.maxBytes = 1 << 20;
    const auto bomb = d.writeGz("bomb.asc.gz", text + std::string(8u << 20, ' '));
    CHECK(fs::file_size(bomb) < small.maxBytes);
    out.clear();
    CHECK_FALSE(loadAsciiGrid(bomb, out, small));
    CHECK(formatAll(out) == d.name("bomb.asc.gz") +
                                ":1:1: gzip file inflates to more than 1048576 bytes, the limit; "
                                "refused\n");

    // A truncated or corrupted stream is a located error, not a partial grid.
    std::string bytes;
    {
        std::ifstream f(d.path / "g.asc.gz", std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(f), {});
    }
    out.clear();
    CHECK_FALSE(loadAsciiGrid(d.write("cut.asc.gz", bytes.substr(0, bytes.size() / 2)), out));
    CHECK(formatAll(out) ==
          d.name("cut.asc.gz") + ":1:1: gzip file gzip stream ends early (a truncated file?)\n");
    std::string broken = bytes;
    for (std::size_t k = 12; k < 20 && k < broken.size(); ++k) broken[k] = '\xff';
    out.clear();
    CHECK_FALSE(loadAsciiGrid(d.write("broken.asc.gz", broken), out));
    CHECK(formatAll(out).find(d.name("broken.asc.gz") +
                              ":1:1: gzip file is not a valid gzip stream") == 0);
}

TEST_CASE("lisflood loader: the shipped EA benchmark Test 5 model") {
    const fs::path par =
        fs::path(DRILLBASE_SOURCE_DIR) / "scenarios" / "data" / "ea-test5" / "ea5-10m.par";
    std::vector<Diagnostic> errors, warnings;
    const auto lm = loadLisfloodModel(par, errors, warnings);
    INFO(std::string(formatAll(errors) + formatAll(warnings)));
    REQUIRE(lm);
    CHECK(warnings.empty());
    const FloodModel& m = lm->model;
    CHECK(m.nx == 1378);
    CHECK(m.ny == 1224);
    CHECK(m.cellM == 10);
    CHECK(m.xll == 231335);
    CHECK(m.yll == 829885);
    std::size_t domain = 0;
    for (auto v : m.inDomain) domain += v;
    CHECK(domain == 306757);
    CHECK(m.manning.size() == m.cells());
    CHECK(m.manning[m.index(700, 600)] == 0.04);
    CHECK(m.h0.empty());
    REQUIRE(m.boundaries.size() == 20);
    // The sources lie on cell edges (y 830505 = yllcorner + 62 cells): LISFLOOD-FP puts each in
    // the cell south of its edge, row 61 from the south.
    CHECK(m.boundaries[0].cellI == 128);
    CHECK(m.boundaries[0].cellJ == 61);
    CHECK(m.boundaries[19].cellI == 147);
    CHECK(m.boundaries[19].cellJ == 42);
    for (const auto& b : m.boundaries) {
        CHECK(m.inDomain[m.index(b.cellI, b.cellJ)] == 1);
        CHECK(b.side == BoundarySide::Point);
        CHECK(b.kind == BoundaryKind::QVar);
        CHECK(b.series == "test5");
    }
    REQUIRE(m.series.size() == 1);
    CHECK(m.series[0].tS.back() == 108000);
    CHECK(m.series[0].at(900) == 15);
    CHECK(m.gauges.size() == 7);
    CHECK(m.settings.simTimeS == 108000);
    CHECK(m.settings.initialStepS == 0.7);
    CHECK(m.settings.massIntervalS == 100);
    CHECK(m.settings.saveIntervalS == 3600);
    CHECK(lm->par.acceleration);
    CHECK(lm->par.dirRoot->text == "ea5-10m\\acc-cpu");
    CHECK(lm->filesRead.size() == 5);
}
