// The template grid exported as PNG (app/export/template_export.h): a model whose row k is a
// known pattern is rendered, the PNG decoded, and the colour of every template pixel read back
// at its square's centre, in the light and the dark theme; the SVG and PDF are well-formed.
#include "app/export/template_export.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/figure/template_figure.h"
#include "tests/export/test_util.h"

namespace ll::exporter {
namespace {

constexpr int kRows = 4, kCols = 5, kK = 4;

// Row k: +1 in image column k, -1 in image row k (the crossing pixel: +1), 0.5 at pixel
// (3, 4) of every class but 3, 0 elsewhere. max |W| = 1.
Eigen::MatrixXd pattern() {
  Eigen::MatrixXd W = Eigen::MatrixXd::Zero(kK, kRows * kCols);
  for (int k = 0; k < kK; ++k)
    for (int r = 0; r < kRows; ++r)
      for (int c = 0; c < kCols; ++c) {
        double v = 0.0;
        if (r == k) v = -1.0;
        if (c == k) v = 1.0;
        if (r == 3 && c == 4 && k != 3) v = 0.5;
        W(k, r * kCols + c) = v;
      }
  return W;
}

const std::vector<std::string> kNames = {"zero", "one", "two", "three"};

// The layout of the tiles does not depend on how text is measured (only the captions' x does).
figure::TemplateFigure layout(const TemplateExport& opt) {
  const figure::MeasureText fixed = [](const std::string& s, double size, bool) {
    return 0.6 * size * static_cast<double>(s.size());
  };
  return figure::template_figure(pattern(), kRows, kCols, kNames, opt.width, opt.height, opt.style,
                                 fixed, opt.options);
}

class TemplatePng : public ::testing::TestWithParam<palette::Theme> {};

TEST_P(TemplatePng, EveryTemplatePixelHasItsWeightsColour) {
  for (double scale : {1.0, 2.0}) {
    TemplateExport opt;
    opt.width = 600;
    opt.height = 400;
    opt.scale = scale;
    opt.style.theme = GetParam();
    const test::Image img =
        test::decode_png(render_templates(pattern(), kRows, kCols, kNames, opt, Format::Png));
    ASSERT_EQ(img.width, static_cast<int>(600 * scale));
    ASSERT_EQ(img.height, static_cast<int>(400 * scale));
    const figure::TemplateFigure f = layout(opt);
    ASSERT_EQ(f.tiles.size(), static_cast<std::size_t>(kK));
    const Eigen::MatrixXd W = pattern();
    const palette::Rgb red{178, 24, 43}, blue{33, 102, 172}, white{247, 247, 247};
    int checked = 0;
    for (const figure::TemplateTile& t : f.tiles) {
      ASSERT_GE(t.w, 40.0);  // big squares: their centres are far from the edges
      for (int r = 0; r < kRows; ++r)
        for (int c = 0; c < kCols; ++c) {
          const int x = static_cast<int>((t.x + (c + 0.5) * t.w / kCols) * scale);
          const int y = static_cast<int>((t.y + (r + 0.5) * t.h / kRows) * scale);
          const double v = W(t.cls, r * kCols + c);
          const palette::Rgb want = figure::diverging_colour(v, opt.style);
          EXPECT_LE(test::color_distance(img.rgb(x, y), want), 2)
              << "class " << t.cls << " pixel (" << r << ", " << c << ") scale " << scale;
          // The colour map's ends and middle, independently of diverging_colour.
          const palette::Rgb fixed = v == 1.0 ? red : v == -1.0 ? blue : white;
          if (v != 0.5) {
            EXPECT_LE(test::color_distance(img.rgb(x, y), fixed), 2);
          }
          ++checked;
        }
    }
    EXPECT_EQ(checked, kK * kRows * kCols);
    // The figure's corner is the theme's background; the colour bar runs blue to red.
    EXPECT_LE(test::color_distance(img.rgb(1, 1), opt.style.colors().background), 2);
    const int by = static_cast<int>((f.scale.y + f.scale.h * 0.5) * scale);
    EXPECT_LE(test::color_distance(img.rgb(static_cast<int>((f.scale.x + 2) * scale), by), blue),
              6);
    EXPECT_LE(test::color_distance(
                  img.rgb(static_cast<int>((f.scale.x + f.scale.w - 2) * scale), by), red),
              6);
  }
}

INSTANTIATE_TEST_SUITE_P(Themes, TemplatePng,
                         ::testing::Values(palette::Theme::Light, palette::Theme::Dark),
                         [](const ::testing::TestParamInfo<palette::Theme>& p) {
                           return std::string(p.param == palette::Theme::Dark ? "Dark" : "Light");
                         });

TEST(TemplatePngThemes, TheThemesDifferOnlyAroundTheTiles) {
  TemplateExport light, dark;
  dark.style.theme = palette::Theme::Dark;
  const test::Image a = test::decode_png(
                        render_templates(pattern(), kRows, kCols, kNames, light, Format::Png)),
                    b = test::decode_png(
                        render_templates(pattern(), kRows, kCols, kNames, dark, Format::Png));
  EXPECT_GT(test::color_distance(a.rgb(1, 1), b.rgb(1, 1)), 100);
  const figure::TemplateTile t = layout(light).tiles[2];  // a copy: layout() is a temporary
  const int x = static_cast<int>(t.x + 2.5 * t.w / kCols),
            y = static_cast<int>(t.y + 0.5 * t.h / kRows);
  EXPECT_EQ(a.rgb(x, y).r, b.rgb(x, y).r);
  EXPECT_EQ(a.rgb(x, y).g, b.rgb(x, y).g);
}

TEST(TemplateExport, SvgAndPdfAreWritten) {
  const TemplateExport opt;
  const std::string svg = render_templates(pattern(), kRows, kCols, kNames, opt, Format::Svg);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  const std::string pdf = render_templates(pattern(), kRows, kCols, kNames, opt, Format::Pdf);
  EXPECT_EQ(pdf.rfind("%PDF", 0), 0u);
  EXPECT_THROW(render_templates(pattern(), 3, 3, kNames, opt, Format::Png), std::invalid_argument);
}

}  // namespace
}  // namespace ll::exporter
