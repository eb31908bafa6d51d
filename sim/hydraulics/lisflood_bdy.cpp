// lisflood_bdy.cpp — LISFLOOD-FP boundary time series (.bdy). Format (LISFLOOD-FP User Manual
// 5.9.6, "Time varying boundary conditions file"; https://www.seamlesswave.com/Merewether1-3.html
// for 8.x): the first line is a comment; then blocks of
//     NAME                  the series named by QVAR/HVAR in the .bci
//     COUNT UNIT            the number of samples and the unit of their times
//     value time            COUNT lines: the VALUE first, then the TIME
// The manual names the units days, hours or seconds. The 5.9 reader (LoadBCVar in input.cpp of
// https://github.com/openearth/lisflood-fp-bmi) multiplies the times by 3600 for exactly "hours"
// and by 86400 for exactly "days", and reads ANY other word as seconds. drillbase also accepts
// minutes and the singular forms (hour, day, minute, second), converting them as they say, and
// warns that LISFLOOD-FP would read those as seconds; any other word is an error rather than a
// silent "seconds". Times are converted to seconds and must increase strictly.
#include "sim/hydraulics/lisflood_text.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace drillbase::sim {

using namespace lisflood_detail;

namespace {

using std::to_string;

// Seconds per unit; 0 for an unknown unit. `likeLisflood`: LISFLOOD-FP 5.9 converts it alike.
double unitSeconds(std::string_view u, bool& likeLisflood) {
    likeLisflood = u == "seconds" || u == "second" || u == "hours" || u == "days";
    if (u == "seconds" || u == "second") return 1;
    if (u == "minutes" || u == "minute") return 60;
    if (u == "hours" || u == "hour") return 3600;
    if (u == "days" || u == "day") return 86400;
    return 0;
}

struct BdyReader {
    LineReader& r;
    const LisfloodLimits& limits;
    std::vector<LisfloodSeries> out;
    std::size_t total = 0;  // samples read so far, all series together

    // The `COUNT UNIT` line `head` and the COUNT `value time` lines after it, into `ts` (times in
    // seconds); `what` names the series in messages. False when the file cannot be read on.
    // `rate`: the values are rain rates, mm/h, which cannot be negative.
    bool samples(const std::string& what, const Line& head, TimeSeries& ts, bool rate = false) {
        std::size_t count = 0;
        std::string why;
        if (!parseCount(head.words[0].text, limits.maxSamples - total, count, why)) {
            r.error(head.words[0].pos, "the sample count of " + what + ": " + why);
            return false;
        }
        if (count == 0) {
            r.error(head.words[0].pos, what + " has no samples");
            return false;
        }
        if (head.words.size() < 2) {
            r.error(head.end, what +
                                  ": the count needs a time unit after it (seconds, minutes, "
                                  "hours or days)");
            return false;
        }
        if (head.words.size() > 2) {
            r.error(head.words[2].pos, "unexpected " + quotedRest(head, 2) + " after the unit");
            return false;
        }
        const Word& unit = head.words[1];
        bool likeLisflood = false;
        const double toSeconds = unitSeconds(unit.text, likeLisflood);
        if (toSeconds == 0) {
            r.error(unit.pos, "unknown time unit " + quote(unit.text) +
                                  " (expected seconds, minutes, hours or days; LISFLOOD-FP "
                                  "would read it as seconds)");
            return false;
        }
        if (!likeLisflood)
            r.warning(unit.pos, quote(unit.text) + " taken as " + to_string(int(toSeconds)) +
                                    " s each; LISFLOOD-FP 5.9 converts only 'hours' and 'days' and "
                                    "reads any other unit as seconds");

        total += count;
        ts.tS.reserve(count);
        ts.value.reserve(count);
        int prevLine = 0;
        std::string_view prevTime;
        for (std::size_t k = 0; k < count; ++k) {
            Line l;
            if (!r.next(l)) {
                r.error(r.endOfText(), what + " declares " + to_string(count) + " samples (line " +
                                           to_string(head.number) + ") but the file ends after " +
                                           to_string(k));
                return false;
            }
            if (l.words.size() != 2) {
                r.error(l.words.size() < 2 ? l.words[0].pos : l.words[2].pos,
                        what + " declares " + to_string(count) + " samples (line " +
                            to_string(head.number) + "); sample " + to_string(k + 1) +
                            " should be 'value time', not " + quotedRest(l, 0));
                return false;
            }
            double v = 0, t = 0;
            const NumStatus sv = parseDouble(l.words[0].text, v);
            const NumStatus st = parseDouble(l.words[1].text, t);
            if (sv != NumStatus::ok)
                r.error(l.words[0].pos, "value: " + describe(sv, l.words[0].text));
            if (st != NumStatus::ok)
                r.error(l.words[1].pos, "time: " + describe(st, l.words[1].text));
            if (rate && sv == NumStatus::ok && v < 0)
                r.error(l.words[0].pos,
                        "a rainfall rate cannot be negative: " + quote(l.words[0].text) + " mm/h");
            if (r.stopped()) return false;
            if (sv != NumStatus::ok || st != NumStatus::ok) continue;
            const double tS = t * toSeconds;
            if (!std::isfinite(tS)) {
                r.error(l.words[1].pos, "time " + quote(l.words[1].text) + " " +
                                            std::string(unit.text) +
                                            " is out of the range of a double in seconds");
                continue;
            }
            if (!ts.tS.empty() && !(tS > ts.tS.back()))
                r.error(l.words[1].pos, "time " + quote(l.words[1].text) +
                                            " is not after the previous one, " + quote(prevTime) +
                                            " at line " + to_string(prevLine) +
                                            " (times must increase)");
            ts.tS.push_back(tS);
            ts.value.push_back(v);
            prevLine = l.number;
            prevTime = l.words[1].text;
        }
        return true;
    }

