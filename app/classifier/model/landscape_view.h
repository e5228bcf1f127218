#pragma once
// The window's loss landscape (core/landscape.h): which slice, and the background job that
// computes it. GL- and ImGui-free. Once a frame while the view is shown, update() keys the work
// on the document's revision: a level of the grid runs as one Job (17 x 17 first, then 33, 65,
// 129), so the coarse map shows at once and refines over the next frames; when the scene or the
// slice changes, the running level is cancelled and the work starts again from the coarsest
// level of the new scene. Until that arrives the last map stays on screen (it may be a few
// steps old while training). The trajectory comes from the Trainer (its parameters at every
// step); the figure (app/figure/landscape_figure.h) projects it onto the slice.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/job.h"
#include "core/landscape.h"
#include "core/scene.h"

namespace ll::gui {

class LandscapeView {
 public:
  LandscapeView();
  ~LandscapeView();  // cancels the running level and waits for it
  LandscapeView(const LandscapeView&) = delete;
  LandscapeView& operator=(const LandscapeView&) = delete;

  // What to show. `follow_class`: x and y are the weights W[c][0], W[c][1] of `class_index`
  // (the class chosen for new points), kept valid when the class count changes.
  LandscapeSlice slice;
  bool follow_class = true;

  // Once a frame while shown. `revision`: the document's. Never waits on the job.
  void update(const Scene& scene, std::uint64_t revision, int class_index);
  // Waits for the running level (tests, scripts): afterwards update() takes it.
  void wait() const { job_.wait(); }

  // The last map computed (nullptr before the first level), for the scene at shown_revision().
  const LandscapeGrid* grid() const { return shown_ ? &*shown_ : nullptr; }
  std::uint64_t shown_revision() const { return shown_revision_; }
  const LandscapeSlice& shown_slice() const { return shown_slice_; }
  bool busy() const { return job_.active(); }
  double progress() const;                             // of the whole grid, in [0, 1]
  const std::string& error() const { return error_; }  // a slice that does not fit the scene

  // Scenes at least this large are copied for the job at most every kLargeInterval seconds
  // (the copy of a million points takes ~30 ms: not once a training step).
  static constexpr std::size_t kLargePoints = 20000;
  static constexpr double kLargeInterval = 0.5;

 private:
  void start(std::shared_ptr<const Scene> scene, std::uint64_t revision,
             std::optional<LandscapeGrid> from);

  Job<LandscapeGrid> job_;
  std::vector<Job<LandscapeGrid>> retired_;  // cancelled levels, dropped once they end
  std::uint64_t job_revision_ = 0;
  LandscapeSlice job_slice_;
  std::shared_ptr<const Scene> snapshot_;  // the scene the grid is computed for
  std::uint64_t snapshot_revision_ = ~std::uint64_t{0};
  std::chrono::steady_clock::time_point snapshot_time_{};
  std::optional<LandscapeGrid> shown_;
  std::uint64_t shown_revision_ = 0;
  LandscapeSlice shown_slice_;
  std::string error_;
};

}  // namespace ll::gui
