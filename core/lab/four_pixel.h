#pragma once
// The algebraic viewpoint of the lectures: the "four-pixel cat". A 2x2 image stretched into a
// column x = [56, 231, 24, 2] (row by row), three classes (cat, dog, ship) with the weights
// W (3 x 4) and biases b of the slide, and the scores f(x) = W x + b written out term by term:
//   cat  0.2·56 + (−0.5)·231 + 0.1·24 + 2.0·2 + 1.1 = −96.8
//   dog  1.5·56 + 1.3·231 + 2.1·24 + 0.0·2 + 3.2 = 437.9
//   ship 0·56 + 0.25·231 + 0.2·24 + (−0.3)·2 + (−1.2) = 60.75 (the slide prints 61.95)
// Each row of W is also a 2x2 template image (the visual viewpoint). Pure C++.
#include <array>
#include <string>

namespace ll::lab {

inline constexpr int kFourPixels = 4;
inline constexpr int kFourPixelClasses = 3;

struct FourPixelExample {
  std::array<double, kFourPixels> x{};                                 // row-major 2x2
  std::array<std::array<double, kFourPixels>, kFourPixelClasses> W{};  // one row per class
  std::array<double, kFourPixelClasses> b{};
  std::array<std::string, kFourPixelClasses> class_names{};
};

// The slide's example (x, W, b and the class names cat, dog, ship).
FourPixelExample four_pixel_lecture();

// The score the slide prints for `k`: cat −96.8 and dog 437.9 as computed, ship 61.95 where
// W x + b is 60.75 (a slip on the slide).
inline constexpr std::array<double, kFourPixelClasses> kFourPixelSlideScores = {-96.8, 437.9,
                                                                                61.95};

// One class's score written out: terms[i] = W(k, i) x(i), then + b(k).
struct FourPixelRow {
  std::array<double, kFourPixels> terms{};
  double bias = 0.0;
  double score = 0.0;  // ((terms[0] + terms[1]) + terms[2]) + terms[3] + bias
};

struct FourPixelResult {
  std::array<FourPixelRow, kFourPixelClasses> rows{};
  int best = 0;  // the class with the highest score (the lowest index on a tie)
};

// Throws std::invalid_argument naming the first non-finite entry ("x[2] is not finite").
FourPixelResult four_pixel_scores(const FourPixelExample& e);

// Grey level in [0, 1] of a pixel value shown on a 0..255 scale (clamped).
double four_pixel_grey(double value);

}  // namespace ll::lab
