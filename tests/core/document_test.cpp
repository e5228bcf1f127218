// The document (core/document.h): every edit within the loader's limits, exact undo/redo of
// what each edit changed, gestures merging into one entry, and undo memory that counts every
// byte and stays small for edits of a big scene.
#include "core/document.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/datasets.h"
#include "core/losses.h"

namespace ll {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Document, EditsMoveTheRevisionAndUndoRedoRestoreExactState) {
  Document d;
  const Scene s0 = d.scene();
  const auto r0 = d.revision(), p0 = d.points_revision();
  d.set_gesture(d.new_gesture());
  const int i = d.add_point(0.3, -0.2, 1);
  EXPECT_EQ(i, 9);
  EXPECT_GT(d.points_revision(), p0);
  const Scene s1 = d.scene();
  d.set_gesture(d.new_gesture());
  Params p = d.scene().params;
  p.W(0, 0) = 4.5;
  d.set_params(p);
  const auto p1 = d.points_revision();
  EXPECT_EQ(d.points_revision(), p1);  // parameters only: the point layer stays valid
  d.set_gesture(d.new_gesture());
  EXPECT_TRUE(d.delete_point(2));
  d.set_gesture(d.new_gesture());
  EXPECT_TRUE(d.relabel_point(0, 2));
  LossSettings l = d.scene().loss;
  l.kind = LossKind::Softmax;
  d.set_gesture(d.new_gesture());
  d.set_loss(l);
  const Scene s5 = d.scene();
  EXPECT_GT(d.revision(), r0);
  EXPECT_EQ(d.undo_size(), 5u);
  for (int k = 0; k < 4; ++k) EXPECT_TRUE(d.undo());
  EXPECT_EQ(d.scene(), s1);
  EXPECT_TRUE(d.undo());
  EXPECT_EQ(d.scene(), s0);
  EXPECT_FALSE(d.undo());
  for (int k = 0; k < 5; ++k) EXPECT_TRUE(d.redo());
  EXPECT_EQ(d.scene(), s5);
  EXPECT_FALSE(d.redo());
}

TEST(Document, UnchangedValuesRecordNothing) {
  Document d;
  const auto r = d.revision();
  d.set_params(d.scene().params);
  d.set_loss(d.scene().loss);
  d.set_optimizer(d.scene().optimizer);
  EXPECT_FALSE(d.move_point(0, d.scene().points[0].x0, d.scene().points[0].x1));
  EXPECT_FALSE(d.relabel_point(0, d.scene().points[0].label));
  EXPECT_FALSE(d.delete_point(99));
  EXPECT_EQ(d.revision(), r);
  EXPECT_EQ(d.undo_size(), 0u);
}

TEST(Document, AGestureIsOneEntryAndANewEditClearsRedo) {
  Document d;
  const Scene start = d.scene();
  const auto g = d.new_gesture();
  d.set_gesture(g);
  for (int f = 1; f <= 30; ++f) d.move_point(4, 0.01 * f, -0.02 * f);  // a 30-frame drag
  EXPECT_EQ(d.undo_size(), 1u);
  EXPECT_EQ(d.scene().points[4], (Point{0.3, -0.6, start.points[4].label}));
  d.set_gesture(d.new_gesture());
  d.add_point(0, 0, 0);
  EXPECT_EQ(d.undo_size(), 2u);
  d.undo();
  d.undo();
  EXPECT_EQ(d.scene(), start);
  EXPECT_TRUE(d.can_redo());
  d.set_gesture(d.new_gesture());
  d.add_point(0.5, 0.5, 1);
  EXPECT_FALSE(d.can_redo());
}

