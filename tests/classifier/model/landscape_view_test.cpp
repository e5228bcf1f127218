// The window's landscape: the trajectory the trainer records is `losslab train`'s parameters
// step by step; the view's job refines coarse to fine, restarts on a scene change, and its nodes
// are core's loss; the setup text of the window round-trips scene and view.
#include "app/classifier/model/landscape_view.h"

#include <gtest/gtest.h>

#include "app/classifier/model/app_state.h"
#include "app/classifier/model/setup_text.h"
#include "core/losses.h"
#include "core/optimizer.h"

namespace ll::gui {
namespace {

// Runs update() until the view holds a complete grid of the current revision (or gives up).
void settle(AppState& st, int max_frames = 200) {
  for (int f = 0; f < max_frames; ++f) {
    st.landscape.update(st.scene, st.revision(), st.new_point_class);
    const LandscapeGrid* g = st.landscape.grid();
    if (g && g->complete() && st.landscape.shown_revision() == st.revision()) return;
    st.landscape.wait();
  }
}

TEST(Trajectory, EqualsTrainStepByStep) {
  for (const OptimizerKind kind : {OptimizerKind::GD, OptimizerKind::SGD, OptimizerKind::Adam}) {
    AppState st;
    Scene s = default_scene();
    s.optimizer.kind = kind;
    s.optimizer.batch = 3;
    st.replace_scene(s);
    constexpr int kSteps = 25;
    for (int i = 0; i < kSteps; ++i) ASSERT_EQ(st.trainer.step(st.doc), StepStatus::Ok);
    const std::vector<TrajectoryPoint>& t = st.trainer.trajectory().points();
    ASSERT_EQ(t.size(), std::size_t(kSteps + 1));
    for (int n = 0; n <= kSteps; ++n) {
      Scene trained = s;  // what `losslab train --steps n` runs: core's train()
      train(trained, n);
      EXPECT_EQ(t[std::size_t(n)].step, n);
      EXPECT_EQ(t[std::size_t(n)].params, trained.params) << to_string(kind) << " step " << n;
    }
    st.undo();  // the steps undone: a restart clears the path with the curve
    st.trainer.restart(st.scene);
    EXPECT_TRUE(st.trainer.trajectory().points().empty());
  }
}

TEST(LandscapeViewJob, RefinesCoarseToFineAndRestartsOnEdits) {
  AppState st;
  LandscapeView& lv = st.landscape;
  lv.slice.grid = 65;
  lv.update(st.scene, st.revision(), 1);
  EXPECT_TRUE(lv.busy());
  EXPECT_EQ(lv.slice.x, (ParamRef{false, 1, 0}));  // the chosen class's weights
  EXPECT_EQ(lv.slice.y, (ParamRef{false, 1, 1}));
  lv.wait();
  lv.update(st.scene, st.revision(), 1);
  ASSERT_NE(lv.grid(), nullptr);
  EXPECT_EQ(lv.grid()->stride, 4);  // the first level: 17 x 17 at once
  st.new_point_class = 1;
  settle(st);
  const LandscapeGrid* g = lv.grid();
  ASSERT_TRUE(g && g->complete());
  for (int j = 0; j < 65; j += 7)
    for (int i = 0; i < 65; i += 9) {
      Params p = st.scene.params;
      p.W(1, 0) += g->x_at(i);
      p.W(1, 1) += g->y_at(j);
      EXPECT_EQ(g->at(i, j), loss_gradient(st.scene.points, p, st.scene.loss).total_loss);
    }
  // An edit: the old map stays until the new one's first level arrives.
  const std::uint64_t before = st.revision();
  st.trainer.step(st.doc);
  ASSERT_NE(st.revision(), before);
  lv.update(st.scene, st.revision(), 1);
  EXPECT_EQ(lv.shown_revision(), before);
  ASSERT_NE(lv.grid(), nullptr);
  settle(st);
  EXPECT_EQ(lv.shown_revision(), st.revision());
  EXPECT_EQ(lv.grid()->center, st.scene.params);
  // A slice that does not fit the scene is an error line, no job.
  lv.follow_class = false;
  lv.slice.x = {false, 7, 0};
  lv.update(st.scene, st.revision(), 1);
  EXPECT_NE(lv.error().find("class 7 is out of range"), std::string::npos);
}

TEST(SetupText, RoundTripsSceneAndViewAsOneUndoableReplacement) {
  AppState a;
  Scene s = default_scene();
  s.loss.kind = LossKind::Softmax;
  s.points.push_back({0.25, -0.5, 2});
  a.replace_scene(s);
  a.options.regions = RegionMode::Confidence;
  a.options.margins = true;
  a.landscape.slice.random = true;
  a.landscape.slice.seed = 99;
  a.landscape.slice.range = 0.5;
  const std::string text = setup_text(a);
  EXPECT_TRUE(text.starts_with("losslab:"));

  AppState b;
  const Scene original = b.scene;
  EXPECT_EQ(open_setup_text(b, text), "");
  EXPECT_EQ(b.scene, s);
  EXPECT_EQ(b.options.regions, RegionMode::Confidence);
  EXPECT_TRUE(b.options.margins);
  EXPECT_TRUE(b.landscape.slice.random);
  EXPECT_EQ(b.landscape.slice.seed, 99u);
  EXPECT_EQ(b.landscape.slice.range, 0.5);
  EXPECT_EQ(b.loaded, s);
  b.undo();
  EXPECT_EQ(b.scene, original);
  // Bad text: one line, nothing changed.
  const std::string why = open_setup_text(b, "losslab:%%%%");
  EXPECT_NE(why.find("bad base64"), std::string::npos);
  EXPECT_EQ(b.scene, original);
}

}  // namespace
}  // namespace ll::gui
