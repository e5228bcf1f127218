// The lab's class colours are the app palette's (app/export/palette.h), for the ImGui theme.
#include "app/lab/lab_colors.h"

#include <gtest/gtest.h>

namespace ll::lab::colors {
namespace {

// Regression: lab_colors.h kept its own copy of the palette and wrapped k % 8 where the
// palette clamps, so label 9 was drawn green (class 1) in the lab and orange-green elsewhere.
TEST(LabColors, ClassColorsComeFromThePaletteAndFollowTheTheme) {
  ImGui::CreateContext();
  ImGui::StyleColorsLight();
  for (int k = 0; k < palette::kClassColors; ++k)
    EXPECT_EQ(class_color(k), to_u32(palette::class_color(k, palette::Theme::Light))) << k;
  EXPECT_EQ(class_color(9), to_u32(palette::class_color(7, palette::Theme::Light)));
  EXPECT_EQ(class_color(-1), to_u32(palette::class_color(0, palette::Theme::Light)));
  ImGui::StyleColorsDark();
  EXPECT_EQ(class_color(2), to_u32(palette::class_color(2, palette::Theme::Dark)));
  ImGui::DestroyContext();
}

}  // namespace
}  // namespace ll::lab::colors
