// units.h — gas concentration units. AEGLs and IDLHs are published in ppm (by volume), the
// dispersion model computes mass per volume; the conversion uses the molar volume of an ideal
// gas at 25 °C and 1 atm, 24.45 L/mol, the convention of US EPA and NIOSH tables.
#pragma once

namespace drillbase::sim {

inline constexpr double kMolarVolumeLPerMol = 24.45;  // 25 °C, 101.325 kPa

// ppm = mg/m³ × 24.45 / MW   (MW in g/mol)
inline double mgPerM3ToPpm(double mgPerM3, double molecularWeight) {
    return mgPerM3 * kMolarVolumeLPerMol / molecularWeight;
}

inline double ppmToMgPerM3(double ppm, double molecularWeight) {
    return ppm * molecularWeight / kMolarVolumeLPerMol;
}

inline constexpr double kMgPerKg = 1.0e6;

}  // namespace drillbase::sim
