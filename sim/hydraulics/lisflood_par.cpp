// lisflood_par.cpp — the LISFLOOD-FP parameter file (.par). Format (LISFLOOD-FP User Manual 5.9.6,
// "The parameter file" and its keyword table; http://manualzilla.com/doc/6900993): one keyword per
// line, either `keyword value` or a bare flag, keywords case-sensitive as LISFLOOD-FP compares
// them (strcmp: "DEMfile", "sim_time"); '#' starts a comment to the end of the line. Numbers are
// read locale-independently.
//
// What drillbase does with a keyword falls in one of four classes:
//  - used: the inputs of the model and the settings of the local-inertial solver;
//  - output only (names and switches of LISFLOOD-FP's own result files): accepted; those that
//    ask for an output drillbase does not write are warned about;
//  - physics drillbase does not implement (other solvers, sub-grid channels, rivers, gridded
//    rain, evaporation, infiltration, routing, the flow limiter, ...): ERRORS, since running the
//    model without them would give results that differ silently from what the modeller set up;
//  - anything else: a warning "unknown keyword 'x' — ignored", as LISFLOOD-FP ignores it.
#include "sim/hydraulics/lisflood_text.h"

#include <array>
#include <string>

namespace drillbase::sim {

using namespace lisflood_detail;

namespace {

using std::to_string;

enum class Kind { Path, Number, Flag, QuietFlag, Output, NoEffect, Unsupported };

struct Keyword {
    const char* name;
    Kind kind;
    const char* what;  // for messages: what the keyword selects or means
};

// The keywords drillbase knows. Physics that drillbase lacks is listed with what it selects
// (manual 5.9.6 keyword table; LISFLOOD-FP 8.0, Shaw et al. 2021, GMD 14, 3577, for fv1/dg2/cuda).
constexpr std::array kKeywords = {
    Keyword{"DEMfile", Kind::Path, "the DEM"},
    Keyword{"manningfile", Kind::Path, "Manning's n grid"},
    Keyword{"startfile", Kind::Path, "initial depth grid"},
    Keyword{"bcifile", Kind::Path, "boundary conditions"},
    Keyword{"bdyfile", Kind::Path, "boundary time series"},
    Keyword{"stagefile", Kind::Path, "gauges"},
    Keyword{"rainfall", Kind::Path, "rainfall time series"},
    Keyword{"resroot", Kind::Path, "result file prefix"},
    Keyword{"dirroot", Kind::Path, "result folder"},
    Keyword{"fpfric", Kind::Number, "floodplain Manning's n"},
    Keyword{"sim_time", Kind::Number, "simulated time"},
    Keyword{"initial_tstep", Kind::Number, "first time step"},
    Keyword{"massint", Kind::Number, "mass and stage output interval"},
    Keyword{"saveint", Kind::Number, "snapshot interval"},
    Keyword{"cfl", Kind::Number, "Courant number of the adaptive step"},
    Keyword{"depththresh", Kind::Number, "depth below which a face carries no flow"},
    Keyword{"acceleration", Kind::Flag, "the local-inertial solver (Bates et al. 2010)"},
    Keyword{"startelev", Kind::Flag, "startfile holds water-surface elevation"},
    // Switches that turn LISFLOOD-FP outputs off: drillbase does not write those anyway.
    Keyword{"elevoff", Kind::QuietFlag, ""},
    Keyword{"depthoff", Kind::QuietFlag, ""},
    // Outputs drillbase does not write (it keeps maximum depth and arrival time only).
    Keyword{"voutput", Kind::Output, "velocity output"},
    Keyword{"qoutput", Kind::Output, "discharge output"},
    Keyword{"hazard", Kind::Output, "flood hazard output"},
    Keyword{"mint_hk", Kind::Output, "maximum-depth time output"},
    Keyword{"overpass", Kind::Output, "overpass output time"},
    Keyword{"checkpoint", Kind::Output, "checkpoint interval"},
    // Settings of LISFLOOD-FP's diffusive solver that the local-inertial one does not read.
    Keyword{"ts", Kind::NoEffect, "fixed step of the diffusive solver"},
    Keyword{"htol", Kind::NoEffect, "depth tolerance of the diffusive solver"},
    Keyword{"qtol", Kind::NoEffect, "flow tolerance of the diffusive solver"},
    // Physics drillbase does not have: refused.
    Keyword{"fv1", Kind::Unsupported, "the first-order finite-volume solver (LISFLOOD-FP 8)"},
    Keyword{"fv2", Kind::Unsupported, "the second-order finite-volume solver"},
    Keyword{"dg2", Kind::Unsupported, "the discontinuous Galerkin solver (LISFLOOD-FP 8)"},
    Keyword{"cuda", Kind::Unsupported, "the GPU solvers (fv1/dg2 on CUDA)"},
    Keyword{"Roe", Kind::Unsupported, "the Roe solver"},
    Keyword{"adaptoff", Kind::Unsupported,
            "a fixed time step (drillbase always takes the adaptive step of Bates et al. 2010)"},
    Keyword{"qlim", Kind::Unsupported, "the flow limiter"},
    Keyword{"theta", Kind::Unsupported, "the q-centred numerical diffusion (de Almeida 2012)"},
    Keyword{"latlong", Kind::Unsupported, "geographic (degree) coordinates"},
    Keyword{"SGCwidth", Kind::Unsupported, "sub-grid channels"},
    Keyword{"SGCbank", Kind::Unsupported, "sub-grid channels"},
    Keyword{"SGCbed", Kind::Unsupported, "sub-grid channels"},
    Keyword{"SGCn", Kind::Unsupported, "sub-grid channels"},
    Keyword{"SGCchan", Kind::Unsupported, "sub-grid channels"},
    Keyword{"chanmask", Kind::Unsupported, "1D river channels"},
    Keyword{"river", Kind::Unsupported, "1D river channels"},
    Keyword{"rivers", Kind::Unsupported, "1D river channels"},
    Keyword{"weirfile", Kind::Unsupported, "weirs and culverts"},
    Keyword{"porfile", Kind::Unsupported, "porosity"},
    Keyword{"evaporation", Kind::Unsupported, "evaporation"},
    Keyword{"infiltration", Kind::Unsupported, "infiltration"},
    Keyword{"dynamicrainfall", Kind::Unsupported, "gridded rainfall"},
    Keyword{"routing", Kind::Unsupported, "the rainfall-routing scheme"},
    Keyword{"routingspeed", Kind::Unsupported, "the rainfall-routing scheme"},
    Keyword{"routesfthresh", Kind::Unsupported, "the rainfall-routing scheme"},
    Keyword{"startq", Kind::Unsupported, "an initial discharge"},
    Keyword{"checkfile", Kind::Unsupported, "a restart from a checkpoint"},
};

const Keyword* find(std::string_view w) {
    for (const Keyword& k : kKeywords)
        if (w == k.name) return &k;
    return nullptr;
}

bool sameIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lo = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
        if (lo(a[i]) != lo(b[i])) return false;
    }
    return true;
}

