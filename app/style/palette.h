#pragma once
// LossLab's colours, shared by the window (GL, ImGui), the lab and the exporters (cairo). Plain
// constexpr data: no GL, no ImGui, no cairo. Drawing code takes them through a Style (style.h).
// Classes 0..2 are the CS231n demo's; classes 3..7 come from the colour-blind-safe Okabe-Ito
// palette (orange, reddish purple, sky blue, vermillion, bluish green; its yellow is too faint
// on white). The one palette: the window (app/classifier/model/palette.h), the lab and the
// exporters use it. A second scheme, Scheme::ColorBlindSafe, takes classes 0..2 from Okabe-Ito too
// (blue, bluish green, vermillion instead of the demo's blue/green/red, which red-green
// colour-blind viewers cannot tell apart). Which scheme and theme a drawing uses is part of its
// Style, passed to it.
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

inline constexpr int kClassColors = 8;

struct ClassColors {
  Rgb line;    // zero-score line, weight arrow, point fill
  Rgb region;  // decision-region background
};

// Light theme: the demo's line and region colours, then Okabe-Ito with 30% tints on white.
inline constexpr ClassColors kLightClasses[kClassColors] = {
    {{100, 100, 200}, {200, 200, 250}},  // 0 blue  (demo)
    {{100, 200, 100}, {200, 250, 200}},  // 1 green (demo)
    {{200, 100, 100}, {250, 200, 200}},  // 2 red   (demo)
    {{230, 159, 0}, {248, 226, 179}},    // 3 orange         (Okabe-Ito)
    {{204, 121, 167}, {240, 215, 229}},  // 4 reddish purple (Okabe-Ito)
    {{86, 180, 233}, {204, 233, 248}},   // 5 sky blue       (Okabe-Ito)
    {{213, 94, 0}, {242, 207, 179}},     // 6 vermillion     (Okabe-Ito)
    {{0, 158, 115}, {179, 226, 213}},    // 7 bluish green   (Okabe-Ito)
};

// Dark theme: brighter lines, deep region colours so light text and points stay readable.
inline constexpr ClassColors kDarkClasses[kClassColors] = {
    {{130, 130, 235}, {44, 44, 86}}, {{120, 215, 120}, {38, 78, 42}},
    {{230, 120, 120}, {86, 42, 42}}, {{240, 175, 40}, {88, 66, 20}},
    {{220, 140, 185}, {80, 50, 68}}, {{110, 195, 240}, {30, 70, 92}},
    {{235, 120, 40}, {90, 48, 18}},  {{40, 185, 140}, {18, 72, 56}},
};

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

enum class Scheme { Demo, ColorBlindSafe };

// Colour-blind-safe scheme: Okabe-Ito throughout (its yellow darkened, black as a mid grey so
// points keep their outline), 30% tints on white for the light regions.
inline constexpr ClassColors kLightClassesCb[kClassColors] = {
    {{0, 114, 178}, {179, 213, 232}},    // 0 blue           (Okabe-Ito)
    {{0, 158, 115}, {179, 226, 213}},    // 1 bluish green   (Okabe-Ito)
    {{213, 94, 0}, {242, 207, 179}},     // 2 vermillion     (Okabe-Ito)
    {{230, 159, 0}, {248, 226, 179}},    // 3 orange         (Okabe-Ito)
    {{204, 121, 167}, {240, 215, 229}},  // 4 reddish purple (Okabe-Ito)
    {{86, 180, 233}, {204, 233, 248}},   // 5 sky blue       (Okabe-Ito)
    {{190, 170, 0}, {236, 230, 179}},    // 6 yellow, darkened
    {{110, 110, 110}, {212, 212, 212}},  // 7 grey
};
inline constexpr ClassColors kDarkClassesCb[kClassColors] = {
    {{70, 160, 235}, {20, 52, 82}},  {{40, 185, 140}, {18, 72, 56}},
    {{235, 120, 40}, {90, 48, 18}},  {{240, 175, 40}, {88, 66, 20}},
    {{220, 140, 185}, {80, 50, 68}}, {{110, 195, 240}, {30, 70, 92}},
    {{235, 220, 70}, {78, 74, 22}},  {{180, 180, 180}, {62, 62, 62}},
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
