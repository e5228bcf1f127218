// The loss kernels (core/loss_kernels.h) against the one definition: for every ISA this build
// and CPU can run, the kernel's sums equal point_loss's (the per-point definition, summed here
// point by point) to 1e-12 relative to the sum of the terms' magnitudes. (The kernels use
// libmvec's vector exp, log and pow, accurate to a few ulp: far inside 1e-12.)
#include "core/loss_kernels.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/losses.h"
#include "core/rng.h"
#include "tests/core/test_util.h"

namespace ll {
namespace {

using loss_kernels::Isa;
using loss_kernels::Sums;

// The generic sums and, for each, the sum of its terms' magnitudes (the scale of its rounding).
struct Reference {
  Sums sums, scale;
};

std::vector<double> weights_of(const LossSettings& s, int K) {
  return s.class_weights.empty() ? std::vector<double>(static_cast<std::size_t>(K), 1.0)
                                 : s.class_weights;
}

Reference reference(const std::vector<Point>& pts, const std::vector<int>& subset, const Params& p,
                    const LossSettings& s) {
  const int K = p.classes();
  const std::vector<double> w = weights_of(s, K);
  Reference r;
  const std::size_t n = subset.empty() ? pts.size() : subset.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Point& pt = pts[subset.empty() ? i : static_cast<std::size_t>(subset[i])];
    double sc[kMaxClasses], ds[kMaxClasses];
    point_scores(p, pt, sc);
    // The point's weight: the mean of its labels' class weights (losses.h).
    double c = 0.0;
    int labels = 0;
    for (int k = 0; k < K; ++k) {
      if ((pt.label_mask() >> k) & 1u) {
        c += w[static_cast<std::size_t>(k)];
        ++labels;
      }
    }
    c /= labels;
    const double li = point_loss_labels(s, sc, K, pt.label_mask(), ds);
    r.sums.loss += c * li;
    r.scale.loss += std::abs(c * li);
    r.sums.weight += c;
    r.scale.weight += c;
    for (int j = 0; j < K; ++j) {
      const double d = c * ds[j];
      r.sums.gw0[j] += d * pt.x0;
      r.sums.gw1[j] += d * pt.x1;
      r.sums.gb[j] += d;
      r.scale.gw0[j] += std::abs(d * pt.x0);
      r.scale.gw1[j] += std::abs(d * pt.x1);
      r.scale.gb[j] += std::abs(d);
    }
  }
  return r;
}

std::vector<Isa> isas() {
  std::vector<Isa> out = {Isa::Portable};
  if (loss_kernels::available(Isa::Avx2)) out.push_back(Isa::Avx2);
  return out;
}

const char* isa_name(Isa isa) { return isa == Isa::Avx2 ? "avx2" : "portable"; }

constexpr double kTol = 1e-12;

bool within_tolerance(double a, double b, double scale) {
  return std::abs(a - b) <= kTol * scale || a == b;  // a == b: also both infinite
}

// Every ISA's kernel equals the reference; returns the number of mismatches.
int mismatches(const std::vector<Point>& pts, const std::vector<int>& subset, const Params& p,
               const LossSettings& s, const std::string& what) {
  const int K = p.classes();
  const Reference r = reference(pts, subset, p, s);
  const std::vector<double> w = weights_of(s, K);
  int bad = 0;
  for (Isa isa : isas()) {
    const loss_kernels::Input in{pts.data(),
                                 subset.empty() ? nullptr : subset.data(),
                                 subset.empty() ? pts.size() : subset.size(),
                                 &p,
                                 &s,
                                 w.data()};
    Sums got;
    EXPECT_TRUE(loss_kernels::accumulate(in, got, isa));
    auto check = [&](double a, double b, double scale, const char* field, int j) {
      if (within_tolerance(a, b, scale)) return;
      ++bad;
      ADD_FAILURE() << what << " " << isa_name(isa) << " " << field << "[" << j << "]: " << a
                    << " vs " << b << " (scale " << scale << ")";
    };
    check(got.loss, r.sums.loss, r.scale.loss, "loss", 0);
    check(got.weight, r.sums.weight, r.scale.weight, "weight", 0);
    for (int j = 0; j < K; ++j) {
      check(got.gw0[j], r.sums.gw0[j], r.scale.gw0[j], "gw0", j);
      check(got.gw1[j], r.sums.gw1[j], r.scale.gw1[j], "gw1", j);
      check(got.gb[j], r.sums.gb[j], r.scale.gb[j], "gb", j);
    }
  }
  return bad;
}

std::vector<LossSettings> covered_settings() {
  std::vector<LossSettings> out;
  for (LossKind kind : {LossKind::WestonWatkins, LossKind::Softmax}) {
    for (bool squared : {false, true}) {
      for (double delta : {1.0, 0.5}) {
        if (kind == LossKind::Softmax && (squared || delta != 1.0)) continue;
        LossSettings s;
        s.kind = kind;
        s.squared = squared;
        s.delta = delta;
        out.push_back(s);
      }
    }
  }
  LossSettings sigmoid;
  sigmoid.kind = LossKind::Sigmoid;
  out.push_back(sigmoid);
  for (double gamma : {0.0, 0.5, 2.0}) {  // focal; gamma = 0 is focal_modulate's own branch
    LossSettings s;
    s.kind = LossKind::Focal;
    s.gamma = gamma;
    s.alpha = gamma == 0.5 ? 0.25 : 1.0;
    out.push_back(s);
  }
  return out;
}

std::string case_label(const LossSettings& s, int K, std::size_t n) {
  return std::string(to_string(s.kind)) + (s.squared ? " squared" : "") + " delta " +
         std::to_string(s.delta) + " gamma " + std::to_string(s.gamma) + " K " + std::to_string(K) +
         " N " + std::to_string(n);
}

TEST(LossKernels, CoverAllButOneVsAllAndStructured) {
  EXPECT_TRUE(loss_kernels::covers(LossKind::WestonWatkins));
  EXPECT_TRUE(loss_kernels::covers(LossKind::Softmax));
  EXPECT_TRUE(loss_kernels::covers(LossKind::Focal));
  EXPECT_FALSE(loss_kernels::covers(LossKind::OneVsAll));
  EXPECT_TRUE(loss_kernels::covers(LossKind::Sigmoid));
  EXPECT_FALSE(loss_kernels::covers(LossKind::Structured));
  EXPECT_TRUE(loss_kernels::available(Isa::Portable));
  EXPECT_TRUE(loss_kernels::available(loss_kernels::best()));
}

// Random data, every point count around the lane width (0, 1, not a multiple of 4) and larger,
// with and without class weights and a subset.
TEST(LossKernels, MatchTheDefinitionOnRandomData) {
  for (const LossSettings& base : covered_settings()) {
    for (int K : {2, 3, 5, 10}) {
      for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 5u, 7u, 8u, 9u, 1003u}) {
        const Scene sc = test::random_scene(K, static_cast<int>(n), 11 + n);
        LossSettings s = base;
        EXPECT_EQ(mismatches(sc.points, {}, sc.params, s, case_label(s, K, n)), 0);
        s.class_weights.clear();
        for (int k = 0; k < K; ++k) s.class_weights.push_back(0.5 + 0.37 * k);
        EXPECT_EQ(mismatches(sc.points, {}, sc.params, s, case_label(s, K, n) + " weighted"), 0);
        if (n > 0) {
          std::vector<int> subset;
          for (std::size_t i = 0; i < 2 * n + 1; ++i)
            subset.push_back(static_cast<int>((i * 7919) % n));
          EXPECT_EQ(mismatches(sc.points, subset, sc.params, s, case_label(s, K, n) + " subset"),
                    0);
        }
      }
    }
  }
}

