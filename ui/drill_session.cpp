#include "ui/drill_session.h"

#include "sim/engine/outcomes.h"
#include "ui/map_texture.h"
#include "ui/panels/ground_cover.h"
#include "ui/panels/terrain_shading.h"

#include <cmath>

namespace drillbase::ui {

namespace {
// The overlay is for the eye: 10 s of drill time between refreshes is invisible at 1× and
// keeps fast-forward cheap. Sampling every cell at most ~250 per side bounds its cost.
constexpr std::int64_t kOverlayEveryTicks = 10;
constexpr int kMaxOverlayCells = 250;
constexpr std::int64_t kHistoryEveryTicks = 10;
// The overlay shows the field at breathing height, where the hazard harms people.
constexpr double kOverlayHeightM = 1.5;
// Tracing isochrones walks the whole arrival grid: every 20 s of drill time is often enough for
// lines 10 min apart, and costs little even on a 10 km landscape at 250 cells a side.
constexpr double kIsochronesEveryS = 20;

std::string absolutePath(const std::filesystem::path& file) {
    std::error_code ec;
    auto p = std::filesystem::absolute(file, ec);
    return (ec ? file : p).lexically_normal().string();
}
}  // namespace

DrillSession::DrillSession(const sim::SimContent& content, const sim::Scenario& scenario,
                           const std::filesystem::path& scenarioFile,
                           const std::string& scenarioText, const sim::GradeScale& grades,
                           std::uint64_t seed)
    : grades_(grades), scenarioPath_(absolutePath(scenarioFile)) {
    drill_ = sim::makeDrill(content, scenario, seed);
    const auto& map = drill_->scenario().map;
    const double cell = std::max(map.cellM, std::max(map.widthM, map.heightM) / kMaxOverlayCells);
    overlay_ = sim::FieldGrid(0, 0, cell, static_cast<int>(std::ceil(map.widthM / cell)),
                              static_cast<int>(std::ceil(map.heightM / cell)));
    recorder_ =
        std::make_unique<sim::DrillRecorder>(*drill_, log_, scenarioPath_, scenarioText, seed);
    if (drill_->hazard()) {
        sim::FieldGrid ground = overlay_;
        if (drill_->hazard()->fillTerrain(ground)) terrain_ = shadeTerrain(ground);
        std::vector<std::uint32_t> cover;
        hasCover_ = drill_->hazard()->fillCover(overlay_, cover);
        ground_ = hasCover_ ? blendCover(terrain_, cover) : terrain_;
        groundVersion_ = nextTextureVersion();
        arrival_ = overlay_;
        if (!drill_->hazard()->fillArrival(arrival_)) arrival_ = sim::FieldGrid{};
        for (const auto& [key, value] : drill_->hazard()->chartValues()) chartKeys_.push_back(key);
    }
    refreshOverlay();
}

const sim::HazardLegend& DrillSession::legend() const {
    static const sim::HazardLegend kNone;
    return drill_->hazard() ? drill_->hazard()->legend() : kNone;
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
        if (drill_->state().tick % kHistoryEveryTicks == 0) afterTicks(false);
    }
    if (steps == maxSteps) carry_ = 0;  // the machine cannot keep up: drop the backlog
    afterTicks();
}

void DrillSession::runTicks(int n) {
    for (int i = 0; i < n && !drill_->state().ended; ++i) {
        recorder_->step();
        if (drill_->state().tick % kHistoryEveryTicks == 0) afterTicks(false);
    }
    afterTicks();
}

void DrillSession::runScript(const std::vector<sim::ScheduledCommand>& script, double untilS) {
    if (report_) return;
    sim::runScript(
        *drill_, script, untilS, [this](const sim::Command& c) { apply(c); },
        [this] { runTicks(1); });
}

void DrillSession::afterTicks(bool batchEnd) {
    const auto& s = drill_->state();
    if (history_.empty() || history_.back().timeS < s.timeS()) {
        const auto out = sim::computeOutcomes(s, drill_->hazard());
        const auto it = out.find("exposed_level2");
        ExposureSample x{s.timeS(), static_cast<float>(it == out.end() ? 0 : it->second), {}};
        for (const auto& p : s.people)
            if (p.harm.level >= 1 && p.harm.level <= 3) x.inLevel[p.harm.level - 1] += 1;
        history_.push_back(x);
        if (!chartKeys_.empty()) {
            ChartSample c{s.timeS(), {}};
            for (const auto& kv : drill_->hazard()->chartValues())
                c.values.push_back(static_cast<float>(kv.second));
            c.values.resize(chartKeys_.size(), 0.0f);  // the hazard keeps its keys; be safe
            chartHistory_.push_back(std::move(c));
        }
    }
    // Inside a batch of ticks (fast-forward runs thousands a frame) only the samples: the
    // overlay and the isochrones are for the eye and wait for the batch's end.
    if ((batchEnd && s.tick - overlayTick_ >= kOverlayEveryTicks) || s.ended) refreshOverlay();
    if ((batchEnd && s.timeS() - isochronesAtS_ >= kIsochronesEveryS) || s.ended)
        refreshIsochrones();
    if (s.ended && !report_) {
        recorder_->finish();
        auto result = sim::concludeDrill(*drill_, grades_);
        report_ = std::move(result.score);
        outcomes_ = std::move(result.record.outcomes);
        validity_ = std::move(result.validity);
    }
}

void DrillSession::refreshOverlay() {
    if (drill_->hazard()) drill_->hazard()->fillField(overlay_, kOverlayHeightM);
    overlayTick_ = drill_->state().tick;
}

void DrillSession::refreshIsochrones() {
    isochronesAtS_ = drill_->state().timeS();
    if (arrival_.values.empty() || !drill_->hazard()->fillArrival(arrival_)) return;
    isochrones_ = traceIsochrones(arrival_, kIsochroneStepS, isochronesAtS_);
    front_ = traceIsochrone(arrival_, isochronesAtS_);
}

}  // namespace drillbase::ui
