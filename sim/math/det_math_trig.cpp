// det_math_trig.cpp — sin and cos; see det_math.h. The kernels and the Cody–Waite reduction are
// those of Sun's fdlibm 5.3 (K.C. Ng et al., 1993; netlib.org/fdlibm), reached through FreeBSD
// msun / musl, rewritten here on std::bit_cast; the large-argument (Payne–Hanek 1983) reduction
// is built on exact integer arithmetic and double-double (Dekker 1971). Only correctly rounded
// IEEE operations are used.
#include "sim/math/det_math.h"

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>

// The build guards and the pragma that turns contraction off for the rest of this file.
#include "sim/math/det_math_internal.h"

namespace drillbase::sim::dmath {

using namespace detail;

namespace {

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

}  // namespace

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

}  // namespace drillbase::sim::dmath
