// The lab's class colours are the app palette's (app/style/palette.h), for the Style it is given.
#include "app/lab/lab_colors.h"

#include <gtest/gtest.h>

namespace ll::lab::colors {
namespace {

// Regression: lab_colors.h kept its own copy of the palette and wrapped k % 8 where the
// palette clamps, so label 9 (of 8) was drawn green (class 1) in the lab and orange-green
// elsewhere.
TEST(LabColors, ClassColorsComeFromThePaletteOfTheGivenStyle) {
  const Style light{palette::Theme::Light, palette::Scheme::Demo};
  for (int k = 0; k < palette::kClassColors; ++k)
    EXPECT_EQ(class_color(light, k),
              to_u32(palette::class_colors(k, light.theme, light.scheme).line))
        << k;
  EXPECT_EQ(class_color(light, 10), to_u32(palette::kLightClasses[9].line));
  EXPECT_EQ(class_color(light, -1), to_u32(palette::kLightClasses[0].line));
  EXPECT_EQ(class_color(light, 2), IM_COL32(125, 0, 0, 255));  // the projector palette's red
  const Style dark{palette::Theme::Dark, palette::Scheme::Demo};
  EXPECT_EQ(class_color(dark, 2), to_u32(palette::kDarkClasses[2].line));
  EXPECT_NE(class_color(dark, 2), class_color(light, 2));
  const Style cb{palette::Theme::Light, palette::Scheme::ColorBlindSafe};
  EXPECT_EQ(class_color(cb, 0), IM_COL32(0, 114, 178, 255));  // Okabe-Ito blue
}

// The theme comes from the Style, never from the ImGui window's background brightness.
TEST(LabColors, ThemeIsTheStylesNotGuessedFromImGui) {
  ImGui::CreateContext();
  ImGui::StyleColorsDark();
  const Style light{};
  EXPECT_EQ(class_color(light, 0), to_u32(palette::kLightClasses[0].line));
  ImGui::DestroyContext();
}

}  // namespace
}  // namespace ll::lab::colors
