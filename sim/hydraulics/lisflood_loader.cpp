// lisflood_loader.cpp — a FloodModel from a LISFLOOD-FP .par and the files it names (see
// lisflood_inputs.h). Paths are relative to the .par's folder, where LISFLOOD-FP runs; resroot
// and dirroot name outputs only (dirroot may be a Windows path, "ea5-10m\acc-cpu") and are never
// opened. After reading, the cross-references are checked: a QVAR/HVAR series must exist in the
// .bdy (LISFLOOD-FP 5.9 warns and drops the boundary: LoadBCVar in input.cpp of
// https://github.com/openearth/lisflood-fp-bmi), a point source must lie on a domain cell and at
// most one per cell (LISFLOOD-FP User Manual 5.9.6, "Boundary condition file"), an edge range
// must hold a cell of its edge, and gauges lie on the grid (LISFLOOD-FP skips an off-grid gauge
// with a warning; drillbase refuses it, since the gauge the modeller asked for would not exist).
// A `rainfall` file (.rain) becomes FloodModel::rain.
#include "sim/hydraulics/lisflood_grids.h"
#include "sim/hydraulics/lisflood_text.h"
#include "sim/scenario/gzip_file.h"

#include <cmath>
#include <locale>
#include <map>
#include <sstream>

namespace drillbase::sim {

using namespace lisflood_detail;

namespace {

using std::to_string;

std::filesystem::path resolve(const std::filesystem::path& folder, const std::string& name) {
    const std::filesystem::path p(name);
    return p.is_absolute() || folder.empty() ? p : folder / p;
}

struct Loader {
    std::filesystem::path folder;
    std::string parName;
    std::vector<Diagnostic>& errors;
    std::vector<Diagnostic>& warnings;
    const LisfloodLimits& limits;
    LisfloodModel& out;

    // Reads a text file the .par names; false with an error located at the .par line.
    bool readText(const ParValue& v, const char* keyword, std::string& text, std::string& name) {
        const auto file = resolve(folder, v.text);
        name = file.string();
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) {
            errors.push_back(Diagnostic{parName, v.pos, "",
                                        std::string(keyword) + " '" + v.text +
                                            "': no such file (looked for " + name + ")"});
            return false;
        }
        if (auto why = readMaybeGzipFile(file, limits.maxBytes, text)) {
            errors.push_back(Diagnostic{name, {}, "", *why});
            return false;
        }
        out.filesRead.push_back(file);
        return true;
    }

    GridSource grid(const std::optional<ParValue>& v, const char* keyword) {
        return GridSource{resolve(folder, v->text), &*v, parName, keyword};
    }

    void error(const std::string& file, SourcePos p, std::string m) {
        errors.push_back(Diagnostic{file, p, "", std::move(m)});
    }
    void warning(const std::string& file, SourcePos p, std::string m) {
        warnings.push_back(Diagnostic{file, p, "", std::move(m)});
    }

    // The cell holding (x, y), if it lies on the grid.
    bool cellOf(double x, double y, int& i, int& j) const {
        const FloodModel& m = out.model;
        const double fi = std::floor((x - m.xll) / m.cellM);
        const double fj = std::floor((y - m.yll) / m.cellM);
        if (!(fi >= 0 && fi < m.nx && fj >= 0 && fj < m.ny)) return false;
        i = static_cast<int>(fi);
        j = static_cast<int>(fj);
        return true;
    }

    std::string extent() const {
        const FloodModel& m = out.model;
        return "x " + num(m.xll) + " to " + num(m.xll + m.nx * m.cellM) + ", y " + num(m.yll) +
               " to " + num(m.yll + m.ny * m.cellM);
    }

    // The cell of a point source as LISFLOOD-FP 5.9 maps it (LoadBCs: column (px - blx)/dx, row
    // (tly - py)/dy counted from the north, both truncated): a point on a cell's west edge feeds
    // that cell, one on a cell's north edge feeds that cell too, i.e. the cell SOUTH of the edge.
    // (Gauges count rows from the south instead: cellOf, as LoadStages does.)
    bool pointCell(double x, double y, int& i, int& j) const {
        const FloodModel& m = out.model;
        const double fi = std::floor((x - m.xll) / m.cellM);
        const double fr = std::floor((m.yll + m.ny * m.cellM - y) / m.cellM);
        if (!(fi >= 0 && fi < m.nx && fr >= 0 && fr < m.ny)) return false;
        i = static_cast<int>(fi);
        j = m.ny - 1 - static_cast<int>(fr);
        return true;
    }

