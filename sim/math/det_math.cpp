// det_math.cpp — see det_math.h. The methods and coefficients are those of Sun's fdlibm 5.3
// (K.C. Ng et al., 1993; netlib.org/fdlibm), reached through FreeBSD msun / musl, rewritten here
// on std::bit_cast; pow and the large-argument sine reduction are built on double-double
// arithmetic (Dekker 1971). Only correctly rounded IEEE operations are used.
#include "sim/math/det_math.h"

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#if defined(__FAST_MATH__) || (defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__)
#error "det_math.cpp must not be built with -ffast-math or -ffinite-math-only"
#endif
#if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
#error "det_math.cpp needs FLT_EVAL_METHOD == 0 (SSE2 doubles, not x87 extended precision)"
#endif
static_assert(std::numeric_limits<double>::is_iec559, "IEEE-754 binary64 doubles required");

// A fused multiply-add rounds once where the code below rounds twice, which would change bits
// (and break the exact two-product of Dekker's algorithm), so contraction is off in this file
// whatever -ffp-contract or -march the build passes.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#elif defined(_MSC_VER)
#pragma fp_contract(off)
#endif

namespace drillbase::sim::dmath {
namespace {

using u64 = std::uint64_t;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

u64 bitsOf(double x) {
    return std::bit_cast<u64>(x);
}
double fromBits(u64 b) {
    return std::bit_cast<double>(b);
}
// The high 32 bits without the sign: the fdlibm way to classify by magnitude.
std::uint32_t absHigh(double x) {
    return static_cast<std::uint32_t>(bitsOf(x) >> 32) & 0x7fffffffu;
}
bool isNaN(double x) {
    return (bitsOf(x) & 0x7fffffffffffffffULL) > 0x7ff0000000000000ULL;
}

// Horner's rule, c[0] + x·(c[1] + x·(c[2] + ...)), in the order fdlibm writes its polynomials.
template <int N>
double poly(const double (&c)[N], double x) {
    double r = c[N - 1];
    for (int i = N - 2; i >= 0; --i) r = c[i] + x * r;
    return r;
}

// Double-double arithmetic: a value hi + lo with |lo| <= ulp(hi)/2 (Dekker 1971; Shewchuk 1997).
struct DD {
    double hi, lo;
};
DD fastTwoSum(double a, double b) {  // |a| >= |b|; hi + lo == a + b exactly
    const double s = a + b;
    return {s, b - (s - a)};
}
DD twoSum(double a, double b) {  // any a, b; hi + lo == a + b exactly
    const double s = a + b;
    const double bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}
DD split(double a) {  // Veltkamp: a == hi + lo, each with at most 26 significant bits
    const double c = 134217729.0 * a;  // 2^27 + 1
    const double hi = c - (c - a);
    return {hi, a - hi};
}
DD twoProd(double a, double b) {  // hi + lo == a·b exactly (|a|, |b| < 2^995, no underflow)
    const double p = a * b;
    const DD x = split(a), y = split(b);
    return {p, ((x.hi * y.hi - p) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo};
}
DD ddAdd(DD a, DD b) {
    const DD s = twoSum(a.hi, b.hi);
    return fastTwoSum(s.hi, s.lo + (a.lo + b.lo));
}
DD ddMul(DD a, DD b) {
    const DD p = twoProd(a.hi, b.hi);
    return fastTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

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

// The head t.hi + t.lo of e^t for pow: as exp() but the reduction carries t.lo along.
double expDD(DD t) {
    if (t.hi > kExpOver) return kInf;
    if (t.hi < kExpUnder) return 0.0;
    const int k = nearestInt(kInvLn2 * t.hi);
    return expCore(t.hi - k * kLn2Hi, k * kLn2Lo - t.lo, k);
}

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

// ---- sin/cos kernels on [-π/4, π/4] with a tail y of the argument: fdlibm k_sin.c, k_cos.c
// (degree-13 odd / degree-14 even Remez polynomials, error < 2^-58).
constexpr double kS[] = {-1.66666666666666324348e-01, 8.33333333332248946124e-03,
                         -1.98412698298579493134e-04, 2.75573137070700676789e-06,
                         -2.50507602534068634195e-08, 1.58969099521155010221e-10};
constexpr double kC[] = {4.16666666666666019037e-02, -1.38888888888741095749e-03,
                         2.48015872894767294178e-05, -2.75573143513906633035e-07,
                         2.08757232129817482790e-09, -1.13596475577881948265e-11};

double kernelSin(double x, double y) {
    const double z = x * x;
    const double w = z * z;
    const double r = kS[1] + z * (kS[2] + z * kS[3]) + z * w * (kS[4] + z * kS[5]);
    const double v = z * x;
    if (y == 0.0) return x + v * (kS[0] + z * r);
    return x - ((z * (0.5 * y - v * r) - y) - v * kS[0]);
}
double kernelCos(double x, double y) {
    const double z = x * x;
    const double w = z * z;
    const double r =
        z * (kC[0] + z * (kC[1] + z * kC[2])) + w * w * (kC[3] + z * (kC[4] + z * kC[5]));
    const double hz = 0.5 * z;
    const double c = 1.0 - hz;
    return c + (((1.0 - c) - hz) + (z * r - x * y));
}

// ---- Reduction x = n·π/2 + (y.hi + y.lo), |y| <= ~π/4; returns n (only n mod 4 matters).
// Cody–Waite (fdlibm e_rem_pio2.c "medium" case): π/2 in three 33-bit parts plus tails, so
// n·part is exact for |n| < 2^20; a second and third step run only when cancellation needs them.
constexpr double kInvPio2 = 6.36619772367581382433e-01;  // 0x3fe45f30 6dc9c883
constexpr double kPio2[] = {1.57079632673412561417e+00, 6.07710050650619224932e-11,
                            6.07710050630396597660e-11, 2.02226624879595063154e-21,
                            2.02226624871116645580e-21, 8.47842766036889956997e-32};
// 2/π to 1280 bits, for Payne–Hanek (1983) reduction of |x| >= 2^20·π/2.
constexpr u64 kTwoOverPi[] = {
    0xa2f9836e4e441529, 0xfc2757d1f534ddc0, 0xdb6295993c439041, 0xfe5163abdebbc561,
    0xb7246e3a424dd2e0, 0x06492eea09d1921c, 0xfe1deb1cb129a73e, 0xe88235f52ebb4484,
    0xe99c7026b45f7e41, 0x3991d639835339f4, 0x9c845f8bbdf9283b, 0x1ff897ffde05980f,
    0xef2f118b5a0a6d1f, 0x6d367ecf27cb09b7, 0x4f463f669e5fea2d, 0x7527bac7ebe5f17b,
    0x3d0739f78a5292ea, 0x6bfb5fb11f8d5d08, 0x56033046fc7b6bab, 0xf0cfbc209af4361d};
constexpr DD kPio2DD = {0x1.921fb54442d18p0, 0x1.1a62633145c07p-54};

int exponentOf(double x) {
    return static_cast<int>((bitsOf(x) >> 52) & 0x7ff);
}

int reduceMedium(double x, DD& y) {
    const double fn = (x * kInvPio2 + 0x1.8p52) - 0x1.8p52;  // round to nearest integer
    const int n = static_cast<int>(fn);
    double r = x - fn * kPio2[0];
    double w = fn * kPio2[1];  // first step good to 85 bits
    y.hi = r - w;
    // Cancellation: a second step is good to 118 bits, a third to 151, enough for every double.
    const int ex = exponentOf(x);
    for (int step = 1; step <= 2 && ex - exponentOf(y.hi) > (step == 1 ? 16 : 49); ++step) {
        const double t = r;
        w = fn * kPio2[2 * step];
        r = t - w;
        w = fn * kPio2[2 * step + 1] - ((t - r) - w);
        y.hi = r - w;
    }
    y.lo = (r - y.hi) - w;
    return n;
}

// 64 bits of 2/π from bit s on (bit 0 is the first after the binary point; s < 0 reads the
// zero integer part).
u64 twoOverPiBits(int s) {
    constexpr int kWords = sizeof(kTwoOverPi) / sizeof(kTwoOverPi[0]);
    auto word = [](int q) { return q < 0 || q >= kWords ? u64{0} : kTwoOverPi[q]; };
    const int q = s >= 0 ? s / 64 : -((-s + 63) / 64);
    const int r = s - 64 * q;
    return r == 0 ? word(q) : (word(q) << r) | (word(q + 1) >> (64 - r));
}

// |x| = M·2^E with M a 53-bit integer. Bits of 2/π worth 2^(E-j) with j <= E-2 only add
// multiples of 4 to x·2/π, so a 192-bit window from bit j = E-1 on gives x·2/π mod 4 as
// M·window/2^190, exactly up to 2^-137; the fraction keeps >= 66 significant bits even for
// the double nearest a multiple of π/2 (about 2^-61 away; Muller, "Elementary Functions").
int reduceLarge(double x, DD& y) {
    const u64 b = bitsOf(x);
    const int e = static_cast<int>((b >> 52) & 0x7ff) - 1075;
    const u64 m = (b & 0x000fffffffffffffULL) | 0x0010000000000000ULL;
    const int start = e - 2;  // table bit of j = E-1
    const u64 win[3] = {twoOverPiBits(start), twoOverPiBits(start + 64),
                        twoOverPiBits(start + 128)};
    std::uint32_t a[6], p[8] = {};
    for (int i = 0; i < 3; ++i) {
        a[2 * i] = static_cast<std::uint32_t>(win[2 - i]);
        a[2 * i + 1] = static_cast<std::uint32_t>(win[2 - i] >> 32);
    }
    const std::uint32_t mm[2] = {static_cast<std::uint32_t>(m),
                                 static_cast<std::uint32_t>(m >> 32)};
    for (int k = 0; k < 2; ++k) {  // schoolbook 64 × 192-bit product in 32-bit limbs
        u64 carry = 0;
        for (int i = 0; i < 6; ++i) {
            const u64 t = static_cast<u64>(a[i]) * mm[k] + p[i + k] + carry;
            p[i + k] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        p[6 + k] = static_cast<std::uint32_t>(carry);
    }
    auto limb64 = [&p](int i) { return (static_cast<u64>(p[2 * i + 1]) << 32) | p[2 * i]; };
    const u64 p0 = limb64(0), p1 = limb64(1), p2 = limb64(2);
    int n = static_cast<int>(p2 >> 62);  // bits 190..191: the integer part mod 4
    u64 fh = (p2 << 2) | (p1 >> 62), fl = (p1 << 2) | (p0 >> 62);  // the fraction, 128 bits
    bool negative = std::signbit(x);
    if (fh >> 63) {  // fraction >= 1/2: round n up and take 1 − fraction with the other sign
        n += 1;
        fl = ~fl + 1;
        fh = ~fh + (fl == 0 ? 1 : 0);
        negative = !negative;
    }
    if (fh == 0) {  // a fraction below 2^-64: impossible for doubles (see above)
        y = {0.0, 0.0};
        return 0;
    }
    const int lz = std::countl_zero(fh);
    const u64 hn = lz == 0 ? fh : (fh << lz) | (fl >> (64 - lz));
    const u64 ln = fl << lz;
    const double hi = std::ldexp(static_cast<double>(hn >> 11), -53 - lz);
    const double lo = std::ldexp(static_cast<double>(hn & 0x7ff), -64 - lz) +
                      std::ldexp(static_cast<double>(ln), -128 - lz);
    y = ddMul(fastTwoSum(hi, lo), kPio2DD);
    if (negative) y = {-y.hi, -y.lo};
    return std::signbit(x) ? -n : n;
}

int reducePio2(double x, DD& y) {
    return absHigh(x) < 0x413921fb ? reduceMedium(x, y) : reduceLarge(x, y);
}

// sin x = q(x, 0), cos x = q(x, 1): cos is sin a quarter turn on.
double sinQuadrant(double x, int quarter) {
    DD y;
    switch ((reducePio2(x, y) + quarter) & 3) {
        case 0: return kernelSin(y.hi, y.lo);
        case 1: return kernelCos(y.hi, y.lo);
        case 2: return -kernelSin(y.hi, y.lo);
        default: return -kernelCos(y.hi, y.lo);
    }
}

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

double sin(double x) {
    const std::uint32_t ix = absHigh(x);
    if (ix < 0x3e500000) return x;                   // |x| < 2^-26: sin x rounds to x; keeps -0
    if (ix <= 0x3fe921fb) return kernelSin(x, 0.0);  // |x| <= ~π/4
    return ix >= 0x7ff00000 ? kNaN : sinQuadrant(x, 0);
}

double cos(double x) {
    const std::uint32_t ix = absHigh(x);
    if (ix < 0x3e46a09e) return 1.0;  // |x| < 2^-27·√2: cos x rounds to 1
    if (ix <= 0x3fe921fb) return kernelCos(x, 0.0);
    return ix >= 0x7ff00000 ? kNaN : sinQuadrant(x, 1);
}

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
