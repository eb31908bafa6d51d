// fire_spread_inputs.h — what the arguments of `drillctl fire spread` (fire_spread_command.h)
// resolve to: the moisture list and the ignition point as the user typed them, the wind schedule
// from a Weather.csv or a constant 20 ft wind, and the ignition cell from a map point or from the
// landscape's Ignitions.csv. Each function says what is wrong in a message that names the
// option and the column within it, or the file with its line and column; none throws.
#pragma once

#include "common/json_source.h"
#include "sim/fire/fuel_bed.h"
#include "sim/fire/landscape.h"
#include "sim/fire/landscape_rates.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::tools {

// `count` comma-separated finite numbers ("6,7,8,60,90"). On failure `problem` says which item,
// at which column of the argument, is wrong, or how many were expected.
std::optional<std::vector<double>> parseNumberList(std::string_view text, std::size_t count,
                                                   const std::string& option, std::string& problem);

// m1,m10,m100,mherb,mwoody in percent → fractions, in the ranges `fire behave` takes: dead
// 1–100 %, live 30–300 % (BehavePlus's, Andrews 2009, RMRS-GTR-213).
std::optional<sim::fire::FuelMoisture> parseMoisturePercent(std::string_view text,
                                                            std::string& problem);

// The wind from a C2F-W Weather.csv: one period an hour in file order, WS km/h as the 10 m open
// wind. `rows` gets the number of rows. nullopt after located errors.
std::optional<std::vector<sim::fire::WindPeriod>> readWeatherSchedule(
    const std::filesystem::path& file, std::size_t& rows, std::vector<Diagnostic>& errors);

// The cell containing map point (x, y); nullopt with `problem` when it is outside the grid or
// does not burn.
std::optional<std::size_t> cellAtPoint(const sim::fire::Landscape& land, double x, double y,
                                       std::string& problem);

// The first ignition of DIR/Ignitions.csv (C2F-W runs one per row, each a separate simulation).
// nullopt after located errors: no such file, a bad row, a cell outside or not burning.
std::optional<std::size_t> ignitionFromFile(const std::filesystem::path& file,
                                            const sim::fire::Landscape& land,
                                            std::vector<Diagnostic>& errors);

}  // namespace drillbase::tools
