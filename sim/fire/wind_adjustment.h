// wind_adjustment.h — the wind adjustment factor from the 20-ft (6.1 m) open wind to the
// mid-flame wind that drives Rothermel's (1972) spread, as BehavePlus computes it (Andrews 2012,
// RMRS-GTR-266, after Albini & Baughman 1979, INT-221): unsheltered from the fuel-bed depth,
// sheltered by a canopy from its cover, height and crown ratio.
#pragma once

namespace drillbase::sim::fire {

// Trees over the surface fuel. Cover and crown ratio are fractions, height in metres.
struct Canopy {
    double coverFraction = 0;
    double heightM = 0;
    double crownRatio = 0;
};

struct WindAdjustment {
    double factor = 1;  // mid-flame / 20-ft wind
    bool sheltered = false;
};

// `canopy` may be null (open ground). Sheltered when the crowns fill at least 5 % of the volume
// under the canopy top (f = crown ratio × cover / 3, conical crowns) and the canopy is at least
// 6 ft tall; otherwise unsheltered.
WindAdjustment windAdjustmentFactor(double fuelDepthFt, const Canopy* canopy);

}  // namespace drillbase::sim::fire
