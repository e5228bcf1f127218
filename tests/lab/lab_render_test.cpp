// Renders the loss lab offscreen (EGL surfaceless + an FBO, no display) through the real ImGui
// OpenGL3 backend, reads the pixels back and checks the plotted curves. Without a GL context
// the test is skipped, except under CI=true where that is a failure.
#include <glad/gl.h>
// glad first: the backend headers must not pull in another GL header before it.
#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "app/gl/egl_context.h"
#include "app/lab/lab_colors.h"
#include "app/lab/loss_lab.h"
#include "core/scene.h"

namespace {

constexpr int kW = 1280, kH = 800;

bool near(const unsigned char* p, ImU32 c, int tol) {
  const int r = int(c >> IM_COL32_R_SHIFT & 0xFF), g = int(c >> IM_COL32_G_SHIFT & 0xFF),
            b = int(c >> IM_COL32_B_SHIFT & 0xFF);
  return std::abs(p[0] - r) <= tol && std::abs(p[1] - g) <= tol && std::abs(p[2] - b) <= tol;
}

// Renders three frames of the lab's first tab (Curves) with the given ImGui style; false when
// there is no GL context (the caller skips, or fails under CI=true).
bool render_lab(void (*style)(ImGuiStyle*), std::vector<unsigned char>& px, std::string& error) {
  ll::gui::EglContext gl;
  if (!gl.create(&error)) return false;
  const ll::gui::Framebuffer fb(kW, kH);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  style(nullptr);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(kW, kH);
  io.DeltaTime = 1.0f / 60.0f;
  if (!ImGui_ImplOpenGL3_Init("#version 330")) {
    error = "ImGui_ImplOpenGL3_Init failed";
    ImGui::DestroyContext();
    return false;
  }
  {
    ll::lab::LossLab lab;
    const ll::Scene scene = ll::default_scene();
    for (int frame = 0; frame < 3; ++frame) {
      ImGui_ImplOpenGL3_NewFrame();
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(io.DisplaySize);
      ImGui::Begin("lab", nullptr, ImGuiWindowFlags_NoDecoration);
      lab.draw(ll::Style{}, &scene, 1);
      ImGui::End();
      ImGui::Render();
      glViewport(0, 0, kW, kH);
      glClearColor(1, 1, 1, 1);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
  }
  px = fb.read();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
  return true;
}

#define RENDER_LAB_OR_SKIP(style, px)                                                   \
  std::vector<unsigned char> px;                                                        \
  if (std::string error; !render_lab(style, px, error)) {                               \
    const char* ci = std::getenv("CI");                                                 \
    if (ci && std::string(ci) == "true") FAIL() << "no GL context under CI: " << error; \
    GTEST_SKIP() << "no GL context: " << error;                                         \
  }

TEST(LabRender, CurvesTabDrawsTheLossCurvesWhereTheyBelong) {
  RENDER_LAB_OR_SKIP(ImGui::StyleColorsLight, px);

  // The six charts sit in a 3 x 2 grid below the tab bar and the controls; the first is the
  // regression chart, symmetric in r, so the bottom of the red MSE parabola (r = 0) lies at
  // the middle of its column: window padding 8 + half the chart width.
  const float sp = 8.0f, pad = 8.0f;
  const int pw = int((kW - 2 * pad - 2 * sp) / 3);
  const int center = int(pad) + pw / 2;
  int lowest_y = -1, red = 0;
  long sum_x = 0;
  int count_at_lowest = 0;
  for (int y = 60; y < kH / 2 + 30; ++y) {
    for (int x = 0; x < int(pad) + pw; ++x) {
      if (!near(&px[(size_t(y) * kW + x) * 4], ll::lab::colors::kMse, 40)) continue;
      ++red;
      if (y > lowest_y) lowest_y = y, sum_x = 0, count_at_lowest = 0;
      if (y == lowest_y) sum_x += x, ++count_at_lowest;
    }
  }
  ASSERT_GT(red, 300) << "the MSE curve is missing from the regression chart";
  ASSERT_GT(count_at_lowest, 0);
  EXPECT_NEAR(double(sum_x) / count_at_lowest, center, 8.0) << "MSE minimum is not at r = 0";

  // The margin-surrogates chart (bottom row, middle) draws the blue hinge and green logistic.
  int hinge = 0, logistic = 0;
  for (int y = kH / 2 + 30; y < kH; ++y)
    for (int x = int(pad) + pw + int(sp); x < int(pad) + 2 * pw + int(sp); ++x) {
      const unsigned char* p = &px[(size_t(y) * kW + x) * 4];
      hinge += near(p, ll::lab::colors::kHinge, 40);
      logistic += near(p, ll::lab::colors::kLogistic, 40);
    }
  EXPECT_GT(hinge, 300);
  EXPECT_GT(logistic, 300);
}

// Regression: the chosen focal curve was drawn IM_COL32(0, 0, 0, 255), invisible on the dark
// theme. It uses the theme's ink (white there): a thick white curve inside the focal chart
// (bottom row, left), away from its legend (top right) and tick labels (outside the area).
TEST(LabRender, ChosenFocalCurveIsVisibleOnTheDarkTheme) {
  RENDER_LAB_OR_SKIP(ImGui::StyleColorsDark, px);
  const float sp = 8.0f, pad = 8.0f;
  const int pw = int((kW - 2 * pad - 2 * sp) / 3);
  int ink = 0;
  for (int y = kH / 2 + 80; y < kH - 50; ++y)
    for (int x = int(pad) + 60; x < int(pad) + int(0.45 * pw); ++x) {
      const unsigned char* p = &px[(size_t(y) * kW + x) * 4];
      ink += p[0] > 200 && p[1] > 200 && p[2] > 200;
    }
  EXPECT_GT(ink, 100) << "no white (ink) curve in the focal chart on the dark theme";
}

}  // namespace
