// lisflood_inputs.h — readers of the LISFLOOD-FP model files a flood modeller already has, filling
// sim::FloodModel (flood_model.h): the parameter file (.par), boundary conditions (.bci), their
// time series (.bdy), gauges (.stage), rainfall (.rain) and the .asc grids the .par names (DEM,
// Manning's n, the initial depth).
//
// Format: LISFLOOD-FP User Manual, code release 5.9.6 (Bates, Trigg, Neal & Dabrowa, University of
// Bristol, 2013; http://manualzilla.com/doc/6900993/lisflood-fp-user-manual), its 8.x successor
// pages (https://www.seamlesswave.com/Merewether1-3.html for .bdy, and
// https://github.com/ci1xgk/Fellowship_Webpage/blob/master/Merewether1-2.md for .bci), and where
// the manual is silent the 5.9 reader itself (input.cpp in
// https://github.com/openearth/lisflood-fp-bmi): each file's reader cites what it follows.
//
// drillbase is stricter than LISFLOOD-FP, which skips what it does not understand: a keyword that
// selects physics drillbase does not have is an error (running without it would give silently
// different results), any other unknown keyword a warning, and every problem a Diagnostic
// FILE:LINE:COL: message. The text parsers never read files and never throw; the loader reads
// only the files the .par names, relative to the .par's folder (LISFLOOD-FP runs in it).
#pragma once

#include "common/json_source.h"
#include "sim/hydraulics/flood_model.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::sim {

struct LisfloodLimits {
    std::size_t maxBytes = 16u << 20;       // one text file (.par, .bci, .bdy, .stage)
    int maxLineChars = 64 << 10;            // real lines are under 100 characters
    int maxErrors = 20;                     // diagnostics before giving up on a hopeless file
    std::size_t maxBoundaries = 1'000'000;  // .bci lines (LISFLOOD-FP 5.9: 20 000 point sources)
    std::size_t maxSamples = 5'000'000;     // .bdy samples, all series together
    std::size_t maxGauges = 100'000;        // .stage points
};

// A value written in the .par, with where it was written (for messages about it later).
struct ParValue {
    std::string text;
    SourcePos pos;
};

// What a .par says that drillbase uses. Paths are as written (relative to the .par's folder).
struct LisfloodPar {
    std::optional<ParValue> demFile, manningFile, startFile, bciFile, bdyFile, stageFile, rainFile;
    std::optional<ParValue> resRoot, dirRoot;  // output names only, never opened
    std::optional<double> fpfric, simTimeS, initialStepS, massIntervalS, saveIntervalS;
    std::optional<double> cfl, depthThresholdM;  // FloodSettings::alpha and depthThresholdM
    SourcePos fpfricPos;
    bool startElev = false;     // startfile holds water-surface elevation, not depth
    bool acceleration = false;  // the local-inertial solver was selected
};

// Parsers of text already in memory; `fileName` appears in diagnostics only. Each returns
// nullopt when it found an error (at least one is appended to `errors`); warnings never stop a
// file from being read.
std::optional<LisfloodPar> parseLisfloodPar(std::string_view text, const std::string& fileName,
                                            std::vector<Diagnostic>& errors,
                                            std::vector<Diagnostic>& warnings,
                                            const LisfloodLimits& limits = {});
// Boundary conditions, each with its file and line (BoundaryCondition::file/pos).
std::optional<std::vector<BoundaryCondition>> parseLisfloodBci(std::string_view text,
                                                               const std::string& fileName,
                                                               std::vector<Diagnostic>& errors,
                                                               std::vector<Diagnostic>& warnings,
                                                               const LisfloodLimits& limits = {});

// A .bdy series with where its name was written.
struct LisfloodSeries {
    TimeSeries series;
    SourcePos pos;
};
std::optional<std::vector<LisfloodSeries>> parseLisfloodBdy(std::string_view text,
                                                            const std::string& fileName,
                                                            std::vector<Diagnostic>& errors,
                                                            std::vector<Diagnostic>& warnings,
                                                            const LisfloodLimits& limits = {});

// A LISFLOOD-FP .rain file: one series of rain rates, mm/h, over the whole domain (the series is
// named "rainfall").
std::optional<TimeSeries> parseLisfloodRain(std::string_view text, const std::string& fileName,
                                            std::vector<Diagnostic>& errors,
                                            std::vector<Diagnostic>& warnings,
                                            const LisfloodLimits& limits = {});

// A .stage gauge with where it was written.
struct LisfloodGauge {
    Gauge gauge;
    SourcePos pos;
};
std::optional<std::vector<LisfloodGauge>> parseLisfloodStage(std::string_view text,
                                                             const std::string& fileName,
                                                             std::vector<Diagnostic>& errors,
                                                             const LisfloodLimits& limits = {});

// A model read from a .par and every file it names.
struct LisfloodModel {
    FloodModel model;
    LisfloodPar par;
    std::vector<std::filesystem::path> filesRead;  // the .par first, then in the order read
};

// Reads `parFile` and what it names: DEMfile (.asc, maybe gzip-compressed; NODATA cells are out of
// the domain), manningfile (same geometry) or fpfric, startfile (startelev: water-surface
// elevation), bcifile, bdyfile, stagefile and rainfall (FloodModel::rain); then checks their
// cross-references (series named in the .bci exist in the .bdy, boundaries and gauges lie on the
// grid). Returns nullopt when any error was found; `warnings` may be filled either way.
std::optional<LisfloodModel> loadLisfloodModel(const std::filesystem::path& parFile,
                                               std::vector<Diagnostic>& errors,
                                               std::vector<Diagnostic>& warnings,
                                               const LisfloodLimits& limits = {});

}  // namespace drillbase::sim
