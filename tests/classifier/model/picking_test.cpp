#include "app/classifier/model/picking.h"

#include <gtest/gtest.h>

#include "app/classifier/model/geometry.h"
#include "core/document.h"

namespace ll::gui {
namespace {

ViewTransform view400() {
  ViewTransform v;
  v.set_rect(0, 0, 400, 400);  // 200 px per world unit, origin at (200, 200)
  return v;
}

TEST(Picking, PointRespectsTheRadius) {
  const Scene s = default_scene();
  const ViewTransform v = view400();
  const Eigen::Vector2d p0 = v.to_screen({0.5, 0.4});
  EXPECT_EQ(pick_point(s, v, p0 + Eigen::Vector2d{9.9, 0}, 10.0), 0);
  EXPECT_EQ(pick_point(s, v, p0 + Eigen::Vector2d{0, 10.1}, 10.0), -1);  // not "nearest anywhere"
  EXPECT_EQ(pick_point(s, v, {200, 200}, 10.0), -1);
}

TEST(Picking, NearestPointWithinRadiusWins) {
  Scene s = default_scene();
  s.points = {{0.0, 0.0, 0}, {0.03, 0.0, 1}};  // 6 px apart
  const ViewTransform v = view400();
  EXPECT_EQ(pick_point(s, v, v.to_screen({0.005, 0}), 10.0), 0);
  EXPECT_EQ(pick_point(s, v, v.to_screen({0.025, 0}), 10.0), 1);
}

TEST(Picking, ThePickerScansOnlyWhenPointsViewOrCursorMoved) {
  Document doc;
  ViewTransform v = view400();
  PointPicker picker;
  const Eigen::Vector2d p0 = v.to_screen({0.5, 0.4});  // point 0 of the default scene
  EXPECT_EQ(picker.pick(doc.scene(), doc.points_revision(), v, p0, 10.0), 0);
  for (int f = 0; f < 5; ++f)  // an idle mouse over idle points: no new scan
    EXPECT_EQ(picker.pick(doc.scene(), doc.points_revision(), v, p0, 10.0), 0);
  EXPECT_EQ(picker.scans(), 1u);
  Params p = doc.scene().params;  // training moves W and b, not the points
  p.W(0, 0) += 1.0;
  doc.set_params(p);
  EXPECT_EQ(picker.pick(doc.scene(), doc.points_revision(), v, p0, 10.0), 0);
  EXPECT_EQ(picker.scans(), 1u);
  doc.move_point(0, -0.5, -0.4);  // the point moved away: found missing at once
  EXPECT_EQ(picker.pick(doc.scene(), doc.points_revision(), v, p0, 10.0), -1);
  EXPECT_EQ(picker.scans(), 2u);
  doc.undo();
  EXPECT_EQ(picker.pick(doc.scene(), doc.points_revision(), v, p0, 10.0), 0);
  EXPECT_EQ(picker.pick(doc.scene(), doc.points_revision(), v, p0 + Eigen::Vector2d{0, 10.1}, 10.0),
            -1);  // the cursor moved
  EXPECT_EQ(picker.pick(doc.scene(), doc.points_revision(), v, p0 + Eigen::Vector2d{0, 10.1}, 11.0),
            0);             // the radius grew (UI scale)
  v.pan_pixels(30.0, 0.0);  // the view moved under a still cursor
  EXPECT_EQ(picker.pick(doc.scene(), doc.points_revision(), v, p0 + Eigen::Vector2d{0, 10.1}, 11.0),
            -1);
  EXPECT_EQ(picker.scans(), 6u);
}

TEST(Picking, LineWithinRadius) {
  Scene s = default_scene();  // class 0: x + 2y = 0
  const ViewTransform v = view400();
  const Eigen::Vector2d on = v.to_screen({-0.8, 0.4});
  EXPECT_EQ(pick_line(s.params, v, on, 6.0), 0);
  // 5 px away along the normal (1,2)/sqrt(5) in world, y flipped on screen.
  const double k = 5.0 / std::sqrt(5.0);
  EXPECT_EQ(pick_line(s.params, v, on + Eigen::Vector2d{k, -2 * k}, 6.0), 0);
  EXPECT_EQ(pick_line(s.params, v, on + Eigen::Vector2d{1.4 * k, -2.8 * k}, 6.0), -1);  // 7 px
}

TEST(Picking, ArrowHead) {
  const Scene s = default_scene();
  const ViewTransform v = view400();
  Eigen::Vector2d anchors[kMaxClasses];
  for (Eigen::Vector2d& a : anchors) a.setZero();
  const Eigen::Vector2d head = arrow_head(s.params, 1, nearest_on_line(s.params, 1, {0, 0}));
  EXPECT_EQ(pick_arrow_head(s.params, v, anchors, v.to_screen(head) + Eigen::Vector2d{3, 3}, 12.0),
            1);
  EXPECT_EQ(pick_arrow_head(s.params, v, anchors, v.to_screen(head) + Eigen::Vector2d{13, 0}, 12.0),
            -1);
}

}  // namespace
}  // namespace ll::gui
