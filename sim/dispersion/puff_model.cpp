#include "sim/dispersion/puff_model.h"

#include "sim/dispersion/briggs.h"
#include "sim/dispersion/gaussian_plume.h"
#include "sim/dispersion/units.h"
#include "sim/engine/state_hash.h"

#include "sim/math/det_math.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace drillbase::sim {

namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
// (2π)^{3/2}, the normalisation of a three-dimensional Gaussian.
const double kTwoPiPow1_5 = dmath::pow(2.0 * std::numbers::pi, 1.5);

struct WindVector {
    double ux = 0, uy = 0;  // m/s toward east and north
};

// "From" direction, clockwise from north: a wind from 270° (west) blows toward +x (east).
WindVector windVector(const PuffWeather& w) {
    const double rad = w.fromDeg * kDegToRad;
    return {-w.speedMS * dmath::sin(rad), -w.speedMS * dmath::cos(rad)};
}

double withSource(double sigma, double source) {
    return std::sqrt(sigma * sigma + source * source);
}

}  // namespace

double puffConcentration(const Puff& p, double sigmaY, double sigmaZ, double x, double y,
                         double z) {
    const double dx = x - p.x, dy = y - p.y;
    const double horizontal = dmath::exp(-(dx * dx + dy * dy) / (2.0 * sigmaY * sigmaY));
    return p.massMg / (kTwoPiPow1_5 * sigmaY * sigmaY * sigmaZ) * horizontal *
           reflectedVertical(z, p.heightM, sigmaZ);
}

PuffModel::PuffModel(PuffModelDef def) : def_(def) {
    if (def_.tickMillis <= 0) def_.tickMillis = 1000;
    if (def_.puffIntervalTicks <= 0) def_.puffIntervalTicks = 1;
}

int PuffModel::addRelease(GasRelease r) {
    releases_.push_back(std::move(r));
    stoppedAtS_.push_back(-1.0);
    return static_cast<int>(releases_.size()) - 1;
}

bool PuffModel::stopRelease(std::string_view id) {
    for (std::size_t i = 0; i < releases_.size(); ++i) {
        if (releases_[i].id != id) continue;
        if (stoppedAtS_[i] < 0) stoppedAtS_[i] = timeS();
        return true;
    }
    return false;
}

void PuffModel::step(const PuffWeather& weather) {
    const double dtS = static_cast<double>(def_.tickMillis) / 1000.0;
    movePuffs(weather, dtS);
    ++tick_;
    if (tick_ % def_.puffIntervalTicks == 0) emitPuffs(weather);
}

void PuffModel::movePuffs(const PuffWeather& w, double dtS) {
    const WindVector v = windVector(w);
    const double growth = std::max(w.speedMS, def_.minGrowthSpeedMS) * dtS;
    for (auto& p : puffs_) {
        p.x += v.ux * dtS;
        p.y += v.uy * dtS;
        p.travelM += w.speedMS * dtS;
        if (p.stability != w.stability || p.terrain != w.terrain) {
            // Continue the new class's curve from the distance at which it has today's size,
            // so σ never jumps (the virtual-distance method of Turner's workbook, ch. 3).
            p.distY = briggsVirtualDistanceY(p.sigmaY, w.stability, w.terrain);
            p.distZ = briggsVirtualDistanceZ(p.sigmaZ, w.stability, w.terrain);
            p.stability = w.stability;
            p.terrain = w.terrain;
        }
        p.distY += growth;
        p.distZ += growth;
        // A puff does not shrink when the air turns more stable; it only stops growing as fast.
        p.sigmaY = std::max(p.sigmaY, briggsSigmaY(p.distY, p.stability, p.terrain));
        p.sigmaZ = std::max(p.sigmaZ, briggsSigmaZ(p.distZ, p.stability, p.terrain));
    }
    const double maxTravel = def_.maxTravelM;
    std::erase_if(puffs_, [maxTravel](const Puff& p) { return p.travelM > maxTravel; });
}

double PuffModel::releasedBetween(std::size_t index, double t0, double t1, double* midS) const {
    const GasRelease& r = releases_[index];
    double end = r.durationS < 0 ? std::numeric_limits<double>::infinity() : r.startS + r.durationS;
    if (stoppedAtS_[index] >= 0) end = std::min(end, stoppedAtS_[index]);
    const double a = std::max(t0, r.startS), b = std::min(t1, end);
    if (b <= a || r.rateKgS <= 0) return 0;
    *midS = 0.5 * (a + b);
    return r.rateKgS * (b - a);
}

void PuffModel::emitPuffs(const PuffWeather& w) {
    const double t1 = timeS();
    const double t0 =
        static_cast<double>((tick_ - def_.puffIntervalTicks) * def_.tickMillis) / 1000.0;
    const WindVector v = windVector(w);
    for (std::size_t i = 0; i < releases_.size(); ++i) {
        const GasRelease& r = releases_[i];
        double midS = 0;
        const double kg = releasedBetween(i, t0, t1, &midS);
        if (kg <= 0) continue;
        // The puff stands for mass released over the interval; placing it where that mass's
        // centre has drifted to by now keeps the train evenly spaced, as the plume assumes.
        const double age = t1 - midS;
        Puff p;
        p.x = r.x + v.ux * age;
        p.y = r.y + v.uy * age;
        p.heightM = r.heightM;
        p.massMg = kg * kMgPerKg;
        p.travelM = w.speedMS * age;
        p.distY = p.distZ = std::max(w.speedMS, def_.minGrowthSpeedMS) * age;
        p.stability = w.stability;
        p.terrain = w.terrain;
        p.sigmaY = briggsSigmaY(p.distY, p.stability, p.terrain);
        p.sigmaZ = briggsSigmaZ(p.distZ, p.stability, p.terrain);
        p.release = static_cast<std::int32_t>(i);
        puffs_.push_back(p);
    }
}

