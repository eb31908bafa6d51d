// flood_run.cpp — the headless run of a flood model (see the header).
#include "sim/hydraulics/flood_run.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <system_error>

namespace drillbase::sim {

namespace {

void record(FloodRunResult& r, const InertialSolver& s, const ResolvedInputs& in) {
    for (std::size_t g = 0; g < r.gauges.size(); ++g) {
        const std::size_t c = in.gaugeCells[g];
        const bool on = c != std::numeric_limits<std::size_t>::max() && s.model().inDomain[c];
        r.gauges[g].tS.push_back(s.timeS());
        r.gauges[g].depthM.push_back(on ? s.depth(c) : 0.0);
    }
}

}  // namespace

FloodRunResult runFlood(InertialSolver& s, double untilS) {
    const FloodModel& m = s.model();
    const ResolvedInputs& in = s.inputs();
    FloodRunResult r;
    for (const Gauge& g : m.gauges) r.gauges.push_back({g.x, g.y, {}, {}});
    if (s.timeS() == 0) record(r, s, in);
    const double every = m.settings.massIntervalS;
    if (every > 0) {
        // The next multiple of massint after now, counted in whole intervals so that no
        // rounding accumulates over a long run.
        auto k = static_cast<std::int64_t>(std::floor(s.timeS() / every)) + 1;
        for (; static_cast<double>(k) * every < untilS; ++k) {
            s.advanceTo(static_cast<double>(k) * every);
            record(r, s, in);
        }
    }
    if (s.timeS() < untilS) {
        s.advanceTo(untilS);
        record(r, s, in);
    }
    r.simTimeS = s.timeS();
    r.steps = s.steps();
    r.cellUpdates = s.boxCellUpdates();
    r.computedCellUpdates = s.computedCellUpdates();
    r.budget = s.budget();
    return r;
}

nlohmann::json toJson(const FloodRunResult& r) {
    nlohmann::json j;
    j["sim_time_s"] = r.simTimeS;
    j["steps"] = r.steps;
    j["cell_updates"] = r.cellUpdates;
    j["computed_cell_updates"] = r.computedCellUpdates;
    j["volume_initial_m3"] = r.budget.initialM3;
    j["volume_in_m3"] = r.budget.inflowM3;
    j["volume_rain_m3"] = r.budget.rainM3;
    j["volume_out_m3"] = r.budget.outflowM3;
    j["volume_stored_m3"] = r.budget.storedM3;
    j["volume_balance_error"] = r.budget.relativeError();
    nlohmann::json gauges = nlohmann::json::array();
    for (const GaugeRecord& g : r.gauges)
        gauges.push_back({{"x", g.x}, {"y", g.y}, {"t_s", g.tS}, {"depth_m", g.depthM}});
    j["gauges"] = std::move(gauges);
    return j;
}

std::string writeAsciiGrid(const std::filesystem::path& file, const FloodModel& m,
                           const std::vector<double>& values, int decimals,
                           const std::vector<std::uint8_t>* valid) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot write " + file.string();
    auto num = [](double v, int digits) {
        char buf[64];
        const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, digits);
        return std::string(buf, res.ptr);
    };
    out << "ncols " << m.nx << "\nnrows " << m.ny << "\nxllcorner " << num(m.xll, 3)
        << "\nyllcorner " << num(m.yll, 3) << "\ncellsize " << num(m.cellM, 3)
        << "\nNODATA_value -9999\n";
    std::string line;
    for (int j = m.ny - 1; j >= 0; --j) {  // the file lists the northern row first
        line.clear();
        for (int i = 0; i < m.nx; ++i) {
            const std::size_t k = m.index(i, j);
            const bool ok = m.inDomain[k] && (!valid || (*valid)[k]);
            if (i) line += ' ';
            line += ok ? num(values[k], decimals) : std::string("-9999");
        }
        line += '\n';
        out << line;
    }
    out.flush();
    if (!out) return "cannot write " + file.string();
    return "";
}

}  // namespace drillbase::sim
