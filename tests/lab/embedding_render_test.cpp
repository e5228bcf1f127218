// Renders the loss lab's Embedding tab offscreen (EGL surfaceless + an FBO, no display) through
// the real ImGui OpenGL3 backend and reads the pixels back: the rings lie at d(a,p) and
// d(a,p) + m (or √(d²(a,p) + m)) around the anchor, and each negative is drawn in its category's
// colour. With LOSSLAB_EMBEDDING_SHOTS=<dir> the Screens test also writes PNG screenshots of
// both pages at 1280x720 and 1024x768, light and dark. Without a GL context the tests are
// skipped, except under CI=true where that is a failure.
#include <glad/gl.h>
// glad first: the backend headers must not pull in another GL header before it.
#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/gl/egl_context.h"
#include "app/lab/embedding_panel.h"

namespace {

using ll::lab::EmbeddingPanel;
using ll::lab::plane_color;
using ll::metric::PlaneRole;
using ll::metric::Vec2;

struct Shot {
  int w = 1280, h = 720;
  std::vector<unsigned char> px;
  EmbeddingPanel::PlaneShot plane;
  const unsigned char* at(int x, int y) const {
    return &px[(size_t(y) * size_t(w) + size_t(x)) * 4];
  }
};

bool emb_near(const unsigned char* p, ll::palette::Rgb c, int tol) {
  return std::abs(p[0] - c.r) <= tol && std::abs(p[1] - c.g) <= tol && std::abs(p[2] - c.b) <= tol;
}

// The app's font when installed (DejaVu Sans 16 px with the math glyphs), else ImGui's own.
void emb_load_font() {
  const char* path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (!std::filesystem::exists(path)) return;
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x205E, 0x2070,
                                   0x209F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0};
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  ImGui::GetIO().Fonts->AddFontFromFileTTF(path, 16.0f, &cfg, ranges);
}