// Integer weights and half-integer coordinates: exact scores, so many margins are exactly 0 (the
// hinge's kink: subgradient 0 on both paths) and many scores tie.
TEST(LossKernels, MatchAtHingeKinksAndTies) {
  Rng rng(5);
  for (int K : {2, 3, 4}) {
    Params p;
    p.W.resize(K, 2);
    p.b.resize(K);
    for (int k = 0; k < K; ++k) {
      p.W(k, 0) = static_cast<double>(rng.below(5)) - 2.0;
      p.W(k, 1) = static_cast<double>(rng.below(5)) - 2.0;
      p.b(k) = static_cast<double>(rng.below(3)) - 1.0;
    }
    std::vector<Point> pts;
    for (int i = 0; i < 403; ++i)
      pts.push_back({0.5 * (static_cast<double>(rng.below(9)) - 4.0),
                     0.5 * (static_cast<double>(rng.below(9)) - 4.0),
                     static_cast<int>(rng.below(static_cast<std::uint64_t>(K)))});
    int kinks = 0;
    for (const Point& pt : pts) {
      double sc[kMaxClasses];
      point_scores(p, pt, sc);
      for (int j = 0; j < K; ++j) kinks += j != pt.label && sc[j] - sc[pt.label] + 1.0 == 0.0;
    }
    EXPECT_GT(kinks, 20) << "the data must hit the kink";
    for (const LossSettings& s : covered_settings())
      EXPECT_EQ(mismatches(pts, {}, p, s, case_label(s, K, pts.size()) + " kinks"), 0);
    // All scores equal (W = 0, b = 0): every class ties.
    Params flat = p;
    flat.W.setZero();
    flat.b.setZero();
    for (const LossSettings& s : covered_settings())
      EXPECT_EQ(mismatches(pts, {}, flat, s, case_label(s, K, pts.size()) + " ties"), 0);
  }
}

