#include "sim/fire/wind_adjustment.h"

#include "sim/fire/fire_units.h"
#include "sim/math/det_math.h"

#include <cmath>

namespace drillbase::sim::fire {

WindAdjustment windAdjustmentFactor(double fuelDepthFt, const Canopy* canopy) {
    namespace dm = drillbase::sim::dmath;
    WindAdjustment w;
    if (canopy != nullptr && canopy->coverFraction > 0) {
        const double heightFt = canopy->heightM / units::kMPerFt;
        // Fraction of the volume under the canopy top filled by crowns, conical crowns
        // (Albini & Baughman 1979; Andrews 2012).
        const double f = canopy->crownRatio * canopy->coverFraction / 3.0;
        if (f >= 0.05 && heightFt >= 6.0) {
            // Sheltered: WAF = 0.555 / (√(f·H) · ln((20 + 0.36 H) / (0.13 H))), H canopy height ft
            // (Albini & Baughman 1979; Andrews 2012, sheltered form).
            w.sheltered = true;
            w.factor = 0.555 / (std::sqrt(f * heightFt) *
                                dm::log((20.0 + 0.36 * heightFt) / (0.13 * heightFt)));
            return w;
        }
    }
    // Unsheltered: WAF = 1.83 / ln((20 + 0.36 δ) / (0.13 δ)), δ fuel-bed depth ft (Albini &
    // Baughman 1979; Andrews 2012, unsheltered form).
    if (fuelDepthFt > 1e-7)
        w.factor = 1.83 / dm::log((20.0 + 0.36 * fuelDepthFt) / (0.13 * fuelDepthFt));
    return w;
}

}  // namespace drillbase::sim::fire
