#include "app/classifier/model/landscape_view.h"

#include <sys/resource.h>

#include <algorithm>

namespace ll::gui {

LandscapeView::LandscapeView() {
  slice.grid = 129;
  slice.range = 2.0;
}

LandscapeView::~LandscapeView() {
  job_.cancel();
  for (Job<LandscapeGrid>& j : retired_) j.cancel();
  job_.wait();
  for (Job<LandscapeGrid>& j : retired_) j.wait();
}

double LandscapeView::progress() const {
  if (!shown_ && !job_.active()) return 0.0;
  const LandscapeGrid* g = grid();
  const int levels = g ? static_cast<int>(g->strides.size()) : 4;
  int done =
      g && shown_revision_ == job_revision_ && shown_slice_ == job_slice_ ? g->level() + 1 : 0;
  if (g && g->complete() && !job_.active()) return 1.0;
  return std::min(1.0, (done + (job_.active() ? job_.progress() : 0.0)) / std::max(1, levels));
}

void LandscapeView::start(std::shared_ptr<const Scene> scene, std::uint64_t revision,
                          std::optional<LandscapeGrid> from) {
  job_revision_ = revision;
  job_slice_ = slice;
  const LandscapeSlice s = slice;
  job_ = Job<LandscapeGrid>::start(
      "Landscape", [scene = std::move(scene), s, from = std::move(from)](JobControl& c) mutable {
        // Below the window's threads: on a busy machine the frame (and a software rasteriser)
        // comes first. On Linux the nice value of PRIO_PROCESS 0 is this thread's alone.
        setpriority(PRIO_PROCESS, 0, 10);
        LandscapeGrid g = from ? std::move(*from) : make_landscape(*scene, s);
        refine_landscape(g, *scene, &c);
        return g;
      });
}

void LandscapeView::update(const Scene& scene, std::uint64_t revision, int class_index) {
  std::erase_if(retired_, [](const Job<LandscapeGrid>& j) { return j.ready(); });
  if (follow_class && !slice.random) {
    const int c = std::clamp(class_index, 0, std::max(0, scene.classes() - 1));
    slice.x = {false, c, 0};
    slice.y = {false, c, 1};
  }
  error_ = check_slice(slice, scene.classes());
  if (job_.active() && job_.ready()) {
    try {
      LandscapeGrid g = job_.take();
      shown_ = std::move(g);
      shown_revision_ = job_revision_;
      shown_slice_ = job_slice_;
    } catch (const JobCancelled&) {
    } catch (const std::exception& e) {
      error_ = e.what();  // e.g. a loss the points cannot take
    }
  }
  if (!error_.empty()) return;
  if (job_.active()) {
    if (job_revision_ == revision && job_slice_ == slice) return;  // still the right work
    job_.cancel();
    retired_.push_back(std::move(job_));
    job_ = {};
  }
  const bool current = shown_ && shown_revision_ == revision && shown_slice_ == slice;
  if (current && shown_->complete()) return;
  if (current) {  // the next level of the map on screen
    start(snapshot_, revision, shown_);
    return;
  }
  // A new scene or slice: from the coarsest level, on a snapshot of the scene as it is now.
  const auto now = std::chrono::steady_clock::now();
  if (snapshot_revision_ != revision) {
    if (scene.points.size() >= kLargePoints && snapshot_ &&
        std::chrono::duration<double>(now - snapshot_time_).count() < kLargeInterval)
      return;
    snapshot_ = std::make_shared<const Scene>(scene);
    snapshot_revision_ = revision;
    snapshot_time_ = now;
  }
  start(snapshot_, revision, std::nullopt);
}

}  // namespace ll::gui
