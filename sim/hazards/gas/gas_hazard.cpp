#include "sim/hazards/gas/gas_hazard.h"

#include "sim/dispersion/validity.h"
#include "sim/engine/drill_internal.h"
#include "sim/engine/drill_state.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace drillbase::sim {

using namespace detail;

namespace {

PuffModelDef puffDef(std::int64_t tickMillis) {
    PuffModelDef def;
    def.tickMillis = tickMillis;
    // A puff every 2 s of drill time, whatever the tick: close enough, compared with σ, for the
    // puff train to reproduce the steady plume (tests/sim/test_puff_model.cpp).
    def.puffIntervalTicks = std::max<std::int64_t>(1, 2000 / tickMillis);
    return def;
}

std::string levelDetail(double mg, double mw) {
    char buf[96];
    if (!(mg < std::numeric_limits<double>::infinity()))
        std::snprintf(buf, sizeof buf, "—");
    else
        std::snprintf(buf, sizeof buf, "≥ %.3g mg/m³ (%.3g ppm)", mg, mg * 24.45 / mw);
    return buf;
}

}  // namespace

double relaxIndoor(double inside, double outside, double airChangesPerHour, double dtS) {
    return outside + (inside - outside) * dmath::exp(-airChangesPerHour * dtS / 3600.0);
}

GasHazard::GasHazard(const Scenario& scenario, const GasConfig& config,
                     std::shared_ptr<const ChemicalTable> chemicals, const GasRules& rules)
    : config_(config),
      rules_(rules),
      buildings_(scenario.map.buildings),
      widthM_(scenario.map.widthM),
      heightM_(scenario.map.heightM),
      tickMillis_(scenario.tickMillis),
      model_(puffDef(scenario.tickMillis)),
      chemicals_(std::move(chemicals)),
      stability_(config.stability),
      indoor_(scenario.map.buildings.size(), 0.0) {
    for (const auto& r : config_.releases) {
        const Chemical* c = chemicals_->find(r.chemical);
        if (!c) throw std::runtime_error("unknown chemical " + r.chemical);
        if (!chemical_) chemical_ = c;
        model_.addRelease(GasRelease{r.id, r.x, r.y, r.heightM, r.rateKgS, r.startS, r.durationS});
        for (const auto& p : scenario.people)
            farthestPersonM_ = std::max(farthestPersonM_, distance(p.x, p.y, r.x, r.y));
    }
    if (!chemical_) throw std::runtime_error("a gas drill needs at least one release");
    // Harm levels: the 60-minute AEGLs, the usual basis of emergency planning zones. Where a
    // level is not published (AEGL-1 of phosgene or CO) nothing can reach it.
    legend_.quantityKey = "legend.gas_concentration";
    legend_.unit = "mg/m³";
    legend_.hotLevel = 2;
    // The yellow-orange-red of emergency planning maps.
    const std::uint32_t colours[3] = {0xf0dc3c5a, 0xf58c2882, 0xdc2828a0};
    for (int l = 1; l <= 3; ++l) {
        const double mg =
            chemical_->aeglMgPerM3(l).value_or(std::numeric_limits<double>::infinity());
        legend_.levels.push_back(HazardLevel{"legend.aegl" + std::to_string(l),
                                             levelDetail(mg, chemical_->molecularWeight), mg,
                                             colours[l - 1]});
    }
}

void GasHazard::startReleases(std::int64_t tick, DrillContext& ctx) {
    // A release due at time 0 starts at tick 0, before the first step; the others in the step
    // whose tick they fall in.
    for (const auto& r : config_.releases)
        if (static_cast<std::int64_t>(r.startS * 1000) / tickMillis_ == tick)
            ctx.emit("release_started", {{"release", r.id}, {"chemical", r.chemical}});
}

void GasHazard::begin(DrillContext& ctx) {
    startReleases(0, ctx);
}