    void checkPoint(BoundaryCondition& b, std::map<std::size_t, int>& used) {
        const FloodModel& m = out.model;
        int i = 0, j = 0;
        const std::string at = "point (" + num(b.x) + ", " + num(b.y) + ")";
        if (!pointCell(b.x, b.y, i, j)) {
            error(b.file, b.pos, at + " is outside the grid (" + extent() + ")");
            return;
        }
        b.cellI = i;
        b.cellJ = j;
        const std::size_t k = m.index(i, j);
        if (!m.inDomain[k]) {
            error(b.file, b.pos, at + " lies on a NODATA cell of the DEM, outside the domain");
            return;
        }
        const auto [it, fresh] = used.emplace(k, b.pos.line);
        if (!fresh)
            error(b.file, b.pos,
                  at + " is in the same cell as the point source of line " + to_string(it->second) +
                      " (one point source per cell)");
    }

    void checkEdge(const BoundaryCondition& b) {
        const FloodModel& m = out.model;
        const bool ns = b.side == BoundarySide::North || b.side == BoundarySide::South;
        const int n = ns ? m.nx : m.ny;
        const double origin = ns ? m.xll : m.yll;
        int cells = 0, domain = 0;
        for (int c = 0; c < n; ++c) {
            const double centre = origin + (c + 0.5) * m.cellM;
            if (centre < b.from || centre > b.to) continue;
            ++cells;
            const int i = ns ? c : (b.side == BoundarySide::East ? m.nx - 1 : 0);
            const int j = ns ? (b.side == BoundarySide::North ? m.ny - 1 : 0) : c;
            domain += m.inDomain[m.index(i, j)] != 0;
        }
        const char* name = b.side == BoundarySide::North   ? "north"
                           : b.side == BoundarySide::South ? "south"
                           : b.side == BoundarySide::East  ? "east"
                                                           : "west";
        const std::string range = std::string(ns ? "x " : "y ") + num(b.from) + " to " + num(b.to);
        if (cells == 0)
            error(b.file, b.pos,
                  range + " holds no cell centre of the " + name + " edge (" + (ns ? "x " : "y ") +
                      num(origin) + " to " + num(origin + n * m.cellM) + ")");
        else if (domain == 0)
            warning(b.file, b.pos,
                    "the " + std::string(name) + " edge cells within " + range +
                        " are all NODATA: this boundary has no effect");
    }

    void crossCheck(const std::string& bdyName, const std::vector<LisfloodSeries>& series) {
        FloodModel& m = out.model;
        std::map<std::string, bool> referenced;
        for (const LisfloodSeries& s : series) referenced[s.series.name] = false;
        std::map<std::size_t, int> pointCells;
        for (BoundaryCondition& b : m.boundaries) {
            if (b.kind == BoundaryKind::QVar || b.kind == BoundaryKind::HVar) {
                const auto it = referenced.find(b.series);
                if (it != referenced.end())
                    it->second = true;
                else if (!out.par.bdyFile)
                    error(b.file, b.pos,
                          "series '" + b.series + "' needs a bdyfile, and the .par names none");
                else
                    error(b.file, b.pos,
                          "series '" + b.series + "' is not in the bdyfile " + bdyName);
            }
            if (b.side == BoundarySide::Point)
                checkPoint(b, pointCells);
            else
                checkEdge(b);
        }
        for (const LisfloodSeries& s : series) {
            if (!referenced[s.series.name]) {
                warning(bdyName, s.pos,
                        "series '" + s.series.name + "' is not used by any boundary of the .bci");
            } else if (s.series.tS.back() < m.settings.simTimeS) {
                warning(bdyName, s.pos,
                        "series '" + s.series.name + "' ends at " + num(s.series.tS.back()) +
                            " s, before sim_time " + num(m.settings.simTimeS) +
                            " s: its last value is held");
            }
        }
    }

