#pragma once
// Running a Trainer in a background job (core/job.h) while the window shows it live: the job
// publishes a TrainSnapshot a few times a second into a SnapshotChannel, and the window takes
// the newest one once a frame without ever waiting for the trainer.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "core/images/trainer.h"
#include "core/job.h"

namespace ll::images {

// The newest snapshot of a run, handed from the job's thread to the window's (thread-safe).
class SnapshotChannel {
 public:
  void publish(TrainSnapshot s);
  // The newest snapshot when it is newer than `seen` (a version this call updates), else none.
  std::optional<TrainSnapshot> take_newer(std::uint64_t& seen) const;
  std::uint64_t version() const;

 private:
  mutable std::mutex mutex_;
  TrainSnapshot latest_;
  std::uint64_t version_ = 0;
};

struct RunOptions {
  long steps = 0;                // steps to run (from where the trainer is)
  double publish_seconds = 0.1;  // a snapshot at most this often (and always at the end)
  long chunk = 50;               // steps between checks of the clock and of Cancel
};

// The body of a training job: runs `options.steps` steps of `trainer` in chunks, publishing
// snapshots to `channel` (may be null) and the progress to `control`; stops early on Cancel or
// divergence. Returns the final snapshot (also published). Does not throw JobCancelled: a
// cancelled run returns what it reached.
TrainSnapshot run_training(Trainer& trainer, const RunOptions& options, JobControl& control,
                           SnapshotChannel* channel);

}  // namespace ll::images
