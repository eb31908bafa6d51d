// lisflood_bci.cpp — LISFLOOD-FP boundary conditions (.bci). Format (LISFLOOD-FP User Manual
// 5.9.6, "Boundary condition file"; https://github.com/ci1xgk/Fellowship_Webpage/blob/master/
// Merewether1-2.md for 8.x): one boundary per line,
//     P x y KIND [value|series]           a point source in the cell holding (x, y)
//     N|S|E|W from to KIND [value|series] the cells of a domain edge within [from, to]
// where the range is along the edge: eastings (x) for N and S, northings (y) for E and W (the 5.9
// reader, LoadBCs in input.cpp of https://github.com/openearth/lisflood-fp-bmi, clamps N/S
// ranges to blx..blx + xsz·dx and E/W ranges to bly..tly). KIND is
//     QFIX q    inflow per unit width, m²/s (for a point: × the cell size, m³/s)
//     QVAR name the same from the .bdy series `name`
//     HFIX h    water-surface elevation, m
//     HVAR name the same from the .bdy series `name`
//     FREE [s]  free outflow at the normal depth of slope s; no s (or a negative one, as the 5.9
//               reader's -1) means the local water-surface slope
//     CLOSED    a wall: the default of every edge, so nothing is added
// written in upper case or all lower case (the 5.9 reader compares both, "QFIX" and "qfix").
// '#' starts a comment. The 5.9 reader also takes 'F' (a point FREE), which only works with
// sub-grid channels: refused here, like every line it would have skipped with a warning.
#include "sim/hydraulics/lisflood_text.h"

#include <utility>

namespace drillbase::sim {

using namespace lisflood_detail;

namespace {

using std::to_string;

bool kindOf(std::string_view w, BoundaryKind& k, bool& closed) {
    closed = false;
    if (w == "QFIX" || w == "qfix")
        k = BoundaryKind::QFix;
    else if (w == "QVAR" || w == "qvar")
        k = BoundaryKind::QVar;
    else if (w == "HFIX" || w == "hfix")
        k = BoundaryKind::HFix;
    else if (w == "HVAR" || w == "hvar")
        k = BoundaryKind::HVar;
    else if (w == "FREE" || w == "free")
        k = BoundaryKind::Free;
    else if (w == "CLOSED" || w == "closed")
        closed = true;
    else
        return false;
    return true;
}

bool sideOf(std::string_view w, BoundarySide& s) {
    if (w == "P")
        s = BoundarySide::Point;
    else if (w == "N")
        s = BoundarySide::North;
    else if (w == "S")
        s = BoundarySide::South;
    else if (w == "E")
        s = BoundarySide::East;
    else if (w == "W")
        s = BoundarySide::West;
    else
        return false;
    return true;
}

// One line; false when it was refused (the error is reported).
bool readLine(LineReader& r, const Line& l, BoundaryCondition& b, bool& closed) {
    const Word& side = l.words[0];
    if (side.text == "F") {
        r.error(side.pos,
                "not supported by drillbase: 'F' (a point FREE boundary) belongs to "
                "LISFLOOD-FP's sub-grid channels");
        return false;
    }
    if (!sideOf(side.text, b.side)) {
        r.error(side.pos, "unknown boundary " + quote(side.text) +
                              " (expected P for a point, or N, S, E, W for an edge)");
        return false;
    }
    const bool point = b.side == BoundarySide::Point;
    if (l.words.size() < 4) {
        const char* need = point ? "P x y KIND" : "EDGE from to KIND";
        r.error(l.end, "incomplete boundary: expected " + std::string(need) + " [value]");
        return false;
    }
    double a = 0, c = 0;
    for (int k = 1; k <= 2; ++k) {
        const Word& w = l.words[static_cast<std::size_t>(k)];
        const NumStatus st = parseDouble(w.text, k == 1 ? a : c);
        if (st != NumStatus::ok) {
            const char* what = point ? (k == 1 ? "x" : "y") : (k == 1 ? "from" : "to");
            r.error(w.pos, std::string(what) + ": " + describe(st, w.text));
            return false;
        }
    }
    if (point) {
        b.x = a;
        b.y = c;
    } else {
        b.from = a < c ? a : c;  // the 5.9 reader swaps a reversed range too
        b.to = a < c ? c : a;
    }
    const Word& kind = l.words[3];
    if (!kindOf(kind.text, b.kind, closed)) {
        r.error(kind.pos, "unknown boundary type " + quote(kind.text) +
                              " (expected QFIX, QVAR, HFIX, HVAR, FREE or CLOSED)");
        return false;
    }
    const bool optionalValue = closed || b.kind == BoundaryKind::Free;
    const std::size_t maxWords = closed ? 4 : 5;
    if (l.words.size() > maxWords) {
        r.error(l.words[maxWords].pos, "unexpected " + quotedRest(l, maxWords) + " after the " +
                                           std::string(kind.text) + " boundary");
        return false;
    }
    if (closed) return true;
    if (l.words.size() < 5) {
        if (optionalValue) {
            b.value = -1;  // FREE without a slope: the local water-surface slope
            return true;
        }
        const bool named = b.kind == BoundaryKind::QVar || b.kind == BoundaryKind::HVar;
        r.error(l.end,
                std::string(kind.text) + " needs " +
                    (named                          ? "the name of a .bdy series"
                     : b.kind == BoundaryKind::QFix ? "a value (inflow per unit width, m\u00b2/s)"
                                                    : "a value (water-surface elevation, m)"));
        return false;
    }
    const Word& v = l.words[4];
    if (b.kind == BoundaryKind::QVar || b.kind == BoundaryKind::HVar) {
        b.series = std::string(v.text);
        return true;
    }
    const NumStatus st = parseDouble(v.text, b.value);
    if (st != NumStatus::ok) {
        r.error(v.pos, std::string(kind.text) + ": " + describe(st, v.text));
        return false;
    }
    return true;
}

}  // namespace

std::optional<std::vector<BoundaryCondition>> parseLisfloodBci(std::string_view text,
                                                               const std::string& fileName,
                                                               std::vector<Diagnostic>& errors,
                                                               std::vector<Diagnostic>& warnings,
                                                               const LisfloodLimits& limits) try {
    LineReader r(text, fileName, errors, warnings, limits, true);
    std::vector<BoundaryCondition> out;
    Line l;
    while (r.next(l)) {
        BoundaryCondition b;
        b.pos = l.words[0].pos;
        b.file = fileName;
        bool closed = false;
        if (!readLine(r, l, b, closed) || closed) continue;
        if (out.size() == limits.maxBoundaries) {
            r.error(b.pos, "more than " + to_string(limits.maxBoundaries) + " boundaries");
            break;
        }
        out.push_back(std::move(b));
    }
    if (r.stopped() || r.errors() > 0) return std::nullopt;
    return out;
} catch (const std::bad_alloc&) {
    errors.push_back(Diagnostic{fileName, {}, "", "not enough memory to read the .bci"});
    return std::nullopt;
} catch (...) {
    errors.push_back(Diagnostic{fileName, {}, "", "cannot read the .bci"});
    return std::nullopt;
}

}  // namespace drillbase::sim
