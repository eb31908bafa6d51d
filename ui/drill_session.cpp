#include "ui/drill_session.h"

#include "sim/engine/outcomes.h"

#include <cmath>

namespace drillbase::ui {

namespace {
// The overlay is for the eye: 10 s of drill time between refreshes is invisible at 1× and
// keeps fast-forward cheap. Sampling every cell at most ~250 per side bounds its cost.
constexpr std::int64_t kOverlayEveryTicks = 10;
constexpr int kMaxOverlayCells = 250;
constexpr std::int64_t kHistoryEveryTicks = 10;
}  // namespace

DrillSession::DrillSession(const sim::HazardFactory& hazards, sim::Scenario scenario,
                           const std::string& scenarioText, const sim::GradeScale& grades,
                           std::uint64_t seed)
    : hazards_(hazards), grades_(grades) {
    auto hazard = hazards.make(scenario);
    levels_ = hazard->levels();
    const auto& map = scenario.map;
    const double cell = std::max(map.cellM, std::max(map.widthM, map.heightM) / kMaxOverlayCells);
    overlay_ = sim::FieldGrid(0, 0, cell, static_cast<int>(std::ceil(map.widthM / cell)),
                              static_cast<int>(std::ceil(map.heightM / cell)));
    const std::string id = scenario.id;
    drill_ = std::make_unique<sim::Drill>(std::move(scenario), seed, std::move(hazard));
    recorder_ = std::make_unique<sim::DrillRecorder>(*drill_, log_, id, scenarioText, seed);
    refreshOverlay();
}

void DrillSession::apply(const sim::Command& c) {
    if (report_) return;
    recorder_->apply(c);
    afterTicks();
}

void DrillSession::advance(double wallSeconds, int maxSteps) {
    const auto& s = drill_->state();
    if (s.paused || s.ended || report_) {
        carry_ = 0;
        return;
    }
    carry_ += wallSeconds * s.speed;
    const double tickS = static_cast<double>(s.tickMillis) / 1000.0;
    int steps = 0;
    while (carry_ >= tickS && steps < maxSteps) {
        recorder_->step();
        carry_ -= tickS;
        ++steps;
        if (drill_->state().tick % kHistoryEveryTicks == 0) afterTicks();
    }
    if (steps == maxSteps) carry_ = 0;  // the machine cannot keep up: drop the backlog
    afterTicks();
}

void DrillSession::runTicks(int n) {
    for (int i = 0; i < n && !drill_->state().ended; ++i) {
        recorder_->step();
        if (drill_->state().tick % kHistoryEveryTicks == 0) afterTicks();
    }
    afterTicks();
}

void DrillSession::runScript(const std::vector<sim::ScheduledCommand>& script, double untilS) {
    const auto tickMs = drill_->state().tickMillis;
    const auto untilTick = static_cast<std::int64_t>(untilS * 1000) / tickMs;
    std::size_t next = 0;
    while (!report_) {
        const auto nowMs = drill_->state().tick * tickMs;
        while (next < script.size() && static_cast<std::int64_t>(script[next].atS * 1000) <= nowMs)
            apply(script[next++].command);
        if (report_ || drill_->state().tick >= untilTick) break;
        const auto before = drill_->state().tick;
        runTicks(1);
        if (drill_->state().tick == before) {  // paused: the next scripted command comes now
            if (next >= script.size()) break;
            apply(script[next++].command);
        }
    }
}

void DrillSession::afterTicks() {
    const auto& s = drill_->state();
    if (history_.empty() || history_.back().timeS < s.timeS()) {
        const auto out = sim::computeOutcomes(s, drill_->hazard());
        history_.push_back({s.timeS(), static_cast<float>(out.at("exposed_level2"))});
    }
    if (s.tick - overlayTick_ >= kOverlayEveryTicks || s.ended) refreshOverlay();
    if (s.ended && !report_) {
        recorder_->finish();
        sim::DrillRecord record;
        record.tickMillis = s.tickMillis;
        record.endTick = s.tick;
        record.events = drill_->timeline();
        record.outcomes = sim::computeOutcomes(s, drill_->hazard());
        report_ = sim::scoreDrill(drill_->scenario().rubric, record, grades_);
        validity_ = hazards_.validityNotes(drill_->scenario(), s);
    }
}

void DrillSession::refreshOverlay() {
    if (drill_->hazard()) drill_->hazard()->fillField(overlay_, 1.5);
    overlayTick_ = drill_->state().tick;
}

}  // namespace drillbase::ui