void GasHazard::step(std::int64_t tick, double dtS, const Wind& wind, DrillContext& ctx) {
    startReleases(tick, ctx);
    PuffWeather w;
    w.speedMS = wind.speedMS;
    w.fromDeg = wind.fromDeg;
    w.stability = parseStability(stability_).value_or(Stability::D);
    w.terrain = config_.urban ? Terrain::Urban : Terrain::Rural;
    model_.step(w);
    // A puff crossing a curtain spends about 2·halfWidth/u in its spray; spreading the knock-down
    // F over that time, per tick it loses 1 − (1 − F)^(u·dt / 2·halfWidth).
    const double halfWidth = rules_.curtainHalfWidthM;
    for (const auto& c : curtains_) {
        const double passes = std::max(wind.speedMS, 0.5) * dtS / (2 * halfWidth);
        model_.knockDown(c.x, c.y, halfWidth, 1 - dmath::pow(1 - c.fraction, passes));
    }
    const auto refreshTicks =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(rules_.refreshS * 1000) / tickMillis_);
    if (!rules_.exactExposure && tick % refreshTicks == 0)
        sampler_.refresh(model_, kBreathingHeightM, rules_.cellsPerSigma, rules_.cutoffSigmas, 0, 0,
                         widthM_, heightM_);
    for (std::size_t b = 0; b < buildings_.size(); ++b) {
        const auto& r = buildings_[b];
        indoor_[b] = relaxIndoor(indoor_[b], breathed(r.x + r.w / 2, r.y + r.h / 2),
                                 r.airChangesPerHour, dtS);
    }
}

double GasHazard::intensityAt(double x, double y, double z) const {
    return model_.concentrationAt(x, y, z);
}

double GasHazard::breathed(double x, double y) const {
    return rules_.exactExposure ? model_.concentrationAtPlain(x, y, kBreathingHeightM)
                                : sampler_.at(x, y);
}

double GasHazard::toxicLoadIncrement(double mgPerM3, double dtS) const {
    const auto& p = chemical_->probit;
    if (!p || mgPerM3 <= 0) return 0;
    // The probit's own units: ppm or mg/m³, and minutes.
    const double c = p->concentrationPpm ? mgPerM3 * 24.45 / chemical_->molecularWeight : mgPerM3;
    return dmath::pow(c, p->n) * dtS / 60.0;
}

void GasHazard::harm(const Exposure& e, Harm& h, double dtS) const {
    const double c = e.building >= 0 && static_cast<std::size_t>(e.building) < indoor_.size()
                         ? indoor_[static_cast<std::size_t>(e.building)]
                         : breathed(e.x, e.y);
    h.level = levelOf(c);
    h.worstLevel = std::max(h.worstLevel, h.level);
    h.peak = std::max(h.peak, c);
    if (e.ppe) return;  // breathing apparatus on: the crew breathes none of it
    h.dose += c * dtS;
    h.load += toxicLoadIncrement(c, dtS);
}

double GasHazard::fatalityFraction(const Harm& h) const {
    const auto& p = chemical_->probit;
    if (!p || h.load <= 0) return 0;
    return probitToFraction(p->a + p->b * dmath::log(h.load));
}

void GasHazard::addOutcomes(const DrillState& s, std::map<std::string, double>& o) const {
    // The names the rubrics of chemical drills use for the engine's level-2 figures.
    o["public_above_aegl2"] = o["public_above_level2"];
    o["workers_above_aegl2"] = o["workers_above_level2"];
    (void)s;
}

nlohmann::json GasHazard::validityNotes(const DrillState& s) const {
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& r : config_.releases) {
        const Chemical* c = chemicals_->find(r.chemical);
        if (!c) continue;
        ValidityInput in;
        in.windMS = s.wind.speedMS;
        in.rateKgS = r.rateKgS;
        in.molecularWeight = c->molecularWeight;
        // A liquefied gas released from pressure flashes and leaves near its boiling point.
        if (c->boilingPointC && *c->boilingPointC < 20.0)
            in.releaseTempK = *c->boilingPointC + 273.15;
        in.distanceM = farthestPersonM_;
        for (const auto& w : checkValidity(in))
            notes.push_back({{"release", r.id},
                             {"issue", validityIssueName(w.issue)},
                             {"value", w.value},
                             {"limit", w.limit},
                             {"detail", w.detail}});
    }
    return notes;
}