TEST(Document, RevertGestureTakesBackADragWithoutARedoEntry) {
  Document d;
  const Scene start = d.scene();
  d.set_gesture(d.new_gesture());
  d.add_point(0.1, 0.1, 0);  // an earlier, separate edit
  const Scene before_drag = d.scene();
  d.set_gesture(d.new_gesture());
  EXPECT_FALSE(d.revert_gesture());  // nothing recorded yet under this gesture
  Params p = d.scene().params;
  p.b(1) = 0.9;
  d.set_params(p);
  d.move_point(1, 0.7, 0.7);
  EXPECT_TRUE(d.revert_gesture());
  EXPECT_EQ(d.scene(), before_drag);
  EXPECT_FALSE(d.can_redo());
  EXPECT_EQ(d.undo_size(), 1u);
  d.undo();
  EXPECT_EQ(d.scene(), start);
}

TEST(Document, EditsStayInsideTheLoaderLimits) {
  Document d;
  const int i = d.add_point(3e7, -kInf, 7);  // label clamped to K - 1 = 2
  EXPECT_EQ(d.scene().points[i], (Point{kMaxCoordinate, 0.0, 2}));
  d.move_point(i, kNaN, -2e9);
  EXPECT_EQ(d.scene().points[i], (Point{0.0, -kMaxCoordinate, 2}));
  Params p = d.scene().params;
  p.W(1, 0) = 1e12;
  p.W(2, 1) = kNaN;
  p.b(0) = -3e8;
  d.set_params(p);
  EXPECT_EQ(d.scene().params.W(1, 0), kParamBound);
  EXPECT_EQ(d.scene().params.W(2, 1), 0.0);
  EXPECT_EQ(d.scene().params.b(0), -kParamBound);
  d.set_class_names({std::string(200, 'a'), "car", "frog"});
  EXPECT_EQ(d.scene().class_names[0].size(), kMaxClassNameBytes);
  // A cut never splits a UTF-8 character: 63 ASCII bytes then a 2-byte "é".
  EXPECT_EQ(clamp_class_name(std::string(63, 'x') + "\xC3\xA9" + "tail").size(), 63u);
  d.set_class_count(99);
  EXPECT_EQ(d.scene().classes(), kMaxClasses);
  d.set_class_count(-1);
  EXPECT_EQ(d.scene().classes(), kMinClasses);
  Scene huge = default_scene();
  huge.params.W(0, 0) = kInf;
  huge.class_names = {std::string(100, 'n'), "b", "c"};
  d.replace(huge);
  EXPECT_EQ(d.scene().params.W(0, 0), 0.0);
  EXPECT_EQ(d.scene().class_names[0].size(), kMaxClassNameBytes);
}

// The losses need one class weight per class: a class-count change keeps the weights of the
// classes that stay, gives new classes weight 1, and undo brings the old weights back.
TEST(Document, ClassWeightsFollowTheClassCount) {
  Scene s = default_scene();
  s.loss.class_weights = {2.0, 0.5, 3.0};
  Document d(s);
  d.set_class_count(5);
  EXPECT_EQ(d.scene().loss.class_weights, (std::vector<double>{2.0, 0.5, 3.0, 1.0, 1.0}));
  EXPECT_NO_THROW(evaluate(d.scene().points, d.scene().params, d.scene().loss));
  d.set_class_count(2);
  EXPECT_EQ(d.scene().loss.class_weights, (std::vector<double>{2.0, 0.5}));
  EXPECT_NO_THROW(evaluate(d.scene().points, d.scene().params, d.scene().loss));
  EXPECT_TRUE(d.undo());
  EXPECT_TRUE(d.undo());
  EXPECT_EQ(d.scene().loss.class_weights, s.loss.class_weights);
  Scene none = default_scene();  // no weights stay no weights
  Document e(none);
  e.set_class_count(4);
  EXPECT_TRUE(e.scene().loss.class_weights.empty());
}

TEST(Document, AddingStopsAtThePointLimit) {
  Scene s = default_scene();
  s.points.assign(kMaxPoints, Point{0.1, 0.2, 1});
  Document d(std::move(s));
  EXPECT_EQ(d.add_point(0, 0, 0), -1);
  EXPECT_EQ(d.scene().points.size(), kMaxPoints);
  EXPECT_EQ(d.undo_size(), 0u);
}

