#pragma once
// LossLab's colours and marker shapes, shared by the window (GL, ImGui), the lab and the
// exporters (cairo). Plain constexpr data: no GL, no ImGui, no cairo. Drawing code takes them
// through a Style (style.h).
//
// The default scheme (Scheme::Demo) is a projector palette for up to 10 classes, chosen by a
// search over sRGB for these measured targets (tests/style computes them from the tables,
// tests/gl and tests/export from rendered pixels):
//  - every class line (zero-score line, arrow, point fill) has at least 3.3:1 contrast (WCAG 2
//    relative luminance) against its own region and against the canvas background;
//  - every PAIR of regions (any two can be neighbours) differs by at least 1.5:1 in luminance
//    or by CIEDE2000 >= 20 under both a deuteranopia and a protanopia simulation (Machado,
//    Oliveira and Fernandes 2009, severity 1, applied to linear RGB), and by CIEDE2000 >= 15
//    in normal vision.
// Classes 0..2 keep the CS231n demo's blue, green and red families. Every class also has a
// marker shape (disc, square, triangle, diamond, ...), so classes stay apart in greyscale
// printouts too. Scheme::ColorBlindSafe is the previous Okabe-Ito palette (extended to 10), a
// softer alternative; it does not meet all the targets above (tests/style reports by how much).
// Which scheme and theme a drawing uses is part of its Style, passed to it.
#include <algorithm>
#include <cstdint>

namespace ll::palette {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  float rf() const { return static_cast<float>(r) / 255.0f; }
  float gf() const { return static_cast<float>(g) / 255.0f; }
  float bf() const { return static_cast<float>(b) / 255.0f; }
  constexpr bool operator==(const Rgb&) const = default;
};

enum class Theme { Light, Dark };

inline constexpr int kClassColors = 10;

struct ClassColors {
  Rgb line;    // zero-score line, weight arrow, point fill
  Rgb region;  // decision-region background
};

// Light theme, the projector palette.
inline constexpr ClassColors kLightClasses[kClassColors] = {
    {{0, 90, 130}, {29, 186, 238}},     // 0 blue (sky)
    {{0, 110, 35}, {149, 227, 187}},    // 1 green (mint)
    {{125, 0, 0}, {246, 82, 82}},       // 2 red
    {{155, 15, 195}, {255, 255, 255}},  // 3 purple on white
    {{115, 0, 85}, {181, 123, 144}},    // 4 plum on mauve
    {{125, 70, 0}, {166, 175, 167}},    // 5 brown on grey-green
    {{90, 85, 0}, {220, 165, 1}},       // 6 olive on amber
    {{110, 135, 0}, {251, 237, 83}},    // 7 lime on yellow
    {{20, 40, 165}, {83, 135, 249}},    // 8 navy on cornflower
    {{45, 50, 65}, {179, 214, 255}},    // 9 slate on ice blue
};

// Dark theme: deep regions, light lines, the same targets against the dark background.
inline constexpr ClassColors kDarkClasses[kClassColors] = {
    {{215, 175, 255}, {6, 67, 179}},    // 0 lavender on blue
    {{55, 230, 35}, {34, 120, 43}},     // 1 green
    {{255, 150, 80}, {146, 35, 16}},    // 2 orange on red
    {{210, 205, 60}, {101, 105, 110}},  // 3 yellow on grey
    {{130, 210, 165}, {0, 58, 8}},      // 4 mint on forest
    {{0, 215, 220}, {35, 84, 82}},      // 5 cyan on teal
    {{145, 180, 255}, {0, 0, 48}},      // 6 sky on navy
    {{255, 115, 195}, {0, 8, 0}},       // 7 pink on black
    {{190, 100, 255}, {88, 6, 94}},     // 8 violet on plum
    {{205, 200, 210}, {131, 78, 190}},  // 9 silver on purple
};

// Marker shapes, one per class (a shape per class keeps classes apart without colour).
enum class Shape {
  Disc,
  Square,
  TriangleUp,
  Diamond,
  TriangleDown,
  Pentagon,
  Star,
  Plus,
  Hexagon,
  TriangleRight
};
inline constexpr Shape kClassShapes[kClassColors] = {
    Shape::Disc,     Shape::Square, Shape::TriangleUp, Shape::Diamond, Shape::TriangleDown,
    Shape::Pentagon, Shape::Star,   Shape::Plus,       Shape::Hexagon, Shape::TriangleRight};
