// The Images tab's tile figures (app/images/image_figures.h): the captions shortened to their
// cell (this used to loop forever when one cut was not enough) and the image greys with the
// mean added back.
#include "app/images/image_figures.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/core/images/image_data.h"

namespace ll::imagestab {
namespace {

// 7 units per byte, whatever the size.
const figure::MeasureText kMeasure = [](const std::string& s, double, bool) {
  return 7.0 * static_cast<double>(s.size());
};

TEST(ImageFigures, LongCaptionsAreShortenedToTheirCell) {
  const images::ImageSet set = test::banded_set(4, 3, 2, 3, 1);
  const std::vector<std::string> captions = {"a very long caption indeed (Ankle boot)", "ok",
                                             "Sneaker (Sandal)", "ééééééééééééééééééééé"};
  const Eigen::VectorXf no_mean;
  const figure::TemplateFigure f =
      image_grid_figure(set, no_mean, {0, 1, 2, 3}, captions, 4, 240, 100, Style{}, kMeasure, "");
  ASSERT_EQ(f.tiles.size(), 4u);
  const double cell = 240.0 / 4;
  for (const figure::TemplateTile& t : f.tiles) {
    EXPECT_LE(kMeasure(t.caption.text, 10, false), cell) << t.caption.text;
    EXPECT_FALSE(t.caption.text.empty());
  }
  EXPECT_EQ(f.tiles[1].caption.text, "ok");
  const std::string& a = f.tiles[0].caption.text;
  EXPECT_EQ(a, "a ver…");  // 8 bytes: 56 of the cell's 60 units
  EXPECT_EQ(a.substr(a.size() - 3), "…");
  // A cut between the two bytes of an é would leave invalid UTF-8: every é is whole.
  const std::string& e = f.tiles[3].caption.text;
  for (std::size_t i = 0; i + 3 < e.size(); i += 2) EXPECT_EQ(e.substr(i, 2), "é") << e;
}

TEST(ImageFigures, PixelGreyAddsTheMeanBack) {
  EXPECT_EQ(pixel_grey(0.0f).r, 0);
  EXPECT_EQ(pixel_grey(1.0f).g, 255);
  EXPECT_EQ(pixel_grey(-0.25f, 0.75f).b, pixel_grey(0.5f).b);
  EXPECT_EQ(pixel_grey(2.0f).r, 255);  // clamped
}

}  // namespace
}  // namespace ll::imagestab
