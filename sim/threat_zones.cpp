#include "sim/threat_zones.h"

#include "sim/chemicals.h"

#include <algorithm>
#include <cmath>

namespace drillbase::sim {

ThreatThresholds aeglThresholds(const Chemical& c, int durationIndex) {
    ThreatThresholds t;
    const auto d = static_cast<AeglDuration>(std::clamp(durationIndex, 0, 4));
    for (int lv = 1; lv <= 3; ++lv)
        t.level[static_cast<std::size_t>(lv - 1)] = c.aeglMgPerM3(lv, d);
    return t;
}

int threatLevel(double value, const ThreatThresholds& t) {
    for (int lv = 3; lv >= 1; --lv) {
        const auto& th = t.level[static_cast<std::size_t>(lv - 1)];
        if (th && value >= *th) return lv;
    }
    return 0;
}

ThreatZones classifyThreatZones(const FieldGrid& field, const ThreatThresholds& t,
                                std::optional<std::array<double, 2>> from) {
    ThreatZones z;
    z.nx = field.nx;
    z.ny = field.ny;
    z.level.assign(field.values.size(), 0);
    for (int j = 0; j < field.ny; ++j) {
        for (int i = 0; i < field.nx; ++i) {
            const int lv = threatLevel(field.at(i, j), t);
            z.level[static_cast<std::size_t>(j) * field.nx + i] = static_cast<std::uint8_t>(lv);
            ++z.cellCount[static_cast<std::size_t>(lv)];
            if (!from || lv == 0) continue;
            const double dx = field.centreX(i) - (*from)[0], dy = field.centreY(j) - (*from)[1];
            const double dist = std::sqrt(dx * dx + dy * dy);
            // A level-3 cell is also inside the level-2 and level-1 zones.
            for (int k = 1; k <= lv; ++k) {
                auto& far = z.farthestM[static_cast<std::size_t>(k)];
                far = std::max(far, dist);
            }
        }
    }
    return z;
}

}  // namespace drillbase::sim
