// flood_model.cpp — the small pieces of behaviour the flood model's plain data carries.
#include "sim/hydraulics/flood_model.h"

#include <algorithm>

namespace drillbase::sim {

double TimeSeries::at(double t) const {
    if (tS.empty()) return 0;
    if (t <= tS.front()) return value.front();
    if (t >= tS.back()) return value.back();
    // First sample strictly after t; samples are strictly increasing (the readers check it).
    const auto k = static_cast<std::size_t>(std::upper_bound(tS.begin(), tS.end(), t) - tS.begin());
    const double t0 = tS[k - 1], t1 = tS[k];
    const double w = (t - t0) / (t1 - t0);
    return value[k - 1] + w * (value[k] - value[k - 1]);
}

const TimeSeries* FloodModel::findSeries(const std::string& name) const {
    for (const TimeSeries& s : series)
        if (s.name == name) return &s;
    return nullptr;
}

}  // namespace drillbase::sim
