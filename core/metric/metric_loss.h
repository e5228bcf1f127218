#pragma once
// The metric-learning losses of the lectures, for one pair or one triplet of 2-D embeddings,
// with their exact gradients with respect to every point involved.
//
// d is the Euclidean distance between embeddings. The distance form says which distance the
// margin m is measured on:
//   Squared (FaceNet):               triplet     L = max(m + d²(a,p) − d²(a,n), 0)
//                                    contrastive L = y d² + (1 − y) max(m − d², 0)²
//   Plain (PyTorch TripletMarginLoss): triplet   L = max(d(a,p) − d(a,n) + m, 0)
//                                    contrastive L = y d² + (1 − y) max(m − d, 0)²  (the lecture's)
// y = 1 for a similar pair, y = 0 for a dissimilar one (a lecture writes y = ±1, but its formula
// needs 0/1: with y = −1 the dissimilar term would be weighted 2 and the similar term −1).
//
// Negatives relative to an (anchor, positive) pair, in the chosen form's distance D (d or d²):
//   hard       D(a,n) <  D(a,p)
//   semi-hard  D(a,p) <= D(a,n) < D(a,p) + m
//   easy       D(a,n) >= D(a,p) + m
// so a negative exactly at D(a,p) is semi-hard and one exactly at D(a,p) + m is easy; an easy
// triplet has loss exactly 0 (both use the same rounded D(a,p) + m), a hard or semi-hard one a
// positive loss (m > 0).
//
// Gradients. Where a hinge is exactly at 0 (L = 0 at its kink) the gradient is 0. In the plain
// form, ∂d(a,b)/∂a = (a − b)/d is undefined at d = 0; LossLab uses 0 there, an element of the
// subdifferential of ‖·‖ at 0 (the unit disc): a point sitting on another gets no push from
// that distance.
#include <Eigen/Core>

namespace ll::metric {

using Vec2 = Eigen::Vector2d;

enum class DistanceForm { Squared, Plain };
enum class MetricLoss { Contrastive, Triplet };
enum class NegativeCategory { Hard, SemiHard, Easy };

const char* to_string(DistanceForm f);      // "squared", "plain"
const char* to_string(MetricLoss l);        // "contrastive", "triplet"
const char* to_string(NegativeCategory c);  // "hard", "semi-hard", "easy"
bool parse(const char* s, DistanceForm& out);
bool parse(const char* s, MetricLoss& out);

// The lectures' form for each loss: triplet squared (FaceNet), contrastive plain.
DistanceForm lecture_form(MetricLoss l);

// The distance the margin is measured on: d (Plain) or d² (Squared).
double form_distance(double d, DistanceForm f);

// The category of a negative at form distance dn, relative to a positive at dp (see above).
NegativeCategory classify_negative(double dp, double dn, double margin);

// Radii (as plain distances d from the anchor) of the two category boundaries around the anchor
// for a positive at distance d_ap: inner = d(a,p), outer = d(a,p) + m (Plain) or
// sqrt(d²(a,p) + m) (Squared).
struct Rings {
  double inner = 0.0, outer = 0.0;
};
Rings category_rings(double d_ap, double margin, DistanceForm f);

// Plain distance beyond which a dissimilar contrastive pair contributes 0: m (Plain) or √m
// (Squared).
double contrastive_margin_radius(double margin, DistanceForm f);

// One contrastive pair (a, b) with y = 1 (similar) or 0 (dissimilar).
struct PairTerm {
  int y = 1;
  double d = 0.0, d2 = 0.0;
  double loss = 0.0;
  Vec2 grad_a = Vec2::Zero(), grad_b = Vec2::Zero();
  bool active() const { return loss > 0.0; }
};
PairTerm contrastive_pair(const Vec2& a, const Vec2& b, int y, double margin, DistanceForm f);

// One triplet (anchor a, positive p, negative n).
struct TripletTerm {
  double d_ap = 0.0, d_an = 0.0;    // plain distances
  double d2_ap = 0.0, d2_an = 0.0;  // squared distances
  NegativeCategory category = NegativeCategory::Easy;
  double loss = 0.0;
  Vec2 grad_a = Vec2::Zero(), grad_p = Vec2::Zero(), grad_n = Vec2::Zero();
  bool active() const { return loss > 0.0; }
};
TripletTerm triplet_term(const Vec2& a, const Vec2& p, const Vec2& n, double margin,
                         DistanceForm f);

}  // namespace ll::metric
