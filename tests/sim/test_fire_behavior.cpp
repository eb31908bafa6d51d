// Surface fire behaviour (sim/fire) against the BehavePlus 6 core library (github.com/firelab/
// behave at commit d963287): the published regression values of its own test suite
// (src/testBehave/testBehave.cpp, lines cited per case), and values of a reference build of that
// library (/tmp, compiled from src/behave with a 40-line client calling
// Surface::updateSurfaceInputs(...) then doSurfaceRunInDirectionOfMaxSpread() and printing
// spread rates in ch/h, fireline intensity in Btu/ft/s, flame length in ft, L/W, the direction of
// maximum spread and the effective wind; 20-ft wind, moistures in %, slope in %, the inputs of
// each case are in its row). content/fuels.json's located errors at the end.
#include "sim/fire/fire_ellipse.h"
#include "sim/fire/fire_units.h"
#include "sim/fire/fuel_models.h"
#include "sim/fire/rothermel.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace drillbase;
using namespace drillbase::sim::fire;

namespace {

const FuelModelTable& shipped() {
    static const FuelModelTable table = [] {
        std::vector<Diagnostic> diags;
        auto t = FuelModelTable::load(
            std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content" / "fuels.json", diags);
        for (const auto& d : diags) MESSAGE(d.format());
        REQUIRE(t.has_value());
        return *t;
    }();
    return table;
}

const FuelModel& model(const char* code) {
    const FuelModel* m = shipped().find(code);
    REQUIRE(m != nullptr);
    return *m;
}

// BehavePlus keeps Anderson's 13 in lb/ft² (0.230, 0.184, ...; src/behave/fuelModels.cpp lines
// 160–230), of which Anderson's t/ac are the two-decimal conversions: the same model with
// BehavePlus's numbers, to compare the equations alone.
FuelModel withLbFt2(FuelModel m, double l1, double l10, double l100, double herb, double woody) {
    m.load1h = l1;
    m.load10h = l10;
    m.load100h = l100;
    m.loadHerb = herb;
    m.loadWoody = woody;
    return m;
}

// One BehavePlus run: inputs as BehavePlus takes them, and what it gives.
struct Case {
    std::string_view what;
    // inputs: moistures %, 20-ft wind mi/h, wind direction, slope %, aspect, canopy.
    double m1, m10, m100, mHerb, mWoody, windMph;
    double windDeg;  // BehavePlus: "from" north with northMode, else push direction from upslope
    double slopePct, aspectDeg, coverPct, heightFt, crownRatio;
    bool northMode;
    // outputs of BehavePlus
    double rosChH, flankChH, backChH, intensityBtuFtS, flameFt, lw, dirDeg, effWindMph;
};

struct Got {
    double rosChH, flankChH, backChH, intensityBtuFtS, flameFt, lw, dirDeg, effWindMph;
};

Got run(const FuelModel& m, const Case& c, const SurfaceFireOptions& o) {
    FireWeather w;
    w.windSpeed20ftMS = c.windMph * units::kMSPerMph;
    // In BehavePlus's upslope mode the direction is where the wind pushes, clockwise from
    // upslope; with the aspect 0 (upslope = south) that is a wind from `windDeg`.
    w.windFromDeg = c.windDeg;
    w.m1 = c.m1 / 100;
    w.m10 = c.m10 / 100;
    w.m100 = c.m100 / 100;
    w.mHerb = c.mHerb / 100;
    w.mWoody = c.mWoody / 100;
    const Terrain t{c.slopePct / 100, c.aspectDeg};
    const Canopy canopy{c.coverPct / 100, c.heightFt * units::kMPerFt, c.crownRatio};
    const SurfaceFire f = computeSurfaceFire(m, w, t, c.coverPct > 0 ? &canopy : nullptr, o);
    const double chH = units::kChHPerFtMin / units::kMSPerFtMin;  // m/s → ch/h
    double dir = f.headDirectionDeg;
    if (!c.northMode) dir = std::fmod(dir + 180.0, 360.0);  // compass → from upslope (south)
    return {f.headRosMS * chH,
            f.flankRosMS * chH,
            f.backRosMS * chH,
            f.firelineIntensityKWm / units::kKWmPerBtuFtS,
            f.flameLengthM / units::kMPerFt,
            f.lengthToWidth,
            dir,
            f.effectiveWindMS / units::kMSPerMph};
}

double relErr(double got, double want) {
    return want == 0 ? std::fabs(got) : std::fabs(got - want) / std::fabs(want);
}

// Every output within `tol` relative (directions within `tol` × 360°).
void check(const FuelModel& m, const Case& c, double tol, const SurfaceFireOptions& o = {}) {
    CAPTURE(c.what);
    const Got g = run(m, c, o);
    CHECK(relErr(g.rosChH, c.rosChH) < tol);
    CHECK(relErr(g.flankChH, c.flankChH) < tol);
    CHECK(relErr(g.backChH, c.backChH) < tol);
    CHECK(relErr(g.intensityBtuFtS, c.intensityBtuFtS) < tol);
    CHECK(relErr(g.flameFt, c.flameFt) < tol);
    CHECK(relErr(g.lw, c.lw) < tol);
    CHECK(std::fabs(g.dirDeg - c.dirDeg) < tol * 360);
    CHECK(relErr(g.effWindMph, c.effWindMph) < tol);
    const std::string form = o.curing == Curing::BehavePlus ? " [BehavePlus curing]" : "";
    MESSAGE(std::string(c.what) << form << ": ros " << g.rosChH << " ch/h (BehavePlus " << c.rosChH
                                << ", rel. error " << relErr(g.rosChH, c.rosChH) << ")");
}

// clang-format off
// Columns: m1 m10 m100 mHerb mWoody (%), 20-ft wind mi/h, wind direction, slope %, aspect,
// cover %, canopy height ft, crown ratio, north mode | BehavePlus: ros, flank, back (ch/h),
// intensity (Btu/ft/s), flame length (ft), L/W, direction (deg), effective wind (mi/h).

// GS4, moistures 6/7/8/60/90 %, 5 mi/h 20-ft wind, 50 % canopy cover 30 ft tall, crown ratio 0.5:
// setSurfaceInputsForGS4LowMoistureScenario, testBehave.cpp lines 122–149. The published value
// is the rate of spread (line cited); the other outputs are the reference build's.
constexpr Case kGs4Upslope = {"GS4 upslope wind, 30 % slope (testBehave.cpp:322, 327, 332)",
    6, 7, 8, 60, 90, 5, 0, 30, 0, 50, 30, 0.5, false,
    8.876216, 5.08766627, 2.91614659, 598.339039, 8.52331011, 1.15891671, 0, 1.78325874};
constexpr Case kGs4CrossSlope = {"GS4 cross-slope wind (testBehave.cpp:467)",
    6, 7, 8, 60, 90, 5, 90, 30, 0, 50, 30, 0.5, false,
    7.091665, 4.3425854, 2.65918498, 478.043753, 7.68719028, 1.12270096, 29.522745, 1.42285872};
constexpr Case kGs4North215 = {"GS4 north mode, NE wind, aspect 215 (testBehave.cpp:487)",
    6, 7, 8, 60, 90, 5, 45, 30, 215, 50, 30, 0.5, true,
    4.113265, 2.92792864, 2.08417549, 277.272088, 5.98341801, 1.05833189, 22.4654986, 0.721829157};
constexpr Case kGs4Slope30Deg = {"GS4 north mode, 45 deg wind, aspect 95, 30 deg slope (testBehave.cpp:273)",
    6, 7, 8, 60, 90, 5, 45, 57.735026918962576, 95, 50, 30, 0.5, true,
    19.677584, 8.4807602, 3.65508756, 1326.4511, 12.2927907, 1.37562384, 268.912596, 3.59107575};
// Anderson's model 4 on a 30° (57.735 %) slope, wind from the east across it (aspect 0), 40 %
// canopy cover, the GS4 moistures: testBehave.cpp lines 500–511.
constexpr Case kFm4 = {"FM4 57.735 % slope, cross-slope wind, 40 % cover (testBehave.cpp:511)",
    6, 7, 8, 60, 90, 5, 90, 57.735026918962576, 0, 40, 30, 0.5, true,
    46.631688, 21.0691819, 9.51950153, 2264.95363, 15.7231587, 1.33254319, 189.952, 3.2694925};

// Reference build only (inputs in the row, upslope mode, aspect 0).
constexpr Case kFm1 = {"FM1 10 mi/h upslope, 20 % slope, open",
    5, 6, 7, 60, 90, 10, 0, 20, 0, 0, 0, 0, false,
    60.321643, 24.9613805, 10.329137, 102.242822, 3.78132159, 1.41520178, 0, 3.87358929};
constexpr Case kFm10 = {"FM10 downslope wind 12 mi/h, 25 % slope, sparse canopy (unsheltered)",
    6, 7, 8, 60, 120, 12, 180, 25, 0, 30, 40, 0.3, false,
    5.47291744, 2.25246878, 0.927040403, 125.246974, 4.15131267, 1.42065406, 180, 3.91160731};
constexpr Case kFm8 = {"FM8 no wind, flat",
    6, 7, 8, 60, 90, 0, 0, 0, 0, 0, 0, 0, false,
    0.237145745, 0.237145745, 0.237145745, 0.819458005, 0.410614987, 1, 0, 0};
constexpr Case kGr2 = {"GR2 8 mi/h, flat, 50 % herb",
    4, 5, 6, 50, 90, 8, 0, 0, 0, 0, 0, 0, false,
    22.2915866, 10.6535738, 5.09154583, 106.946502, 3.86037188, 1.28516181, 0, 2.89683411};
constexpr Case kGr7 = {"GR7 40 mi/h, fully cured",
    3, 4, 5, 30, 60, 40, 0, 0, 0, 0, 0, 0, false,
    1225.23122, 83.0649307, 5.63141274, 39695.0739, 58.6990884, 7.40903908, 0, 18.3461715};
constexpr Case kGs2 = {"GS2 120 % herb, 15 % slope",
    6, 7, 8, 120, 90, 5, 0, 15, 0, 0, 0, 0, false,
    1.32784702, 0.714911525, 0.38490766, 2.72322322, 0.713429075, 1.19787877, 0, 2.14848549};
constexpr Case kTl3 = {"TL3 sheltered, 45 deg wind, 40 % slope",
    8, 9, 10, 100, 100, 15, 45, 40, 0, 60, 60, 0.4, false,
    1.01425198, 0.446174429, 0.196274323, 3.48428714, 0.799070183, 1.35656172, 23.9404886, 3.45068253};
constexpr Case kSh5 = {"SH5 10 mi/h, 10 % slope",
    6, 7, 8, 60, 90, 10, 0, 10, 0, 0, 0, 0, false,
    64.2001311, 21.170494, 6.98113554, 1856.74733, 14.3495673, 1.68114326, 0, 5.52293892};
// clang-format on

const SurfaceFireOptions kAsBehave{WindLimit::None, Curing::BehavePlus};

}  // namespace

TEST_CASE("fire behaviour: the BehavePlus core's own regression values") {
    // GS4 is dynamic: 60 % herbaceous moisture cures 2/3 of its herbaceous load. With
    // BehavePlus's rounding of the curing line (Curing::BehavePlus) the results equal its six
    // printed decimals; with Scott & Burgan's own line, drillbase's default, 0.03 % of the
    // herbaceous load stays live and the rates move by 1.9e-4, the intensities by 3.2e-4.
    for (const Case* c : {&kGs4Upslope, &kGs4CrossSlope, &kGs4North215, &kGs4Slope30Deg}) {
        check(model("GS4"), *c, 1e-6, kAsBehave);
        check(model("GS4"), *c, 4e-4);
    }
    // The same equations and BehavePlus's lb/ft² loads: equal to its six printed decimals.
    const FuelModel fm4 = withLbFt2(model("FM4"), 0.230, 0.184, 0.092, 0, 0.230);
    check(fm4, kFm4, 1e-6);
    // The shipped model carries Anderson's t/ac (5.01 t/ac = 0.230028 lb/ft², 4.01 = 0.184114,
    // 2.00 = 0.091827 instead of 0.092): that rounding of the published table moves FM4's rates
    // by 1.4e-4 (FM10's below by 2.1e-3, the most of the models tested), hence 3e-3 for shipped
    // Anderson models.
    check(model("FM4"), kFm4, 3e-3);
}

TEST_CASE("fire behaviour: GS4 intermediates equal BehavePlus's") {
    // testBehave.cpp lines 276–300: live moisture of extinction 137.968551 %, characteristic SAV
    // 1631.128734 1/ft.
    FireWeather w{5 * units::kMSPerMph, 0, 0.06, 0.07, 0.08, 0.60, 0.90};
    const Canopy canopy{0.5, 30 * units::kMPerFt, 0.5};
    const SurfaceFire f = computeSurfaceFire(model("GS4"), w, Terrain{0.3, 0}, &canopy,
                                             {WindLimit::None, Curing::BehavePlus});
    CHECK(f.liveMoistureOfExtinction * 100 == doctest::Approx(137.968551).epsilon(1e-8));
    // Reference build: I_R 15618.346 Btu/ft²/min, H_A 3676.86789 Btu/ft², mid-flame 0.849277 mi/h.
    CHECK(f.reactionIntensityKWm2 / units::kKWm2PerBtuFt2Min ==
          doctest::Approx(15618.346).epsilon(2e-4));
    CHECK(f.heatPerUnitAreaKJm2 / units::kKJm2PerBtuFt2 ==
          doctest::Approx(3676.86789).epsilon(2e-4));
    CHECK(f.midflameWindMS / units::kMSPerMph == doctest::Approx(0.849277383).epsilon(1e-8));
    CHECK(f.headDirectionDeg == doctest::Approx(180));  // upslope (aspect 0: the slope faces north)
}

TEST_CASE("fire behaviour: Anderson and Scott & Burgan models against the reference build") {
    // Anderson models with BehavePlus's lb/ft² loads (the equations alone, 1e-6) and shipped
    // (Anderson's t/ac, 3e-3: see above).
    check(withLbFt2(model("1"), 0.034, 0, 0, 0, 0), kFm1, 1e-6);
    check(model("1"), kFm1, 3e-3);
    check(withLbFt2(model("10"), 0.138, 0.092, 0.230, 0, 0.092), kFm10, 1e-6);
    check(model("10"), kFm10, 3e-3);
    check(withLbFt2(model("8"), 0.069, 0.046, 0.115, 0, 0), kFm8, 1e-6);
    // Scott & Burgan, dynamic at 50 % herbaceous moisture: BehavePlus's curing to 1e-6, the
    // published line within 3e-4 (see above).
    check(model("GR2"), kGr2, 1e-6, kAsBehave);
    check(model("GR2"), kGr2, 3e-4);
    // Fully cured (30 %) GR7 at 40 mi/h: both curing forms give 1.
    check(model("GR7"), kGr7, 1e-6);
    // GS2 at 120 % herbaceous moisture: none cured by Scott & Burgan's line, 0.1 % by
    // BehavePlus's (1.333 − 1.11 × 1.2), which moves the rate by 1.5e-3 and the intensity by
    // 2.6e-3; hence 3e-3 for the default.
    check(model("GS2"), kGs2, 1e-6, kAsBehave);
    check(model("GS2"), kGs2, 3e-3);
    // Static models: TL3 under a sheltering canopy with a quartering wind, SH5 in the open.
    check(model("TL3"), kTl3, 1e-6);
    check(model("SH5"), kSh5, 1e-6);
}

TEST_CASE("fire behaviour: rate in any direction") {
    // Reference build, doSurfaceRunInDirectionOfInterest(100°, FromIgnitionPoint / FromPerimeter)
    // in upslope mode: TL3 case above 0.392853827 / 0.555455616 ch/h.
    FireWeather w{15 * units::kMSPerMph, 45, 0.08, 0.09, 0.10, 1.0, 1.0};
    const Canopy canopy{0.6, 60 * units::kMPerFt, 0.4};
    const SurfaceFire f = computeSurfaceFire(model("TL3"), w, Terrain{0.4, 0}, &canopy);
    const double chH = units::kChHPerFtMin / units::kMSPerFtMin;
    const double bearing = 180 + 100;  // 100° clockwise from upslope (south)
    CHECK(f.rateToward(bearing) * chH == doctest::Approx(0.392853827).epsilon(1e-6));
    CHECK(f.rateNormalToPerimeter(bearing) * chH == doctest::Approx(0.555455616).epsilon(1e-6));
    // The head, the back and the flanks.
    CHECK(f.rateToward(f.headDirectionDeg) == doctest::Approx(f.headRosMS).epsilon(1e-12));
    CHECK(f.rateToward(f.headDirectionDeg + 180) == doctest::Approx(f.backRosMS).epsilon(1e-12));
    CHECK(f.rateNormalToPerimeter(f.headDirectionDeg + 90) ==
          doctest::Approx(f.flankRosMS).epsilon(1e-12));
    CHECK(f.rateToward(f.headDirectionDeg - 30) ==
          doctest::Approx(f.rateToward(f.headDirectionDeg + 30)));
    // GS4 upslope case: 0.403581601 ... at 100°: 4.03581601 / 4.59643781 ch/h.
    FireWeather g{5 * units::kMSPerMph, 0, 0.06, 0.07, 0.08, 0.60, 0.90};
    const Canopy c2{0.5, 30 * units::kMPerFt, 0.5};
    const SurfaceFire h = computeSurfaceFire(model("GS4"), g, Terrain{0.3, 0}, &c2,
                                             {WindLimit::None, Curing::BehavePlus});
    CHECK(h.rateToward(280) * chH == doctest::Approx(4.03581601).epsilon(1e-6));
    CHECK(h.rateNormalToPerimeter(280) * chH == doctest::Approx(4.59643781).epsilon(1e-6));
}

TEST_CASE("fire behaviour: a prepared FuelBed gives the same bits as the model") {
    FireWeather w{7, 250, 0.05, 0.06, 0.08, 0.70, 1.10};
    const Canopy canopy{0.7, 20, 0.5};
    for (const char* code : {"GS4", "GR1", "TU3", "FM4", "SH8", "TL8", "NB8"}) {
        CAPTURE(code);
        const FuelBed bed(model(code));
        const SurfaceFire a = computeSurfaceFire(bed, w, Terrain{0.25, 130}, &canopy);
        const SurfaceFire b = computeSurfaceFire(model(code), w, Terrain{0.25, 130}, &canopy);
        CHECK(a.headRosMS == b.headRosMS);
        CHECK(a.headDirectionDeg == b.headDirectionDeg);
        CHECK(a.firelineIntensityKWm == b.firelineIntensityKWm);
        CHECK(a.flankRosMS == b.flankRosMS);
    }
}

TEST_CASE("fire behaviour: non-burnable, extinction and units") {
    FireWeather w{10, 0, 0.06, 0.07, 0.08, 0.6, 0.9};
    const SurfaceFire nb = computeSurfaceFire(model("NB8"), w, Terrain{0.2, 0}, nullptr);
    CHECK(nb.headRosMS == 0);
    CHECK(nb.firelineIntensityKWm == 0);
    CHECK(nb.rateToward(0) == 0);
    // Dead fuel wetter than FM1's 12 % extinction moisture does not burn.
    w.m1 = 0.13;
    CHECK(computeSurfaceFire(model("FM1"), w, Terrain{}, nullptr).headRosMS == 0);
    w.m1 = 0.06;
    const SurfaceFire f = computeSurfaceFire(model("FM1"), w, Terrain{}, nullptr);
    CHECK(f.headRosMMin == doctest::Approx(f.headRosMS * 60).epsilon(1e-12));
    CHECK(f.headDirectionDeg == doctest::Approx(180));  // a north wind drives the head south
    CHECK(units::kKWmPerBtuFtS == doctest::Approx(3.46146).epsilon(1e-5));
}

TEST_CASE("fire behaviour: ellipse, curing and wind limit") {
    CHECK(lengthToWidthRatio(0) == 1);
    CHECK(lengthToWidthRatio(40) == 8);  // BehavePlus's limit
    // The mi/h coefficients are the m/s ones (0.2566, 0.1548) over 2.23694 mi/h per m/s.
    const double u = 4.0;  // m/s
    CHECK(lengthToWidthRatio(u / units::kMSPerMph) ==
          doctest::Approx(0.936 * std::exp(0.2566 * u) + 0.461 * std::exp(-0.1548 * u) - 0.397)
              .epsilon(2e-4));
    CHECK(curedHerbFraction(0.30) == 1);
    CHECK(curedHerbFraction(1.20) == 0);
    CHECK(curedHerbFraction(0.75) == doctest::Approx(0.5));
    CHECK(curedHerbFraction(0.60, Curing::BehavePlus) == doctest::Approx(0.667));

    // FM1 in a 40 mi/h wind: I_R ≈ 840 Btu/ft²/min, so Rothermel's limit 0.9 I_R ft/min and
    // Andrews et al.'s 96.8 I_R^(1/3) both bind; none applies by default.
    FireWeather w{40 * units::kMSPerMph, 0, 0.05, 0.06, 0.07, 0.6, 0.9};
    const SurfaceFire none = computeSurfaceFire(model("FM1"), w, Terrain{}, nullptr);
    CHECK_FALSE(none.windLimited);
    const SurfaceFire r72 =
        computeSurfaceFire(model("FM1"), w, Terrain{}, nullptr, {WindLimit::Rothermel1972});
    const SurfaceFire a13 =
        computeSurfaceFire(model("FM1"), w, Terrain{}, nullptr, {WindLimit::Andrews2013});
    CHECK(r72.windLimited);
    CHECK(a13.windLimited);
    const double irBtu = r72.reactionIntensityKWm2 / units::kKWm2PerBtuFt2Min;
    CHECK(r72.effectiveWindMS / units::kMSPerFtMin == doctest::Approx(0.9 * irBtu));
    CHECK(a13.effectiveWindMS / units::kMSPerFtMin == doctest::Approx(96.8 * std::cbrt(irBtu)));
    CHECK(r72.headRosMS < a13.headRosMS);
    CHECK(a13.headRosMS < none.headRosMS);
}

TEST_CASE("fuel models: the shipped table") {
    const auto& t = shipped();
    int anderson = 0, sb = 0;
    for (const auto& m : t.models()) (m.group == "anderson13" ? anderson : sb) += 1;
    CHECK(anderson == 13);
    CHECK(sb == 45);  // 40 burnable and NB1, NB2, NB3, NB8, NB9
    CHECK(t.find("4")->code == "FM4");
    CHECK(t.find("gr1")->code == "GR1");
    CHECK(t.find("124")->code == "GS4");
    CHECK(t.find("TL3")->mxDead == doctest::Approx(0.20));
    CHECK(t.find("GR6")->heatDead == 9000);
    CHECK(t.find("FM4")->load1h == doctest::Approx(5.01 * kLbFt2PerTonAcre));
    CHECK(t.find("XX9") == nullptr);
    CHECK(t.find("") == nullptr);
    CHECK_FALSE(t.find("NB8")->burnable);
    CHECK_FALSE(t.forestTypesVerified());
    const ForestType* pine = t.forestType("马尾松林");
    REQUIRE(pine != nullptr);
    CHECK(t.find(pine->model) != nullptr);
    CHECK(t.forestType("杉木林") != nullptr);
    CHECK(t.forestType("灌木林")->model.rfind("SH", 0) == 0);
    CHECK(t.forestType("草地")->model.rfind("GR", 0) == 0);
}

namespace {

const char* kGoodFuels = R"({"format": "drillbase-fuels/1",
  "groups": [{"id": "g", "source": "test", "verified": false, "models": [
    {"code": "T1", "number": 1, "name": {"zh-CN": "测试", "en": "Test"},
     "load_t_ac": {"1h": 1, "10h": 0, "100h": 0, "live_herb": 0, "live_woody": 0},
     "sav_per_ft": {"1h": 2000, "live_herb": null, "live_woody": null},
     "depth_ft": 1, "mx_dead_pct": 20, "heat_btu_lb": {"dead": 8000, "live": 8000},
     "dynamic": false}]}]})";

