// landscape_rates.h — the Rothermel rates of every cell of a landscape, for the grid spread
// (fire_spread.h): each cell's fuel model (its FuelBed prepared once per code), its slope and
// downslope aspect, its canopy (sheltering the mid-flame wind), the dead and live moistures and
// the wind in force, through computeSurfaceFire (rothermel.h), as BehavePlus would compute them
// at that cell.
//
// Wind. A drill, Weather.csv and a weather station give the 10 m open wind; the fuel models
// take the 20 ft (6.1 m) one. The ratio of the two over open ground is 1.15 (Lawson & Armitage
// 2008, "Weather guide for the Canadian Forest Fire Danger Rating System", p. 6; BehavePlus's
// "10-m wind" input divides by the same 1.15). The wind is a schedule of periods: the hourly
// rows of a Weather.csv, or the drill's wind with each change an instructor injects appended as
// it comes (the spread is told through FireSpread::ratesChanged).
#pragma once

#include "sim/fire/fire_spread.h"
#include "sim/fire/fuel_bed.h"
#include "sim/fire/landscape.h"
#include "sim/fire/rothermel.h"

#include <cstddef>
#include <vector>

namespace drillbase::sim::fire {

// 10 m open wind over 20 ft open wind (Lawson & Armitage 2008).
inline constexpr double kWind10mOver20ft = 1.15;

struct WindPeriod {
    double startS = 0;      // in force from here until the next period's start
    double speed10mMS = 0;  // open wind 10 m above ground
    double fromDeg = 0;     // where it blows from, clockwise from north
};

class LandscapeRates final : public SpreadRates {
public:
    // Every code in `land.codes` must be in `table` (loadLandscape checks it with knownCodes);
    // a code that is not rates as non-burnable.
    LandscapeRates(const Landscape& land, const FuelModelTable& table, FuelMoisture moisture,
                   SurfaceFireOptions options = {});

    // The wind from t = 0 (replaces the schedule).
    void setWind(std::vector<WindPeriod> schedule);
    // A change from `startS` on (>= the last period's start; an earlier one is placed there).
    void changeWind(double startS, double speed10mMS, double fromDeg);
    void setMoisture(const FuelMoisture& m) { moisture_ = m; }
    const FuelMoisture& moisture() const { return moisture_; }
    const WindPeriod& windAt(double timeS) const;

    CellRates at(std::size_t cell, double timeS) const override;
    double nextChangeS(double timeS) const override;
    double residenceS(std::size_t cell) const override;

    // The whole surface fire of a cell at a time (intensity and flame length for the map and
    // for crew safety); a zero SurfaceFire where the cell does not burn.
    SurfaceFire behaviourAt(std::size_t cell, double timeS) const;
    // The same at a cell under a given wind, for a what-if (safety-zone check before a shift).
    SurfaceFire behaviourUnder(std::size_t cell, double speed10mMS, double fromDeg) const;

private:
    std::size_t periodIndex(double timeS) const;

    const Landscape& land_;
    std::vector<FuelBed> beds_;  // by land_.codes index
    std::vector<bool> rated_;    // false: the code is not in the table
    FuelMoisture moisture_;
    SurfaceFireOptions options_;
    std::vector<WindPeriod> wind_{WindPeriod{}};
};

}  // namespace drillbase::sim::fire
