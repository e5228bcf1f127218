#pragma once
// The accepted ranges of the scene settings, shared by the scene loader and the command line so
// that a setting is accepted by both or by neither. Every range is closed, [lo, hi], except the
// step size (lr) and the focal alpha, which must be > 0.
#include <cstdint>
#include <limits>

#include "core/scene.h"

namespace ll::limits {

struct Range {
  double lo, hi;
  bool contains(double v) const { return v >= lo && v <= hi; }  // false for NaN
};

inline constexpr Range kReg{0.0, 1e6};              // "reg", --reg (lambda)
inline constexpr Range kDelta{0.0, 1e6};            // "delta", --delta (hinge margin)
inline constexpr Range kElasticBeta{0.0, 1e6};      // "elastic_beta"
inline constexpr Range kLr{0.0, 1e6};               // "lr", --lr; also lr > 0
inline constexpr Range kMomentum{0.0, 0.999999};    // "momentum", --momentum
inline constexpr Range kBeta{0.0, 0.999999};        // "beta1", "beta2"
inline constexpr Range kEpsilon{1e-300, 1.0};       // "epsilon"
inline constexpr Range kGamma{0.0, 100.0};          // "gamma", --gamma (focal exponent)
inline constexpr Range kAlpha{0.0, 1e6};            // "alpha", --alpha (focal scale); also > 0
inline constexpr Range kClassWeight{1e-6, 1e6};     // "class_weights"[k], --class-weights
inline constexpr Range kMaxNorm{0.0, kParamBound};  // "max_norm", --max-norm; 0 is off
inline constexpr long long kMinBatch = 1;           // "batch", --batch
inline constexpr long long kMaxBatch = static_cast<long long>(kMaxPoints);
inline constexpr long long kMaxSeed = std::numeric_limits<std::int64_t>::max();  // "seed" >= 0
inline constexpr long kMaxSteps = 1'000'000;  // train/render --steps

}  // namespace ll::limits
