#pragma once
// A loss history of bounded size however long training runs: the rule of the window's loss
// plot, shared by the window and the exporters (`losslab render --view lossplot`).
// Records are added one step at a time. When more than `max_points` are kept, the stride
// doubles: only records whose step is a multiple of the new stride stay (plus the latest one),
// and from then on only every stride-th step is kept. The resolution therefore stays even
// along the run, at between max_points / 2 and max_points records, and the last record is
// always the latest step (it replaces the previous latest when that one was off the stride).
#include <cstddef>
#include <vector>

#include "core/optimizer.h"

namespace ll {

// Keeps at most this many records by default (the window's plot and the exporters).
inline constexpr std::size_t kMaxHistoryPoints = 20000;

struct StepRecord {
  long step = 0;
  LossRecord record;
};

class ThinnedHistory {
 public:
  // max_points is at least 4 (fewer could not keep the first, a strided and the latest step).
  explicit ThinnedHistory(std::size_t max_points = kMaxHistoryPoints)
      : max_points_(max_points < 4 ? 4 : max_points) {}

  // Adds the record of `step` (steps increase from one call to the next).
  void add(long step, const LossRecord& record);
  void clear();
  // Forgets the records after `step` (a step that was undone), so that records can go on
  // from `step`.
  void drop_after(long step);

  const std::vector<StepRecord>& points() const { return points_; }
  long stride() const { return stride_; }
  std::size_t max_points() const { return max_points_; }

 private:
  std::size_t max_points_;
  std::vector<StepRecord> points_;
  long stride_ = 1;  // steps between kept records
};

// The same rule applied to a full history (record i is step i).
std::vector<StepRecord> thin_history(const std::vector<LossRecord>& history,
                                     std::size_t max_points = kMaxHistoryPoints);

}  // namespace ll