inline constexpr Shape class_shape(int k) {
  return kClassShapes[std::clamp(k, 0, kClassColors - 1)];
}

struct ThemeColors {
  Rgb background;   // canvas/plot background
  Rgb text;         // labels, tick numbers
  Rgb axis;         // axes and ticks
  Rgb grid;         // plot grid lines
  Rgb outline;      // point outlines
  Rgb legend_fill;  // legend box (drawn slightly translucent)
};

inline constexpr ThemeColors kLight{{255, 255, 255}, {20, 20, 20}, {40, 40, 40},
                                    {225, 225, 225}, {0, 0, 0},    {255, 255, 255}};
inline constexpr ThemeColors kDark{{28, 29, 34}, {235, 235, 235}, {210, 210, 210},
                                   {60, 62, 70}, {245, 245, 245}, {40, 42, 48}};

inline constexpr Rgb mix(Rgb a, Rgb b, double t) {  // (1 - t) a + t b
  auto m = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(std::clamp(x + (y - x) * t + 0.5, 0.0, 255.0));
  };
  return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b)};
}

inline constexpr const ThemeColors& theme_colors(Theme t) {
  return t == Theme::Dark ? kDark : kLight;
}

// Demo: the projector palette above (the default). ColorBlindSafe: Okabe-Ito throughout (its
// yellow darkened, black as a mid grey so points keep their outline, then brown and indigo),
// 30% tints on white for the light regions.
enum class Scheme { Demo, ColorBlindSafe };

inline constexpr ClassColors kLightClassesCb[kClassColors] = {
    {{0, 114, 178}, {179, 213, 232}},    // 0 blue           (Okabe-Ito)
    {{0, 158, 115}, {179, 226, 213}},    // 1 bluish green   (Okabe-Ito)
    {{213, 94, 0}, {242, 207, 179}},     // 2 vermillion     (Okabe-Ito)
    {{230, 159, 0}, {248, 226, 179}},    // 3 orange         (Okabe-Ito)
    {{204, 121, 167}, {240, 215, 229}},  // 4 reddish purple (Okabe-Ito)
    {{86, 180, 233}, {204, 233, 248}},   // 5 sky blue       (Okabe-Ito)
    {{190, 170, 0}, {236, 230, 179}},    // 6 yellow, darkened
    {{110, 110, 110}, {212, 212, 212}},  // 7 grey
    {{120, 70, 20}, {222, 205, 186}},    // 8 brown
    {{60, 60, 160}, {200, 200, 240}},    // 9 indigo
};
inline constexpr ClassColors kDarkClassesCb[kClassColors] = {
    {{70, 160, 235}, {20, 52, 82}},  {{40, 185, 140}, {18, 72, 56}},
    {{235, 120, 40}, {90, 48, 18}},  {{240, 175, 40}, {88, 66, 20}},
    {{220, 140, 185}, {80, 50, 68}}, {{110, 195, 240}, {30, 70, 92}},
    {{235, 220, 70}, {78, 74, 22}},  {{180, 180, 180}, {62, 62, 62}},
    {{205, 150, 100}, {70, 48, 28}}, {{150, 150, 240}, {40, 40, 90}},
};

inline constexpr const ClassColors& class_colors(int k, Theme t, Scheme s) {
  const int i = std::clamp(k, 0, kClassColors - 1);
  if (s == Scheme::ColorBlindSafe) return t == Theme::Dark ? kDarkClassesCb[i] : kLightClassesCb[i];
  return t == Theme::Dark ? kDarkClasses[i] : kLightClasses[i];
}

// The loss plot's series, the same in the window and the exports: total loss in the theme's
// ink, data loss red, regularization orange (dashed), accuracy blue on its own 0..1 axis.
struct PlotColors {
  Rgb total, data, reg, accuracy;
};
inline constexpr PlotColors kLightPlot{{20, 20, 20}, {220, 60, 60}, {230, 159, 0}, {60, 110, 220}};
inline constexpr PlotColors kDarkPlot{
    {240, 240, 240}, {220, 60, 60}, {230, 159, 0}, {60, 110, 220}};
inline constexpr const PlotColors& plot_colors(Theme t) {
  return t == Theme::Dark ? kDarkPlot : kLightPlot;
}

}  // namespace ll::palette