void PuffModel::knockDown(double x, double y, double radiusM, double fraction) {
    const double keep = 1.0 - std::clamp(fraction, 0.0, 1.0);
    for (auto& p : puffs_) {
        const double dx = p.x - x, dy = p.y - y;
        if (dx * dx + dy * dy <= radiusM * radiusM) p.massMg *= keep;
    }
}

double PuffModel::airborneMassMg() const {
    double sum = 0;
    for (const auto& p : puffs_) sum += p.massMg;
    return sum;
}

double PuffModel::concentrationAt(double x, double y, double z) const {
    double sum = 0;
    for (const auto& p : puffs_) {
        const double sy = withSource(p.sigmaY, def_.initialSigmaM);
        const double reach = def_.cutoffSigmas * sy;
        if (std::abs(x - p.x) > reach || std::abs(y - p.y) > reach) continue;
        sum += puffConcentration(p, sy, withSource(p.sigmaZ, def_.initialSigmaM), x, y, z);
    }
    return sum;
}

double PuffModel::concentrationAtPlain(double x, double y, double z) const {
    double sum = 0;
    for (const auto& p : puffs_) {
        sum += puffConcentration(p, withSource(p.sigmaY, def_.initialSigmaM),
                                 withSource(p.sigmaZ, def_.initialSigmaM), x, y, z);
    }
    return sum;
}

void PuffModel::fillGrid(FieldGrid& grid, double z) const {
    std::fill(grid.values.begin(), grid.values.end(), 0.0);
    std::vector<double> ex;  // exp(−dx²/2σ²) per column of the box
    for (const auto& p : puffs_) {
        const double sy = withSource(p.sigmaY, def_.initialSigmaM);
        const double sz = withSource(p.sigmaZ, def_.initialSigmaM);
        const double reach = def_.cutoffSigmas * sy;
        // Cells whose centre lies within ±reach of the puff centre, clipped to the grid.
        const int i0 = std::max(
            0, static_cast<int>(std::ceil((p.x - reach - grid.originX) / grid.cellM - 0.5)));
        const int i1 =
            std::min(grid.nx - 1,
                     static_cast<int>(std::floor((p.x + reach - grid.originX) / grid.cellM - 0.5)));
        const int j0 = std::max(
            0, static_cast<int>(std::ceil((p.y - reach - grid.originY) / grid.cellM - 0.5)));
        const int j1 =
            std::min(grid.ny - 1,
                     static_cast<int>(std::floor((p.y + reach - grid.originY) / grid.cellM - 0.5)));
        if (i0 > i1 || j0 > j1) continue;
        const double twoVar = 2.0 * sy * sy;
        const double amplitude =
            p.massMg / (kTwoPiPow1_5 * sy * sy * sz) * reflectedVertical(z, p.heightM, sz);
        ex.resize(static_cast<std::size_t>(i1 - i0 + 1));
        for (int i = i0; i <= i1; ++i) {
            const double dx = grid.centreX(i) - p.x;
            ex[static_cast<std::size_t>(i - i0)] = dmath::exp(-(dx * dx) / twoVar);
        }
        for (int j = j0; j <= j1; ++j) {
            const double dy = grid.centreY(j) - p.y;
            const double rowFactor = amplitude * dmath::exp(-(dy * dy) / twoVar);
            double* row = &grid.at(0, j);
            for (int i = i0; i <= i1; ++i)
                row[i] += rowFactor * ex[static_cast<std::size_t>(i - i0)];
        }
    }
}

void PuffModel::fillGridPlain(FieldGrid& grid, double z) const {
    for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i)
            grid.at(i, j) = concentrationAtPlain(grid.centreX(i), grid.centreY(j), z);
}

void PuffModel::hashInto(StateHasher& h) const {
    h.add(tick_);
    h.add(static_cast<std::uint64_t>(releases_.size()));
    for (std::size_t i = 0; i < releases_.size(); ++i) {
        h.add(std::string_view(releases_[i].id));
        h.add(stoppedAtS_[i]);
    }
    h.add(static_cast<std::uint64_t>(puffs_.size()));
    for (const auto& p : puffs_) {
        h.add(p.x);
        h.add(p.y);
        h.add(p.heightM);
        h.add(p.massMg);
        h.add(p.travelM);
        h.add(p.distY);
        h.add(p.distZ);
        h.add(p.sigmaY);
        h.add(p.sigmaZ);
        h.add(static_cast<int>(p.stability));
        h.add(static_cast<int>(p.terrain));
        h.add(static_cast<int>(p.release));
    }
}

}  // namespace drillbase::sim
