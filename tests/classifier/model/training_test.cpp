// Training in the window (app/classifier/model/training.h) over the document: one run is one undo
// entry, an edit during a run splits it, divergence pauses with advice, the rate is independent of
// frames.
#include "app/classifier/model/training.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/classifier/model/app_state.h"

namespace ll::gui {
namespace {

TEST(Trainer, OneRunIsOneUndoEntry) {
  AppState st;
  st.trainer.restart(st.scene);
  const Scene before = st.scene;
  st.trainer.rate = 100.0;
  st.trainer.play(st.doc);
  for (int f = 0; f < 10; ++f) {  // 10 frames of 50 ms: 50 steps
    st.trainer.advance(st.doc, 0.05, 1.0);
    st.begin_frame(false);
  }
  st.trainer.pause(st.doc);
  EXPECT_EQ(st.trainer.steps(), 50);
  EXPECT_EQ(st.doc.undo_size(), 1u);
  Scene trained = before;
  train(trained, 50);
  EXPECT_TRUE(st.scene.params.W.isApprox(trained.params.W, 1e-12));
  st.undo();
  EXPECT_EQ(st.scene, before);
}

TEST(Trainer, SettingSwitchesDuringARunAreMarkedAtTheirStep) {
  AppState st;
  st.trainer.restart(st.scene);
  for (int i = 0; i < 3; ++i) st.trainer.step(st.doc);
  EXPECT_TRUE(st.trainer.marks().empty());  // no switch yet
  LossSettings l = st.scene.loss;
  l.kind = LossKind::Softmax;
  st.doc.set_loss(l);
  l.lambda = 0.01;  // two changes before the next step: one mark
  st.doc.set_loss(l);
  for (int i = 0; i < 2; ++i) st.trainer.step(st.doc);
  OptimizerSettings o = st.scene.optimizer;
  o.lr = 0.5;
  st.doc.set_optimizer(o);
  st.trainer.step(st.doc);
  ASSERT_EQ(st.trainer.marks().size(), 2u);
  EXPECT_EQ(st.trainer.marks()[0].step, 3);
  EXPECT_EQ(st.trainer.marks()[0].text, "Softmax, λ 0.1 → 0.01");
  EXPECT_EQ(st.trainer.marks()[1].step, 5);
  EXPECT_EQ(st.trainer.marks()[1].text, "η 0.1 → 0.5");
  // A new run (randomize, reset, open) starts without marks.
  st.randomize(3);
  EXPECT_TRUE(st.trainer.marks().empty());
  st.trainer.step(st.doc);
  EXPECT_TRUE(st.trainer.marks().empty());
}

TEST(Trainer, EpochsAndTheMinibatchFollowTheOptimizer) {
  AppState st;
  OptimizerSettings o = st.scene.optimizer;
  o.kind = OptimizerKind::SGD;
  o.batch = 4;  // the demo scene has 9 points: two batches an epoch
  st.doc.set_optimizer(o);
  st.trainer.restart(st.scene);
  EXPECT_EQ(st.trainer.epochs(), 0);
  EXPECT_TRUE(st.trainer.last_batch().empty());
  for (int i = 0; i < 5; ++i) st.trainer.step(st.doc);
  EXPECT_EQ(st.trainer.epochs(), 3);
  EXPECT_EQ(st.trainer.last_batch().size(), 4u);
  st.undo();  // the optimizer is reset: the count goes on
  st.trainer.step(st.doc);
  EXPECT_EQ(st.trainer.epochs(), 4);
}

TEST(Trainer, SingleStepsAreEntriesOfTheirOwn) {
  AppState st;
  st.trainer.restart(st.scene);
  const Scene before = st.scene;
  st.begin_frame(false);
  st.trainer.step(st.doc);
  st.trainer.step(st.doc);  // same frame, same user gesture: still two entries
  EXPECT_EQ(st.doc.undo_size(), 2u);
  st.undo();
  st.undo();
  EXPECT_EQ(st.scene, before);
}

TEST(Trainer, AnEditDuringARunSplitsIt) {
  AppState st;
  st.trainer.restart(st.scene);
  const Scene start = st.scene;
  st.trainer.rate = 100.0;
  st.trainer.play(st.doc);
  st.trainer.advance(st.doc, 0.1, 1.0);  // 10 steps
  st.begin_frame(false);
  const Scene mid = st.scene;
  st.doc.add_point(0.0, 0.0, 1);  // the user adds a point while it trains
  st.trainer.advance(st.doc, 0.1, 1.0);
  st.trainer.pause(st.doc);
  EXPECT_EQ(st.doc.undo_size(), 3u);  // run part 1, the edit, run part 2
  st.undo();
  st.undo();
  EXPECT_EQ(st.scene, mid);
  st.undo();
  EXPECT_EQ(st.scene, start);
}

TEST(Trainer, TrainingMovesTheRevisionButNotThePoints) {
  AppState st;
  st.trainer.restart(st.scene);
  const auto r = st.revision(), p = st.doc.points_revision();
  st.trainer.step(st.doc);
  EXPECT_GT(st.revision(), r);
  EXPECT_TRUE(st.modified());
  EXPECT_EQ(st.doc.points_revision(), p);
}

TEST(Trainer, DivergencePausesAndExplains) {
  Scene s = default_scene();
  s.optimizer.lr = 1e9;
  AppState st;
  st.doc = Document(s);
  st.trainer.restart(st.scene);
  st.trainer.play(st.doc);
  const Params before = st.scene.params;
  st.trainer.advance(st.doc, 0.2, 1.0);
  EXPECT_FALSE(st.trainer.playing());
  EXPECT_TRUE(st.trainer.diverged());
  EXPECT_NE(st.trainer.message().find("smaller step size"), std::string::npos);
  EXPECT_EQ(st.scene.params, before);  // core restored the parameters
}

TEST(Trainer, AnExplodingLossStopsWithTheCounterAndCurveAtTheLastGoodStep) {
  Scene s = default_scene();  // |W| grows 1.5x a step: the loss passes 1e12 well below |W| 1e8
  s.loss.lambda = 1e4;
  s.optimizer.lr = 1.25e-4;
  AppState st;
  st.doc = Document(s);
  st.trainer.restart(st.scene);
  st.trainer.rate = 1000.0;
  st.trainer.play(st.doc);
  st.trainer.advance(st.doc, 0.1, 1.0);  // up to 100 steps
  EXPECT_TRUE(st.trainer.diverged());
  EXPECT_LT(st.trainer.steps(), 100);
  const auto& c = st.trainer.curve();
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c.back().step, st.trainer.steps());
  for (const LossPoint& p : c) EXPECT_LE(p.record.total_loss, kLossBound);
  EXPECT_DOUBLE_EQ(c.back().record.total_loss, record(st.scene).total_loss);
}

TEST(Trainer, RateIsDecoupledFromFrames) {
  AppState st;
  st.trainer.restart(st.scene);
  st.trainer.rate = 10.0;
  st.trainer.play(st.doc);
  int steps = 0;
  for (int f = 0; f < 60; ++f) steps += st.trainer.advance(st.doc, 1.0 / 60.0, 1.0);
  EXPECT_NEAR(steps, 10, 1);  // one second at 10 steps/s, whatever the frame rate
}

TEST(AppState, AnInteractionSpanningFramesIsOneUndoEntry) {
  AppState st;
  const Scene start = st.scene;
  for (int f = 0; f < 5; ++f) {
    st.begin_frame(f > 0);  // the drag continues from the previous frame
    st.doc.move_point(0, 0.1 * f, 0.0);
  }
  st.begin_frame(false);  // released
  st.doc.move_point(1, 0.5, 0.5);
  EXPECT_EQ(st.doc.undo_size(), 2u);
  st.undo();
  st.undo();
  EXPECT_EQ(st.scene, start);
}

TEST(AppState, EvaluationFollowsTheRevision) {
  AppState st;
  st.refresh();
  const double before = st.eval().total_loss;
  Params p = st.scene.params;
  p.W(0, 0) += 1.0;
  st.doc.set_params(p);
  st.refresh();
  EXPECT_NE(st.eval().total_loss, before);
  EXPECT_DOUBLE_EQ(st.eval().total_loss,
                   evaluate(st.scene.points, st.scene.params, st.scene.loss).total_loss);
}

TEST(AppState, MultiLabelPointsFollowThePoints) {
  AppState st;
  Scene s = default_scene();
  s.loss.kind = LossKind::Sigmoid;
  s.points[1].set_label_mask(0b011);
  s.points[4].set_label_mask(0b110);
  st.replace_scene(s);
  st.refresh();
  EXPECT_EQ(st.multi_label_points(), (std::vector<std::uint32_t>{1, 4}));
  st.doc.relabel_point(1, 2);  // one label again
  st.refresh();
  EXPECT_EQ(st.multi_label_points(), (std::vector<std::uint32_t>{4}));
  st.doc.delete_point(0);  // the indices after it move down
  st.refresh();
  EXPECT_EQ(st.multi_label_points(), (std::vector<std::uint32_t>{3}));
  st.undo();
  st.undo();
  st.refresh();
  EXPECT_EQ(st.multi_label_points(), (std::vector<std::uint32_t>{1, 4}));
}

// --- Training on the worker (large scenes; worker_points lowered so small scenes use it) ---

// Frames of `dt` seconds until `done()` or 10 s of wall time; the worker runs meanwhile.
template <class F>
bool pump(AppState& st, double dt, F done) {
  const auto t0 = std::chrono::steady_clock::now();
  while (!done()) {
    if (std::chrono::steady_clock::now() - t0 > std::chrono::seconds(10)) return false;
    st.trainer.advance(st.doc, dt, 1.0);
    st.refresh();
    st.begin_frame(false);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

TEST(TrainerWorker, ARunMatchesTrainingOnTheUiThread) {
  AppState st;
  st.trainer.worker_points = 1;
  st.trainer.restart(st.scene);
  const Scene before = st.scene;
  st.trainer.rate = 200.0;
  st.trainer.play(st.doc);
  ASSERT_TRUE(pump(st, 0.05, [&] { return st.trainer.steps() >= 40; }));
  st.trainer.pause(st.doc);
  const long n = st.trainer.steps();
  Scene trained = before;
  const TrainResult r = train(trained, n);
  EXPECT_TRUE(st.scene.params.W.isApprox(trained.params.W, 1e-12));
  EXPECT_TRUE(st.scene.params.b.isApprox(trained.params.b, 1e-12));
  // One record per step, each the full-data record of that step (the last from the worker's
  // evaluation), as on the UI thread.
  const auto& c = st.trainer.curve();
  ASSERT_EQ(c.size(), static_cast<std::size_t>(n + 1));
  for (long i = 0; i <= n; ++i) {
    EXPECT_EQ(c[i].step, i);
    EXPECT_NEAR(c[i].record.total_loss, r.history[i].total_loss, 1e-12) << "step " << i;
    EXPECT_DOUBLE_EQ(c[i].record.accuracy, r.history[i].accuracy) << "step " << i;
  }
  EXPECT_EQ(st.doc.undo_size(), 1u);  // one run, one entry, however many chunks
  st.refresh();                       // the adopted evaluation is the scene's
  const Evaluation e = evaluate(st.scene.points, st.scene.params, st.scene.loss);
  EXPECT_DOUBLE_EQ(st.eval().total_loss, e.total_loss);
  EXPECT_TRUE(st.eval().scores.isApprox(e.scores, 1e-12));
  st.undo();
  EXPECT_EQ(st.scene, before);
}

TEST(TrainerWorker, ARequestedStepArrivesLaterAsItsOwnEntry) {
  AppState st;
  st.trainer.worker_points = 1;
  st.trainer.restart(st.scene);
  const Scene before = st.scene;
  st.trainer.request_step(st.doc);
  EXPECT_TRUE(st.trainer.busy());
  EXPECT_EQ(st.scene, before);  // not on this thread
  ASSERT_TRUE(pump(st, 0.016, [&] { return !st.trainer.busy(); }));
  EXPECT_EQ(st.trainer.steps(), 1);
  Scene once = before;
  train(once, 1);
  EXPECT_TRUE(st.scene.params.W.isApprox(once.params.W, 1e-12));
  EXPECT_EQ(st.doc.undo_size(), 1u);
  st.undo();
  EXPECT_EQ(st.scene, before);
}

TEST(TrainerWorker, AnEditWhileAChunkRunsDiscardsItAndTrainingGoesOnFromTheEdit) {
  AppState st;
  st.trainer.worker_points = 1;
  st.trainer.restart(st.scene);
  st.trainer.rate = 100.0;
  st.trainer.play(st.doc);
  st.trainer.advance(st.doc, 0.05, 1.0);  // launches a chunk from the scene as it is
  ASSERT_TRUE(st.trainer.busy());
  st.begin_frame(false);
  ASSERT_GE(st.doc.add_point(0.3, -0.2, 1), 0);  // edited before the chunk is applied
  const Scene edited = st.scene;
  const std::size_t entries = st.doc.undo_size();
  ASSERT_TRUE(pump(st, 0.05, [&] { return st.trainer.steps() >= 10; }));
  st.trainer.pause(st.doc);
  // The chunk that started before the edit left no trace: every step trained the edited scene.
  Scene trained = edited;
  train(trained, st.trainer.steps());
  EXPECT_TRUE(st.scene.params.W.isApprox(trained.params.W, 1e-12));
  EXPECT_EQ(st.scene.points, edited.points);
  EXPECT_EQ(st.doc.undo_size(), entries + 1);  // the edit, then the run after it
  st.undo();
  EXPECT_EQ(st.scene, edited);
}

TEST(TrainerWorker, PauseDropsWhatTheWorkerHasNotDelivered) {
  AppState st;
  st.trainer.worker_points = 1;
  st.trainer.restart(st.scene);
  const Scene before = st.scene;
  st.trainer.rate = 100.0;
  st.trainer.play(st.doc);
  st.trainer.advance(st.doc, 0.05, 1.0);
  st.trainer.pause(st.doc);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  for (int f = 0; f < 5; ++f) st.trainer.advance(st.doc, 0.05, 1.0);
  EXPECT_EQ(st.trainer.steps(), 0);
  EXPECT_EQ(st.scene, before);
  EXPECT_FALSE(st.trainer.busy());
}

TEST(TrainerWorker, DivergencePausesAndExplains) {
  Scene s = default_scene();
  s.optimizer.lr = 1e9;
  AppState st;
  st.doc = Document(s);
  st.trainer.worker_points = 1;
  st.trainer.restart(st.scene);
  st.trainer.play(st.doc);
  const Params before = st.scene.params;
  ASSERT_TRUE(pump(st, 0.05, [&] { return !st.trainer.playing(); }));
  EXPECT_TRUE(st.trainer.diverged());
  EXPECT_NE(st.trainer.message().find("smaller step size"), std::string::npos);
  EXPECT_EQ(st.scene.params, before);
}

TEST(TrainerWorker, AnExplodingLossStopsAtTheLastGoodStepAcrossChunks) {
  Scene s = default_scene();
  s.loss.lambda = 1e4;
  s.optimizer.lr = 1.25e-4;
  AppState st;
  st.doc = Document(s);
  st.trainer.worker_points = 1;
  st.trainer.restart(st.scene);
  st.trainer.rate = 20.0;  // one or two steps a chunk: the undone step is often in a chunk before
  st.trainer.play(st.doc);
  ASSERT_TRUE(pump(st, 0.05, [&] { return !st.trainer.playing(); }));
  EXPECT_TRUE(st.trainer.diverged());
  const auto& c = st.trainer.curve();
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c.back().step, st.trainer.steps());
  for (const LossPoint& p : c) EXPECT_LE(p.record.total_loss, kLossBound);
  EXPECT_DOUBLE_EQ(c.back().record.total_loss, record(st.scene).total_loss);
  Scene ref = s;  // the same run on this thread stops at the same step
  const TrainResult r = train(ref, 1000);
  EXPECT_EQ(r.status, StepStatus::Diverged);
  EXPECT_EQ(st.trainer.steps(), r.steps_done);
  EXPECT_EQ(st.scene.params, ref.params);
}

}  // namespace
}  // namespace ll::gui
