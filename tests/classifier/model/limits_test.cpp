// Input safety of the window's edits (issue 6; the edits' own limits: tests/core/document_test):
// zoom and pan stay in
// range whatever the mouse or a typed number does; the loss curve stays bounded however long
// training runs; saving never replaces a file the user did not choose.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "app/classifier/model/scene_file.h"
#include "app/classifier/model/training.h"
#include "app/classifier/model/view.h"

namespace ll::gui {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Limits, ZoomStaysBetweenHalfSizes1eMinus9And1e9) {
  ViewTransform v;
  v.set_rect(0, 0, 800, 600);  // shorter side 600 px: half-size 1 / zoom
  for (int i = 0; i < 400; ++i) v.zoom_about({123, 456}, 1.15);
  EXPECT_DOUBLE_EQ(v.zoom(), ViewTransform::kMaxZoom);
  EXPECT_NEAR(v.world_max().y() - v.world_min().y(), 2e-9, 1e-15);
  for (int i = 0; i < 800; ++i) v.zoom_about({700, 10}, 1 / 1.15);
  EXPECT_DOUBLE_EQ(v.zoom(), ViewTransform::kMinZoom);
  EXPECT_NEAR(v.world_max().y() - v.world_min().y(), 2e9, 1e-3);
  v.zoom_about({1, 1}, kInf);
  v.zoom_about({1, 1}, kNaN);
  v.zoom_about({1, 1}, 0.0);
  EXPECT_DOUBLE_EQ(v.zoom(), ViewTransform::kMinZoom);
  // Round trips stay exact to double precision at both ends.
  const Eigen::Vector2d p{3.5e8, -1.25e8};
  const Eigen::Vector2d back = v.to_world(v.to_screen(p));
  EXPECT_NEAR(back.x(), p.x(), 1.0);
  EXPECT_NEAR(back.y(), p.y(), 1.0);
}

TEST(Limits, PanStaysFiniteAndBounded) {
  ViewTransform v;
  v.set_rect(0, 0, 500, 500);
  for (int i = 0; i < 200; ++i) v.zoom_about({250, 250}, 0.5);  // as far out as it goes
  for (int i = 0; i < 1000; ++i) v.pan_pixels(-1e6, 1e6);  // drag left and down: view to +x, +y
  EXPECT_TRUE(std::isfinite(v.center().x()));
  EXPECT_DOUBLE_EQ(v.center().x(), ViewTransform::kMaxCenter);
  EXPECT_DOUBLE_EQ(v.center().y(), ViewTransform::kMaxCenter);
  const Eigen::Vector2d c = v.center();
  v.pan_pixels(kNaN, kInf);
  EXPECT_EQ(v.center().x(), c.x());
  EXPECT_EQ(v.center().y(), c.y());
  v.pan_pixels(1e300, 0);
  EXPECT_DOUBLE_EQ(v.center().x(), -ViewTransform::kMaxCenter);
}

TEST(Limits, LossCurveStaysBoundedWithEvenResolution) {
  Scene start = default_scene();
  start.optimizer.lr = 1e-4;  // slow and steady: no divergence over 100k steps
  Document d(start);
  const Scene& s = d.scene();
  Trainer t;
  t.restart(s);
  constexpr long kSteps = 100000;
  std::size_t peak = 0;
  for (long i = 0; i < kSteps; ++i) {
    ASSERT_EQ(t.step(d), StepStatus::Ok);
    peak = std::max(peak, t.curve().size());
  }
  const auto& c = t.curve();
  EXPECT_LE(peak, Trainer::kMaxCurvePoints + 1);
  EXPECT_GT(c.size(), Trainer::kMaxCurvePoints / 2);
  EXPECT_EQ(c.front().step, 0);
  EXPECT_EQ(c.back().step, kSteps);  // the latest step is always there
  const long stride = t.curve_stride();
  EXPECT_EQ(stride, 8);  // 100k steps in at most 20k entries: every 8th step
  for (std::size_t i = 0; i + 1 < c.size(); ++i) {
    EXPECT_EQ(c[i].step % stride, 0) << i;  // even spacing, no dense recent tail
    if (i + 2 < c.size()) {
      EXPECT_EQ(c[i + 1].step - c[i].step, stride) << i;
    }
  }
  // The kept records are the real ones of their steps (the last equals the scene's now).
  EXPECT_DOUBLE_EQ(c.back().record.total_loss, record(s).total_loss);
  t.restart(s);
  EXPECT_EQ(t.curve_stride(), 1);
  EXPECT_TRUE(t.curve().empty());
}

TEST(SaveTarget, AnExistingFileIsReplacedOnlyWhenItIsTheDocument) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("ll_save_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path a = dir / "a.json", b = dir / "b.json", fresh = dir / "new.json";
  std::ofstream(a) << "{}";
  std::ofstream(b) << "{}";
  EXPECT_EQ(check_save_target(fresh, ""), SaveCheck::Write);
  EXPECT_EQ(check_save_target(a, ""), SaveCheck::Confirm);
  EXPECT_EQ(check_save_target(a, a.string()), SaveCheck::Write);
  EXPECT_EQ(check_save_target(dir / "." / "a.json", a.string()), SaveCheck::Write);  // same file
  EXPECT_EQ(check_save_target(b, a.string()), SaveCheck::Confirm);
  EXPECT_EQ(check_save_target(dir, a.string()), SaveCheck::Confirm);  // a folder is there
  fs::create_symlink(dir / "missing.json", dir / "dangling.json");
  EXPECT_EQ(check_save_target(dir / "dangling.json", ""), SaveCheck::Confirm);
  EXPECT_EQ(check_save_target("", a.string()), SaveCheck::NoName);
  EXPECT_EQ(check_save_target(dir / "points.CSV", ""), SaveCheck::NotJson);
  EXPECT_TRUE(is_csv_path("x/y.csv"));
  EXPECT_FALSE(is_csv_path("x/csv.json"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ll::gui