std::string errorsOf(const std::string& text) {
    std::vector<Diagnostic> diags;
    auto doc = parseJsonText("bad.json", text, diags);
    REQUIRE(doc.has_value());
    CHECK_FALSE(FuelModelTable::fromDocument(*doc, diags).has_value());
    std::string all;
    for (const auto& d : diags) all += d.format() + "\n";
    return all;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("fuel models: located errors") {
    std::vector<Diagnostic> diags;
    auto doc = parseJsonText("ok.json", kGoodFuels, diags);
    REQUIRE(doc);
    CHECK(FuelModelTable::fromDocument(*doc, diags).has_value());
    for (const auto& d : diags) MESSAGE(d.format());
    CHECK(diags.empty());

    const std::string unknown = errorsOf(replaced(kGoodFuels, "\"dynamic\"", "\"dynamc\""));
    CHECK(unknown.find("bad.json:7:16: /groups/0/models/0/dynamc: unknown key \"dynamc\"; did "
                       "you mean \"dynamic\"?") != std::string::npos);
    const std::string negative = errorsOf(replaced(kGoodFuels, "\"10h\": 0", "\"10h\": -0.5"));
    CHECK(negative.find("bad.json:4:36: /groups/0/models/0/load_t_ac/10h: must be in [0, 100] "
                        "t/ac") != std::string::npos);
    CHECK(errorsOf(replaced(kGoodFuels, "\"live_woody\": 0", "\"live_woody\": 2"))
              .find("/groups/0/models/0/sav_per_ft/live_woody: \"live_woody\" is required") !=
          std::string::npos);
    CHECK(errorsOf(replaced(kGoodFuels, "fuels/1", "fuels/2")).find("/format: expected") !=
          std::string::npos);
    CHECK(errorsOf(replaced(kGoodFuels, "]}]}",
                            "]}], \"forest_types\": {\"source\": \"x\", "
                            "\"verified\": false, \"types\": [{\"name\": "
                            "{\"zh-CN\": \"林\", \"en\": \"F\"}, \"model\": "
                            "\"ZZ1\"}]}}"))
              .find("/forest_types/types/0/model: \"ZZ1\" is not a model of this file") !=
          std::string::npos);
}
