// c2f_weather.h — Weather.csv and Ignitions.csv of a Cell2Fire / C2F-W instance, read as they
// are written.
//
// Weather.csv (fire2a docs, "Data preparation" and "Wind direction"; C2F-W ReadCSV.cpp
// parseWeatherDF): one row per weather period, each lasting one hour, in file order; the
// timestamps are not interpreted ("there's no need to be consistent with the timestamps").
// Scott & Burgan files have the columns Instance|Scenario, datetime, WS, WD, FireScenario;
// Kitral and FBP files add others, which are kept out of this reader. drillbase reads the
// columns by name (C2F-W by position); WS and WD are required.
//   WS  wind speed, km/h (10 m open wind as the fuel models expect it).
//   WD  wind direction in degrees clockwise from north, the direction the wind comes FROM
//       (meteorological convention, C2F-W >= 1.0.0; its reader turns it into the heading
//       waz = WD + 180). C2F-W parses WD with std::stoi, dropping the fraction; drillbase
//       keeps it.
//   FireScenario  fuel moisture scenario 1 (dry) .. 4 (moist); optional.
//
// Ignitions.csv (C2F-W ReadCSV.cpp parseIgnitionDF): Year,Ncell — one ignition per simulated
// year. Ncell is C2F-W's cell number: 1-based, row by row starting with the NORTHERN row (the
// first row of fuels.asc), west to east within a row (ReadCSV.cpp parseForestDF gives cell n
// the coordinates c = (n-1) % ncols, y = nrows - 1 - (n-1) / ncols; Cells.cpp adjacentCells
// takes cell - ncols as the northern neighbour). c2fCellIndex converts it to drillbase's
// south-first index (j * ncols + i, as sim::AsciiGrid and sim::FieldGrid store cells).
#pragma once

#include "sim/fire/fire_csv.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::sim::fire {

struct WeatherLimits {
    CsvLimits csv;
    double maxWindKmh = 250;  // above any surface wind a drill should meet; refuses typos
};

struct WeatherHour {
    std::string instance;  // Instance / Scenario column, when given
    std::string datetime;  // as written
    double windKmh = 0;
    double windFromDeg = 0;  // [0, 360): where the wind comes from, clockwise from north
    std::optional<int> fireScenario;
    SourcePos pos;  // the row's first field
};

struct HourlyWeather {
    static constexpr double kPeriodS = 3600;  // each row lasts one hour (C2F-W)
    std::vector<WeatherHour> hours;
    // The row in force at `timeS` seconds after the start: floor(t / 1 h); past the last row
    // the last one holds (C2F-W stops when its rows run out; a drill decides its own end).
    std::size_t hourAt(double timeS) const;
    // When the row in force at `timeS` ends (infinity for the last row).
    double nextChangeS(double timeS) const;
};

struct Ignition {
    long long year = 0;
    long long ncell = 0;  // C2F-W's 1-based, north-first cell number, as written
    SourcePos pos;        // the Ncell field
};

std::optional<HourlyWeather> parseHourlyWeather(std::string_view text, const std::string& fileName,
                                                std::vector<Diagnostic>& errors,
                                                const WeatherLimits& limits = {});

std::optional<std::vector<Ignition>> parseIgnitions(std::string_view text,
                                                    const std::string& fileName,
                                                    std::vector<Diagnostic>& errors,
                                                    const CsvLimits& limits = {});

// C2F-W cell number -> drillbase cell index, or nullopt when it is not in an ncols x nrows grid.
std::optional<std::size_t> c2fCellIndex(long long ncell, int ncols, int nrows);
// drillbase cell index -> C2F-W cell number (for messages and for writing C2F-W files).
long long c2fCellNumber(std::size_t index, int ncols, int nrows);

}  // namespace drillbase::sim::fire