struct ParReader {
    LineReader& r;
    LisfloodPar par;
    std::vector<std::pair<std::string_view, int>> seen;  // keyword, line (repeats are errors)

    std::optional<ParValue>* pathSlot(std::string_view k) {
        if (k == "DEMfile") return &par.demFile;
        if (k == "manningfile") return &par.manningFile;
        if (k == "startfile") return &par.startFile;
        if (k == "bcifile") return &par.bciFile;
        if (k == "bdyfile") return &par.bdyFile;
        if (k == "stagefile") return &par.stageFile;
        if (k == "rainfall") return &par.rainFile;
        if (k == "resroot") return &par.resRoot;
        return &par.dirRoot;
    }
    std::optional<double>* numberSlot(std::string_view k) {
        if (k == "fpfric") return &par.fpfric;
        if (k == "sim_time") return &par.simTimeS;
        if (k == "initial_tstep") return &par.initialStepS;
        if (k == "massint") return &par.massIntervalS;
        if (k == "saveint") return &par.saveIntervalS;
        if (k == "cfl") return &par.cfl;
        return &par.depthThresholdM;
    }

    void number(const Keyword& k, const Word& v) {
        double x = 0;
        const NumStatus st = parseDouble(v.text, x);
        if (st != NumStatus::ok) {
            r.error(v.pos, std::string(k.name) + ": " + describe(st, v.text));
            return;
        }
        if (!(x > 0)) {
            r.error(v.pos, std::string(k.name) + " must be positive, not " + quote(v.text));
            return;
        }
        if (std::string_view(k.name) == "cfl" && x > 1) {
            r.error(v.pos,
                    "cfl must be at most 1 for the local-inertial solver (Bates et al. "
                    "2010 use 0.7), not " +
                        quote(v.text));
            return;
        }
        *numberSlot(k.name) = x;
        if (std::string_view(k.name) == "fpfric") par.fpfricPos = v.pos;
    }

