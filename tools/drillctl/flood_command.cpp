// flood_command.cpp — `drillctl flood run` (see the header). The --json form is one object with
// sim_time_s, steps, cell_updates, wall_s, the volumes and volume_balance_error, and the gauges in
// the .stage file's order sampled every massint seconds; scripts rely on these names.
#include "tools/drillctl/flood_command.h"

#include "sim/hydraulics/flood_run.h"
#include "sim/hydraulics/lisflood_inputs.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

namespace drillbase::tools {

namespace {

struct FloodRunOptions {
    std::string par;
    double untilS = 0;  // 0: the .par's sim_time
    int threads = 1;
    std::string out;
    bool json = false;
};

void printSummary(const sim::FloodRunResult& r, double wallS, int threads) {
    const double rate = wallS > 0 ? static_cast<double>(r.cellUpdates) / wallS : 0;
    std::printf("simulated %.0f s in %d steps, %.2f s wall on %d thread(s)\n", r.simTimeS,
                static_cast<int>(r.steps), wallS, threads);
    std::printf(
        "cell updates: %llu (%.1f million/s, %.1f million/s per thread); computed next to "
        "water: %llu\n",
        static_cast<unsigned long long>(r.cellUpdates), rate / 1e6, rate / 1e6 / threads,
        static_cast<unsigned long long>(r.computedCellUpdates));
    std::printf(
        "volume: in %.1f m3, rain %.1f m3, out %.1f m3, stored %.1f m3 (start %.1f m3); "
        "balance error %.3g\n",
        r.budget.inflowM3, r.budget.rainM3, r.budget.outflowM3, r.budget.storedM3,
        r.budget.initialM3, r.budget.relativeError());
    for (std::size_t g = 0; g < r.gauges.size(); ++g) {
        const auto& rec = r.gauges[g];
        std::size_t peak = 0;
        for (std::size_t k = 0; k < rec.depthM.size(); ++k)
            if (rec.depthM[k] > rec.depthM[peak]) peak = k;
        const double first = rec.depthM.empty() ? 0 : rec.depthM[peak];
        std::printf("gauge %zu (%.0f, %.0f): peak depth %.3f m at %.0f s\n", g + 1, rec.x, rec.y,
                    first, rec.tS.empty() ? 0.0 : rec.tS[peak]);
    }
}

int runFloodCommand(const FloodRunOptions& o) {
    std::vector<Diagnostic> errors, warnings;
    auto loaded = sim::loadLisfloodModel(o.par, errors, warnings);
    for (const Diagnostic& w : warnings) std::cerr << w.format() << " (warning)\n";
    if (!loaded) {
        for (const Diagnostic& e : errors) std::cerr << e.format() << '\n';
        return 1;
    }
    const sim::FloodModel& m = loaded->model;
    const auto problems = sim::checkFloodModel(m);
    if (!problems.empty()) {
        for (const std::string& p : problems) std::cerr << o.par << ": " << p << '\n';
        return 1;
    }
    const double until = o.untilS > 0 ? o.untilS : m.settings.simTimeS;
    sim::InertialSolver solver(m, o.threads);
    const auto start = std::chrono::steady_clock::now();
    const sim::FloodRunResult r = sim::runFlood(solver, until);
    const double wallS =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (!o.out.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(o.out, ec);
        // resroot names the outputs; only its last part is used, so the .par cannot make
        // drillctl write outside --out.
        std::string root = "out";
        if (loaded->par.resRoot) {
            const std::string leaf =
                std::filesystem::path(loaded->par.resRoot->text).filename().string();
            if (!leaf.empty() && leaf != "." && leaf != "..") root = leaf;
        }
        const std::filesystem::path dir(o.out);
        std::string err = sim::writeAsciiGrid(dir / (root + ".max.asc"), m, solver.maxDepth(), 4);
        if (err.empty()) {
            std::vector<std::uint8_t> reached(m.cells());
            for (std::size_t k = 0; k < m.cells(); ++k) reached[k] = solver.arrivalS()[k] >= 0;
            err = sim::writeAsciiGrid(dir / (root + ".arrival.asc"), m, solver.arrivalS(), 1,
                                      &reached);
        }
        if (!err.empty()) {
            std::cerr << "flood run: " << err << '\n';
            return 2;
        }
    }
    if (o.json) {
        nlohmann::json j = sim::toJson(r);
        j["wall_s"] = wallS;
        j["threads"] = o.threads;
        std::cout << j.dump() << '\n';
    } else {
        printSummary(r, wallS, o.threads);
    }
    return 0;
}

}  // namespace

void addFloodCommand(CLI::App& app, int& exitCode) {
    auto* flood = app.add_subcommand("flood", "2D flood models (LISFLOOD-FP inputs)");
    flood->require_subcommand(1);
    static FloodRunOptions o;
    auto* run = flood->add_subcommand(
        "run", "Run a LISFLOOD-FP .par model with the local-inertial solver (Bates et al. 2010)");
    run->add_option("parfile", o.par, "The .par file (its other files are found beside it)")
        ->required()
        ->check(CLI::ExistingFile);
    run->add_option("--until", o.untilS, "Simulated seconds to run (default: sim_time)")
        ->check(CLI::PositiveNumber);
    run->add_option("--threads", o.threads, "Threads (results are identical for any count)")
        ->check(CLI::Range(1, 64));
    run->add_option("--out", o.out,
                    "Write RESROOT.max.asc (maximum depth, m) and "
                    "RESROOT.arrival.asc (first time wet, s) in this folder");
    run->add_flag("--json", o.json, "Print one JSON object instead of the summary");
    run->callback([&exitCode] { exitCode = runFloodCommand(o); });
}

}  // namespace drillbase::tools
