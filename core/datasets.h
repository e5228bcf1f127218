#pragma once
// Seeded data-set generators. Every generator returns a complete scene (points, K classes,
// starting weights) with the demo's loss and optimizer settings.
#include <cstdint>
#include <string>
#include <vector>

#include "core/scene.h"

namespace ll {

struct BlobsOptions {
  int classes = 3;
  int per_class = 10;
  double spread = 0.15;
  std::uint64_t seed = 1;
};

Scene make_blobs(const BlobsOptions& o);  // Gaussian blobs, centres on a circle of radius 0.6
Scene make_xor(int per_quadrant, std::uint64_t seed);   // 2 classes, not linearly separable
Scene make_circles(int per_class, std::uint64_t seed);  // 2 concentric rings
Scene make_spiral(int classes, int per_class, std::uint64_t seed);
Scene make_imbalanced(std::uint64_t seed);  // 3 classes of 40, 8 and 3 points
Scene make_outliers(std::uint64_t seed);    // 3 separable blobs plus a few mislabelled far points

// Starting weights for K classes drawn uniformly from [-0.5, 0.5) like the demo's "randomize".
Params random_params(int classes, std::uint64_t seed);

// Named presets shared by the app and the CLI ("cs231n", "blobs", "xor", ...).
std::vector<std::string> preset_names();
bool make_preset(const std::string& name, Scene& out);

}  // namespace ll
