#include "app/gui/scene_edit.h"

#include <gtest/gtest.h>

namespace ll::gui {
namespace {

TEST(SceneEdit, AddDeleteRelabel) {
  Scene s = default_scene();
  const int i = add_point(s, 0.1, -0.2, 2);
  EXPECT_EQ(i, 9);
  EXPECT_EQ(s.points[9], (Point{0.1, -0.2, 2}));
  EXPECT_EQ(add_point(s, 0, 0, 99), 10);
  EXPECT_EQ(s.points[10].label, 2);  // clamped to K - 1
  EXPECT_TRUE(relabel_point(s, 0, 1));
  EXPECT_EQ(s.points[0].label, 1);
  EXPECT_FALSE(relabel_point(s, 0, 1));   // unchanged
  EXPECT_FALSE(relabel_point(s, 42, 0));  // out of range
  EXPECT_TRUE(delete_point(s, 0));
  EXPECT_EQ(s.points.size(), 10u);
  EXPECT_EQ(s.points[0], (Point{0.8, 0.3, 0}));
  EXPECT_FALSE(delete_point(s, -1));
  EXPECT_FALSE(delete_point(s, 10));
}

TEST(SceneEdit, ClassCountKeepsRowsAndDropsPointsOfRemovedClasses) {
  Scene s = default_scene();
  const Params before = s.params;
  set_class_count(s, 5);
  EXPECT_EQ(s.classes(), 5);
  EXPECT_EQ(s.params.W.topRows(3), before.W);
  EXPECT_EQ(s.params.b.head(3), before.b);
  set_class_count(s, 2);
  EXPECT_EQ(s.classes(), 2);
  EXPECT_EQ(s.points.size(), 6u);  // the three class-2 points are gone
  for (const Point& p : s.points) EXPECT_LT(p.label, 2);
  set_class_count(s, 1);
  EXPECT_EQ(s.classes(), kMinClasses);
}

TEST(SceneEdit, ScenesWithDifferentClassCountsCompareUnequal) {
  // The undo recorder compares whole scenes every frame, also across a class-count change.
  const Scene a = default_scene();
  Scene b = a;
  set_class_count(b, 8);
  b.points = a.points;
  EXPECT_FALSE(a == b);
  EXPECT_FALSE(b == a);
  EXPECT_FALSE(a.params == Params{});
}

}  // namespace
}  // namespace ll::gui
