// The AVX2 build of the loss kernels (core/loss_lanes.h): four points per 256-bit vector, exp
// and log from libmvec (glibc's vector math library, accurate to a few ulp). This is the only
// file compiled with -mavx2 (core/CMakeLists.txt); everything it instantiates takes the vector
// type or a local type, so no AVX2 code can replace a portable inline function at link time.
// Its functions are called only after the CPU check (loss_kernels::available).
#include "core/loss_lanes.h"

#if LOSSLAB_AVX2_KERNELS

using v4d = double __attribute__((vector_size(32)));
extern "C" v4d _ZGVdN4v_exp(v4d);  // libmvec, the x86-64 vector function ABI's AVX2 variants
extern "C" v4d _ZGVdN4v_log(v4d);
extern "C" v4d _ZGVdN4vv_pow(v4d, v4d);
extern "C" v4d _ZGVdN4v_log1p(v4d);

namespace ll::loss_kernels::lanes {

namespace {
struct Avx2Math {
  static v4d exp(v4d v) { return _ZGVdN4v_exp(v); }
  static v4d log(v4d v) { return _ZGVdN4v_log(v); }
  static v4d log1p(v4d v) { return _ZGVdN4v_log1p(v); }
  static v4d pow(v4d v, double g) { return _ZGVdN4vv_pow(v, v4d{g, g, g, g}); }
};
}  // namespace

template <LossKind kind, int K>
unsigned run_avx2(const Input& in, const Coefficients<K>& P, std::size_t end, Sums& out) noexcept {
  return run<kind, K, v4d, Avx2Math>(in, P, 0, end, out);
}

#define LL_RUN_AVX2(K)                                                                         \
  template unsigned run_avx2<LossKind::WestonWatkins, K>(const Input&, const Coefficients<K>&, \
                                                         std::size_t, Sums&) noexcept;         \
  template unsigned run_avx2<LossKind::Softmax, K>(const Input&, const Coefficients<K>&,       \
                                                   std::size_t, Sums&) noexcept;               \
  template unsigned run_avx2<LossKind::Focal, K>(const Input&, const Coefficients<K>&,         \
                                                 std::size_t, Sums&) noexcept;                 \
  template unsigned run_avx2<LossKind::Sigmoid, K>(const Input&, const Coefficients<K>&,       \
                                                   std::size_t, Sums&) noexcept;
LL_RUN_AVX2(2)
LL_RUN_AVX2(3)
LL_RUN_AVX2(4)
LL_RUN_AVX2(5)
LL_RUN_AVX2(6)
LL_RUN_AVX2(7)
LL_RUN_AVX2(8)
LL_RUN_AVX2(9)
LL_RUN_AVX2(10)
static_assert(kMaxClasses == 10, "run_avx2 is instantiated for every K up to kMaxClasses");
#undef LL_RUN_AVX2

}  // namespace ll::loss_kernels::lanes

#endif
