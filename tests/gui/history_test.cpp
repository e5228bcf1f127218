#include "app/gui/history.h"

#include <gtest/gtest.h>

#include "app/gui/app_state.h"
#include "app/gui/drag.h"
#include "app/gui/scene_edit.h"

namespace ll::gui {
namespace {

TEST(History, UndoRedoRestoreExactState) {
  History h;
  Scene s = default_scene();
  const Scene s0 = s;
  h.push(s);
  add_point(s, 0.123456789, -0.987654321, 1);
  const Scene s1 = s;
  h.push(s);
  s.params.W(2, 1) = 1.0 / 3.0;
  const Scene s2 = s;
  ASSERT_TRUE(h.undo(s));
  EXPECT_EQ(s, s1);
  ASSERT_TRUE(h.undo(s));
  EXPECT_EQ(s, s0);
  EXPECT_FALSE(h.undo(s));
  ASSERT_TRUE(h.redo(s));
  EXPECT_EQ(s, s1);
  ASSERT_TRUE(h.redo(s));
  EXPECT_EQ(s, s2);
  EXPECT_FALSE(h.redo(s));
}

TEST(History, NewEditClearsRedo) {
  History h;
  Scene s = default_scene();
  h.push(s);
  delete_point(s, 0);
  ASSERT_TRUE(h.undo(s));
  h.push(s);
  relabel_point(s, 0, 2);
  EXPECT_FALSE(h.can_redo());
}

TEST(History, LimitDropsOldestEntries) {
  History h(3);
  Scene s = default_scene();
  for (int i = 0; i < 5; ++i) {
    h.push(s);
    add_point(s, i, i, 0);
  }
  EXPECT_EQ(h.undo_size(), 3u);
}

TEST(History, ByteBudgetKeepsFewerEntriesOfBigScenes) {
  Scene s = default_scene();
  s.points.assign(10000, Point{0.1, 0.2, 1});
  const std::size_t one = History::bytes(s);
  History h(500, 5 * one + one / 2);  // room for five snapshots
  for (int i = 0; i < 8; ++i) {
    h.push(s);
    s.points[0].x0 = i;
  }
  EXPECT_EQ(h.undo_size(), 5u);
  Scene cur = s;
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(h.undo(cur));
  EXPECT_EQ(cur.points[0].x0, 2.0);  // the three oldest entries were dropped
  EXPECT_FALSE(h.undo(cur));
}

TEST(EditRecorder, AMultiFrameDragIsOneEntry) {
  AppState st;
  st.scene = default_scene();
  const Scene before = st.scene;
  const Params start = st.scene.params;
  for (int f = 1; f <= 5; ++f) {  // five frames of dragging line 1
    st.begin_frame();
    drag_line(start, 1, {0.0, 0.02 * f}, st.scene.params);
    st.end_frame(/*editing=*/true);
  }
  st.begin_frame();
  st.end_frame(false);  // released
  EXPECT_EQ(st.history.undo_size(), 1u);
  const Scene after = st.scene;
  st.undo();
  EXPECT_EQ(st.scene, before);
  st.redo();
  EXPECT_EQ(st.scene, after);
}

TEST(EditRecorder, FramesWithoutChangesRecordNothing) {
  AppState st;
  st.scene = default_scene();
  for (int f = 0; f < 3; ++f) {
    st.begin_frame();
    st.end_frame(f == 1);
  }
  EXPECT_EQ(st.history.undo_size(), 0u);
}

TEST(Trainer, OneRunIsOneUndoEntry) {
  AppState st;
  st.scene = default_scene();
  st.trainer.restart(st.scene);
  const Scene before = st.scene;
  st.trainer.rate = 100.0;
  st.trainer.play(st.scene);
  for (int f = 0; f < 10; ++f) {  // 10 frames of 50 ms: 50 steps
    st.trainer.advance(st.scene, 0.05, 1.0, st.history);
    st.begin_frame();
    st.end_frame(false);
  }
  st.trainer.pause(st.scene, st.history);
  EXPECT_EQ(st.trainer.steps(), 50);
  EXPECT_EQ(st.history.undo_size(), 1u);
  Scene trained = before;
  train(trained, 50);
  EXPECT_TRUE(st.scene.params.W.isApprox(trained.params.W, 1e-12));
  st.undo();
  EXPECT_EQ(st.scene, before);
}

TEST(Trainer, AnEditDuringARunSplitsIt) {
  AppState st;
  st.scene = default_scene();
  st.trainer.restart(st.scene);
  const Scene start = st.scene;
  st.trainer.rate = 100.0;
  st.trainer.play(st.scene);
  st.trainer.advance(st.scene, 0.1, 1.0, st.history);  // 10 steps
  st.begin_frame();
  const Scene mid = st.scene;
  add_point(st.scene, 0.0, 0.0, 1);  // the user adds a point while it trains
  st.end_frame(false);
  st.trainer.advance(st.scene, 0.1, 1.0, st.history);
  st.trainer.pause(st.scene, st.history);
  EXPECT_EQ(st.history.undo_size(), 3u);  // run part 1, the edit, run part 2
  st.undo();
  st.undo();
  EXPECT_EQ(st.scene, mid);
  st.undo();
  EXPECT_EQ(st.scene, start);
}

TEST(Trainer, DivergencePausesAndExplains) {
  AppState st;
  st.scene = default_scene();
  st.scene.optimizer.lr = 1e9;
  st.trainer.restart(st.scene);
  st.trainer.play(st.scene);
  const Params before = st.scene.params;
  st.trainer.advance(st.scene, 0.2, 1.0, st.history);
  EXPECT_FALSE(st.trainer.playing());
  EXPECT_TRUE(st.trainer.diverged());
  EXPECT_NE(st.trainer.message().find("smaller step size"), std::string::npos);
  EXPECT_EQ(st.scene.params, before);  // core restored the parameters
}

TEST(Trainer, RateIsDecoupledFromFrames) {
  AppState st;
  st.scene = default_scene();
  st.trainer.restart(st.scene);
  st.trainer.rate = 10.0;
  st.trainer.play(st.scene);
  int steps = 0;
  for (int f = 0; f < 60; ++f) steps += st.trainer.advance(st.scene, 1.0 / 60.0, 1.0, st.history);
  EXPECT_NEAR(steps, 10, 1);  // one second at 10 steps/s, whatever the frame rate
}

}  // namespace
}  // namespace ll::gui
