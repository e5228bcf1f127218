// Compiled with -ffast-math -fopenmp-simd (see core/CMakeLists.txt) so that GCC maps these loops
// to libmvec; nothing else lives in this file, so fast-math cannot leak into other code.
#include "core/vector_math.h"

#include <cmath>

namespace ll::vmath {

__attribute__((target_clones("avx2", "default"))) void exp_inplace(double* v, std::size_t n) {
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) v[i] = std::exp(v[i]);
}

__attribute__((target_clones("avx2", "default"))) void log_inplace(double* v, std::size_t n) {
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) v[i] = std::log(v[i]);
}

__attribute__((target_clones("avx2", "default"))) void log1p_inplace(double* v, std::size_t n) {
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) v[i] = std::log1p(v[i]);
}

}  // namespace ll::vmath
