// drill_session.h — a drill running in the GUI: the Drill (model), its recorder and log, the
// wall-clock pacing the trainee sees, the hazard overlay and, once ended, the report.
// Panels read it through const accessors and hand it Commands; nothing else changes it.
#pragma once

#include <imgui.h>

#include "sim/engine/action_script.h"
#include "sim/engine/drill_log.h"
#include "sim/engine/drill_pipeline.h"
#include "sim/engine/sim_content.h"
#include "sim/field_grid.h"
#include "sim/scoring/scorer.h"
#include "ui/panels/isochrones.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

namespace drillbase::ui {

struct ExposureSample {
    double timeS = 0;
    float aboveLevel2 = 0;         // people at or above the hazard's harm level 2 so far
    float inLevel[3] = {0, 0, 0};  // people at harm level 1, 2, 3 at this moment
};

// The hazard's own figures (Hazard::chartValues: a fire's burned area and front length) at one
// moment, in the order of DrillSession::chartKeys.
struct ChartSample {
    double timeS = 0;
    std::vector<float> values;
};

class DrillSession {
public:
    // Makes the drill through sim::makeDrill (throws std::runtime_error when the scenario's
    // hazard type is unknown). `scenarioFile` is where the scenario was read from: the log
    // names it by its absolute path, so `drillctl drill replay LOG` finds it from anywhere.
    DrillSession(const sim::SimContent& content, const sim::Scenario& scenario,
                 const std::filesystem::path& scenarioFile, const std::string& scenarioText,
                 const sim::GradeScale& grades, std::uint64_t seed);

    // Advances drill time by wall time × speed (at most `maxSteps` ticks per call, so a slow
    // machine drops speed rather than freezing the window).
    void advance(double wallSeconds, int maxSteps = 2000);
    void apply(const sim::Command& c);
    void runTicks(int n);  // tests and screenshots: exact number of ticks
    // Applies `script` at its times while running to `untilS` seconds of drill time.
    void runScript(const std::vector<sim::ScheduledCommand>& script, double untilS);

    const sim::Drill& drill() const { return *drill_; }
    const sim::Scenario& scenario() const { return drill_->scenario(); }
    const sim::CommandCatalog& catalog() const { return drill_->catalog(); }
    const sim::Hazard* hazard() const { return drill_->hazard(); }
    // The hazard's levels, colours and field unit (an empty legend without a hazard).
    const sim::HazardLegend& legend() const;
    const sim::FieldGrid& overlay() const { return overlay_; }
    // The hazard's ground as shaded relief on the overlay's grid (empty when it has none).
    const std::vector<ImU32>& terrain() const { return terrain_; }
    // The map's ground on the overlay's grid: the hazard's cover (a fire's fuels) lit by the
    // relief, else the relief alone; computed once, the ground does not change in a drill.
    const std::vector<ImU32>& ground() const { return ground_; }
    bool hasCover() const { return hasCover_; }  // the ground shows the hazard's cover
    // Names this ground image for the map's texture cache (map_texture.h); new when it changes.
    std::uint64_t groundVersion() const { return groundVersion_; }
    // The hazard's arrival isochrones every kIsochroneStepS of drill time (empty when it has no
    // arrival times), recomputed every few seconds of drill time rather than every tick.
    const std::vector<Isochrone>& isochrones() const { return isochrones_; }
    static constexpr double kIsochroneStepS = 600;
    // The edge of what the hazard has reached, as of the isochrones' last refresh: a fire's
    // edge now, which the map draws as its front (a grass fire's cells flame for seconds, so
    // the field alone rarely shows where the fire is).
    const Isochrone& front() const { return front_; }
    // The labels of the hazard's chart figures (i18n keys) and their samples over the drill.
    const std::vector<std::string>& chartKeys() const { return chartKeys_; }
    const std::vector<ChartSample>& chartHistory() const { return chartHistory_; }
    const std::vector<ExposureSample>& history() const { return history_; }
    const std::optional<sim::ScoreReport>& report() const { return report_; }
    // The outcome figures the report was scored on (empty until the drill ends).
    const std::map<std::string, double>& outcomes() const { return outcomes_; }
    const nlohmann::json& validity() const { return validity_; }
    const std::string& scenarioPath() const { return scenarioPath_; }
    std::string log() const { return log_.str(); }

private:
    // After ticks: history samples, the overlay, the isochrones (only at a batch's end), the
    // report once the drill has ended.
    void afterTicks(bool batchEnd = true);
    void refreshOverlay();
    void refreshIsochrones();

    sim::GradeScale grades_;
    std::string scenarioPath_;
    std::unique_ptr<sim::Drill> drill_;
    std::ostringstream log_;
    std::unique_ptr<sim::DrillRecorder> recorder_;
    double carry_ = 0;  // wall seconds not yet turned into ticks
    sim::FieldGrid overlay_;
    std::vector<ImU32> terrain_;
    std::vector<ImU32> ground_;
    std::uint64_t groundVersion_ = 0;
    bool hasCover_ = false;
    sim::FieldGrid arrival_;
    std::vector<Isochrone> isochrones_;
    Isochrone front_;
    double isochronesAtS_ = -1;
    std::vector<std::string> chartKeys_;
    std::vector<ChartSample> chartHistory_;
    std::int64_t overlayTick_ = -1;
    std::vector<ExposureSample> history_;
    std::optional<sim::ScoreReport> report_;
    std::map<std::string, double> outcomes_;
    nlohmann::json validity_ = nlohmann::json::array();
};

}  // namespace drillbase::ui
