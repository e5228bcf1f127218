#pragma once
// Vectorized exp and log over arrays for the training hot loop. They use glibc's libmvec (SIMD
// versions accurate to a few ulp: relative error < 1e-15) with an AVX2 clone picked at load
// time when the CPU has it. Inputs must be finite; exp of very negative values gives 0.
#include <cstddef>

namespace ll::vmath {

void exp_inplace(double* v, std::size_t n);
void log_inplace(double* v, std::size_t n);
void log1p_inplace(double* v, std::size_t n);  // ln(1 + v), accurate for small v

}  // namespace ll::vmath
