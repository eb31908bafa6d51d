// landscape_rates.cpp — see landscape_rates.h.
#include "sim/fire/landscape_rates.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace drillbase::sim::fire {

LandscapeRates::LandscapeRates(const Landscape& land, const FuelModelTable& table,
                               FuelMoisture moisture, SurfaceFireOptions options)
    : land_(land), moisture_(moisture), options_(options) {
    beds_.reserve(land.codes.size());
    for (const std::string& code : land.codes) {
        const FuelModel* m = table.find(code);
        rated_.push_back(m != nullptr && m->burnable);
        FuelModel unknown;
        unknown.code = code;
        unknown.burnable = false;
        beds_.emplace_back(m ? *m : unknown);
    }
}

void LandscapeRates::setWind(std::vector<WindPeriod> schedule) {
    std::stable_sort(schedule.begin(), schedule.end(),
                     [](const WindPeriod& a, const WindPeriod& b) { return a.startS < b.startS; });
    if (schedule.empty() || schedule.front().startS > 0)
        schedule.insert(schedule.begin(),
                        WindPeriod{0, schedule.empty() ? 0 : schedule[0].speed10mMS,
                                   schedule.empty() ? 0 : schedule[0].fromDeg});
    wind_ = std::move(schedule);
}

void LandscapeRates::changeWind(double startS, double speed10mMS, double fromDeg) {
    startS = std::max(startS, wind_.back().startS);
    if (startS == wind_.back().startS)
        wind_.back() = WindPeriod{startS, speed10mMS, fromDeg};
    else
        wind_.push_back(WindPeriod{startS, speed10mMS, fromDeg});
}

std::size_t LandscapeRates::periodIndex(double timeS) const {
    // The last period starting at or before timeS (the first when timeS precedes them all).
    const auto it = std::upper_bound(wind_.begin(), wind_.end(), timeS,
                                     [](double t, const WindPeriod& p) { return t < p.startS; });
    return it == wind_.begin() ? 0 : static_cast<std::size_t>(it - wind_.begin()) - 1;
}

const WindPeriod& LandscapeRates::windAt(double timeS) const {
    return wind_[periodIndex(timeS)];
}

double LandscapeRates::nextChangeS(double timeS) const {
    const std::size_t k = periodIndex(timeS);
    return k + 1 < wind_.size() ? wind_[k + 1].startS : std::numeric_limits<double>::infinity();
}

SurfaceFire LandscapeRates::behaviourUnder(std::size_t cell, double speed10mMS,
                                           double fromDeg) const {
    const std::uint16_t f = land_.fuel[cell];
    if (f == Landscape::kNone || !rated_[f]) return SurfaceFire{};
    FireWeather w;
    w.windSpeed20ftMS = speed10mMS / kWind10mOver20ft;
    w.windFromDeg = fromDeg;
    w.m1 = moisture_.m1;
    w.m10 = moisture_.m10;
    w.m100 = moisture_.m100;
    w.mHerb = moisture_.mHerb;
    w.mWoody = moisture_.mWoody;
    Terrain t;
    if (!land_.slopeTan.empty()) t.slopeFraction = land_.slopeTan[cell];
    if (!land_.aspectDeg.empty()) t.aspectDeg = land_.aspectDeg[cell];
    // Canopy sheltering needs cover and top height; the crown ratio comes from the base height
    // when that grid is given (C2F-W's cbh), else a third of the tree (BehavePlus's example
    // default is 0.5; a third is the conservative, less sheltered choice).
    Canopy canopy;
    const Canopy* c = nullptr;
    if (!land_.canopyCover.empty() && !land_.canopyTopM.empty()) {
        const double cover = land_.canopyCover[cell], top = land_.canopyTopM[cell];
        if (std::isfinite(cover) && std::isfinite(top) && cover > 0 && top > 0) {
            double ratio = 1.0 / 3.0;
            if (!land_.canopyBaseM.empty() && std::isfinite(land_.canopyBaseM[cell]))
                ratio = std::clamp((top - land_.canopyBaseM[cell]) / top, 0.0, 1.0);
            canopy = Canopy{std::min(cover, 1.0), top, ratio};
            c = &canopy;
        }
    }
    return computeSurfaceFire(beds_[f], w, t, c, options_);
}

SurfaceFire LandscapeRates::behaviourAt(std::size_t cell, double timeS) const {
    const WindPeriod& p = windAt(timeS);
    return behaviourUnder(cell, p.speed10mMS, p.fromDeg);
}

CellRates LandscapeRates::at(std::size_t cell, double timeS) const {
    const SurfaceFire f = behaviourAt(cell, timeS);
    return CellRates{f.headRosMS, f.backRosMS, f.flankRosMS, f.headDirectionDeg};
}

double LandscapeRates::residenceS(std::size_t cell) const {
    const std::uint16_t f = land_.fuel[cell];
    if (f == Landscape::kNone || !rated_[f] || !beds_[f].burnable())
        return std::numeric_limits<double>::quiet_NaN();
    BedGeometry scratch;
    const BedGeometry& g = beds_[f].geometryFor(moisture_, options_.curing, scratch);
    return andersonResidenceS(g.sigma);
}

}  // namespace drillbase::sim::fire
