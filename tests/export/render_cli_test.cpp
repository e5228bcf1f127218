// `losslab render` end to end: the real binary, no display. Output sizes, identical bytes to the
// library for the same trained scene, one-line errors with exit status 2, atomic replacement.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "app/export/export.h"
#include "core/scene_io.h"
#include "tests/export/test_util.h"

namespace ll::exporter {
namespace {

namespace fs = std::filesystem;

test::RunResult render(const std::string& args) {
  // No display: the command must not need one.
  return test::run("env -u DISPLAY -u WAYLAND_DISPLAY " + test::sh_quote(LOSSLAB_BIN) + " render " +
                   args);
}

class RenderCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string q(const std::string& name) const { return test::sh_quote(path(name)); }
  fs::path dir_;
};

TEST_F(RenderCli, DefaultSceneAt800AndAtScale4) {
  test::RunResult r = render("--out " + q("a.png"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  test::Image img = test::read_png(path("a.png"));
  EXPECT_EQ(img.width, 800);
  EXPECT_EQ(img.height, 800);
  r = render("--out " + q("b.png") + " --scale 4");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  img = test::read_png(path("b.png"));
  EXPECT_EQ(img.width, 3200);
  EXPECT_EQ(img.height, 3200);
  r = render("--out " + q("c.png") + " --width 640 --height 360 --scale 1.5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  img = test::read_png(path("c.png"));
  EXPECT_EQ(img.width, 960);
  EXPECT_EQ(img.height, 540);
}

TEST_F(RenderCli, TrainedSceneMatchesTheLibraryByteForByte) {
  Scene scene = default_scene();
  scene.loss.kind = LossKind::Softmax;
  save_scene(scene, path("scene.json"));
  const test::RunResult r =
      render(q("scene.json") + " --out " + q("t.png") +
             " --steps 25 --lr 0.5 --mode confidence --width 300 --height 200");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  scene.optimizer.lr = 0.5;
  train(scene, 25);
  FigureOptions opt;
  opt.regions = Shading::Confidence;
  opt.width = 300;
  opt.height = 200;
  opt.style.scale = render_scale(opt.width, opt.height);  // as `losslab render` draws
  EXPECT_EQ(test::read_all(path("t.png")), render_figure(FigureData{scene, {}}, opt, Format::Png));
  // Without the training the picture differs.
  EXPECT_NE(test::read_all(path("t.png")),
            render_figure(FigureData{default_scene(), {}}, opt, Format::Png));
}

TEST_F(RenderCli, EveryViewAndFormat) {
  for (const std::string view : {"canvas", "lossplot", "curves"}) {
    for (const std::string ext : {"png", "svg", "pdf"}) {
      const std::string out = view + "." + ext;
      const test::RunResult r = render("--view " + view + " --out " + q(out) +
                                       " --theme dark --steps 10 --width 400 --height 300");
      ASSERT_EQ(r.exit_code, 0) << view << " " << ext << ": " << r.err;
      EXPECT_GT(fs::file_size(path(out)), 1000u) << out;
    }
  }
  for (const std::string family : {"regression", "crossentropy", "focal", "margin"}) {
    const test::RunResult r = render("--view curves --family " + family + " --out " + q("f.svg"));
    EXPECT_EQ(r.exit_code, 0) << family << ": " << r.err;
  }
}

// Errors: exit status 2 and exactly one line on stderr.
void expect_usage_error(const test::RunResult& r, const std::string& needle) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

TEST_F(RenderCli, BadArgumentsGiveOneLineAndExit2) {
  expect_usage_error(render("--out " + q("x.bmp")), "unknown output format");
  expect_usage_error(render("--out " + q("x")), "unknown output format");
  expect_usage_error(render("--out " + q("missing/x.png")), "does not exist");
  expect_usage_error(render("--out " + test::sh_quote(dir_.string())), "unknown output format");
  expect_usage_error(render("--out /proc/losslab.png"), "/proc/losslab.png");  // unwritable
  expect_usage_error(render("--out " + q("x.png") + " --mode bogus"), "--mode");
  expect_usage_error(render("--out " + q("x.png") + " --mode score:3"), "classes 0..2");
  expect_usage_error(render("--out " + q("x.png") + " --view pie"), "--view");
  expect_usage_error(render("--out " + q("x.png") + " --width 0"), "width");
  expect_usage_error(render("--out " + q("x.png") + " --width 16000 --height 16000 --scale 4"),
                     "pixels");
  expect_usage_error(render("--out " + q("x.png") + " --scale nan"), "--scale");
  expect_usage_error(render(q("no_such_scene.json") + " --out " + q("x.png")), "no_such_scene");
  expect_usage_error(render(""), "--out");
  EXPECT_FALSE(fs::exists(path("x.png")));
}

TEST_F(RenderCli, ReplacesAnExistingFileAtomically) {
  {
    std::ofstream old(path("fig.png"));
    old << "old contents";
  }
  // A failing render leaves the old file as it was...
  expect_usage_error(render("--out " + q("fig.png") + " --mode score:9"), "score:9");
  EXPECT_EQ(test::read_all(path("fig.png")), "old contents");
  // ...a successful one replaces it, leaving no temporary file behind.
  const test::RunResult r = render("--out " + q("fig.png") + " --width 200 --height 200");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::read_png(path("fig.png")).width, 200);
  std::vector<std::string> names;
  for (const fs::directory_entry& e : fs::directory_iterator(dir_))
    names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"fig.png"});
}

}  // namespace
}  // namespace ll::exporter

