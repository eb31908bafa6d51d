// fire_spread_command.h — `drillctl fire spread`: grows a fire over a C2F-W landscape folder
// (sim/fire/landscape.h) with drillbase's Rothermel rates of every cell (landscape_rates.h) and
// the minimum-travel-time spread (fire_spread.h), headless, for an instructor who checks a
// landscape before it becomes a drill and for scripts that compare runs (with each other, or
// with C2F-W on the same instance).
//
//   drillctl fire spread --landscape DIR --moisture m1,m10,m100,mherb,mwoody
//       [--weather FILE.csv | --wind-20ft-mph U --wind-from-deg D] [--ignition X,Y]
//       [--until SECONDS] [--threads N] [--arrival-out FILE.asc] [--json]
//
// Moistures in percent. --weather is a C2F-W Weather.csv (hourly rows, WS the 10 m open wind in
// km/h, WD where it comes from; its FireScenario column is not read: the moistures are
// --moisture's); --wind-20ft-mph is the 20 ft wind BehavePlus takes, made the
// 10 m wind by × 1.15. --ignition is a point in the landscape's own map coordinates (metres, as
// the .asc headers): the cell that contains it burns at t = 0; without it the first row of
// DIR/Ignitions.csv. --until defaults to the weather's rows × 3600 s, or 3600 s with a constant
// wind.
#pragma once

namespace CLI {
class App;
}

namespace drillbase::tools {

// Registers `fire spread` under `fire`. Exit codes: 0 burned; 1 the landscape, the weather or
// the ignitions file is invalid (located errors on stderr: FILE:LINE:COL or the file and the
// reason); 2 a bad argument (a malformed moisture list or point, a value out of range, options
// that conflict, an ignition outside the grid or on a cell that does not burn); 3 the arrival
// grid could not be written.
void addFireSpread(CLI::App& fire, int& exitCode);

}  // namespace drillbase::tools
