#pragma once
// A small generated image data set for the trainer and evaluation tests (no files): K classes
// of rows x cols images, class k a bright vertical band in its own columns plus noise.
#include <cstdint>
#include <memory>
#include <string>

#include "core/images/image_set.h"
#include "core/rng.h"

namespace ll::test {

inline images::ImageSet banded_set(int n, int K, int rows, int cols, std::uint64_t seed) {
  Rng rng(seed);
  images::ImageSet s;
  s.rows = rows;
  s.cols = cols;
  s.classes = K;
  for (int k = 0; k < K; ++k) s.class_names.push_back("class " + std::to_string(k));
  s.X.resize(n, rows * cols);
  for (int i = 0; i < n; ++i) {
    const int y = static_cast<int>(rng.below(static_cast<std::uint64_t>(K)));
    s.labels.push_back(y);
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        const bool band = c * K / cols == y;
        s.X(i, r * cols + c) =
            static_cast<float>(band ? rng.uniform(0.6, 1.0) : rng.uniform(0.0, 0.4));
      }
  }
  return s;
}

inline std::shared_ptr<const images::Dataset> banded_data(int n_train, int n_test, int K, int rows,
                                                          int cols, bool centred = true) {
  auto d = std::make_shared<images::Dataset>();
  d->train = banded_set(n_train, K, rows, cols, 11);
  d->test = banded_set(n_test, K, rows, cols, 12);
  if (centred) images::center(*d);
  return d;
}

}  // namespace ll::test