    void line(const Line& l) {
        const Word& key = l.words[0];
        const Keyword* k = find(key.text);
        if (!k) {
            std::string m = "unknown keyword " + quote(key.text) + " \u2014 ignored";
            for (const Keyword& c : kKeywords)
                if (sameIgnoringCase(c.name, key.text))
                    m += " (keywords are case-sensitive: did you mean '" + std::string(c.name) +
                         "'?)";
            r.warning(key.pos, m);
            return;
        }
        if (k->kind == Kind::Unsupported) {
            r.error(key.pos, "not supported by drillbase: " + quote(key.text) + " selects " +
                                 k->what + "; drillbase runs the 2D local-inertial solver only");
            return;
        }
        for (const auto& [name, at] : seen)
            if (name == key.text) {
                r.error(key.pos,
                        quote(key.text) + " is given again (first at line " + to_string(at) + ")");
                return;
            }
        seen.emplace_back(key.text, l.number);

        // Ignored keywords take whatever follows them (LISFLOOD-FP versions differ on whether
        // some, such as mint_hk or checkpoint, have a value).
        if (k->kind == Kind::Output) {
            r.warning(key.pos, quote(key.text) + " (" + k->what +
                                   ") is a LISFLOOD-FP output drillbase does not write \u2014 "
                                   "ignored");
            return;
        }
        if (k->kind == Kind::NoEffect) {
            r.warning(key.pos, quote(key.text) + " (" + k->what +
                                   ") has no effect on the local-inertial solver \u2014 ignored");
            return;
        }
        const bool takesValue = k->kind == Kind::Path || k->kind == Kind::Number;
        if (!takesValue && l.words.size() > 1) {
            r.error(l.words[1].pos, quote(key.text) + " is a flag and takes no value (found " +
                                        quotedRest(l, 1) + ")");
            return;
        }
        if (takesValue && l.words.size() < 2) {
            r.error(l.end, quote(key.text) + " needs a value (the " + k->what + ")");
            return;
        }
        if (takesValue && l.words.size() > 2) {
            r.error(l.words[2].pos,
                    "unexpected " + quotedRest(l, 2) + " after the value of " + quote(key.text));
            return;
        }
        switch (k->kind) {
            case Kind::Path:
                *pathSlot(k->name) = ParValue{std::string(l.words[1].text), l.words[1].pos};
                break;
            case Kind::Number: number(*k, l.words[1]); break;
            case Kind::Flag:
                if (key.text == "acceleration") par.acceleration = true;
                if (key.text == "startelev") par.startElev = true;
                break;
            case Kind::QuietFlag: break;
            case Kind::Output:
            case Kind::NoEffect:
            case Kind::Unsupported: break;
        }
    }
};

}  // namespace

std::optional<LisfloodPar> parseLisfloodPar(std::string_view text, const std::string& fileName,
                                            std::vector<Diagnostic>& errors,
                                            std::vector<Diagnostic>& warnings,
                                            const LisfloodLimits& limits) try {
    LineReader r(text, fileName, errors, warnings, limits, true);
    ParReader p{r, {}, {}};
    Line l;
    while (r.next(l)) p.line(l);
    if (r.stopped()) return std::nullopt;

    const LisfloodPar& par = p.par;
    // A keyword given with a bad value was reported where it stands; only absent ones here.
    auto given = [&](std::string_view k) {
        for (const auto& [name, at] : p.seen)
            if (name == k) return true;
        return false;
    };
    if (!par.demFile && !given("DEMfile"))
        r.error(SourcePos{}, "no DEMfile: the .par must name the DEM (an .asc grid)");
    if (!par.simTimeS && !given("sim_time"))
        r.error(SourcePos{}, "no sim_time: the .par must give the simulated time, s");
    if (!par.fpfric && !par.manningFile && !given("fpfric") && !given("manningfile"))
        r.error(SourcePos{},
                "no friction: the .par must give fpfric (Manning's n) or a "
                "manningfile");
    if (par.startElev && !par.startFile)
        r.warning(SourcePos{}, "startelev has no effect without a startfile");
    if (!par.acceleration)
        r.warning(SourcePos{},
                  "no 'acceleration' keyword: LISFLOOD-FP would run its diffusive "
                  "solver; drillbase runs the local-inertial one (as 'acceleration')");
    if (par.stageFile && !par.massIntervalS)
        r.warning(par.stageFile->pos, "a stagefile without massint: the gauges are never sampled");
    if (r.errors() > 0) return std::nullopt;
    return p.par;
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{fileName, {}, "", "not enough memory to read the .par"});
    return std::nullopt;
} catch (...) {
    errors.push_back(Diagnostic{fileName, {}, "", "cannot read the .par"});
    return std::nullopt;
}

}  // namespace drillbase::sim
