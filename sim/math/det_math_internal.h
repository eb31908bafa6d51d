// det_math_internal.h — what the det_math_*.cpp files share: bit access in the fdlibm manner,
// Horner polynomials, double-double arithmetic (Dekker 1971; Shewchuk 1997) and the head of
// exp() that pow (det_math_exp_log.cpp) and erfc (det_math_special.cpp) both evaluate.
// Not a public API: include it only from the det_math_*.cpp files.
#pragma once

#include <bit>
#include <cfloat>
#include <cstdint>
#include <limits>

// The conditions of det_math.h, checked once for every det_math_*.cpp.
#if defined(__FAST_MATH__) || (defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__)
#error "det_math must not be built with -ffast-math or -ffinite-math-only"
#endif
#if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
#error "det_math needs FLT_EVAL_METHOD == 0 (SSE2 doubles, not x87 extended precision)"
#endif
static_assert(std::numeric_limits<double>::is_iec559, "IEEE-754 binary64 doubles required");

// A fused multiply-add rounds once where this code rounds twice, which would change bits (and
// break the exact two-product of Dekker's algorithm), so contraction is off from here to the end
// of every det_math_*.cpp that includes this first, whatever -ffp-contract or -march the build
// passes (GCC applies the pragma to the functions defined after it).
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#elif defined(_MSC_VER)
#pragma fp_contract(off)
#endif

namespace drillbase::sim::dmath::detail {

using u64 = std::uint64_t;
inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline u64 bitsOf(double x) {
    return std::bit_cast<u64>(x);
}
inline double fromBits(u64 b) {
    return std::bit_cast<double>(b);
}
// The high 32 bits without the sign: the fdlibm way to classify by magnitude.
inline std::uint32_t absHigh(double x) {
    return static_cast<std::uint32_t>(bitsOf(x) >> 32) & 0x7fffffffu;
}
inline bool isNaN(double x) {
    return (bitsOf(x) & 0x7fffffffffffffffULL) > 0x7ff0000000000000ULL;
}
// The biased exponent field, 0..2047.
inline int exponentOf(double x) {
    return static_cast<int>((bitsOf(x) >> 52) & 0x7ff);
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
inline DD fastTwoSum(double a, double b) {  // |a| >= |b|; hi + lo == a + b exactly
    const double s = a + b;
    return {s, b - (s - a)};
}
inline DD twoSum(double a, double b) {  // any a, b; hi + lo == a + b exactly
    const double s = a + b;
    const double bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}
inline DD split(double a) {  // Veltkamp: a == hi + lo, each with at most 26 significant bits
    const double c = 134217729.0 * a;  // 2^27 + 1
    const double hi = c - (c - a);
    return {hi, a - hi};
}
inline DD twoProd(double a, double b) {  // hi + lo == a·b exactly (|a|, |b| < 2^995, no underflow)
    const double p = a * b;
    const DD x = split(a), y = split(b);
    return {p, ((x.hi * y.hi - p) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo};
}
inline DD ddAdd(DD a, DD b) {
    const DD s = twoSum(a.hi, b.hi);
    return fastTwoSum(s.hi, s.lo + (a.lo + b.lo));
}
inline DD ddMul(DD a, DD b) {
    const DD p = twoProd(a.hi, b.hi);
    return fastTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

// e^t for t = t.hi + t.lo, as pow and erfc need it: as exp() but the reduction carries t.lo
// along (det_math_exp_log.cpp).
double expDD(DD t);

}  // namespace drillbase::sim::dmath::detail