namespace ll::exporter {
namespace {

TEST(RenderCliPalette, ColorBlindPaletteColoursTheRegions) {
  const fs::path dir = test::scratch_dir("palette");
  const std::string out = (dir / "cb.png").string();
  const test::RunResult r = render("--palette colorblind --out " + test::sh_quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const test::Image img = test::read_png(out);
  // World (-0.9, 0.95) is in class 0's region, away from every line, point and the legend; the
  // default view is [-1.1, 1.1]^2 on 800 x 800 pixels.
  const int px = static_cast<int>((-0.9 + 1.1) / 2.2 * 800),
            py = static_cast<int>((1.1 - 0.95) / 2.2 * 800);
  const palette::Rgb cb =
      palette::class_colors(0, palette::Theme::Light, palette::Scheme::ColorBlindSafe).region;
  const palette::Rgb demo =
      palette::class_colors(0, palette::Theme::Light, palette::Scheme::Demo).region;
  EXPECT_LE(test::color_distance(img.rgb(px, py), cb), 2);
  EXPECT_GT(test::color_distance(cb, demo), 10);
  EXPECT_EQ(render("--palette rainbow --out " + test::sh_quote(out)).exit_code, 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ll::exporter

namespace ll::exporter {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// `render --view lossplot --steps 10000000` used to keep every record and stroke a polyline of
// ten million vertices (a segfault in cairo_stroke at 4.7 GB). Steps are capped like `train`,
// and the history is thinned like the window's plot: a long run draws in bounded memory.
TEST(RenderCliLongHistory, LossPlotOfALongRunIsDrawnInBoundedMemory) {
  const fs::path dir = test::scratch_dir("long_history");
  const Scene tiny = default_scene();  // nine points: 300,000 steps take a fraction of a second
  save_scene(tiny, (dir / "tiny.json").string());
  const std::string out = (dir / "plot.png").string();
  // 120 MB of address space (not under AddressSanitizer, which reserves terabytes): the
  // unthinned run took about 470 bytes a step (4.7 GB for ten million), 140 MB for these
  // 300,000; the thinned one runs in under 60 MB of address space (13 MB resident).
  const std::string limit = kAddressSanitizer ? "" : "ulimit -v 320000; ";
  const test::RunResult r = test::run(
      limit + "env -u DISPLAY -u WAYLAND_DISPLAY " + test::sh_quote(LOSSLAB_BIN) + " render " +
      test::sh_quote((dir / "tiny.json").string()) +
      " --view lossplot --steps 300000 --width 400 --height 300 --out " + test::sh_quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const test::Image img = test::read_png(out);
  ASSERT_EQ(img.width, 400);
  ASSERT_EQ(img.height, 300);
  // The total-loss curve (the text colour) runs across the plot: a pixel at least half
  // covered by it (closer to the ink than to the white background, grey) in nearly every
  // column inside the frame, in rows clear of the frame, the title and the legend.
  const palette::Rgb ink = palette::theme_colors(palette::Theme::Light).text;
  const palette::Rgb half = palette::mix(ink, palette::Rgb{255, 255, 255}, 0.5);
  int columns = 0;
  for (int x = 50; x < 380; ++x) {
    bool dark = false;
    for (int y = 75; y < 255 && !dark; ++y) {
      const palette::Rgb c = img.rgb(x, y);
      dark = c.r <= half.r && c.g <= half.g && c.b <= half.b && c.r == c.g && c.g == c.b;
    }
    columns += dark;
  }
  EXPECT_GT(columns, 300);

  // Beyond train's cap: one line, exit 2, no file.
  const test::RunResult over = render("--view lossplot --steps 10000000 --out " +
                                      test::sh_quote((dir / "over.png").string()));
  EXPECT_EQ(over.exit_code, 2) << over.err;
  EXPECT_EQ(std::count(over.err.begin(), over.err.end(), '\n'), 1) << over.err;
  EXPECT_NE(over.err.find("--steps"), std::string::npos) << over.err;
  EXPECT_FALSE(fs::exists(dir / "over.png"));
  fs::remove_all(dir);
}

TEST(RenderCliLongHistory, ThinnedPlotKeepsTheStepAxis) {
  // A history given with its step numbers (the window's thinned curve) spans those steps.
  Scene s = default_scene();
  FigureData data{s, {}, {}};
  for (long step : {0L, 1000L, 2000L, 4000L}) {
    data.history.push_back(record(s));
    data.history_steps.push_back(step);
  }
  FigureOptions opt;
  opt.view = View::LossPlot;
  if (!test::have_tool("pdftotext")) GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  const fs::path dir = test::scratch_dir("step_axis");
  auto axis_text = [&] {
    export_figure(dir / "plot.pdf", data, opt);
    return test::run("pdftotext " + test::sh_quote((dir / "plot.pdf").string()) + " -").out;
  };
  EXPECT_NE(axis_text().find("4000"), std::string::npos);
  const std::vector<long> steps = data.history_steps;
  data.history_steps.clear();  // records 0, 1, 2, 3
  EXPECT_EQ(axis_text().find("1000"), std::string::npos);
  data.history_steps = steps;
  fs::remove_all(dir);
  data.history_steps.pop_back();  // mismatched lengths: a clear error
  EXPECT_THROW(render_figure(data, opt, Format::Svg), std::invalid_argument);
}

}  // namespace
}  // namespace ll::exporter
