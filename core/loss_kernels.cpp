// The portable build of the loss kernels (one point at a time, std::exp and std::log) and the
// run-time choice of the AVX2 build (core/loss_kernels_avx2.cpp).
#include "core/loss_kernels.h"

#include <cmath>
#include <type_traits>

#include "core/loss_lanes.h"

namespace ll::loss_kernels {

namespace {

struct PortableMath {
  static double exp(double v) { return std::exp(v); }
  static double log(double v) { return std::log(v); }
  static double log1p(double v) { return std::log1p(v); }
  static double pow(double v, double g) { return std::pow(v, g); }
};

template <int K>
lanes::Coefficients<K> coefficients(const Input& in) {
  lanes::Coefficients<K> P;
  const Params& p = *in.params;
  for (int j = 0; j < K; ++j) {
    P.w0[j] = p.W(j, 0);
    P.w1[j] = p.W(j, 1);
    P.b[j] = p.b(j);
    P.c[j] = in.class_weight[j];
  }
  P.delta = in.settings->delta;
  P.squared = in.settings->squared;
  P.gamma = in.settings->gamma;
  P.alpha = in.settings->alpha;
  return P;
}

template <LossKind kind, int K>
unsigned run(const Input& in, Sums& out, Isa isa) {
  const lanes::Coefficients<K> P = coefficients<K>(in);
  std::size_t done = 0;
  unsigned bad = 0;
#if LOSSLAB_AVX2_KERNELS
  if (isa == Isa::Avx2) {
    done = in.n / 4 * 4;
    bad |= lanes::run_avx2<kind, K>(in, P, done, out);
  }
#else
  (void)isa;
#endif
  // The rest (all points, or the AVX2 kernel's last n mod 4) one by one.
  return bad | lanes::run<kind, K, double, PortableMath>(in, P, done, in.n, out);
}

template <LossKind kind>
unsigned run_kind(const Input& in, Sums& out, Isa isa) {
  switch (in.params->classes()) {
    case 2:
      return run<kind, 2>(in, out, isa);
    case 3:
      return run<kind, 3>(in, out, isa);
    case 4:
      return run<kind, 4>(in, out, isa);
    case 5:
      return run<kind, 5>(in, out, isa);
    case 6:
      return run<kind, 6>(in, out, isa);
    case 7:
      return run<kind, 7>(in, out, isa);
    case 8:
      return run<kind, 8>(in, out, isa);
    case 9:
      return run<kind, 9>(in, out, isa);
    default:
      static_assert(kMaxClasses == 10, "run_kind lists every K up to kMaxClasses");
      return run<kind, kMaxClasses>(in, out, isa);
  }
}

}  // namespace

bool covers(LossKind kind) { return kind != LossKind::OneVsAll && kind != LossKind::Structured; }

bool available(Isa isa) {
  if (isa == Isa::Portable) return true;
#if LOSSLAB_AVX2_KERNELS
  return __builtin_cpu_supports("avx2");
#else
  return false;
#endif
}

Isa best() { return available(Isa::Avx2) ? Isa::Avx2 : Isa::Portable; }

bool accumulate(const Input& in, Sums& out, Isa isa) noexcept {
  if (!available(isa)) isa = Isa::Portable;
  unsigned bad = 0;
  switch (in.settings->kind) {
    case LossKind::Softmax:
      bad = run_kind<LossKind::Softmax>(in, out, isa);
      break;
    case LossKind::Focal:
      bad = run_kind<LossKind::Focal>(in, out, isa);
      break;
    case LossKind::Sigmoid:
      bad = run_kind<LossKind::Sigmoid>(in, out, isa);
      break;
    default:
      bad = run_kind<LossKind::WestonWatkins>(in, out, isa);
  }
  return bad == 0;
}

}  // namespace ll::loss_kernels
