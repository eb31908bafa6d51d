// fire_command.cpp — `drillctl fire behave` (see the header). The --json form is one object;
// scripts rely on ros_m_min, ros_ch_h, fireline_intensity_kw_m, flame_length_m, lw_ratio,
// flank_ros_m_min, back_ros_m_min, direction_of_max_spread_deg (clockwise from upslope, as
// BehavePlus gives it) and effective_wind_mph.
#include "tools/drillctl/fire_command.h"

#include "tools/drillctl/fire_spread_command.h"

#include "common/data_dir.h"
#include "sim/fire/fire_units.h"
#include "sim/fire/fuel_models.h"
#include "sim/fire/rothermel.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>

namespace drillbase::tools {

namespace {

namespace fire = sim::fire;
namespace units = sim::fire::units;

struct BehaveOptions {
    std::string fuel;
    double m1 = 0, m10 = 0, m100 = 0, mHerb = 0, mWoody = 0;  // percent
    double wind20ftMph = 0;
    double windFromUpslopeDeg = 0;  // where the wind pushes, clockwise from upslope
    double slopePct = 0;
    std::optional<double> aspectDeg;  // downslope direction, from north
    std::optional<double> coverPct, heightFt, crownRatio;
    bool json = false;
};

double wrapDeg(double d) {
    d = std::fmod(d, 360.0);
    return d < 0 ? d + 360.0 : d;
}

// The first problem with the arguments, or empty.
std::string checkArguments(const BehaveOptions& o) {
    auto outside = [](double v, double lo, double hi) { return !(v >= lo && v <= hi); };
    const std::pair<const char*, double> dead[] = {
        {"--m1", o.m1}, {"--m10", o.m10}, {"--m100", o.m100}};
    for (const auto& [name, v] : dead)
        if (outside(v, 1, 100))
            return std::string(name) + " must be a dead fuel moisture in [1, 100] %";
    // BehavePlus's live moisture range (Andrews 2009, RMRS-GTR-213): 30–300 %.
    if (outside(o.mHerb, 30, 300)) return "--mherb must be a live fuel moisture in [30, 300] %";
    if (outside(o.mWoody, 30, 300)) return "--mwoody must be a live fuel moisture in [30, 300] %";
    if (outside(o.wind20ftMph, 0, 100)) return "--wind-20ft-mph must be in [0, 100] mi/h";
    if (outside(o.slopePct, 0, 400)) return "--slope-pct must be in [0, 400] %";
    if (!std::isfinite(o.windFromUpslopeDeg)) return "--wind-from-upslope-deg must be a number";
    if (o.aspectDeg && !std::isfinite(*o.aspectDeg)) return "--aspect-deg must be a number";
    const int canopyGiven = (o.coverPct ? 1 : 0) + (o.heightFt ? 1 : 0) + (o.crownRatio ? 1 : 0);
    if (canopyGiven != 0 && canopyGiven != 3)
        return "a canopy needs --canopy-cover-pct, --canopy-height-ft and --crown-ratio together";
    if (o.coverPct && outside(*o.coverPct, 0, 100))
        return "--canopy-cover-pct must be in [0, 100] %";
    if (o.heightFt && outside(*o.heightFt, 0, 300))
        return "--canopy-height-ft must be in [0, 300] ft";
    if (o.crownRatio && outside(*o.crownRatio, 0, 1)) return "--crown-ratio must be in [0, 1]";
    return "";
}

nlohmann::json toJson(const fire::FuelModel& m, const fire::SurfaceFire& f,
                      const BehaveOptions& o) {
    const double upslope = o.aspectDeg.value_or(0) + 180.0;
    nlohmann::json j;
    j["fuel_model"] = m.code;
    j["ros_m_min"] = f.headRosMMin;
    j["ros_ch_h"] = f.headRosMS / units::kMSPerFtMin * units::kChHPerFtMin;
    j["fireline_intensity_kw_m"] = f.firelineIntensityKWm;
    j["flame_length_m"] = f.flameLengthM;
    j["lw_ratio"] = f.lengthToWidth;
    j["eccentricity"] = f.eccentricity;
    j["flank_ros_m_min"] = f.flankRosMS * 60;
    j["back_ros_m_min"] = f.backRosMS * 60;
    j["direction_of_max_spread_deg"] = wrapDeg(f.headDirectionDeg - upslope);
    if (o.aspectDeg) j["direction_of_max_spread_from_north_deg"] = f.headDirectionDeg;
    j["effective_wind_mph"] = f.effectiveWindMS / units::kMSPerMph;
    j["midflame_wind_mph"] = f.midflameWindMS / units::kMSPerMph;
    j["wind_adjustment_factor"] = f.windAdjustmentFactor;
    j["reaction_intensity_kw_m2"] = f.reactionIntensityKWm2;
    j["heat_per_unit_area_kj_m2"] = f.heatPerUnitAreaKJm2;
    j["live_moisture_of_extinction_pct"] = f.liveMoistureOfExtinction * 100;
    j["wind_limit"] = "none";
    j["curing"] = "scott_burgan_2005";
    return j;
}

void printText(const fire::FuelModel& m, const nlohmann::json& j) {
    auto d = [&](const char* k) { return j[k].get<double>(); };
    std::printf("fire behave: %s %s (%s)\n", m.code.c_str(), m.nameEn.c_str(), m.nameZh.c_str());
    std::printf("  head rate of spread  %.3f m/min (%.2f ch/h), %.1f deg clockwise from upslope\n",
                d("ros_m_min"), d("ros_ch_h"), d("direction_of_max_spread_deg"));
    if (j.contains("direction_of_max_spread_from_north_deg"))
        std::printf("  head moves towards   %.1f deg from north\n",
                    d("direction_of_max_spread_from_north_deg"));
    std::printf("  flank / back         %.3f / %.3f m/min\n", d("flank_ros_m_min"),
                d("back_ros_m_min"));
    std::printf("  fireline intensity   %.0f kW/m\n", d("fireline_intensity_kw_m"));
    std::printf("  flame length         %.2f m\n", d("flame_length_m"));
    std::printf("  length-to-width      %.3f\n", d("lw_ratio"));
    std::printf("  effective wind       %.2f mi/h (mid-flame %.2f mi/h, adjustment factor %.3f)\n",
                d("effective_wind_mph"), d("midflame_wind_mph"), d("wind_adjustment_factor"));
    std::printf("  reaction intensity   %.0f kW/m2, heat per unit area %.0f kJ/m2\n",
                d("reaction_intensity_kw_m2"), d("heat_per_unit_area_kj_m2"));
}

int runBehave(const BehaveOptions& o) {
    if (const std::string problem = checkArguments(o); !problem.empty()) {
        std::cerr << "fire behave: " << problem << '\n';
        return 2;
    }
    std::vector<Diagnostic> errors;
    const auto table = fire::FuelModelTable::load(contentDir() / "fuels.json", errors);
    if (!table) {
        for (const Diagnostic& e : errors) std::cerr << e.format() << '\n';
        return 1;
    }
    const fire::FuelModel* m = table->find(o.fuel);
    if (m == nullptr) {
        std::cerr << "fire behave: unknown fuel model \"" << o.fuel
                  << "\": give a code of content/fuels.json (GR1, TL3, SH5, FM4, ...) or a "
                     "model number (1-13 for Anderson's)\n";
        return 2;
    }
    const double aspect = o.aspectDeg.value_or(0);
    fire::FireWeather w;
    w.windSpeed20ftMS = o.wind20ftMph * units::kMSPerMph;
    // A push towards A clockwise from upslope (aspect + 180) is a wind from aspect + A.
    w.windFromDeg = wrapDeg(aspect + o.windFromUpslopeDeg);
    w.m1 = o.m1 / 100;
    w.m10 = o.m10 / 100;
    w.m100 = o.m100 / 100;
    w.mHerb = o.mHerb / 100;
    w.mWoody = o.mWoody / 100;
    const fire::Terrain terrain{o.slopePct / 100, aspect};
    std::optional<fire::Canopy> canopy;
    if (o.coverPct)
        canopy = fire::Canopy{*o.coverPct / 100, *o.heightFt * units::kMPerFt, *o.crownRatio};
    const fire::SurfaceFire f =
        fire::computeSurfaceFire(*m, w, terrain, canopy ? &*canopy : nullptr);
    const nlohmann::json j = toJson(*m, f, o);
    if (o.json)
        std::cout << j.dump() << '\n';
    else
        printText(*m, j);
    return 0;
}

}  // namespace

CLI::App& addFireCommand(CLI::App& app, int& exitCode) {
    auto* fireCmd = app.add_subcommand("fire", "Forest fire: surface fire behaviour and spread");
    fireCmd->require_subcommand(1);
    addFireBehave(*fireCmd, exitCode);
    addFireSpread(*fireCmd, exitCode);
    return *fireCmd;
}

void addFireBehave(CLI::App& fireCmd, int& exitCode) {
    static BehaveOptions o;
    auto* b = fireCmd.add_subcommand(
        "behave",
        "Surface fire behaviour at a point, as BehavePlus computes it (Rothermel 1972, Albini "
        "1976, Scott & Burgan 2005 curing, Byram 1959)");
    b->add_option("--fuel-model", o.fuel, "Fuel model code (GR1, TL3, FM4) or number (4, 124)")
        ->required();
    b->add_option("--m1", o.m1, "1-h dead fuel moisture, %")->required();
    b->add_option("--m10", o.m10, "10-h dead fuel moisture, %")->required();
    b->add_option("--m100", o.m100, "100-h dead fuel moisture, %")->required();
    b->add_option("--mherb", o.mHerb, "Live herbaceous fuel moisture, %")->required();
    b->add_option("--mwoody", o.mWoody, "Live woody fuel moisture, %")->required();
    b->add_option("--wind-20ft-mph", o.wind20ftMph, "Wind 20 ft above the vegetation, mi/h")
        ->required();
    b->add_option("--wind-from-upslope-deg", o.windFromUpslopeDeg,
                  "Direction the wind pushes the fire, degrees clockwise from upslope "
                  "(BehavePlus's 'wind direction from upslope'; default 0, upslope)");
    b->add_option("--slope-pct", o.slopePct, "Slope, % (rise over run; default 0)");
    b->add_option("--aspect-deg", o.aspectDeg,
                  "Aspect (the downslope direction), degrees from north; adds the head's "
                  "direction from north");
    b->add_option("--canopy-cover-pct", o.coverPct, "Canopy cover, % (with height and ratio)");
    b->add_option("--canopy-height-ft", o.heightFt, "Canopy height, ft");
    b->add_option("--crown-ratio", o.crownRatio, "Crown ratio, fraction of the tree height");
    b->add_flag("--json", o.json, "Print one JSON object instead of the summary");
    b->callback([&exitCode] { exitCode = runBehave(o); });
}

}  // namespace drillbase::tools
