// The loss landscape: node values are core's total loss exactly, every node computed once
// coarse to fine, random directions deterministic and filter-normalised, parameter names.
#include "core/landscape.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/losses.h"
#include "test_util.h"

namespace ll {
namespace {

TEST(Landscape, ParsesParameterNames) {
  ParamRef p;
  EXPECT_EQ(parse_param("W[2][1]", 3, p), "");
  EXPECT_EQ(p, (ParamRef{false, 2, 1}));
  EXPECT_EQ(parse_param("b[0]", 3, p), "");
  EXPECT_EQ(p, (ParamRef{true, 0, 0}));
  EXPECT_EQ(to_string(ParamRef{false, 2, 1}), "W[2][1]");
  EXPECT_EQ(to_string(ParamRef{true, 1, 0}), "b[1]");
  for (const char* bad : {"", "W", "W[0]", "w[0][0]", "W[0][0]x", "b[]", "b[1][0]", "W[a][0]",
                          "W[0] [1]", "W[-1][0]", "x[0]"}) {
    const std::string e = parse_param(bad, 3, p);
    EXPECT_NE(e, "") << bad;
    EXPECT_EQ(e.find('\n'), std::string::npos);
  }
  EXPECT_EQ(parse_param("W[3][0]", 3, p),
            "parameter W[3][0]: class 3 is out of range [0, 2] (the scene has 3 classes)");
  EXPECT_NE(parse_param("W[0][2]", 3, p).find("weight index 2"), std::string::npos);
  EXPECT_NE(parse_param("bias", 3, p).find("expected W[k][j]"), std::string::npos);
}

TEST(Landscape, ChecksSlices) {
  LandscapeSlice s;
  EXPECT_EQ(check_slice(s, 3), "");
  s.y = s.x;
  EXPECT_EQ(check_slice(s, 3), "x and y are the same parameter W[0][0]");
  s.one_d = true;
  EXPECT_EQ(check_slice(s, 3), "");
  s.grid = 1;
  EXPECT_NE(check_slice(s, 3), "");
  s.grid = 65;
  s.range = 0;
  EXPECT_NE(check_slice(s, 3), "");
  s.range = 1;
  s.x = {true, 5, 0};
  EXPECT_NE(check_slice(s, 3), "");
  EXPECT_THROW(make_landscape(default_scene(), s), std::invalid_argument);
}

TEST(Landscape, StridesRefineToEveryNode) {
  EXPECT_EQ(landscape_strides(129), (std::vector<int>{8, 4, 2, 1}));
  EXPECT_EQ(landscape_strides(65), (std::vector<int>{4, 2, 1}));
  EXPECT_EQ(landscape_strides(17), (std::vector<int>{1}));
  EXPECT_EQ(landscape_strides(100), (std::vector<int>{1}));
  EXPECT_EQ(landscape_strides(2), (std::vector<int>{1}));
}

TEST(Landscape, CoarseToFineFillsEveryNodeOnce) {
  const Scene scene = test::random_scene(3, 40, 7);
  for (const bool one_d : {false, true}) {
    LandscapeSlice s;
    s.grid = 129;
    s.one_d = one_d;
    LandscapeGrid g = make_landscape(scene, s);
    const std::size_t nodes = static_cast<std::size_t>(g.nx) * g.ny;
    std::vector<int> seen(nodes, 0);
    std::size_t total = 0;
    const int expect_first = one_d ? 17 : 17 * 17;
    bool first = true;
    while (!g.complete()) {
      std::vector<double> before = g.loss;
      const int n = refine_landscape(g, scene);
      if (first) {
        EXPECT_EQ(n, expect_first);
      }
      first = false;
      total += static_cast<std::size_t>(n);
      int changed = 0;
      for (std::size_t k = 0; k < nodes; ++k) {
        if (std::isnan(before[k]) && !std::isnan(g.loss[k])) ++seen[k], ++changed;
        if (!std::isnan(before[k])) {
          EXPECT_EQ(before[k], g.loss[k]);  // never recomputed
        }
      }
      EXPECT_EQ(changed, n);
      // The level just finished is complete: every node on its stride has a value.
      for (int j = 0; j < g.ny; j += one_d ? 1 : g.stride)
        for (int i = 0; i < g.nx; i += g.stride) EXPECT_FALSE(std::isnan(g.at(i, j)));
    }
    EXPECT_EQ(total, nodes);
    for (int c : seen) EXPECT_EQ(c, 1);
    EXPECT_EQ(refine_landscape(g, scene), 0);
  }
}

TEST(Landscape, NodesAreCoreLossExactly) {
  Scene scene = test::random_scene(4, 60, 3);
  scene.loss.kind = LossKind::Softmax;
  scene.loss.lambda = 0.3;
  LandscapeSlice s;
  s.x = {false, 2, 1};
  s.y = {true, 3, 0};
  s.grid = 33;
  s.range = 1.5;
  const LandscapeGrid g = compute_landscape(scene, s);
  for (int j = 0; j < g.ny; j += 5) {
    for (int i = 0; i < g.nx; i += 3) {
      Params p = scene.params;
      const double a = -1.5 + 3.0 * i / 32, b = -1.5 + 3.0 * j / 32;
      p.W(2, 1) += a;
      p.b(3) += b;
      const double lg = loss_gradient(scene.points, p, scene.loss).total_loss;
      const double ev = evaluate(scene.points, p, scene.loss).total_loss;
      EXPECT_EQ(g.at(i, j), lg) << i << "," << j;
      EXPECT_NEAR(g.at(i, j), ev, 1e-12 * std::abs(ev));
    }
  }
  // The centre node is the scene's own loss.
  EXPECT_EQ(g.at(16, 16), loss_gradient(scene.points, scene.params, scene.loss).total_loss);
}

TEST(Landscape, RandomDirectionsAreSeededAndFilterNormalised) {
  const Scene scene = test::random_scene(5, 20, 11);
  Direction a1, a2, b1, b2, c1, c2;
  random_directions(scene.params, 42, a1, a2);
  random_directions(scene.params, 42, b1, b2);
  random_directions(scene.params, 43, c1, c2);
  EXPECT_TRUE(a1.dW == b1.dW && a1.db == b1.db && a2.dW == b2.dW && a2.db == b2.db);
  EXPECT_FALSE(a1.dW == c1.dW);
  EXPECT_FALSE(a1.dW == a2.dW);
  for (const Direction* d : {&a1, &a2}) {
    for (int k = 0; k < 5; ++k) {
      const double row = std::hypot(scene.params.W(k, 0), scene.params.W(k, 1), scene.params.b(k));
      const double dir = std::hypot(d->dW(k, 0), d->dW(k, 1), d->db(k));
      EXPECT_NEAR(dir, row, 1e-12 * row);
    }
  }
  // A zero row gets a unit direction row.
  Params z = scene.params;
  z.W.row(1).setZero();
  z.b(1) = 0;
  Rng rng(5);
  const Direction d = random_direction(z, rng);
  EXPECT_NEAR(std::hypot(d.dW(1, 0), d.dW(1, 1), d.db(1)), 1.0, 1e-12);
  // Nodes of a random slice are the loss at theta + a d1 + b d2.
  LandscapeSlice s;
  s.random = true;
  s.seed = 42;
  s.grid = 17;
  s.range = 1.0;
  const LandscapeGrid g = compute_landscape(scene, s);
  const Params p = offset_params(scene.params, a1, g.x_at(3), &a2, g.y_at(12));
  EXPECT_EQ(g.at(3, 12), loss_gradient(scene.points, p, scene.loss).total_loss);
}

TEST(Landscape, ProjectionRecoversSliceCoordinates) {
  const Scene scene = test::random_scene(3, 10, 2);
  Direction d1, d2;
  random_directions(scene.params, 9, d1, d2);
  const Params p = offset_params(scene.params, d1, 0.3, &d2, -0.7);
  double a = 0, b = 0;
  project_params(scene.params, d1, &d2, p, a, b);
  EXPECT_NEAR(a, 0.3, 1e-12);
  EXPECT_NEAR(b, -0.7, 1e-12);
  // Parameter slices: exactly the offsets.
  const Direction u = unit_direction({false, 1, 0}, 3), v = unit_direction({true, 2, 0}, 3);
  Params q = scene.params;
  q.W(1, 0) += 0.25;
  q.b(2) -= 0.5;
  q.W(0, 1) += 3.0;  // off the slice: ignored
  project_params(scene.params, u, &v, q, a, b);
  EXPECT_EQ(a, q.W(1, 0) - scene.params.W(1, 0));
  EXPECT_EQ(b, q.b(2) - scene.params.b(2));
}

TEST(Landscape, TwoThreadsGiveTheSameGridAsOne) {
  Scene scene = test::random_scene(3, 300, 5);
  for (const LossKind kind : {LossKind::WestonWatkins, LossKind::Softmax}) {
    scene.loss.kind = kind;
    for (const bool one_d : {false, true}) {
      LandscapeSlice s;
      s.random = true;
      s.one_d = one_d;
      s.grid = 65;
      const LandscapeGrid one = compute_landscape(scene, s, nullptr, 1);
      const LandscapeGrid two = compute_landscape(scene, s, nullptr, 2);
      const LandscapeGrid many = compute_landscape(scene, s, nullptr, 7);
      ASSERT_TRUE(two.complete());
      ASSERT_EQ(one.loss.size(), two.loss.size());
      for (std::size_t k = 0; k < one.loss.size(); ++k) {
        EXPECT_EQ(one.loss[k], two.loss[k]) << k;
        EXPECT_EQ(one.loss[k], many.loss[k]) << k;
      }
      // And each node is core's loss_gradient total, exactly.
      const Params p = offset_params(scene.params, two.dx, two.x_at(40), one_d ? nullptr : &two.dy,
                                     two.y_at(one_d ? 0 : 9));
      EXPECT_EQ(two.at(40, one_d ? 0 : 9), loss_gradient(scene.points, p, scene.loss).total_loss);
    }
  }
  // A bad point under the hinge loss: the error comes back from whichever thread met it.
  Scene bad = scene;
  bad.points[150].set_label_mask(0b11);
  bad.loss.kind = LossKind::WestonWatkins;
  EXPECT_THROW(compute_landscape(bad, LandscapeSlice{}, nullptr, 2), std::invalid_argument);
}

TEST(Landscape, CancelStopsALevel) {
  const Scene scene = test::random_scene(3, 50, 1);
  LandscapeSlice s;
  LandscapeGrid g = make_landscape(scene, s);
  JobControl c;
  c.cancel();
  EXPECT_THROW(refine_landscape(g, scene, &c), JobCancelled);
  EXPECT_THROW(refine_landscape(g, scene, &c, 2), JobCancelled);
  EXPECT_EQ(g.stride, 0);  // the level did not count as done
  JobControl ok;
  refine_landscape(g, scene, &ok, 2);
  EXPECT_EQ(ok.progress(), 1.0);
  EXPECT_EQ(g.stride, g.strides[0]);
}

}  // namespace
}  // namespace ll
