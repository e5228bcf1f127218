#pragma once
// The fast path of loss_gradient (core/losses.h) for the 2-D classifier: one pass over the
// points that computes each point's scores, its L_i and dL_i/ds_j, and adds them into the data
// loss and gradient sums: Weston-Watkins (plain or squared) and softmax, where the benchmark
// bench/compare_loss.sh shows it matters, and focal and sigmoid (their exp, log and pow cost most
// point by point); one-vs-all and structured run point_loss_t point by point. Each point's
// terms are the one definition's (core/point_loss.h: the same hinge, margin and log-sum-exp
// templates), computed for several points at once in the lanes of a vector;
// tests/core/loss_kernels_test.cpp checks every ISA's kernel against point_loss_t.
//
// Two builds of one template: Isa::Portable (one point at a time, std::exp and std::log: each
// point's numbers are point_loss_t's to the bit) and, on x86-64 with glibc, Isa::Avx2 (four
// points per AVX2 vector, libmvec's vector exp and log, accurate to a few ulp), picked at run
// time when the CPU has AVX2 (pow and log1p, for focal and sigmoid, from libmvec too). The kernels
// never throw and never index by a label: they only report that some point is invalid, and the
// caller checks the points to throw the message. Internal to core/losses.cpp and its tests.
#include <cstddef>

#include "core/scene.h"

namespace ll::loss_kernels {

// sum_i c_i L_i, sum_i c_i and sum_i c_i dL_i/ds_j (x0, x1, 1) with c_i = w_{y_i}.
struct Sums {
  double loss = 0.0;
  double weight = 0.0;
  double gw0[kMaxClasses] = {}, gw1[kMaxClasses] = {}, gb[kMaxClasses] = {};
};

struct Input {
  const Point* points = nullptr;
  const int* subset = nullptr;  // the points to use (indices checked by the caller), or all n
  std::size_t n = 0;            // points (or subset entries)
  const Params* params = nullptr;
  const LossSettings* settings = nullptr;
  const double* class_weight = nullptr;  // w_k for k < K
};

enum class Isa { Portable, Avx2 };

// Whether a kernel exists for the loss kind (else loss_gradient runs point_loss_t point by point).
bool covers(LossKind kind);
// Whether this build and CPU can run `isa`; best() is the fastest that can.
bool available(Isa isa);
Isa best();

// Adds the input's sums into `out` with the given ISA (which must be available). Returns false
// if a point has a label outside [0, K), or several labels when the loss is not sigmoid (the
// sums are then meaningless).
// The classifier has 2..kMaxClasses classes and covers(kind).
bool accumulate(const Input& in, Sums& out, Isa isa) noexcept;

}  // namespace ll::loss_kernels
