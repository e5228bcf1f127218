#include "app/gui/app_state.h"

#include <algorithm>

#include "core/datasets.h"

namespace ll::gui {

void AppState::refresh() {
  if (eval_valid_ && eval_params_ == scene.params && eval_loss_ == scene.loss &&
      eval_points_ == scene.points)
    return;
  eval_ = evaluate(scene.points, scene.params, scene.loss);
  eval_params_ = scene.params;
  eval_loss_ = scene.loss;
  eval_points_ = scene.points;
  eval_valid_ = true;
  const int n = static_cast<int>(scene.points.size());
  if (sel.selected >= n) sel.selected = -1;
  if (sel.hovered >= n) sel.hovered = -1;
  new_point_class = std::clamp(new_point_class, 0, scene.classes() - 1);
  options.score_class = std::clamp(options.score_class, 0, scene.classes() - 1);
}

void AppState::replace_scene(Scene s) {
  scene = std::move(s);
  touch();
  trainer.restart(scene);
  sel = {};
}

void AppState::randomize(unsigned long long seed) {
  scene.params = random_params(scene.classes(), seed);
  touch();
  trainer.restart(scene);
}

void AppState::undo() {
  if (trainer.playing()) trainer.pause(scene, history);
  if (history.undo(scene)) {
    trainer.reset_optimizer(scene);
    touch();
  }
  recorder.rebase(scene);
}

void AppState::redo() {
  if (trainer.playing()) trainer.pause(scene, history);
  if (history.redo(scene)) {
    trainer.reset_optimizer(scene);
    touch();
  }
  recorder.rebase(scene);
}

void AppState::begin_frame() { recorder.begin_frame(scene); }

void AppState::end_frame(bool editing) {
  // An edit during a run: the run so far becomes its own undo entry, before the edit's.
  const bool changed = !(scene == recorder.before());
  if (changed) touch();
  if (changed && !editing && trainer.playing()) trainer.split_run(recorder.before(), scene, history);
  recorder.end_frame(scene, editing, history);
}

}  // namespace ll::gui
