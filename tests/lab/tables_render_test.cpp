// The score-table and distributions tabs rendered offscreen (EGL surfaceless + an FBO, the real
// ImGui OpenGL3 backend), pixels read back: the table writes the cat column's 2.9 where the
// panel says its loss cell is, the bars are as tall as their probabilities, and a mouse drag on
// a bar sets it. Without a GL context the tests skip, except under CI=true (a failure there).
#include <glad/gl.h>
// glad first: the backend headers must not pull in another GL header before it.
#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdlib>
#include <functional>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "app/gl/egl_context.h"
#include "app/lab/distributions_panel.h"
#include "app/lab/score_table_panel.h"
#include "core/losses.h"
#include "core/scene.h"

namespace {

constexpr int kTableW = 1280, kTableH = 800;

struct Input {
  float x = -1, y = -1;
  bool down = false;
};

// Renders `frames` frames of `body` in a full-size window, with `input(frame)` as the mouse of
// each frame; px: RGBA, top row first. False when there is no GL context.
bool render_tables(const std::function<void()>& body, std::vector<unsigned char>& px,
                   std::string& error, int frames = 3,
                   const std::function<Input(int)>& input = nullptr) {
  ll::gui::EglContext gl;
  if (!gl.create(&error)) return false;
  const ll::gui::Framebuffer fb(kTableW, kTableH);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::StyleColorsLight();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(kTableW, kTableH);
  io.DeltaTime = 1.0f / 60.0f;
  if (!ImGui_ImplOpenGL3_Init("#version 330")) {
    error = "ImGui_ImplOpenGL3_Init failed";
    ImGui::DestroyContext();
    return false;
  }
  for (int frame = 0; frame < frames; ++frame) {
    if (input) {
      const Input in = input(frame);
      io.MousePos = ImVec2(in.x, in.y);
      io.MouseDown[0] = in.down;
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("tables", nullptr, ImGuiWindowFlags_NoDecoration);
    body();
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, kTableW, kTableH);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  px = fb.read();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
  return true;
}

#define RENDER_OR_SKIP(call)                                                            \
  if (std::string error; !(call)) {                                                     \
    const char* ci = std::getenv("CI");                                                 \
    if (ci && std::string(ci) == "true") FAIL() << "no GL context under CI: " << error; \
    GTEST_SKIP() << "no GL context: " << error;                                         \
  }

const unsigned char* pixel(const std::vector<unsigned char>& px, int x, int y) {
  return &px[(size_t(y) * kTableW + size_t(x)) * 4];
}

// Columns [x0, x1) of the dark (text) pixels inside a rectangle, or {-1, -1}.
std::pair<int, int> ink_extent(const std::vector<unsigned char>& px, ImVec2 a, ImVec2 b,
                               int* count) {
  int lo = -1, hi = -1;
  *count = 0;
  for (int y = int(a.y); y < int(b.y); ++y)
    for (int x = int(a.x) - 2; x < int(b.x) + 2; ++x) {
      const unsigned char* p = pixel(px, x, y);
      if (p[0] + p[1] + p[2] > 3 * 110) continue;
      ++*count;
      if (lo < 0 || x < lo) lo = x;
      if (x + 1 > hi) hi = x + 1;
    }
  return {lo, hi};
}

TEST(TablesRender, ScoreTableWritesTheCatColumnsLossInItsCell) {
  ll::lab::ScoreTablePanel panel;
  const ll::Scene scene = ll::default_scene();
  float w29 = 0, w0 = 0;
  std::vector<unsigned char> px;
  RENDER_OR_SKIP(render_tables(
      [&] {
        panel.draw(ll::Style{}, &scene);
        w29 = ImGui::CalcTextSize("2.9").x;
        w0 = ImGui::CalcTextSize("0").x;
      },
      px, error));
  ASSERT_EQ(panel.ww_cells().size(), 3u);
  const auto& cat = panel.ww_cells()[0];
  const auto& car = panel.ww_cells()[1];
  ASSERT_GT(cat.max.x - cat.min.x, 1.0f) << "the cat column's loss cell was not drawn";
  EXPECT_GT(cat.min.y, 60.0f);  // below the controls
  EXPECT_LT(cat.max.y, kTableH / 2.0f);
  EXPECT_LT(cat.max.x, car.min.x);  // the car column is to the right of the cat column
  int n_cat = 0, n_car = 0;
  const auto [c0, c1] = ink_extent(px, cat.min, cat.max, &n_cat);
  const auto [r0, r1] = ink_extent(px, car.min, car.max, &n_car);
  EXPECT_GT(n_cat, 8) << "no text in the cat column's loss cell";
  EXPECT_NEAR(c1 - c0, w29, 3.0) << "the cell's ink is not as wide as \"2.9\"";
  EXPECT_GT(n_car, 4);
  EXPECT_NEAR(r1 - r0, w0, 3.0) << "the car column's cell should read \"0\"";
  EXPECT_GT(c1 - c0, r1 - r0 + 4);
}

TEST(TablesRender, ScoreTableCellEditShowsTheNewLoss) {
  ll::lab::ScoreTablePanel panel;
  panel.model().set_score(1, 0, 13.2);  // cat image's car score: 13.2 - 3.2 + 1 = 11
  float w11 = 0;
  std::vector<unsigned char> px;
  RENDER_OR_SKIP(render_tables(
      [&] {
        panel.draw(ll::Style{}, nullptr);
        w11 = ImGui::CalcTextSize("11").x;
      },
      px, error));
  int n = 0;
  const auto [a, b] = ink_extent(px, panel.ww_cells()[0].min, panel.ww_cells()[0].max, &n);
  EXPECT_GT(n, 4);
  EXPECT_NEAR(b - a, w11, 3.0);
}

// Clicking the frog column's "→ classifier" makes the request the window applies: a scene
// whose evaluation in core is the column's 12.9.
TEST(TablesRender, ClickingSendToClassifierReturnsTheColumnsScene) {
  ll::lab::ScoreTablePanel panel;
  const ll::Scene scene = ll::default_scene();
  ll::lab::ScoreTablePanel::Rect button{};
  std::optional<ll::lab::LabRequest> request;
  int requests = 0;
  std::vector<unsigned char> px;
  RENDER_OR_SKIP(render_tables(
      [&] {
        if (auto r = panel.draw(ll::Style{}, &scene)) request = std::move(r), ++requests;
        if (button.max.x == 0) button = panel.send_buttons().at(2);
      },
      px, error, 5,
      [&](int frame) -> Input {
        if (frame == 0) return {};
        const ImVec2 c((button.min.x + button.max.x) / 2, (button.min.y + button.max.y) / 2);
        return {c.x, c.y, frame == 2};  // pressed on frame 2, released on frame 3
      }));
  ASSERT_EQ(requests, 1);
  ASSERT_TRUE(request);
  const ll::Scene& s = request->scene;
  ASSERT_EQ(s.points.size(), 1u);
  EXPECT_EQ(s.points[0].label, 2);
  EXPECT_NEAR(ll::evaluate(s.points, s.params, s.loss).data_loss, 12.9, 1e-12);
  EXPECT_NE(request->status.find("frog image"), std::string::npos) << request->status;
}

// The height of the bar-coloured run in pixel column x, scanning up from the baseline.
int bar_height(const std::vector<unsigned char>& px, int x, int baseline, ImU32 c) {
  const int r = int(c >> IM_COL32_R_SHIFT & 0xFF), g = int(c >> IM_COL32_G_SHIFT & 0xFF),
            b = int(c >> IM_COL32_B_SHIFT & 0xFF);
  int h = 0;
  for (int y = baseline - 1; y > 0; --y) {
    const unsigned char* p = pixel(px, x, y);
    if (std::abs(p[0] - r) > 30 || std::abs(p[1] - g) > 30 || std::abs(p[2] - b) > 30) break;
    ++h;
  }
  return h;
}

TEST(TablesRender, DistributionBarsAreAsTallAsTheirProbabilities) {
  ll::lab::DistributionsPanel panel;
  std::string why;
  ASSERT_TRUE(panel.model().set_distribution(0, {0.25, 0.75}, why)) << why;
  ASSERT_TRUE(panel.model().set_distribution(1, {0.5, 0.5}, why)) << why;
  std::vector<unsigned char> px;
  RENDER_OR_SKIP(render_tables([&] { panel.draw(); }, px, error));
  for (int which = 0; which < 2; ++which) {
    const auto& c = panel.chart(which);
    ASSERT_GT(c.y1 - c.y0, 50.0f);
    const float full = c.y1 - c.y0, slot = (c.x1 - c.x0) / 2;
    for (int i = 0; i < 2; ++i) {
      const double v = panel.model().dist(which)[size_t(i)];
      const int x = int(c.x0 + slot * (i + 0.5f));
      const int h = bar_height(px, x, int(c.y1), ll::lab::DistributionsPanel::bar_color(which));
      EXPECT_NEAR(h, v * full, 2.0) << (which ? "q" : "p") << " bar " << i;
    }
  }
}

TEST(TablesRender, DraggingABarSetsItAndKeepsTheSumOne) {
  ll::lab::DistributionsPanel panel;
  std::string why;
  ASSERT_TRUE(panel.model().set_distribution(0, {0.2, 0.3, 0.5}, why)) << why;
  // Frame 0 lays the chart out; then the mouse goes to the first bar, presses and drags to the
  // height of 0.6.
  ll::lab::DistributionsPanel::Chart c;
  std::vector<unsigned char> px;
  RENDER_OR_SKIP(render_tables(
      [&] {
        panel.draw();
        if (c.y1 == 0) c = panel.chart(0);
      },
      px, error, 6,
      [&](int frame) -> Input {
        if (frame == 0) return {};
        const float slot = (c.x1 - c.x0) / 3;
        const float x = c.x0 + slot * 0.5f;
        const float y = frame < 3 ? c.y1 - 0.2f * (c.y1 - c.y0) : c.y1 - 0.6f * (c.y1 - c.y0);
        return {x, y, frame >= 2 && frame < 5};  // released on the last frame
      }));
  const std::vector<double>& p = panel.model().p;
  EXPECT_NEAR(p[0], 0.6, 0.01);
  EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-12);
  EXPECT_NEAR(p[1] / p[2], 0.3 / 0.5, 1e-9);  // the others rescaled in proportion
  const int h = bar_height(px, int(c.x0 + (c.x1 - c.x0) / 6), int(c.y1),
                           ll::lab::DistributionsPanel::bar_color(0));
  EXPECT_NEAR(h, 0.6 * (c.y1 - c.y0), 2.0);
}

}  // namespace
