// Exports from the window's state (app/classifier/export_files.h): PNG at 2x of the canvas's
// on-screen size with the argmax class colours at chosen world points, explicit W x H, legend/axes
// options, the colour-blind-safe scheme, auto-numbering that never replaces a file, clear errors
// for bad folders, and well-formed SVG (xmllint) / one-page PDF (pdfinfo) of the canvas and loss
// plot.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/classifier/export_files.h"
#include "core/job.h"
#include "core/losses.h"

namespace ll::gui {
namespace {

namespace fs = std::filesystem;

struct Image {
  int w = 0, h = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px{nullptr, stbi_image_free};
  std::array<int, 4> at(int x, int y) const {
    const unsigned char* p = px.get() + (static_cast<std::size_t>(y) * w + x) * 4;
    return {p[0], p[1], p[2], p[3]};
  }
};

Image load_png(const fs::path& p) {
  Image img;
  int n = 0;
  img.px.reset(stbi_load(p.c_str(), &img.w, &img.h, &n, 4));
  return img;
}

std::string run(const std::string& cmd) {
  std::string out;
  FILE* f = popen((cmd + " 2>&1").c_str(), "r");
  if (!f) return out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, f)) out += buf;
  const int rc = pclose(f);
  return rc == 0 ? out : "FAILED(" + std::to_string(rc) + "): " + out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("losslab_export_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    st_.doc = Document(default_scene());
    st_.refresh();
    st_.view.set_rect(30, 40, 600, 500);  // the canvas on screen: 600 x 500 window pixels
    req_.folder = dir_;
  }
  void TearDown() override {
    if (!std::getenv("LOSSLAB_KEEP_EXPORTS")) fs::remove_all(dir_);
  }

  // Pixel of world point (x, y) in an export of the canvas at `scale` times its screen size.
  std::pair<int, int> pixel(double x, double y, double scale) const {
    const Eigen::Vector2d lo = st_.view.world_min(), hi = st_.view.world_max();
    const double ppu = st_.view.pixels_per_unit() * scale;
    return {static_cast<int>((x - lo.x()) * ppu), static_cast<int>((hi.y() - y) * ppu)};
  }
  int argmax_class(double x, double y) const {
    double s[kMaxClasses];
    point_scores(st_.scene.params, Point{x, y, 0}, s);
    return argmax(s, st_.scene.classes());
  }

  // World points away from the class lines, arrows, axes, points and legend of the default
  // scene (checked by eye on the exported image); they fall in all three classes.
  static constexpr double kProbes[6][2] = {{-0.9, 0.6}, {-0.6, -0.2}, {0.2, -0.85},
                                           {0.9, -0.1}, {0.3, 0.55},  {0.95, 0.3}};

  void expect_region_colours(const Image& img, double scale, palette::Scheme scheme) const {
    for (const auto& p : kProbes) {
      const auto [px, py] = pixel(p[0], p[1], scale);
      ASSERT_TRUE(px >= 0 && px < img.w && py >= 0 && py < img.h);
      const palette::Rgb want =
          palette::class_colors(argmax_class(p[0], p[1]), palette::Theme::Light, scheme).region;
      const auto got = img.at(px, py);
      EXPECT_NEAR(got[0], want.r, 2) << "at world (" << p[0] << ", " << p[1] << ")";
      EXPECT_NEAR(got[1], want.g, 2) << "at world (" << p[0] << ", " << p[1] << ")";
      EXPECT_NEAR(got[2], want.b, 2) << "at world (" << p[0] << ", " << p[1] << ")";
      EXPECT_EQ(got[3], 255);
    }
  }

  fs::path dir_;
  AppState st_;
  ExportRequest req_;
};

TEST_F(ExportTest, CanvasAt2xIsTwiceTheOnScreenSizeWithArgmaxColours) {
  req_.scale = 2.0;
  const ExportResult r = export_view(st_, req_);
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.path, dir_ / "losslab-001.png");
  EXPECT_NE(r.message.find(r.path.string()), std::string::npos) << r.message;
  const Image img = load_png(r.path);
  ASSERT_TRUE(img.px) << stbi_failure_reason();
  EXPECT_EQ(img.w, 1200);
  EXPECT_EQ(img.h, 1000);
  // The probes fall in all three classes, so a wrong mapping or colour cannot pass.
  int seen = 0;
  for (const auto& p : kProbes) seen |= 1 << argmax_class(p[0], p[1]);
  EXPECT_EQ(seen, 7);
  expect_region_colours(img, 2.0, palette::Scheme::Demo);
  // A data point's centre has its class colour: point 0 (0.5, 0.4), class 0.
  const auto [px, py] = pixel(0.5, 0.4, 2.0);
  const auto c = img.at(px, py);
  const palette::Rgb want = Style{}.class_line(0);
  EXPECT_NEAR(c[0], want.r, 2);
  EXPECT_NEAR(c[1], want.g, 2);
  EXPECT_NEAR(c[2], want.b, 2);
}

