#include "sim/hazards/gas_hazard.h"

#include "sim/engine/state_hash.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace drillbase::sim {

namespace {
// A water curtain is a spray wall a few tens of metres wide; gas crossing it is scrubbed.
constexpr double kCurtainHalfWidthM = 25.0;

PuffModelDef puffDef(std::int64_t tickMillis) {
    PuffModelDef def;
    def.tickMillis = tickMillis;
    // A puff every 2 s of drill time, whatever the tick: close enough, compared with σ, for the
    // puff train to reproduce the steady plume (tests/sim/test_puff_model.cpp).
    def.puffIntervalTicks = std::max<std::int64_t>(1, 2000 / tickMillis);
    return def;
}
}  // namespace

GasHazard::GasHazard(const Scenario& scenario, const ChemicalTable& chemicals)
    : model_(puffDef(scenario.tickMillis)), chemicals_(chemicals) {
    for (const auto& r : scenario.releases) {
        const Chemical* c = chemicals.find(r.chemical);
        if (!c) throw std::runtime_error("unknown chemical " + r.chemical);
        if (!chemical_) chemical_ = c;
        model_.addRelease(GasRelease{r.id, r.x, r.y, r.heightM, r.rateKgS, r.startS, r.durationS});
    }
    if (!chemical_) throw std::runtime_error("a gas drill needs at least one release");
    // Harm levels: the 60-minute AEGLs, the usual basis of emergency planning zones. Where a
    // level is not published (AEGL-1 of phosgene or CO) nothing can reach it.
    for (int l = 1; l <= 3; ++l)
        levels_[static_cast<std::size_t>(l - 1)] =
            chemical_->aeglMgPerM3(l).value_or(std::numeric_limits<double>::infinity());
}

void GasHazard::step(std::int64_t, double dtS, const Wind& wind) {
    PuffWeather w;
    w.speedMS = wind.speedMS;
    w.fromDeg = wind.fromDeg;
    w.stability = parseStability(wind.stability).value_or(Stability::D);
    w.terrain = wind.urban ? Terrain::Urban : Terrain::Rural;
    model_.step(w);
    // A puff crossing a curtain spends about 2·halfWidth/u in its spray; spreading the knock-down
    // F over that time, per tick it loses 1 − (1 − F)^(u·dt / 2·halfWidth).
    for (const auto& c : curtains_) {
        const double passes = std::max(wind.speedMS, 0.5) * dtS / (2 * kCurtainHalfWidthM);
        model_.knockDown(c.x, c.y, kCurtainHalfWidthM, 1 - std::pow(1 - c.fraction, passes));
    }
}

double GasHazard::intensityAt(double x, double y, double z) const {
    return model_.concentrationAt(x, y, z);
}

bool GasHazard::stopSource(const std::string& sourceId, std::int64_t) {
    return model_.stopRelease(sourceId);
}

void GasHazard::mitigate(double x, double y, double fraction) {
    curtains_.push_back({x, y, fraction});
}

bool GasHazard::inject(const Command& c, std::int64_t) {
    if (c.type != CommandType::SecondaryLeak || !chemicals_.find(c.chemical) || c.value <= 0)
        return false;
    model_.addRelease(GasRelease{c.target, c.x, c.y, 1.0, c.value, model_.timeS(), -1});
    return true;
}

double GasHazard::toxicLoadIncrement(double mgPerM3, double dtS) const {
    const auto& p = chemical_->probit;
    if (!p || mgPerM3 <= 0) return 0;
    // The probit's own units: ppm or mg/m³, and minutes.
    const double c = p->concentrationPpm ? mgPerM3 * 24.45 / chemical_->molecularWeight : mgPerM3;
    return std::pow(c, p->n) * dtS / 60.0;
}

double GasHazard::fatalityFraction(double toxicLoad) const {
    const auto& p = chemical_->probit;
    if (!p || toxicLoad <= 0) return 0;
    return probitToFraction(p->a + p->b * std::log(toxicLoad));
}

void GasHazard::hashInto(StateHasher& h) const {
    model_.hashInto(h);
    for (const auto& c : curtains_) {
        h.add(c.x);
        h.add(c.y);
        h.add(c.fraction);
    }
}

}  // namespace drillbase::sim
