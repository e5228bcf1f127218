#include "core/lab/score_presets.h"

#include <Eigen/Core>

#include "core/lab/four_pixel.h"

namespace ll::lab {

ScoreTable cat_car_frog_table() {
  ScoreTable t;
  t.class_names = {"cat", "car", "frog"};
  t.example_names = {"cat image", "car image", "frog image"};
  t.scores.resize(3, 3);
  t.scores << 3.2, 1.3, 2.2,  //
      5.1, 4.9, 2.5,          //
      -1.7, 2.0, -3.1;
  t.labels = {0, 1, 2};
  return t;
}

ScoreTable softmax_cat_column() {
  ScoreTable t = cat_car_frog_table();
  t.example_names = {"cat image"};
  t.scores = Eigen::MatrixXd(t.scores.col(0));
  t.labels = {0};
  return t;
}

ScoreTable cifar10_table() {
  ScoreTable t;
  t.class_names = {"airplane", "automobile", "bird",  "cat",  "deer",
                   "dog",      "frog",       "horse", "ship", "truck"};
  t.example_names = {"cat image", "car image", "frog image"};
  t.scores.resize(10, 3);
  t.scores << -3.45, -0.51, 3.42,  //
      -8.87, 6.04, 4.64,           //
      0.09, 5.31, 2.65,            //
      2.9, -4.22, 5.1,             //
      4.48, -4.19, 2.64,           //
      8.02, 3.58, 5.55,            //
      3.78, 4.49, -4.34,           //
      1.06, -4.37, -1.5,           //
      -0.36, -2.09, -4.79,         //
      -0.72, -2.93, 6.14;
  t.labels = {3, 1, 6};
  return t;
}

ScoreTable four_pixel_cat_column() {
  const FourPixelExample e = four_pixel_lecture();
  const FourPixelResult r = four_pixel_scores(e);
  ScoreTable t;
  t.class_names.assign(e.class_names.begin(), e.class_names.end());
  t.example_names = {"four-pixel cat"};
  t.scores.resize(kFourPixelClasses, 1);
  for (int k = 0; k < kFourPixelClasses; ++k) t.scores(k, 0) = r.rows[k].score;
  t.labels = {0};
  return t;
}

std::vector<ScorePreset> score_presets() {
  return {{"Cat, car, frog (SVM and softmax slides)", cat_car_frog_table()},
          {"Softmax: the cat column", softmax_cat_column()},
          {"CIFAR-10: three images, ten classes", cifar10_table()},
          {"Four-pixel cat: s = Wx + b", four_pixel_cat_column()}};
}

}  // namespace ll::lab
