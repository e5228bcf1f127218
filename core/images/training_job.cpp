#include "core/images/training_job.h"

#include <algorithm>
#include <chrono>

namespace ll::images {

void SnapshotChannel::publish(TrainSnapshot s) {
  const std::lock_guard lock(mutex_);
  latest_ = std::move(s);
  ++version_;
}

std::optional<TrainSnapshot> SnapshotChannel::take_newer(std::uint64_t& seen) const {
  const std::lock_guard lock(mutex_);
  if (version_ == seen) return std::nullopt;
  seen = version_;
  return latest_;
}

std::uint64_t SnapshotChannel::version() const {
  const std::lock_guard lock(mutex_);
  return version_;
}

TrainSnapshot run_training(Trainer& trainer, const RunOptions& options, JobControl& control,
                           SnapshotChannel* channel) {
  using Clock = std::chrono::steady_clock;
  const long total = std::max(0L, options.steps);
  const long chunk = std::max(1L, options.chunk);
  auto last = Clock::now();
  long done = 0;
  while (done < total && !control.cancelled() && trainer.status() == StepStatus::Ok) {
    const long n = std::min(chunk, total - done);
    const long got = trainer.train_steps(n, nullptr, false);
    done += got;
    control.set_progress(static_cast<double>(done) / static_cast<double>(total));
    if (got < n) break;
    const auto now = Clock::now();
    if (channel != nullptr &&
        std::chrono::duration<double>(now - last).count() >= options.publish_seconds) {
      channel->publish(trainer.snapshot());
      last = now;
    }
  }
  if (trainer.settings().eval_every >= 0) trainer.evaluate_now();
  TrainSnapshot s = trainer.snapshot();
  if (channel != nullptr) channel->publish(s);
  return s;
}

}  // namespace ll::images
