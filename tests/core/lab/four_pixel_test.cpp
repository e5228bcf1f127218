// The four-pixel cat of the lectures: the scores term by term, against the slide's numbers.
#include "core/lab/four_pixel.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace ll::lab {
namespace {

double round2(double v) { return std::round(v * 100.0) / 100.0; }

TEST(FourPixel, TheLecturesScores) {
  const FourPixelExample e = four_pixel_lecture();
  const FourPixelResult r = four_pixel_scores(e);
  // To the slide's two decimals, and to rounding error of the sums.
  EXPECT_EQ(round2(r.rows[0].score), -96.8);
  EXPECT_EQ(round2(r.rows[1].score), 437.9);
  EXPECT_EQ(round2(r.rows[2].score), 60.75);
  EXPECT_NEAR(r.rows[0].score, -96.8, 1e-12);
  EXPECT_NEAR(r.rows[1].score, 437.9, 1e-12);
  EXPECT_NEAR(r.rows[2].score, 60.75, 1e-12);
  EXPECT_EQ(r.best, 1);  // dog: the classifier gets the cat wrong, as the slide says
  // The slide's cat and dog agree; its ship (61.95) is 1.2 too high.
  EXPECT_NEAR(r.rows[0].score, kFourPixelSlideScores[0], 1e-12);
  EXPECT_NEAR(r.rows[1].score, kFourPixelSlideScores[1], 1e-12);
  EXPECT_NEAR(kFourPixelSlideScores[2] - r.rows[2].score, 1.2, 1e-12);
}

TEST(FourPixel, TermByTerm) {
  const FourPixelResult r = four_pixel_scores(four_pixel_lecture());
  // cat: 0.2·56, −0.5·231, 0.1·24, 2·2
  EXPECT_NEAR(r.rows[0].terms[0], 11.2, 1e-12);
  EXPECT_EQ(r.rows[0].terms[1], -115.5);
  EXPECT_NEAR(r.rows[0].terms[2], 2.4, 1e-12);
  EXPECT_EQ(r.rows[0].terms[3], 4.0);
  EXPECT_EQ(r.rows[0].bias, 1.1);
  // dog: 84 + 300.3 + 50.4 + 0
  EXPECT_EQ(r.rows[1].terms[0], 84.0);
  EXPECT_NEAR(r.rows[1].terms[1], 300.3, 1e-12);
  EXPECT_NEAR(r.rows[1].terms[2], 50.4, 1e-12);
  EXPECT_EQ(r.rows[1].terms[3], 0.0);
  // ship: 0 + 57.75 + 4.8 − 0.6
  EXPECT_EQ(r.rows[2].terms[0], 0.0);
  EXPECT_EQ(r.rows[2].terms[1], 57.75);
  EXPECT_NEAR(r.rows[2].terms[2], 4.8, 1e-12);
  EXPECT_NEAR(r.rows[2].terms[3], -0.6, 1e-12);
  for (const FourPixelRow& row : r.rows)
    EXPECT_EQ(row.score, row.terms[0] + row.terms[1] + row.terms[2] + row.terms[3] + row.bias);
}

TEST(FourPixel, EditedPixelsChangeTheWinner) {
  FourPixelExample e = four_pixel_lecture();
  e.x = {255.0, 0.0, 0.0, 255.0};  // bright top-left and bottom-right
  const FourPixelResult r = four_pixel_scores(e);
  EXPECT_NEAR(r.rows[0].score, 0.2 * 255 + 2.0 * 255 + 1.1, 1e-12);  // 562.1
  EXPECT_NEAR(r.rows[1].score, 1.5 * 255 + 3.2, 1e-12);              // 385.7
  EXPECT_NEAR(r.rows[2].score, -0.3 * 255 - 1.2, 1e-12);
  EXPECT_EQ(r.best, 0);
  e.x = {0, 0, 0, 0};
  EXPECT_EQ(four_pixel_scores(e).best, 1);  // the biases alone: dog's 3.2
}

TEST(FourPixel, BadNumbersAreNamed) {
  FourPixelExample e = four_pixel_lecture();
  e.x[2] = std::numeric_limits<double>::quiet_NaN();
  try {
    four_pixel_scores(e);
    FAIL();
  } catch (const std::invalid_argument& ex) {
    EXPECT_STREQ(ex.what(), "x[2] is not finite");
  }
  e = four_pixel_lecture();
  e.W[1][3] = std::numeric_limits<double>::infinity();
  EXPECT_THROW(four_pixel_scores(e), std::invalid_argument);
  e = four_pixel_lecture();
  e.x = {1e308, 1e308, 0, 0};
  e.W[1] = {1e308, 1e308, 0, 0};
  EXPECT_THROW(four_pixel_scores(e), std::invalid_argument);  // overflows
}

TEST(FourPixel, GreyLevels) {
  EXPECT_EQ(four_pixel_grey(0.0), 0.0);
  EXPECT_EQ(four_pixel_grey(255.0), 1.0);
  EXPECT_EQ(four_pixel_grey(300.0), 1.0);
  EXPECT_EQ(four_pixel_grey(-4.0), 0.0);
  EXPECT_NEAR(four_pixel_grey(51.0), 0.2, 1e-15);
}

}  // namespace
}  // namespace ll::lab
