// det_math_exp_log.cpp — exp, log and pow; see det_math.h. The methods and coefficients are those
// of Sun's fdlibm 5.3 (K.C. Ng et al., 1993; netlib.org/fdlibm), reached through FreeBSD msun /
// musl, rewritten here on std::bit_cast; pow is built on double-double arithmetic (Dekker 1971).
// Only correctly rounded IEEE operations are used.
#include "sim/math/det_math.h"

#include <cfloat>
#include <cmath>
#include <limits>

// The build guards and the pragma that turns contraction off for the rest of this file.
#include "sim/math/det_math_internal.h"

namespace drillbase::sim::dmath {

using namespace detail;

namespace {

// ---- exp: fdlibm e_exp.c. x = k·ln2 + r, |r| <= ln2/2, with ln2 split Cody–Waite style into a
// 32-bit head (k·kLn2Hi is exact for |k| < 2^21) and a tail; exp(r) from a degree-5 Remez fit of
// R(r²) = r·(e^r + 1)/(e^r − 1) (error < 2^-59), then exp(x) = 2^k·exp(r).
constexpr double kLn2Hi = 6.93147180369123816490e-01;      // 0x3fe62e42 fee00000
constexpr double kLn2Lo = 1.90821492927058770002e-10;      // 0x3dea39ef 35793c76
constexpr double kInvLn2 = 1.44269504088896338700e+00;     // 0x3ff71547 652b82fe
constexpr double kExpOver = 7.09782712893383973096e+02;    // largest x with e^x finite
constexpr double kExpUnder = -7.45133219101941108420e+02;  // below: e^x rounds to 0
constexpr double kExpP[] = {1.66666666666666019037e-01, -2.77777777770155933842e-03,
                            6.61375632143793436117e-05, -1.65339022054652515390e-06,
                            4.13813679705723846039e-08};

int nearestInt(double v) {
    return static_cast<int>(v < 0 ? v - 0.5 : v + 0.5);
}

// 2^k·exp(hi − lo) for |hi − lo| <= ~ln2/2, -1075 <= k <= 1024.
double expCore(double hi, double lo, int k) {
    const double r = hi - lo;
    const double t = r * r;
    const double c = r - t * poly(kExpP, t);
    const double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    if (k >= -1021) {
        if (k == 1024) return y * 2.0 * 0x1p1023;
        return y * fromBits(static_cast<u64>(0x3ff + k) << 52);
    }
    // Subnormal result: scale in two steps so that only the last multiplication rounds.
    return y * fromBits(static_cast<u64>(0x3ff + k + 1000) << 52) * 0x1p-1000;
}

}  // namespace

// e^t for t = t.hi + t.lo (pow, and erfc in det_math_special.cpp): as exp() but the reduction
// carries t.lo along.
double detail::expDD(DD t) {
    if (t.hi > kExpOver) return kInf;
    if (t.hi < kExpUnder) return 0.0;
    const int k = nearestInt(kInvLn2 * t.hi);
    return expCore(t.hi - k * kLn2Hi, k * kLn2Lo - t.lo, k);
}

namespace {

// ---- log: reduce x = 2^k·m with m in [√2/2, √2], so |s| <= 0.1716 for s = f/(2+f), f = m − 1.
constexpr double kSqrt2 = 1.41421356237309514547e+00;  // 0x3ff6a09e 667f3bcd
double reduceLog(double x, int& k) {                   // x > 0 finite
    k = 0;
    if (x < 0x1p-1022) {  // subnormal: make it normal first
        x *= 0x1p54;
        k = -54;
    }
    const u64 b = bitsOf(x);
    k += static_cast<int>(b >> 52) - 1023;
    double m = fromBits((b & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);  // in [1, 2)
    if (m > kSqrt2) {
        m *= 0.5;
        ++k;
    }
    return m - 1.0;  // exact (Sterbenz)
}

// fdlibm e_log.c: log(1+f) = 2s + s·R(s²), R a degree-7 Remez fit in s² (error < 2^-58.45, here
// by plain Horner), computed as f − (f²/2 − s·(f²/2 + R)) so the large terms round least.
constexpr double kLg[] = {6.666666666666735130e-01, 3.999999999940941908e-01,
                          2.857142874366239149e-01, 2.222219843214978396e-01,
                          1.818357216161805012e-01, 1.531383769920937332e-01,
                          1.479819860511658591e-01};

// pow's log: log x = k·ln2 + 2·atanh(s) in double-double, relative error ~2^-64. The series
// 2s + s³·Σ 2z^(i-1)/(2i+1), z = s², is the exact Taylor series of 2·atanh; cut after s^25,
// the remainder is below 2^-70 relative.
constexpr DD kLn2 = {0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56};
constexpr DD kTwoThirds = {0x1.5555555555555p-1, 0x1.5555555555555p-55};
constexpr double kAtanhTail[] = {2.0 / 5,  2.0 / 7,  2.0 / 9,  2.0 / 11, 2.0 / 13, 2.0 / 15,
                                 2.0 / 17, 2.0 / 19, 2.0 / 21, 2.0 / 23, 2.0 / 25};
DD logDD(double x) {  // x > 0 finite
    int k;
    const double f = reduceLog(x, k);
    const DD d = fastTwoSum(2.0, f);  // 2 + f, exactly
    const double sh = f / d.hi;
    const DD p = twoProd(sh, d.hi);
    const DD s = {sh, (((f - p.hi) - p.lo) - sh * d.lo) / d.hi};  // s = f/(2+f) to ~2^-106
    const DD z = ddMul(s, s);
    const DD q = ddAdd(kTwoThirds, {z.hi * poly(kAtanhTail, z.hi), 0.0});
    const DD series = ddAdd({2.0 * s.hi, 2.0 * s.lo}, ddMul(ddMul(s, z), q));
    const double dk = k;
    const DD kl = twoProd(dk, kLn2.hi);
    return ddAdd(ddAdd(kl, {dk * kLn2.lo, 0.0}), series);
}

}  // namespace

double exp(double x) {
    if (isNaN(x)) return kNaN;
    if (x > kExpOver) return kInf;
    if (x < kExpUnder) return 0.0;
    if (x == 1.0) return 2.718281828459045235360;  // fdlibm's one correction: e itself, rounded
    if (absHigh(x) < 0x3e300000) return 1.0 + x;   // |x| < 2^-28
    const int k = nearestInt(kInvLn2 * x);
    return expCore(x - k * kLn2Hi, k * kLn2Lo, k);  // k·kLn2Hi exact, difference exact
}

double log(double x) {
    if (isNaN(x) || x < 0) return kNaN;
    if (x == 0) return -kInf;
    if (x == kInf) return kInf;
    int k;
    const double f = reduceLog(x, k);
    const double dk = k;
    const double s = f / (2.0 + f);
    const double z = s * s;
    const double r = z * poly(kLg, z);
    const double hfsq = 0.5 * f * f;
    return dk * kLn2Hi - ((hfsq - (s * (hfsq + r) + dk * kLn2Lo)) - f);
}

double pow(double x, double y) {
    if (y == 0.0 || x == 1.0) return 1.0;
    if (isNaN(x) || isNaN(y)) return kNaN;
    const double ax = std::fabs(x), ay = std::fabs(y);
    if (ay == kInf) {
        if (ax == 1.0) return 1.0;  // pow(-1, ±inf) = 1
        return (ax > 1.0) == (y > 0.0) ? kInf : 0.0;
    }
    // y: 0 = not an integer, 1 = odd integer, 2 = even integer (every |y| >= 2^53 is even).
    int yInt = 2;
    if (ay < 0x1p53) yInt = std::trunc(y) != y ? 0 : (std::trunc(0.5 * y) != 0.5 * y ? 1 : 2);
    const bool negate = std::signbit(x) && yInt == 1;
    double r;
    if (ax == 0.0 || ax == kInf) {
        r = (ax == 0.0) == (y < 0.0) ? kInf : 0.0;
    } else if (x < 0.0 && yInt == 0) {
        return kNaN;
    } else if (y == 1.0) {
        return x;
    } else if (y == -1.0) {
        return 1.0 / x;
    } else if (y == 2.0) {
        return x * x;
    } else if (y == 0.5) {
        return std::sqrt(x);
    } else {
        const DD l = logDD(ax);  // |l.hi| >= 2^-53 as x != 1
        const double t = y * l.hi;
        if (t > 2.0 * kExpOver) {
            r = kInf;
        } else if (t < 2.0 * kExpUnder) {
            r = 0.0;  // also keeps |y| small enough for twoProd below
        } else {
            const DD p = twoProd(y, l.hi);
            r = expDD(fastTwoSum(p.hi, p.lo + y * l.lo));
        }
    }
    return negate ? -r : r;
}

}  // namespace drillbase::sim::dmath
