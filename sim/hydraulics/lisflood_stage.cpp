// lisflood_stage.cpp — LISFLOOD-FP gauges (.stage). Format (LISFLOOD-FP User Manual 5.9.6,
// "Stage output file"; LoadStages in input.cpp of https://github.com/openearth/lisflood-fp-bmi):
// the first line is the number of points, then one `x y` line per point, in map coordinates.
// The depth at each is written every massint seconds.
#include "sim/hydraulics/lisflood_text.h"

namespace drillbase::sim {

using namespace lisflood_detail;

std::optional<std::vector<LisfloodGauge>> parseLisfloodStage(std::string_view text,
                                                             const std::string& fileName,
                                                             std::vector<Diagnostic>& errors,
                                                             const LisfloodLimits& limits) try {
    using std::to_string;
    std::vector<Diagnostic> warnings;  // the .stage has nothing to warn about
    LineReader r(text, fileName, errors, warnings, limits, false);
    Line head;
    if (!r.next(head)) {
        if (!r.stopped())
            r.error(r.endOfText(), "empty file: a .stage begins with the number of points");
        return std::nullopt;
    }
    std::size_t count = 0;
    std::string why;
    if (!parseCount(head.words[0].text, limits.maxGauges, count, why)) {
        r.error(head.words[0].pos, "the number of points: " + why);
        return std::nullopt;
    }
    if (head.words.size() > 1) {
        r.error(head.words[1].pos,
                "unexpected " + quotedRest(head, 1) + " after the number of points");
        return std::nullopt;
    }
    std::vector<LisfloodGauge> out;
    out.reserve(std::min<std::size_t>(count, text.size() / 4 + 1));
    Line l;
    while (r.next(l)) {
        if (out.size() == count) {
            r.error(l.words[0].pos, "more points than the " + to_string(count) +
                                        " announced on line " + to_string(head.number));
            break;
        }
        if (l.words.size() != 2) {
            r.error(
                l.words.size() < 2 ? l.end : l.words[2].pos,
                "point " + to_string(out.size() + 1) + " should be 'x y', not " + quotedRest(l, 0));
            continue;
        }
        LisfloodGauge g;
        g.pos = l.words[0].pos;
        const NumStatus sx = parseDouble(l.words[0].text, g.gauge.x);
        const NumStatus sy = parseDouble(l.words[1].text, g.gauge.y);
        if (sx != NumStatus::ok) r.error(l.words[0].pos, "x: " + describe(sx, l.words[0].text));
        if (sy != NumStatus::ok) r.error(l.words[1].pos, "y: " + describe(sy, l.words[1].text));
        out.push_back(g);
    }
    if (!r.stopped() && r.errors() == 0 && out.size() < count)
        r.error(r.endOfText(), "line " + to_string(head.number) + " announces " + to_string(count) +
                                   " points, the file has " + to_string(out.size()));
    if (r.errors() > 0) return std::nullopt;
    return out;
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{fileName, {}, "", "not enough memory to read the .stage"});
    return std::nullopt;
} catch (...) {
    errors.push_back(Diagnostic{fileName, {}, "", "cannot read the .stage"});
    return std::nullopt;
}

}  // namespace drillbase::sim