TEST_F(ExportTest, FollowsTheWindowsPannedAndZoomedView) {
  st_.view.zoom_about({330, 290}, 2.5);
  st_.view.pan_pixels(-120, 40);
  req_.scale = 1.0;
  const ExportResult r = export_view(st_, req_);
  ASSERT_TRUE(r.ok) << r.message;
  const Image img = load_png(r.path);
  ASSERT_TRUE(img.px);
  EXPECT_EQ(img.w, 600);
  EXPECT_EQ(img.h, 500);
  // Points at fixed offsets from the view's centre (clear of the lines and arrows, which start
  // near the centre) show the class that wins there: one in class 0, one in class 1.
  const Eigen::Vector2d c = st_.view.center();
  const double ppu = st_.view.pixels_per_unit();
  int seen = 0;
  for (const Eigen::Vector2d& off : {Eigen::Vector2d(-210, 170), Eigen::Vector2d(-200, -190)}) {
    const Eigen::Vector2d w(c.x() + off.x() / ppu, c.y() - off.y() / ppu);
    const auto [px, py] = pixel(w.x(), w.y(), 1.0);
    seen |= 1 << argmax_class(w.x(), w.y());
    const palette::Rgb want = Style{}.class_region(argmax_class(w.x(), w.y()));
    const auto got = img.at(px, py);
    EXPECT_NEAR(got[0], want.r, 2);
    EXPECT_NEAR(got[1], want.g, 2);
    EXPECT_NEAR(got[2], want.b, 2);
  }
  EXPECT_EQ(seen, 3);
}

TEST_F(ExportTest, ExplicitSizeAndColourBlindScheme) {
  req_.width = 1000;
  req_.height = 1000 * 500 / 600;  // the canvas's aspect: the probes map like a 1000/600 scale
  st_.options.scheme = palette::Scheme::ColorBlindSafe;  // the window's Style, handed to the export
  const ExportResult r = export_view(st_, req_);
  ASSERT_TRUE(r.ok) << r.message;
  const Image img = load_png(r.path);
  ASSERT_TRUE(img.px);
  EXPECT_EQ(img.w, 1000);
  EXPECT_EQ(img.h, 833);
  expect_region_colours(img, 1000.0 / 600.0, palette::Scheme::ColorBlindSafe);
  // Colour-blind class 0 is Okabe-Ito blue, not the demo's.
  EXPECT_NE(palette::class_colors(0, palette::Theme::Light, palette::Scheme::ColorBlindSafe).region,
            palette::class_colors(0, palette::Theme::Light, palette::Scheme::Demo).region);
}

TEST_F(ExportTest, AxesAndTransparencyOptions) {
  // A pixel on the x1 axis, away from tick marks and labels.
  const auto [ax, ay] = pixel(0.0, -0.9, 1.0);
  req_.scale = 1.0;
  req_.legend = false;
  req_.axes = true;
  const Image with_axes = load_png(export_view(st_, req_).path);
  req_.axes = false;
  const Image no_axes = load_png(export_view(st_, req_).path);
  ASSERT_TRUE(with_axes.px && no_axes.px);
  const palette::Rgb region = Style{}.class_region(argmax_class(0.0, -0.9));
  const auto a = with_axes.at(ax, ay), b = no_axes.at(ax, ay);
  EXPECT_LT(a[0] + a[1] + a[2], region.r + region.g + region.b - 150);  // dark axis line
  EXPECT_NEAR(b[0], region.r, 2);
  EXPECT_NEAR(b[1], region.g, 2);
  EXPECT_NEAR(b[2], region.b, 2);

  // Transparent loss plot: the corner (outside the plot frame) has alpha 0.
  req_.target = ExportTarget::LossPlot;
  req_.transparent = true;
  const ExportResult r = export_view(st_, req_, 500, 300);
  ASSERT_TRUE(r.ok) << r.message;
  const Image plot = load_png(r.path);
  ASSERT_TRUE(plot.px);
  EXPECT_EQ(plot.w, 500);
  EXPECT_EQ(plot.h, 300);
  EXPECT_EQ(plot.at(1, 1)[3], 0);
}

