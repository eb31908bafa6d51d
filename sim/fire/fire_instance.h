// fire_instance.h — a whole C2F-W instance folder: the landscape (landscape.h) and, when the
// folder has them, Weather.csv and Ignitions.csv (c2f_weather.h), with each ignition's C2F-W
// cell number resolved to a drillbase cell of the landscape.
#pragma once

#include "sim/fire/c2f_weather.h"
#include "sim/fire/landscape.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace drillbase::sim::fire {

struct FireInstance {
    Landscape landscape;
    std::optional<HourlyWeather> weather;    // absent without Weather.csv
    std::vector<Ignition> ignitions;         // empty without Ignitions.csv
    std::vector<std::size_t> ignitionCells;  // drillbase index of each ignition
};

struct FireInstanceOptions {
    LandscapeOptions landscape;
    WeatherLimits weather;
};

// nullopt after at least one error (an ignition outside the grid or on a cell that does not
// burn is one, at its Ncell field).
std::optional<FireInstance> loadFireInstance(const std::filesystem::path& dir,
                                             const FireInstanceOptions& options,
                                             std::vector<Diagnostic>& errors,
                                             std::vector<Diagnostic>& warnings);

}  // namespace drillbase::sim::fire