bool GasHazard::apply(const Command& c, DrillContext& ctx) {
    if (c.is("set_stability")) {
        stability_ = c.target[0];
        ctx.emit("stability_changed", {{"class", c.target}});
        return true;
    }
    if (c.is("secondary_leak")) {
        if (!chemicals_->find(c.chemical)) {
            ctx.reject(c, "unknown chemical " + c.chemical);
            return true;
        }
        model_.addRelease(GasRelease{c.target, c.x, c.y, 1.0, c.value, model_.timeS(), -1});
        ctx.emit("secondary_leak_started", {{"release", c.target}});
        return true;
    }
    if (!c.is("don_ppe") && !c.is("close_valve") && !c.is("set_water_curtain")) return false;
    UnitState* u = ctx.unit(c.unit);
    if (!u) {
        ctx.reject(c, "unknown unit " + c.unit);
        return true;
    }
    if (c.is("don_ppe")) {
        ctx.assign(*u, UnitTaskOrder{"don_ppe", "", 0, 0, false, rules_.ppeDonS, {}});
    } else if (c.is("close_valve")) {
        const ValveDef* v = findById(config_.valves, c.target);
        if (!v) {
            ctx.reject(c, "unknown valve " + c.target);
            return true;
        }
        ctx.assign(*u,
                   UnitTaskOrder{
                       "close_valve", v->id, v->x, v->y, true, v->workSeconds, {{"valve", v->id}}});
    } else {
        ctx.assign(*u, UnitTaskOrder{"water_curtain", "", c.x, c.y, true, 0, {}});
    }
    return true;
}

void GasHazard::finishTask(UnitState& u, const std::string& kind, const std::string& target,
                           DrillContext& ctx) {
    if (kind == "don_ppe") {
        u.ppe = true;
        ctx.emit("ppe_donned", {{"unit", u.id}});
    } else if (kind == "close_valve") {
        closedValves_.push_back(target);
        if (const ValveDef* v = findById(config_.valves, target)) model_.stopRelease(v->release);
        ctx.emit("valve_closed", {{"unit", u.id}, {"valve", target}});
    } else if (kind == "water_curtain") {
        curtains_.push_back({u.x, u.y, rules_.curtainKnockdown});
        ctx.emit("water_curtain_set", {{"unit", u.id}});
    }
}

std::vector<Choice> GasHazard::choices(const std::string& list) const {
    std::vector<Choice> out;
    if (list == "valves")
        for (const auto& v : config_.valves) out.push_back({v.id, "", "", ""});
    if (list == "chemicals")
        for (const auto& c : chemicals_->all()) out.push_back({c.id, "", c.nameZh, c.nameEn});
    return out;
}

std::vector<MapMarker> GasHazard::markers() const {
    std::vector<MapMarker> out;
    auto stopped = [&](const std::string& releaseId) {
        for (const auto& v : config_.valves)
            if (v.release == releaseId &&
                std::find(closedValves_.begin(), closedValves_.end(), v.id) != closedValves_.end())
                return true;
        return false;
    };
    for (const auto& r : model_.releases())
        out.push_back(MapMarker{"marker.release", r.id, r.x, r.y, MarkerShape::Cross, 0xff3c3cff,
                                !stopped(r.id)});
    for (const auto& v : config_.valves) {
        const bool closed =
            std::find(closedValves_.begin(), closedValves_.end(), v.id) != closedValves_.end();
        out.push_back(
            MapMarker{"marker.valve", v.id, v.x, v.y, MarkerShape::Diamond, 0x00dce6ff, !closed});
    }
    for (const auto& c : curtains_)
        out.push_back(
            MapMarker{"marker.water_curtain", "", c.x, c.y, MarkerShape::Circle, 0x50a0ffff, true});
    return out;
}

std::vector<std::pair<std::string, nlohmann::json>> GasHazard::sample(double x, double y, double z) const {
    // ppm at 25 °C and 1 atm: mg/m³ × 24.45 / molecular weight.
    const double v = intensityAt(x, y, z), mw = chemical_ ? chemical_->molecularWeight : 0;
    return {{"gas_mg_m3", v}, {"gas_ppm", mw > 0 ? v * 24.45 / mw : 0.0}};
}

void GasHazard::hashInto(StateHasher& h) const {
    model_.hashInto(h);
    h.add(static_cast<int>(stability_));
    for (const auto& c : curtains_) {
        h.add(c.x);
        h.add(c.y);
        h.add(c.fraction);
    }
    for (double c : indoor_) h.add(c);
    for (const auto& v : closedValves_) h.add(v);
}

}  // namespace drillbase::sim