TEST_F(ExportTest, AutoNumberingNeverReplacesAFile) {
  { std::ofstream(dir_ / "losslab-001.png") << "not mine to replace"; }
  { std::ofstream(dir_ / "losslab-003.png") << "nor this"; }
  req_.scale = 1.0;
  const ExportResult a = export_view(st_, req_);
  const ExportResult b = export_view(st_, req_);
  const ExportResult c = export_view(st_, req_);
  ASSERT_TRUE(a.ok && b.ok && c.ok) << a.message << b.message << c.message;
  EXPECT_EQ(a.path.filename(), "losslab-002.png");
  EXPECT_EQ(b.path.filename(), "losslab-004.png");
  EXPECT_EQ(c.path.filename(), "losslab-005.png");
  EXPECT_EQ(slurp(dir_ / "losslab-001.png"), "not mine to replace");
  EXPECT_EQ(slurp(dir_ / "losslab-003.png"), "nor this");
  EXPECT_EQ(slurp(a.path).substr(1, 3), "PNG");
  // Other formats count on their own; no temporary files are left behind.
  req_.format = exporter::Format::Svg;
  EXPECT_EQ(export_view(st_, req_).path.filename(), "losslab-001.svg");
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 6);
}

TEST_F(ExportTest, BadFoldersGiveAMessageNotACrash) {
  req_.folder = dir_ / "missing" / "deeper";
  ExportResult r = export_view(st_, req_);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("no such folder"), std::string::npos) << r.message;
  req_.folder = "/proc";  // a folder nobody (not even root) can create files in
  r = export_view(st_, req_);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("cannot create"), std::string::npos) << r.message;
  req_.folder = dir_ / "losslab-file";
  { std::ofstream(req_.folder) << "x"; }
  r = export_view(st_, req_);
  EXPECT_FALSE(r.ok);
  // An image too large for the exporter is refused with the reason.
  req_.folder = dir_;
  req_.scale = 64.0;
  r = export_view(st_, req_);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("pixels"), std::string::npos) << r.message;
}

TEST_F(ExportTest, SvgIsWellFormedAndPdfIsOnePageOfTheCanvasSize) {
  if (std::system("command -v xmllint > /dev/null && command -v pdfinfo > /dev/null") != 0)
    GTEST_SKIP() << "xmllint or pdfinfo missing";
  for (ExportTarget target : {ExportTarget::Canvas, ExportTarget::LossPlot}) {
    req_.target = target;
    req_.format = exporter::Format::Svg;
    const ExportResult svg = export_view(st_, req_, 480, 270);
    ASSERT_TRUE(svg.ok) << svg.message;
    EXPECT_EQ(run("xmllint --noout '" + svg.path.string() + "'"), "");
    const std::string text = slurp(svg.path);
    if (target == ExportTarget::Canvas) {
      EXPECT_NE(text.find("width=\"600"), std::string::npos);
      EXPECT_NE(text.find("height=\"500"), std::string::npos);
    }
    req_.format = exporter::Format::Pdf;
    const ExportResult pdf = export_view(st_, req_, 480, 270);
    ASSERT_TRUE(pdf.ok) << pdf.message;
    const std::string info = run("pdfinfo '" + pdf.path.string() + "'");
    EXPECT_NE(info.find("Pages:           1"), std::string::npos) << info;
    const std::string size = target == ExportTarget::Canvas ? "600 x 500 pts" : "480 x 270 pts";
    EXPECT_NE(info.find(size), std::string::npos) << info;
  }
}

