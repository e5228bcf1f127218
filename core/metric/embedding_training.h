#pragma once
// Learning an embedding: labelled 2-D points mapped by f(x) = A x + c (A 2x2), trained by
// gradient descent on A and c under the contrastive or triplet loss over mined pairs/triplets.
//
// Mining, on the current embedding, for every ordered (anchor, positive) pair of points with
// the same label (distances in the settings' form, categories as in metric_loss.h):
//   All       every triplet (a, p, n) of the pair / contrastive: every unordered pair once
//   Hard      the negative nearest the anchor (the hardest: hard whenever any is)
//   SemiHard  the nearest semi-hard negative; none when the pair has no semi-hard negative
//   Random    one negative drawn uniformly by the trainer's seeded generator
// Contrastive with Hard/SemiHard/Random: the pair (a, p) with y = 1 plus (a, n) with y = 0 for
// the mined negative. The loss is the mean over the mined terms.
#include <cstdint>
#include <vector>

#include "core/metric/metric_loss.h"
#include "core/rng.h"
#include "core/scene.h"

namespace ll::metric {

struct LinearMap {
  Eigen::Matrix2d A = Eigen::Matrix2d::Identity();
  Vec2 c = Vec2::Zero();
  Vec2 operator()(const Vec2& x) const { return A * x + c; }
};

// The starting map of the lab: nearly collapses the plane onto the diagonal, so the classes
// start mixed and training has to pull them apart.
LinearMap collapsed_map();

struct LabelledPoint {
  Vec2 x = Vec2::Zero();
  int label = 0;
};

// A scene's points, at most `max_points` of them (evenly spaced in the list when there are
// more, so every class keeps its share).
std::vector<LabelledPoint> labelled_points(const Scene& s, std::size_t max_points);

enum class Mining { All, Hard, SemiHard, Random };
const char* to_string(Mining m);  // "all", "hard", "semi-hard", "random"
const char* describe(Mining m);   // one line for the UI

struct EmbeddingSettings {
  MetricLoss loss = MetricLoss::Triplet;
  DistanceForm form = DistanceForm::Squared;
  double margin = 1.0;
  Mining mining = Mining::SemiHard;
  double lr = 0.05;
};

struct MinedTriplet {
  int a = 0, p = 0, n = 0;
};
struct MinedPair {
  int a = 0, b = 0, y = 1;
};
struct MinedBatch {
  std::vector<MinedTriplet> triplets;  // triplet loss
  std::vector<MinedPair> pairs;        // contrastive loss
  std::size_t size() const { return triplets.size() + pairs.size(); }
};

// `emb`: the embedded points; `rng` is used by Random only.
MinedBatch mine(const std::vector<Vec2>& emb, const std::vector<LabelledPoint>& points,
                const EmbeddingSettings& s, Mining mining, Rng& rng);

std::vector<Vec2> embed(const std::vector<LabelledPoint>& points, const LinearMap& map);

// The mean loss over a batch at `map` and its gradients with respect to A and c.
struct Objective {
  double loss = 0.0;
  int terms = 0, active = 0;
  Eigen::Matrix2d grad_A = Eigen::Matrix2d::Zero();
  Vec2 grad_c = Vec2::Zero();
};
Objective objective(const std::vector<LabelledPoint>& points, const LinearMap& map,
                    const EmbeddingSettings& s, const MinedBatch& batch);

// The mean loss and the active count over every pair/triplet (mining All), without gradients:
// the same numbers as objective() on mine(..., Mining::All, ...), at a fraction of the cost.
struct FullLoss {
  double loss = 0.0;
  int terms = 0, active = 0;
};
FullLoss full_loss(const std::vector<Vec2>& emb, const std::vector<LabelledPoint>& points,
                   const EmbeddingSettings& s);

// The categories (metric_loss.h) of the mined triplets' negatives relative to their (anchor,
// positive), on the embedding `emb` they were mined on; contrastive batches: all zero.
struct MinedCategories {
  int hard = 0, semi_hard = 0, easy = 0;
};
MinedCategories mined_categories(const std::vector<Vec2>& emb, const MinedBatch& batch,
                                 const EmbeddingSettings& s);

struct StepRecord {
  int step = 0;
  double loss = 0.0;       // mean over the mined terms, before the update
  int terms = 0;           // mined pairs/triplets
  int active = 0;          // of them, with non-zero loss
  double full_loss = 0.0;  // mean over every pair/triplet (mining All), before the update
  int all_terms = 0, all_active = 0;
  MinedCategories mined;  // of the mined triplets (triplet loss)
};

class EmbeddingTrainer {
 public:
  EmbeddingTrainer() : rng_(1) {}
  EmbeddingTrainer(std::vector<LabelledPoint> points, const LinearMap& start, std::uint64_t seed);
  // Mines on the current embedding, records the step, then moves A and c by −lr × gradient.
  const StepRecord& step(const EmbeddingSettings& s);
  const std::vector<LabelledPoint>& points() const { return points_; }
  const LinearMap& map() const { return map_; }
  const std::vector<StepRecord>& history() const { return history_; }
  // The batch the last step mined (on the embedding before its update); empty before a step.
  const MinedBatch& last_batch() const { return last_batch_; }

 private:
  std::vector<LabelledPoint> points_;
  LinearMap map_;
  Rng rng_;
  std::vector<StepRecord> history_;
  MinedBatch last_batch_;
};

}  // namespace ll::metric
