// Presenter mode's text size rule (no window needed).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "app/shell/presenter.h"

namespace ll::gui {
namespace {

TEST(PresenterScale, SmallestTextIsAtLeastTwoAndAHalfPercentOfTheHeight) {
  for (const float h : {600.0f, 720.0f, 768.0f, 800.0f, 1080.0f, 1440.0f, 2160.0f}) {
    for (const float cs : {1.0f, 1.5f, 2.0f}) {
      const float s = presenter_scale(cs, h);
      EXPECT_GE(13.0f * s, kPresenterMinTextHeight * h) << h << " px, content scale " << cs;
      EXPECT_GE(s, kPresenterFontScale * cs);
      EXPECT_LT(s,
                std::max(kPresenterFontScale * cs, kPresenterMinTextHeight * h / 13.0f) + 0.125f);
      EXPECT_EQ(s * 8.0f, std::floor(s * 8.0f));  // steps of 1/8: no rebuild per pixel of resize
    }
  }
  EXPECT_FLOAT_EQ(presenter_scale(1.0f, 720.0f), 1.75f);    // 22.75 px >= 18 px
  EXPECT_FLOAT_EQ(presenter_scale(1.0f, 1080.0f), 2.125f);  // 27.6 px >= 27 px
}

}  // namespace
}  // namespace ll::gui