TEST(Document, ClassCountKeepsRowsAndUndoBringsBackRemovedPoints) {
  Document d;
  const Scene start = d.scene();
  d.set_class_count(2);
  EXPECT_EQ(d.scene().classes(), 2);
  EXPECT_EQ(d.scene().params.W.row(1), start.params.W.row(1));
  for (const Point& p : d.scene().points) EXPECT_LT(p.label, 2);
  d.set_class_count(5);
  EXPECT_EQ(d.scene().classes(), 5);
  d.undo();
  d.undo();
  EXPECT_EQ(d.scene(), start);
}

TEST(Document, ReplaceIsOneEntryAndCountsAsAReplacement) {
  Document d;
  const Scene start = d.scene();
  const auto n = d.replacements();
  d.replace(make_blobs({4, 50, 0.2, 3}));
  EXPECT_EQ(d.replacements(), n + 1);
  EXPECT_EQ(d.scene().classes(), 4);
  d.undo();
  EXPECT_EQ(d.scene(), start);
  d.redo();
  EXPECT_EQ(d.scene().points.size(), 200u);
}

TEST(Document, UpdateParamsRecordsATrainingStepLikeSetParams) {
  Document d;
  const Scene start = d.scene();
  d.set_gesture(d.new_gesture());
  for (int k = 0; k < 5; ++k)
    d.update_params([](Scene& s) {
      s.params.W(0, 0) += 1.0;
      return 0;
    });
  EXPECT_EQ(d.undo_size(), 1u);
  EXPECT_EQ(d.scene().params.W(0, 0), start.params.W(0, 0) + 5.0);
  d.undo();
  EXPECT_EQ(d.scene(), start);
}

TEST(Document, UndoBudgetCountsNamesAndDropsTheOldest) {
  // The same 40 edits under an 8 KiB budget: entries whose settings carry 64-byte class names
  // cost more, so fewer of them fit; the budget always holds.
  const auto entries_kept = [](std::size_t name_bytes) {
    Document d(default_scene(), 500, 8u << 10);
    for (int k = 0; k < 40; ++k) {
      d.set_gesture(d.new_gesture());
      d.set_class_names({std::string(name_bytes, char('a' + k % 26)), "b", "c"});
      EXPECT_LE(d.undo_bytes(), 8u << 10);
    }
    return d.undo_size();
  };
  const std::size_t long_names = entries_kept(kMaxClassNameBytes), short_names = entries_kept(1);
  EXPECT_LT(long_names, 40u);
  EXPECT_GT(long_names, 0u);
  EXPECT_LT(long_names, short_names);
  Document small(default_scene(), 10);
  for (int k = 0; k < 30; ++k) {
    small.set_gesture(small.new_gesture());
    small.add_point(0.01 * k, 0, 0);
  }
  EXPECT_EQ(small.undo_size(), 10u);  // the entry limit drops the oldest
  for (int k = 0; k < 10; ++k) small.undo();
  EXPECT_EQ(small.scene().points.size(), 9u + 20u);
}

TEST(Document, ThirtyEditsOfAMillionPointsCostLittleUndoMemory) {
  Scene s = make_blobs({3, 333334, 0.3, 1});
  s.points.resize(kMaxPoints - 10);
  Document d(std::move(s));
  for (int k = 0; k < 30; ++k) {
    d.set_gesture(d.new_gesture());
    switch (k % 5) {
      case 0:
        d.move_point(k * 1000, 0.5, 0.5);
        break;
      case 1:
        d.add_point(0.1, 0.2, 1);
        break;
      case 2:
        d.delete_point(k * 7);
        break;
      case 3:
        d.relabel_point(k, (d.scene().points[static_cast<std::size_t>(k)].label + 1) % 3);
        break;
      case 4: {
        Params p = d.scene().params;
        p.b(0) += 0.1;
        d.set_params(p);
        break;
      }
    }
  }
  EXPECT_EQ(d.undo_size(), 30u);
  EXPECT_LT(d.undo_bytes(), 100u << 10);  // a few KiB, never a copy of the points
}

