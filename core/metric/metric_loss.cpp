#include "core/metric/metric_loss.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ll::metric {

const char* to_string(DistanceForm f) { return f == DistanceForm::Squared ? "squared" : "plain"; }

const char* to_string(MetricLoss l) {
  return l == MetricLoss::Contrastive ? "contrastive" : "triplet";
}

const char* to_string(NegativeCategory c) {
  switch (c) {
    case NegativeCategory::Hard:
      return "hard";
    case NegativeCategory::SemiHard:
      return "semi-hard";
    case NegativeCategory::Easy:
      break;
  }
  return "easy";
}

bool parse(const char* s, DistanceForm& out) {
  if (std::strcmp(s, "squared") == 0) return out = DistanceForm::Squared, true;
  if (std::strcmp(s, "plain") == 0) return out = DistanceForm::Plain, true;
  return false;
}

bool parse(const char* s, MetricLoss& out) {
  if (std::strcmp(s, "contrastive") == 0) return out = MetricLoss::Contrastive, true;
  if (std::strcmp(s, "triplet") == 0) return out = MetricLoss::Triplet, true;
  return false;
}

DistanceForm lecture_form(MetricLoss l) {
  return l == MetricLoss::Triplet ? DistanceForm::Squared : DistanceForm::Plain;
}

double form_distance(double d, DistanceForm f) { return f == DistanceForm::Squared ? d * d : d; }

NegativeCategory classify_negative(double dp, double dn, double margin) {
  if (dn < dp) return NegativeCategory::Hard;
  if (dn < dp + margin) return NegativeCategory::SemiHard;
  return NegativeCategory::Easy;
}

Rings category_rings(double d_ap, double margin, DistanceForm f) {
  if (f == DistanceForm::Plain) return {d_ap, d_ap + margin};
  return {d_ap, std::sqrt(std::max(d_ap * d_ap + margin, 0.0))};
}

double contrastive_margin_radius(double margin, DistanceForm f) {
  return f == DistanceForm::Plain ? margin : std::sqrt(std::max(margin, 0.0));
}

namespace {

// (a − b)/‖a − b‖, or 0 at a = b (see the header).
Vec2 unit_or_zero(const Vec2& diff, double d) { return d > 0.0 ? Vec2(diff / d) : Vec2::Zero(); }

}  // namespace

PairTerm contrastive_pair(const Vec2& a, const Vec2& b, int y, double margin, DistanceForm f) {
  PairTerm t;
  t.y = y != 0 ? 1 : 0;
  const Vec2 diff = a - b;
  t.d2 = diff.squaredNorm();
  t.d = std::sqrt(t.d2);
  if (t.y == 1) {
    t.loss = t.d2;
    t.grad_a = 2.0 * diff;
  } else if (f == DistanceForm::Plain) {
    const double h = std::max(margin - t.d, 0.0);
    t.loss = h * h;
    t.grad_a = -2.0 * h * unit_or_zero(diff, t.d);
  } else {
    const double h = std::max(margin - t.d2, 0.0);
    t.loss = h * h;
    t.grad_a = -4.0 * h * diff;
  }
  t.grad_b = -t.grad_a;
  return t;
}

TripletTerm triplet_term(const Vec2& a, const Vec2& p, const Vec2& n, double margin,
                         DistanceForm f) {
  TripletTerm t;
  const Vec2 ap = a - p, an = a - n;
  t.d2_ap = ap.squaredNorm();
  t.d2_an = an.squaredNorm();
  t.d_ap = std::sqrt(t.d2_ap);
  t.d_an = std::sqrt(t.d2_an);
  const bool plain = f == DistanceForm::Plain;
  const double dp = plain ? t.d_ap : t.d2_ap, dn = plain ? t.d_an : t.d2_an;
  t.category = classify_negative(dp, dn, margin);
  // (dp + m) − dn: the same rounded dp + m as the category, so easy <=> loss == 0.
  t.loss = std::max((dp + margin) - dn, 0.0);
  if (t.loss > 0.0) {
    // ∂D(a,p)/∂a and ∂D(a,n)/∂a (∂/∂p and ∂/∂n are their negatives).
    const Vec2 gp = plain ? unit_or_zero(ap, t.d_ap) : Vec2(2.0 * ap);
    const Vec2 gn = plain ? unit_or_zero(an, t.d_an) : Vec2(2.0 * an);
    t.grad_a = gp - gn;
    t.grad_p = -gp;
    t.grad_n = gn;
  }
  return t;
}

}  // namespace ll::metric