// Scores of a million: softmax's log-sum-exp stays finite and exact in both paths (and focal's
// q = 1 - p_y is exactly 0 for many points).
TEST(LossKernels, MatchForHugeScores) {
  for (int K : {2, 3, 8}) {
    Scene sc = test::random_scene(K, 257, 3);
    sc.params.W *= 1e6;
    sc.params.b *= 1e6;
    for (const LossSettings& s : covered_settings()) {
      EXPECT_EQ(mismatches(sc.points, {}, sc.params, s, case_label(s, K, 257) + " huge"), 0);
      const LossGradient g = loss_gradient(sc.points, sc.params, s);
      EXPECT_TRUE(std::isfinite(g.total_loss));
    }
  }
}

// Sigmoid's multi-label points: targets from every label, weight the mean of the labels'.
TEST(LossKernels, MatchForMultiLabelPointsUnderSigmoid) {
  for (int K : {3, 5}) {
    Scene sc = test::random_scene(K, 211, 4);
    for (std::size_t i = 0; i < sc.points.size(); i += 3)
      sc.points[i].set_label_mask(1u | (1u << (1 + i % static_cast<std::size_t>(K - 1))));
    LossSettings s;
    s.kind = LossKind::Sigmoid;
    EXPECT_EQ(mismatches(sc.points, {}, sc.params, s, "multi-label"), 0);
    for (int k = 0; k < K; ++k) s.class_weights.push_back(1.0 + k);
    EXPECT_EQ(mismatches(sc.points, {}, sc.params, s, "multi-label weighted"), 0);
    EXPECT_EQ(mismatches(sc.points, {5, 0, 3, 3, 210}, sc.params, s, "multi-label subset"), 0);
    // A label past K is reported.
    sc.points[7].set_label_mask(1u | (1u << K));
    const std::vector<double> w(static_cast<std::size_t>(K), 1.0);
    for (Isa isa : isas()) {
      Sums out;
      const loss_kernels::Input in{sc.points.data(), nullptr, sc.points.size(),
                                   &sc.params,       &s,      w.data()};
      EXPECT_FALSE(loss_kernels::accumulate(in, out, isa));
    }
    EXPECT_THROW(loss_gradient(sc.points, sc.params, s), std::out_of_range);
  }
}

// Invalid points are reported, not read past arrays; loss_gradient then throws naming the point.
TEST(LossKernels, ReportInvalidPoints) {
  Scene sc = test::random_scene(3, 9, 2);
  LossSettings s;
  s.kind = LossKind::Softmax;
  const std::vector<double> w(3, 1.0);
  for (int bad : {3, -1, 1000}) {
    std::vector<Point> pts = sc.points;
    pts[6].label = bad;
    for (Isa isa : isas()) {
      Sums out;
      const loss_kernels::Input in{pts.data(), nullptr, pts.size(), &sc.params, &s, w.data()};
      EXPECT_FALSE(loss_kernels::accumulate(in, out, isa)) << bad;
    }
    EXPECT_THROW(loss_gradient(pts, sc.params, s), std::out_of_range);
  }
  std::vector<Point> pts = sc.points;
  pts[2].set_label_mask(0b101u);
  EXPECT_THROW(loss_gradient(pts, sc.params, s), std::invalid_argument);
  const std::vector<int> subset = {0, 9};
  EXPECT_THROW(loss_gradient(sc.points, sc.params, s, subset), std::out_of_range);
}

}  // namespace
}  // namespace ll
