#include "core/images/training_job.h"

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
TrainSnapshot run_training(Trainer& trainer, const RunOptions&, JobControl&, SnapshotChannel*) {
  return trainer.snapshot();
}

}  // namespace ll::images