// Multi-label points: only sigmoid accepts them, so the document never leaves it while any
// exists (set_loss refuses), and edits keep every label set inside [0, K).
TEST(DocumentMultiLabel, SetLossRefusesToLeaveSigmoidWhileAPointHasSeveralLabels) {
  Scene s = default_scene();
  s.loss.kind = LossKind::Sigmoid;
  s.points[1].set_label_mask(0b011);
  Document d(s);
  LossSettings l = d.scene().loss;
  l.kind = LossKind::Softmax;
  const std::uint64_t rev = d.revision();
  EXPECT_FALSE(d.set_loss(l));
  EXPECT_EQ(d.scene().loss.kind, LossKind::Sigmoid);
  EXPECT_EQ(d.revision(), rev);
  EXPECT_FALSE(d.can_undo());
  l = d.scene().loss;
  l.lambda = 0.5;  // other settings under sigmoid are fine
  EXPECT_TRUE(d.set_loss(l));
  // Relabelling the point gives it the one label; then any loss goes.
  EXPECT_TRUE(d.relabel_point(1, 2));
  EXPECT_EQ(d.scene().points[1], (Point{s.points[1].x0, s.points[1].x1, 2}));
  l.kind = LossKind::Softmax;
  EXPECT_TRUE(d.set_loss(l));
  EXPECT_EQ(d.scene().loss.kind, LossKind::Softmax);
  // Undo brings back sigmoid, then the multi-label point.
  EXPECT_TRUE(d.undo());
  EXPECT_TRUE(d.undo());
  EXPECT_EQ(d.scene().points[1].label_mask(), 0b011u);
}

TEST(DocumentMultiLabel, MovesKeepTheLabelsClassCountTrimsThem) {
  Scene s = default_scene();
  s.loss.kind = LossKind::Sigmoid;
  s.points[0].set_label_mask(0b110);  // {1, 2}
  s.points[1].set_label_mask(0b101);  // {0, 2}
  s.points[2].set_label_mask(0b100);  // {2}
  Document d(s);
  EXPECT_TRUE(d.move_point(0, 0.25, 0.5));
  EXPECT_EQ(d.scene().points[0].label_mask(), 0b110u);
  d.set_class_count(2);  // class 2 goes: {1, 2} -> 1, {0, 2} -> 0, {2} and other 2s deleted
  const auto& pts = d.scene().points;
  EXPECT_EQ(pts[0], (Point{0.25, 0.5, 1}));
  EXPECT_EQ(pts[1], (Point{s.points[1].x0, s.points[1].x1, 0}));
  for (const Point& p : pts) EXPECT_EQ(p.label_mask() >> 2, 0u);
  EXPECT_EQ(pts.size(), 9u - 4u);  // the demo's three class-2 points and the {2} one removed
  EXPECT_TRUE(d.undo());
  EXPECT_EQ(d.scene().points, [&] {
    std::vector<Point> v = s.points;
    v[0].x0 = 0.25;
    v[0].x1 = 0.5;
    return v;
  }());
}

TEST(DocumentMultiLabel, AReplacedSceneWithSeveralLabelsGetsTheSigmoidLoss) {
  Scene s = default_scene();
  s.loss.kind = LossKind::Softmax;  // as no loader would give it
  s.points[3].set_label_mask(0b11);
  Document d;
  d.replace(s);
  EXPECT_EQ(d.scene().loss.kind, LossKind::Sigmoid);
  EXPECT_EQ(d.scene().points, s.points);
  EXPECT_EQ(Document(s).scene().loss.kind, LossKind::Sigmoid);
}

}  // namespace
}  // namespace ll