// Renders `frames` frames of the panel inside the window's two tab bars (mode, lab tabs), as the
// app lays it out; `setup` edits the panel first. False when there is no GL context.
// `per_frame` (optional) runs before each frame: input for interaction tests.
using EmbFrameHook = std::function<void(int, EmbeddingPanel&, ImGuiIO&)>;
bool render_embedding(Shot& shot, bool dark, EmbeddingPanel::Page page,
                      const std::function<void(EmbeddingPanel&)>& setup, std::string& error,
                      int frames = 5, const EmbFrameHook& per_frame = nullptr) {
  ll::gui::EglContext gl;
  if (!gl.create(&error)) return false;
  const ll::gui::Framebuffer fb(shot.w, shot.h);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  if (dark)
    ImGui::StyleColorsDark();
  else
    ImGui::StyleColorsLight();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(float(shot.w), float(shot.h));
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = ImVec2(-1, -1);
  emb_load_font();
  if (!ImGui_ImplOpenGL3_Init("#version 330")) {
    error = "ImGui_ImplOpenGL3_Init failed";
    ImGui::DestroyContext();
    return false;
  }
  ll::Style style;
  style.theme = dark ? ll::palette::Theme::Dark : ll::palette::Theme::Light;
  {
    EmbeddingPanel panel;
    if (setup) setup(panel);
    panel.show_page(page);
    for (int frame = 0; frame < frames; ++frame) {
      if (per_frame) per_frame(frame, panel, io);
      ImGui_ImplOpenGL3_NewFrame();
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(io.DisplaySize);
      ImGui::Begin("lab", nullptr, ImGuiWindowFlags_NoDecoration);
      if (ImGui::BeginTabBar("##mode")) {
        if (ImGui::BeginTabItem("Classifier")) ImGui::EndTabItem();
        if (ImGui::BeginTabItem("Loss lab", nullptr, ImGuiTabItemFlags_SetSelected)) {
          if (ImGui::BeginTabBar("##lab")) {
            for (const char* t : {"Curves", "Regression playground", "x² vs |x|"})
              if (ImGui::BeginTabItem(t)) ImGui::EndTabItem();
            if (ImGui::BeginTabItem("Embedding", nullptr, ImGuiTabItemFlags_SetSelected)) {
              panel.draw(style);
              ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
          }
          ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
      }
      ImGui::End();
      ImGui::Render();
      glViewport(0, 0, shot.w, shot.h);
      const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
      glClearColor(bg.x, bg.y, bg.z, 1);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    shot.plane = panel.last_plane();
  }
  shot.px = fb.read();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
  return true;
}

#define RENDER_EMBEDDING_OR_SKIP(shot, dark, page, setup, ...)                          \
  if (std::string error;                                                                \
      !render_embedding(shot, dark, page, setup, error __VA_OPT__(, ) __VA_ARGS__)) {   \
    const char* ci = std::getenv("CI");                                                 \
    if (ci && std::string(ci) == "true") FAIL() << "no GL context under CI: " << error; \
    GTEST_SKIP() << "no GL context: " << error;                                         \
  }

// Fraction of `rays` directions around the anchor where a pixel of colour `c` lies within
// ±2 px of radius `r_px` (rays that run off the plane do not count).
double ring_hits(const Shot& s, Vec2 centre, double r_px, ll::palette::Rgb c, int rays = 72) {
  int hits = 0, total = 0;
  for (int i = 0; i < rays; ++i) {
    const double t = 2 * M_PI * (i + 0.5) / rays;
    bool hit = false, inside = true;
    for (double dr = -2.0; dr <= 2.0; dr += 0.5) {
      const int x = int(std::lround(centre.x() + (r_px + dr) * std::cos(t)));
      const int y = int(std::lround(centre.y() - (r_px + dr) * std::sin(t)));
      if (x < s.plane.min.x + 2 || x >= s.plane.max.x - 2 || y < s.plane.min.y + 2 ||
          y >= s.plane.max.y - 2) {
        inside = false;
        break;
      }
      hit |= emb_near(s.at(x, y), c, 40);
    }
    if (!inside) continue;
    ++total;
    hits += hit;
  }
  return total > 0 ? double(hits) / total : 0.0;
}

void expect_rings_and_categories(const Shot& s, const ll::Style& style, double inner, double outer,
                                 const std::vector<PlaneRole>& categories,
                                 const std::vector<Vec2>& negatives) {
  ASSERT_TRUE(s.plane.drawn);
  const ll::metric::PlaneMapping& m = s.plane.mapping;
  ASSERT_GT(m.scale, 50.0);
  const Vec2 a = m.to_pixels(Vec2(0, 0));
  const ll::palette::Rgb blue = plane_color(style, PlaneRole::RingInner);
  const ll::palette::Rgb yellow = plane_color(style, PlaneRole::RingOuter);
  EXPECT_GT(ring_hits(s, a, inner * m.scale, blue), 0.75) << "inner ring at d(a,p)";
  EXPECT_GT(ring_hits(s, a, outer * m.scale, yellow), 0.75) << "outer ring";
  // Nothing ring-like halfway between the rings nor well outside the outer one.
  EXPECT_LT(ring_hits(s, a, 0.5 * (inner + outer) * m.scale, blue), 0.15);
  EXPECT_LT(ring_hits(s, a, (outer + 0.4) * m.scale, yellow), 0.15);
  for (size_t j = 0; j < negatives.size(); ++j) {
    const Vec2 p = m.to_pixels(negatives[j]);
    const unsigned char* px = s.at(int(std::lround(p.x())), int(std::lround(p.y())));
    const ll::palette::Rgb want = plane_color(style, categories[j]);
    EXPECT_TRUE(emb_near(px, want, 12))
        << "negative " << j + 1 << " at (" << p.x() << ", " << p.y() << "): got " << int(px[0])
        << "," << int(px[1]) << "," << int(px[2]) << " want " << int(want.r) << "," << int(want.g)
        << "," << int(want.b);
  }
}

TEST(EmbeddingRender, RingsAndCategoriesSquaredForm) {
  Shot s;
  RENDER_EMBEDDING_OR_SKIP(s, false, EmbeddingPanel::Page::Terms, nullptr);
  // Default points: d(a,p1) = √1.25, m = 1, squared form: outer ring √(1.25 + 1) = 1.5.
  const ll::metric::Playground g = ll::metric::default_playground();
  expect_rings_and_categories(s, ll::Style{}, std::sqrt(1.25), 1.5,
                              {PlaneRole::Hard, PlaneRole::SemiHard, PlaneRole::Easy}, g.negatives);
}

TEST(EmbeddingRender, RingsAndCategoriesPlainFormDarkTheme) {
  Shot s;
  // Plain form, m = 0.5; n3 moved inside d(a,p) (hard), n2 to d = 1.4 (semi-hard: < 1.618).
  const std::vector<Vec2> negatives = {Vec2(-0.5, -0.5), Vec2(0.0, -1.4), Vec2(-0.8, 0.3)};
  RENDER_EMBEDDING_OR_SKIP(s, true, EmbeddingPanel::Page::Terms, [&](EmbeddingPanel& p) {
    p.settings().form = ll::metric::DistanceForm::Plain;
    p.settings().margin = 0.5;
    p.playground().negatives = negatives;
  });
  ll::Style dark;
  dark.theme = ll::palette::Theme::Dark;
  expect_rings_and_categories(s, dark, std::sqrt(1.25), std::sqrt(1.25) + 0.5,
                              {PlaneRole::Hard, PlaneRole::SemiHard, PlaneRole::Hard}, negatives);
}

TEST(EmbeddingRender, EasyNegativeBeyondTheOuterRing) {
  Shot s;
  // Contrastive keeps the same rings and categories; n1 pushed just past d(a,p) + m.
  const std::vector<Vec2> negatives = {Vec2(0.0, -2.2), Vec2(1.6, 0.0)};
  RENDER_EMBEDDING_OR_SKIP(s, false, EmbeddingPanel::Page::Terms, [&](EmbeddingPanel& p) {
    p.settings().loss = ll::metric::MetricLoss::Contrastive;
    p.settings().form = ll::metric::DistanceForm::Plain;
    p.settings().margin = 1.0;
    p.playground().negatives = negatives;
  });
  // d(a,p) + m = 2.118: (0, −2.2) easy, (1.6, 0) semi-hard.
  expect_rings_and_categories(s, ll::Style{}, std::sqrt(1.25), std::sqrt(1.25) + 1.0,
                              {PlaneRole::Easy, PlaneRole::SemiHard}, negatives);
}

// Mouse on the plane: click empty space adds a positive and drags it, right-click deletes a
// negative, dragging the anchor moves it; the plane's mapping comes from the drawn frames.
TEST(EmbeddingRender, ClickAddsDragMovesRightClickDeletes) {
  Shot s;
  ll::metric::PlaneMapping m;
  auto at = [&m](double x, double y) {
    const Vec2 p = m.to_pixels(Vec2(x, y));
    return ImVec2(float(p.x()), float(p.y()));
  };
  std::vector<Vec2> positives, negatives;
  Vec2 anchor;
  const EmbFrameHook hook = [&](int frame, EmbeddingPanel& p, ImGuiIO& io) {
    if (p.last_plane().drawn) m = p.last_plane().mapping;
    io.MouseDown[0] = io.MouseDown[1] = false;
    switch (frame) {
      case 5:
        io.MousePos = at(2.0, 2.0);
        break;
      case 6:
        io.MousePos = at(2.0, 2.0), io.MouseDown[0] = true;
        break;  // adds p3
      case 7:
        io.MousePos = at(2.5, 1.5), io.MouseDown[0] = true;
        break;  // drags it
      case 8:
        io.MousePos = at(2.5, 1.5);
        break;
      case 9:
        positives = p.playground().positives;
        io.MousePos = at(-0.5, -0.5);
        break;
      case 10:
        io.MousePos = at(-0.5, -0.5), io.MouseDown[1] = true;
        break;  // deletes n1
      case 11:
        negatives = p.playground().negatives;
        io.MousePos = at(0.02, 0.0);
        break;
      case 12:
        io.MousePos = at(0.02, 0.0), io.MouseDown[0] = true;
        break;  // grabs a
      case 13:
        io.MousePos = at(0.5, -0.25), io.MouseDown[0] = true;
        break;
      case 14:
        io.MousePos = at(0.5, -0.25);
        break;
      case 15:
        anchor = p.playground().anchor;
        break;
      default:
        break;
    }
  };
  RENDER_EMBEDDING_OR_SKIP(s, false, EmbeddingPanel::Page::Terms, nullptr, 16, hook);
  const double px = 1.0 / m.scale;  // one pixel in plane units
  ASSERT_EQ(positives.size(), 3u);
  EXPECT_NEAR(positives[2].x(), 2.5, px);
  EXPECT_NEAR(positives[2].y(), 1.5, px);
  ASSERT_EQ(negatives.size(), 2u);  // n1 (-0.5, -0.5) gone, n2 and n3 left
  EXPECT_EQ(negatives[0], ll::metric::default_playground().negatives[1]);
  EXPECT_NEAR(anchor.x(), 0.5, px);  // a dragged point follows the mouse
  EXPECT_NEAR(anchor.y(), -0.25, px);
}

// Training runs in per-frame budgets: at least one step a frame, never more than steps/frame.
TEST(EmbeddingRender, TrainingStepsEachFrameWhilePlaying) {
  Shot s;
  std::size_t steps = 0;
  const EmbFrameHook hook = [&](int frame, EmbeddingPanel& p, ImGuiIO&) {
    if (frame == 0) p.set_training(true);
    steps = p.trainer().history().size();
  };
  RENDER_EMBEDDING_OR_SKIP(s, false, EmbeddingPanel::Page::Training, nullptr, 12, hook);
  // The Training page is on screen from the third frame (tab bars settle); 5 steps a frame.
  EXPECT_GE(steps, 5u);
  EXPECT_LE(steps, 5u * 12u);
}

TEST(EmbeddingRender, Screens) {
  const char* dir = std::getenv("LOSSLAB_EMBEDDING_SHOTS");
  if (!dir) GTEST_SKIP() << "set LOSSLAB_EMBEDDING_SHOTS=<dir> to write the screenshots";
  for (int size = 0; size < 2; ++size)
    for (int dark = 0; dark < 2; ++dark)
      for (int page = 0; page < 3; ++page) {
        Shot s;
        s.w = size == 0 ? 1280 : 1024;
        s.h = size == 0 ? 720 : 768;
        RENDER_EMBEDDING_OR_SKIP(
            s, dark != 0, page == 1 ? EmbeddingPanel::Page::Training : EmbeddingPanel::Page::Terms,
            [&](EmbeddingPanel& p) {
              if (page == 1) p.train_steps(60);
              if (page == 2) {
                p.settings().loss = ll::metric::MetricLoss::Contrastive;
                p.settings().form = ll::metric::DistanceForm::Plain;
              }
            });
        const std::string path = std::string(dir) + "/embedding_" +
                                 (page == 0   ? "triplet"
                                  : page == 1 ? "train"
                                              : "contrastive") +
                                 "_" + std::to_string(s.w) + "x" + std::to_string(s.h) + "_" +
                                 (dark ? "dark" : "light") + ".png";
        ASSERT_TRUE(stbi_write_png(path.c_str(), s.w, s.h, 4, s.px.data(), s.w * 4)) << path;
      }
}

}  // namespace