    // One block, from its name line; false when the rest of the file cannot be read.
    bool block(const Line& nameLine) {
        const Word& name = nameLine.words[0];
        if (nameLine.words.size() > 1) {
            r.error(nameLine.words[1].pos, "unexpected " + quotedRest(nameLine, 1) +
                                               " after the series name " + quote(name.text) +
                                               " (a series name is one word)");
            return false;
        }
        for (const LisfloodSeries& s : out)
            if (s.series.name == name.text) {
                r.error(name.pos, "series " + quote(name.text) +
                                      " is given again (first at "
                                      "line " +
                                      to_string(s.pos.line) + ")");
                return false;
            }
        LisfloodSeries s;
        s.series.name = std::string(name.text);
        s.pos = name.pos;

        Line head;
        if (!r.next(head)) {
            r.error(r.endOfText(), "series " + quote(name.text) + " lacks its 'COUNT UNIT' line");
            return false;
        }
        if (!samples("series " + quote(name.text), head, s.series)) return false;
        out.push_back(std::move(s));
        return true;
    }
};

}  // namespace

std::optional<std::vector<LisfloodSeries>> parseLisfloodBdy(std::string_view text,
                                                            const std::string& fileName,
                                                            std::vector<Diagnostic>& errors,
                                                            std::vector<Diagnostic>& warnings,
                                                            const LisfloodLimits& limits) try {
    LineReader r(text, fileName, errors, warnings, limits, false);
    Line l;
    if (!r.nextRaw(l)) {  // the first line is a comment, whatever it says
        if (!r.stopped())
            r.error(SourcePos{}, "empty file: a .bdy begins with a comment line, then its series");
        return std::nullopt;
    }
    BdyReader b{r, limits, {}};
    while (r.next(l))
        if (!b.block(l)) break;
    if (r.errors() > 0) return std::nullopt;
    return std::move(b.out);
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{fileName, {}, "", "not enough memory to read the .bdy"});
    return std::nullopt;
} catch (...) {
    errors.push_back(Diagnostic{fileName, {}, "", "cannot read the .bdy"});
    return std::nullopt;
}

// LISFLOOD-FP rainfall (.rain): a .bdy block without its name line (LoadRain in input.cpp of
// https://github.com/openearth/lisflood-fp-bmi: a comment line, `COUNT UNIT`, then COUNT lines
// `rate time`, the rate in mm/h, the units converted as in the .bdy). Rain cannot be negative.
std::optional<TimeSeries> parseLisfloodRain(std::string_view text, const std::string& fileName,
                                            std::vector<Diagnostic>& errors,
                                            std::vector<Diagnostic>& warnings,
                                            const LisfloodLimits& limits) try {
    LineReader r(text, fileName, errors, warnings, limits, false);
    Line l;
    if (!r.nextRaw(l)) {
        if (!r.stopped())
            r.error(SourcePos{},
                    "empty file: a .rain begins with a comment line, then "
                    "'COUNT UNIT' and the samples");
        return std::nullopt;
    }
    BdyReader b{r, limits, {}};
    TimeSeries rain;
    rain.name = "rainfall";
    if (!r.next(l)) {
        r.error(r.endOfText(), "the rainfall lacks its 'COUNT UNIT' line");
        return std::nullopt;
    }
    if (!b.samples("the rainfall", l, rain, true)) return std::nullopt;
    if (r.next(l))
        r.error(l.words[0].pos, "unexpected " + quotedRest(l, 0) +
                                    " after the rainfall samples (a .rain has one series)");
    if (r.errors() > 0) return std::nullopt;
    return rain;
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{fileName, {}, "", "not enough memory to read the .rain"});
    return std::nullopt;
} catch (...) {
    errors.push_back(Diagnostic{fileName, {}, "", "cannot read the .rain"});
    return std::nullopt;
}

}  // namespace drillbase::sim
