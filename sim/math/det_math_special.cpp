// det_math_special.cpp — erfc, hypot and atan2; see det_math.h. The methods and coefficients
// are those of Sun's fdlibm 5.3 (K.C. Ng et al., 1993; netlib.org/fdlibm), reached through
// FreeBSD msun / musl, rewritten here on std::bit_cast, with double-double arithmetic
// (Dekker 1971) where it saves a rounding. Only correctly rounded IEEE operations are used.
#include "sim/math/det_math.h"

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

// The build guards and the pragma that turns contraction off for the rest of this file.
#include "sim/math/det_math_internal.h"

namespace drillbase::sim::dmath {

using namespace detail;

namespace {

// ---- erfc: fdlibm s_erf.c, rational approximations on [0, 0.84375], [0.84375, 1.25],
// [1.25, 1/0.35] and [1/0.35, 28] in the manner of Cody (1969), "Rational Chebyshev
// approximations for the error function", Math. Comp. 23, 631-637.
constexpr double kErx = 8.45062911510467529297e-01;  // erf(1) rounded to 24 bits
constexpr double kPP[] = {1.28379167095512558561e-01, -3.25042107247001499370e-01,
                          -2.84817495755985104766e-02, -5.77027029648944159157e-03,
                          -2.37630166566501626084e-05};
constexpr double kQQ[] = {3.97917223959155352819e-01, 6.50222499887672944485e-02,
                          5.08130628187576562776e-03, 1.32494738004321644526e-04,
                          -3.96022827877536812320e-06};
constexpr double kPA[] = {-2.36211856075265944077e-03, 4.14856118683748331666e-01,
                          -3.72207876035701323847e-01, 3.18346619901161753674e-01,
                          -1.10894694282396677476e-01, 3.54783043256182359371e-02,
                          -2.16637559486879084300e-03};
constexpr double kQA[] = {1.06420880400844228286e-01, 5.40397917702171048937e-01,
                          7.18286544141962662868e-02, 1.26171219808761642112e-01,
                          1.36370839120290507362e-02, 1.19844998467991074170e-02};
constexpr double kRA[] = {-9.86494403484714822705e-03, -6.93858572707181764372e-01,
                          -1.05586262253232909814e+01, -6.23753324503260060396e+01,
                          -1.62396669462573470355e+02, -1.84605092906711035994e+02,
                          -8.12874355063065934246e+01, -9.81432934416914548592e+00};
constexpr double kSA[] = {1.96512716674392571292e+01, 1.37657754143519042600e+02,
                          4.34565877475229228821e+02, 6.45387271733267880336e+02,
                          4.29008140027567833386e+02, 1.08635005541779435134e+02,
                          6.57024977031928170135e+00, -6.04244152148580987438e-02};
constexpr double kRB[] = {-9.86494292470009928597e-03, -7.99283237680523006574e-01,
                          -1.77579549177547519889e+01, -1.60636384855821916062e+02,
                          -6.37566443368389627722e+02, -1.02509513161107724954e+03,
                          -4.83519191608651397019e+02};
constexpr double kSB[] = {3.03380607434824582924e+01, 3.25792512996573918826e+02,
                          1.53672958608443695994e+03, 3.19985821950859553908e+03,
                          2.55305040643316442583e+03, 4.74528541206955367215e+02,
                          -2.24409524465858183362e+01};

// ---- atan: fdlibm s_atan.c, reduction to [0, 7/16] around atan(1/2), atan(1), atan(3/2),
// atan(∞), then atan t = t − t·Σ aT[i]·t^(2i+2), i < 11, as two interleaved Horner sums in t⁴.
constexpr double kAtanHi[] = {4.63647609000806093515e-01, 7.85398163397448278999e-01,
                              9.82793723247329054082e-01, 1.57079632679489655800e+00};
constexpr double kAtanLo[] = {2.26987774529616870924e-17, 3.06161699786838301793e-17,
                              1.39033110312309984516e-17, 6.12323399573676603587e-17};
constexpr double kAtOdd[] = {3.33333333333329318027e-01, 1.42857142725034663711e-01,
                             9.09088713343650656196e-02, 6.66107313738753120669e-02,
                             4.97687799461593236017e-02, 1.62858201153657823623e-02};
constexpr double kAtEven[] = {-1.99999999998764832476e-01, -1.11111104054623557880e-01,
                              -7.69187620504482999495e-02, -5.83357013379057348645e-02,
                              -3.65315727442169155270e-02};
constexpr double kPi = 3.1415926535897931160e+00;    // 0x400921fb 54442d18
constexpr double kPiLo = 1.2246467991473531772e-16;  // 0x3ca1a626 33145c07

// atan x for 0 <= x <= +inf as an unrounded sum hi + lo, so atan2 can subtract it from π
// without a second rounding.
DD atanNonNeg(double x) {
    if (absHigh(x) >= 0x44100000) return {kAtanHi[3], kAtanLo[3]};  // x >= 2^66
    int id = -1;
    if (x >= 0.4375) {
        if (x < 0.6875) {
            id = 0, x = (2.0 * x - 1.0) / (2.0 + x);
        } else if (x < 1.1875) {
            id = 1, x = (x - 1.0) / (x + 1.0);
        } else if (x < 2.4375) {
            id = 2, x = (x - 1.5) / (1.0 + 1.5 * x);
        } else {
            id = 3, x = -1.0 / x;
        }
    } else if (x < 0x1p-27) {
        return {x, 0.0};
    }
    const double z = x * x;
    const double w = z * z;
    const double s = z * poly(kAtOdd, w) + w * poly(kAtEven, w);
    if (id < 0) return {x, -(x * s)};
    return {kAtanHi[id], -((x * s - kAtanLo[id]) - x)};
}

}  // namespace

double erfc(double x) {
    if (isNaN(x)) return kNaN;
    const std::uint32_t ix = absHigh(x);
    const bool neg = std::signbit(x);
    if (ix < 0x3feb0000) {                    // |x| < 0.84375
        if (ix < 0x3c700000) return 1.0 - x;  // |x| < 2^-56
        const double z = x * x;
        const double y = poly(kPP, z) / (1.0 + z * poly(kQQ, z));
        if (x < 0.25) return 1.0 - (x + x * y);
        const DD t = twoSum(x - 0.5, x * y);  // 0.5 - t.hi is exact (Sterbenz): one rounding
        return (0.5 - t.hi) - t.lo;
    }
    if (ix < 0x3ff40000) {  // 0.84375 <= |x| < 1.25
        const double s = std::fabs(x) - 1.0;
        const double pq = poly(kPA, s) / (1.0 + s * poly(kQA, s));
        return neg ? 1.0 + (kErx + pq) : (1.0 - kErx) - pq;
    }
    if (ix >= 0x403c0000) return neg ? 2.0 : 0.0;  // |x| >= 28 (erfc(28) < 2^-1074 / 2)
    if (neg && ix >= 0x40180000) return 2.0;       // x <= -6: 2 − erfc(6) rounds to 2
    const double ax = std::fabs(x);
    const double s = 1.0 / (ax * ax);
    // erfc(x) = exp(−x² − 0.5625 + R/S)/x; x² is split as z² + (z − x)(z + x) with z = x cut to
    // 21 bits, so z² and −z² − 0.5625 are exact. fdlibm multiplies exp() of the two parts; one
    // expDD of their exact sum rounds less (worst 2.2 ulp on [1.25, 2.86), was 2.8).
    const double rs = ix < 0x4006db6d ? poly(kRA, s) / (1.0 + s * poly(kSA, s))  // |x| < 1/0.35
                                      : poly(kRB, s) / (1.0 + s * poly(kSB, s));
    const double z = fromBits(bitsOf(ax) & 0xffffffff00000000ULL);
    const double r = expDD(twoSum(-z * z - 0.5625, (z - ax) * (z + ax) + rs));
    return neg ? 2.0 - r / ax : r / ax;
}

double hypot(double x, double y) {
    double a = std::fabs(x), b = std::fabs(y);
    if (a == kInf || b == kInf) return kInf;
    if (isNaN(a) || isNaN(b)) return kNaN;
    if (a < b) std::swap(a, b);
    if (b == 0.0) return a;
    if (exponentOf(a) - exponentOf(b) > 54) return a + b;  // b below half an ulp of a
    // Scale into a range where squares neither overflow nor (for a) underflow.
    double scale = 1.0;
    if (a > 0x1p500) {
        a *= 0x1p-600, b *= 0x1p-600, scale = 0x1p600;
    } else if (a < 0x1p-500) {
        a *= 0x1p600, b *= 0x1p600, scale = 0x1p-600;
    }
    const DD sq = ddAdd(twoProd(a, a), twoProd(b, b));
    const double h = std::sqrt(sq.hi);
    // One Newton step on the exact residual a² + b² − h² corrects the rounding of sq.hi.
    const DD hh = twoProd(h, h);
    const double corr = (((sq.hi - hh.hi) - hh.lo) + sq.lo) / (2.0 * h);
    return (h + corr) * scale;
}

double atan2(double y, double x) {
    if (isNaN(x) || isNaN(y)) return kNaN;
    const bool ny = std::signbit(y), nx = std::signbit(x);
    const double ax = std::fabs(x), ay = std::fabs(y);
    DD z = {0.0, 0.0};  // the angle of (|x|, |y|) in [0, π/2], unrounded
    if (ax == kInf && ay == kInf) {
        z = {kAtanHi[1], kAtanLo[1]};
    } else if (ax == 0.0 || ay == kInf) {
        z = ay == 0.0 ? DD{0.0, 0.0} : DD{kAtanHi[3], kAtanLo[3]};
    } else if (ay == 0.0 || ax == kInf) {
        z = {0.0, 0.0};
    } else if (exponentOf(ay) - exponentOf(ax) > 60) {  // |y/x| > 2^60
        z = {kAtanHi[3], kAtanLo[3]};
    } else if (!(nx && exponentOf(ax) - exponentOf(ay) > 60)) {  // else π − tiny rounds to π
        const double q = ay / ax;
        z = atanNonNeg(q);
        // atan(q + dq) ≈ atan(q) + dq/(1 + q²) with dq = (|y| − q·|x|)/|x| the rounding of the
        // quotient, exact via twoProd where the Veltkamp split cannot overflow.
        if (ax < 0x1p900 && q < 0x1p900) {
            const DD qx = twoProd(q, ax);
            z.lo += (((ay - qx.hi) - qx.lo) / ax) / (1.0 + q * q);
        }
    }
    double r = z.hi + z.lo;
    if (nx) {  // π − z
        const DD d = twoSum(kPi, -z.hi);
        r = d.hi + (d.lo + (kPiLo - z.lo));
    }
    return ny ? -r : r;
}

}  // namespace drillbase::sim::dmath
