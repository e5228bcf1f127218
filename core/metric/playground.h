#pragma once
// The embedding tab's hand-placed points: one anchor, its positives and negatives in a 2-D
// embedding plane, the edits the canvas makes on them (hit test, add, move, delete) and their
// evaluation under the contrastive or triplet loss (`losslab metric` prints the same report).
#include <optional>
#include <vector>

#include "core/metric/metric_loss.h"

namespace ll::metric {

struct Playground {
  Vec2 anchor = Vec2::Zero();
  std::vector<Vec2> positives, negatives;
};

// Anchor at the origin, two positives and a hard, a semi-hard and an easy negative relative to
// the nearest positive under the default settings (triplet, squared, m = 1), easy in the plain
// form too.
Playground default_playground();

enum class PointKind { Anchor, Positive, Negative };
struct PointRef {
  PointKind kind = PointKind::Anchor;
  int index = 0;  // into positives or negatives (0 for the anchor)
  bool operator==(const PointRef&) const = default;
};

Vec2 position(const Playground& g, PointRef r);
// The point nearest to `at` within `radius` (plane units), or nothing. Ties go to the point
// drawn on top: negatives, then positives, then the anchor.
std::optional<PointRef> hit_test(const Playground& g, const Vec2& at, double radius);
void move_point(Playground& g, PointRef r, const Vec2& to);
// Adds a positive or a negative at `at` (for Anchor: moves the anchor there); returns it.
PointRef add_point(Playground& g, PointKind kind, const Vec2& at);
// Deletes a positive or a negative; the anchor cannot be deleted (false).
bool remove_point(Playground& g, PointRef r);
// The positive nearest to the anchor (the first of equals), -1 when there is none.
int nearest_positive(const Playground& g);

struct PlaygroundSettings {
  MetricLoss loss = MetricLoss::Triplet;
  DistanceForm form = DistanceForm::Squared;
  double margin = 1.0;
};

struct PairRow {
  PointKind kind = PointKind::Positive;  // the anchor's partner: y = 1 positive, y = 0 negative
  int index = 0;
  PairTerm term;
};
struct TripletRow {
  int positive = 0, negative = 0;
  TripletTerm term;
};

struct PlaygroundReport {
  // The positive whose rings are drawn and against which the negatives are categorized (-1: no
  // positive, then there are no rings and no categories).
  int reference = -1;
  Rings rings;
  double d_ap = 0.0;                         // d(a, reference)
  std::vector<NegativeCategory> categories;  // per negative, relative to the reference
  std::vector<PairRow> pairs;                // contrastive: positives (y = 1), then negatives
  std::vector<TripletRow> triplets;          // triplet: every (positive, negative), row-major
  int terms = 0, active = 0;                 // number of pairs/triplets, of non-zero ones
  double total = 0.0;                        // mean loss over the terms (0 when none)
  // Gradients of the total (the mean) with respect to each point.
  Vec2 grad_anchor = Vec2::Zero();
  std::vector<Vec2> grad_positives, grad_negatives;
};

// `reference`: the positive to draw rings for; out of range (e.g. -1) means the nearest one.
PlaygroundReport evaluate(const Playground& g, const PlaygroundSettings& s, int reference = -1);

}  // namespace ll::metric
