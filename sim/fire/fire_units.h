// fire_units.h — the conversions between the US customary units the Rothermel (1972) equations
// are written in (ft, min, lb, Btu) and the SI units drillbase shows and the spread module uses.
// Exact definitions: 1 ft = 0.3048 m; 1 mi = 5280 ft; 1 chain = 66 ft; 1 Btu (IT) =
// 1055.05585262 J; 1 lb = 0.45359237 kg.
#pragma once

namespace drillbase::sim::fire::units {

inline constexpr double kMPerFt = 0.3048;
inline constexpr double kFtMinPerMS = 60.0 / kMPerFt;           // m/s → ft/min
inline constexpr double kMSPerFtMin = kMPerFt / 60.0;           // ft/min → m/s
inline constexpr double kMSPerMph = 5280.0 * kMPerFt / 3600.0;  // 0.44704
inline constexpr double kFtMinPerMph = 88.0;
inline constexpr double kChHPerFtMin = 60.0 / 66.0;  // ft/min → chains/h
inline constexpr double kJPerBtu = 1055.05585262;
inline constexpr double kKWmPerBtuFtS = kJPerBtu / kMPerFt / 1000.0;  // Btu/ft/s → kW/m
inline constexpr double kKJm2PerBtuFt2 = kJPerBtu / (kMPerFt * kMPerFt) / 1000.0;
inline constexpr double kKWm2PerBtuFt2Min = kKJm2PerBtuFt2 / 60.0;  // Btu/ft²/min → kW/m²

}  // namespace drillbase::sim::fire::units
