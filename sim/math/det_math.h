// det_math.h — deterministic elementary functions for the simulation core. The C library's exp,
// log, pow, sin, cos and erfc are not specified to the last bit and do change between glibc
// versions and CPUs, so a drill replayed elsewhere could drift and fail its state hash. These
// are written with IEEE-754 +, -, *, /, sqrt and bit manipulation only, each of which is
// correctly rounded and so gives the same bits on every IEEE machine.
//
// Conditions: IEEE binary64 doubles, round-to-nearest-even (the default), FLT_EVAL_METHOD == 0
// (SSE2 or any 64-bit target; x87 extended evaluation is refused at compile time), no
// -ffast-math, and no denormals-are-zero mode at run time. The det_math_*.cpp files turn
// floating-point contraction (fused multiply-add) off for themselves, so the result depends neither
// on -march nor on GCC's -ffp-contract; clang honours that pragma too, except under an explicit
// -ffp-contract=fast, which clang documents as overriding pragmas.
//
// Every NaN result is the canonical quiet NaN (bits 0x7ff8000000000000), whatever the input NaN,
// so a NaN cannot carry machine-dependent payload bits into a hash.
//
// Accuracy is in ulps of the exact result; the worst measured errors below come from 10^6 or more
// points per range against long double references (tests/sim/test_det_math.cpp, which also pins
// output bits) and were cross-checked against 3000-bit mpmath.
#pragma once

namespace drillbase::sim::dmath {

// e^x, fdlibm e_exp.c method, < 1 ulp (worst seen 0.88). Overflows to +inf above
// 709.782712893384, underflows through subnormals to +0 below -745.1332191019411.
double exp(double x);

// Natural logarithm, fdlibm e_log.c method, < 1 ulp (worst seen 0.80). log(±0) = -inf,
// log(x < 0) = NaN, log(+inf) = +inf, log(1) = +0.
double log(double x);

// x^y as exp(y·log x) with log x in double-double, < 1 ulp (worst seen 0.88, for x in
// [1e-12, 1e12] and |y| <= 10 as the sim uses, and for |y| up to 1000 near x = 1). Special values
// follow C99 Annex F: pow(x, ±0) = 1 and pow(1, y) = 1 even for NaN; x < 0 needs an integer y
// (else NaN) and an odd y keeps the sign; pow(±0, y < 0) = ±inf or +inf. y = ±1, 2 and 1/2 are
// exact (x, 1/x, x·x, sqrt x); other representable integer powers came out exact in every case
// tried (all x^n <= 2^53 with integer x <= 2000).
double pow(double x, double y);

// Sine and cosine, fdlibm __kernel_sin/__kernel_cos on [-π/4, π/4], < 1 ulp (worst seen 0.78) for
// every finite x. Reduction by π/2: Cody–Waite with π/2 in three 33-bit parts for
// |x| < 2^20·π/2 ≈ 1.647e6, beyond that an exact Payne–Hanek reduction with 1280 bits of 2/π.
// sin(±inf) = cos(±inf) = NaN.
double sin(double x);
double cos(double x);

// Complementary error function 1 − erf(x), fdlibm s_erf.c rational approximations on intervals
// (the scheme of Cody 1969) with dmath's exp; <= 2.5 ulp (worst seen 2.40, near x = 0.84 and
// 1.25, from the rational functions themselves). erfc(+inf) = +0, erfc(-inf) = 2; results are
// subnormal from x = 26.54 on and +0 from x = 27.23.
double erfc(double x);

// sqrt(x² + y²) without undue overflow or underflow, with a double-double correction step; worst
// seen 0.50 ulp (nearly always correctly rounded). hypot(±inf, anything) = +inf, even NaN.
double hypot(double x, double y);

// The angle of (x, y) in [-π, π], fdlibm e_atan2.c / s_atan.c method with the roundings of y/x
// and of π − atan carried along, < 1 ulp (worst seen 0.92). Signed zeros and infinities as in
// C99 Annex F: atan2(±0, -0) = ±π, atan2(±0, +0) = ±0.
double atan2(double y, double x);

}  // namespace drillbase::sim::dmath