// Restores an environment variable when it goes out of scope.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    had_ = std::getenv(name) != nullptr;
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~EnvVar() {
    if (had_)
      ::setenv(name_, old_.c_str(), 1);
    else
      ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

TEST_F(ExportTest, DefaultFolderFollowsXdgThenPicturesThenTheCurrentFolder) {
  const fs::path home = dir_ / "home";
  fs::create_directories(home / ".config");
  EnvVar h("HOME", home.c_str()), x("XDG_PICTURES_DIR", nullptr), c("XDG_CONFIG_HOME", nullptr);
  EXPECT_EQ(default_export_folder(), fs::current_path());  // nothing exists yet
  fs::create_directories(home / "Pictures");
  EXPECT_EQ(default_export_folder(), home / "Pictures");
  fs::create_directories(home / "Bilder");
  std::ofstream(home / ".config" / "user-dirs.dirs")
      << "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
         "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n";
  EXPECT_EQ(default_export_folder(), home / "Bilder");
  const fs::path explicit_dir = dir_ / "slides";
  fs::create_directories(explicit_dir);
  EnvVar p("XDG_PICTURES_DIR", explicit_dir.c_str());
  EXPECT_EQ(default_export_folder(), explicit_dir);
}

// The window's export runs as a Job on what prepare_export copied: edits made meanwhile do not
// reach the file, progress ends at 1, and the result names the file.
TEST_F(ExportTest, BackgroundExportDrawsTheCopyTakenWhenItStarted) {
  req_.scale = 1.0;
  const ExportJob job = prepare_export(st_, req_);
  Scene edited = st_.scene;  // an edit after Export was pressed
  edited.points.clear();
  edited.params.W.setZero();
  st_.doc.replace(std::move(edited));
  Job<ExportResult> running =
      Job<ExportResult>::start("export", [job](JobControl& c) { return run_export(job, &c); });
  running.wait();
  ASSERT_TRUE(running.ready());
  EXPECT_EQ(running.progress(), 1.0);
  const ExportResult r = running.take();
  ASSERT_TRUE(r.ok) << r.message;
  const Image img = load_png(r.path);
  ASSERT_TRUE(img.px);
  st_.doc = Document(default_scene());  // the probes' classes and the point are the copy's
  expect_region_colours(img, 1.0, palette::Scheme::Demo);
  const auto [px, py] = pixel(0.5, 0.4, 1.0);
  const auto c = img.at(px, py);
  EXPECT_NEAR(c[2], Style{}.class_line(0).b, 2);
  EXPECT_NEAR(c[0], Style{}.class_line(0).r, 2);
}

TEST_F(ExportTest, CancelledExportWritesNothingAndSaysSo) {
  const ExportJob job = prepare_export(st_, req_);
  JobControl control;
  control.cancel();
  const ExportResult r = run_export(job, &control);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.cancelled);
  EXPECT_NE(r.message.find("cancelled"), std::string::npos) << r.message;
  EXPECT_TRUE(fs::is_empty(dir_));
}

// A million points: the UI thread only copies (tens of ms); the drawing, off the UI thread, bins
// the points into one image, and Cancel stops it within a chunk of 10,000 points.
TEST_F(ExportTest, MillionPointCanvasCopiesFastAndCancelsPromptly) {
  std::vector<Point> many;
  many.reserve(kMaxPoints);
  for (std::size_t i = 0; i < kMaxPoints; ++i) {
    const double a = 0.000731 * static_cast<double>(i), rad = 0.9 * std::sqrt((i % 997) / 997.0);
    many.push_back({rad * std::cos(a), rad * std::sin(a), static_cast<int>(i % 3)});
  }
  Scene big = st_.scene;
  big.points = std::move(many);
  st_.doc = Document(std::move(big));
  const auto t0 = std::chrono::steady_clock::now();
  const ExportJob job = prepare_export(st_, req_);
  const double copy_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  RecordProperty("copy_ms", std::to_string(1000.0 * copy_s));
  // 26-31 ms here (the old export held the frame 15-25 s); a figure, not an assertion.
  ASSERT_EQ(job.data.scene.points.size(), kMaxPoints);

  Job<ExportResult> running =
      Job<ExportResult>::start("export", [job](JobControl& c) { return run_export(job, &c); });
  while (running.progress() < 0.15 && !running.ready())  // drawing the points
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const auto t1 = std::chrono::steady_clock::now();
  running.cancel();
  running.wait();
  const double cancel_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  const ExportResult r = running.take();
  RecordProperty("cancelled", r.cancelled ? "yes" : "no");
  if (!r.ok) {
    EXPECT_TRUE(r.cancelled) << r.message;
    EXPECT_TRUE(fs::is_empty(dir_));
    EXPECT_LT(cancel_s, 1.0);
  }
  // Uncancelled, the same export finishes and is one image of the points, not a million circles.
  req_.format = exporter::Format::Svg;
  const ExportResult svg = run_export(prepare_export(st_, req_));
  ASSERT_TRUE(svg.ok) << svg.message;
  EXPECT_LT(fs::file_size(svg.path), 5'000'000u);
}

}  // namespace
}  // namespace ll::gui