    void checkGauges(const std::string& stageName, const std::vector<LisfloodGauge>& gauges) {
        FloodModel& m = out.model;
        for (const LisfloodGauge& g : gauges) {
            int i = 0, j = 0;
            const std::string at = "gauge (" + num(g.gauge.x) + ", " + num(g.gauge.y) + ")";
            if (!cellOf(g.gauge.x, g.gauge.y, i, j))
                error(stageName, g.pos, at + " is outside the grid (" + extent() + ")");
            else if (!m.inDomain[m.index(i, j)])
                warning(stageName, g.pos, at + " lies on a NODATA cell: it will stay dry");
            m.gauges.push_back(g.gauge);
        }
    }

    bool run() {
        const LisfloodPar& par = out.par;
        FloodModel& m = out.model;
        const std::size_t errors0 = errors.size();
        if (!loadDemGrid(grid(par.demFile, "DEMfile"), m, errors)) return false;
        out.filesRead.push_back(resolve(folder, par.demFile->text));
        if (par.manningFile) {
            if (!loadManningGrid(grid(par.manningFile, "manningfile"), par.fpfric, m, errors,
                                 warnings))
                return false;
            out.filesRead.push_back(resolve(folder, par.manningFile->text));
        } else {
            m.manning.assign(m.cells(), *par.fpfric);
        }
        if (par.startFile) {
            if (!loadStartGrid(grid(par.startFile, "startfile"), par.startElev, m, errors))
                return false;
            out.filesRead.push_back(resolve(folder, par.startFile->text));
        }

        FloodSettings& st = m.settings;
        st.simTimeS = *par.simTimeS;
        if (par.initialStepS) st.initialStepS = *par.initialStepS;
        if (par.massIntervalS) st.massIntervalS = *par.massIntervalS;
        if (par.saveIntervalS) st.saveIntervalS = *par.saveIntervalS;
        if (par.cfl) st.alpha = *par.cfl;
        if (par.depthThresholdM) st.depthThresholdM = *par.depthThresholdM;

        std::string text, bdyName, name;
        std::vector<LisfloodSeries> series;
        if (par.bdyFile && readText(*par.bdyFile, "bdyfile", text, bdyName)) {
            if (auto s = parseLisfloodBdy(text, bdyName, errors, warnings, limits))
                series = std::move(*s);
        }
        if (par.bciFile && readText(*par.bciFile, "bcifile", text, name)) {
            if (auto b = parseLisfloodBci(text, name, errors, warnings, limits))
                m.boundaries = std::move(*b);
        }
        if (errors.size() > errors0) return false;
        crossCheck(bdyName, series);
        for (LisfloodSeries& s : series) m.series.push_back(std::move(s.series));

        if (par.rainFile && readText(*par.rainFile, "rainfall", text, name)) {
            if (auto rain = parseLisfloodRain(text, name, errors, warnings, limits)) {
                m.rain.mmPerHour = std::move(*rain);
                m.rain.present = true;
            }
        }
        if (par.stageFile && readText(*par.stageFile, "stagefile", text, name)) {
            if (auto g = parseLisfloodStage(text, name, errors, limits)) checkGauges(name, *g);
        }
        return errors.size() == errors0;
    }
};

}  // namespace

std::optional<LisfloodModel> loadLisfloodModel(const std::filesystem::path& parFile,
                                               std::vector<Diagnostic>& errors,
                                               std::vector<Diagnostic>& warnings,
                                               const LisfloodLimits& limits) try {
    const std::string parName = parFile.string();
    std::string text;
    if (auto why = readMaybeGzipFile(parFile, limits.maxBytes, text)) {
        errors.push_back(Diagnostic{parName, {}, "", *why});
        return std::nullopt;
    }
    auto par = parseLisfloodPar(text, parName, errors, warnings, limits);
    if (!par) return std::nullopt;
    LisfloodModel out;
    out.par = std::move(*par);
    out.filesRead.push_back(parFile);
    Loader l{parFile.parent_path(), parName, errors, warnings, limits, out};
    if (!l.run()) return std::nullopt;
    return out;
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{parFile.string(), {}, "", "not enough memory to load the model"});
    return std::nullopt;
} catch (...) {
    errors.push_back(Diagnostic{parFile.string(), {}, "", "cannot load the model"});
    return std::nullopt;
}

}  // namespace drillbase::sim
