#pragma once
// The lectures' score tables (shared/docs/lectures.md) as presets of the score-table lab.
#include <string>
#include <vector>

#include "core/lab/score_table.h"

namespace ll::lab {

struct ScorePreset {
  std::string name;  // shown in the lab's preset menu
  ScoreTable table;
};

// Multiclass SVM slides: classes cat, car, frog; columns a cat, a car and a frog image
// (Weston-Watkins losses 2.9, 0, 12.9, mean 5.27; squared hinge 8.41, 0, 83.25).
ScoreTable cat_car_frog_table();
// The softmax slide: the cat column alone (exp 24.5, 164.0, 0.18; p 0.13, 0.87, 0.00; 2.04 nats).
ScoreTable softmax_cat_column();
// CIFAR-10 scores of three images (a cat, a car and a frog image), 10 classes.
ScoreTable cifar10_table();
// The algebraic viewpoint's four-pixel cat: s = W x + b for x = [56, 231, 24, 2] (classes cat,
// dog, ship), computed by core/lab/four_pixel.h: -96.8, 437.9, 60.75 (the slide prints 61.95).
ScoreTable four_pixel_cat_column();

// All of the above, in that order.
std::vector<ScorePreset> score_presets();

}  // namespace ll::lab
