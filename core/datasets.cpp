#include "core/datasets.h"

#include <cmath>
#include <numbers>

#include "core/rng.h"

namespace ll {

namespace {

constexpr double kTau = 2.0 * std::numbers::pi;

Scene with_params(std::vector<Point> pts, int classes) {
  Scene s;
  s.points = std::move(pts);
  s.params = default_params(classes);
  return s;
}

void add_blob(std::vector<Point>& pts, Rng& rng, double cx, double cy, double spread, int n,
              int label) {
  for (int i = 0; i < n; ++i) {
    const double x = cx + spread * rng.normal();
    const double y = cy + spread * rng.normal();
    pts.push_back({x, y, label});
  }
}

}  // namespace

Params random_params(int classes, std::uint64_t seed) {
  Rng rng(seed);
  Params p;
  p.W.resize(classes, 2);
  p.b.resize(classes);
  for (int k = 0; k < classes; ++k) {
    p.W(k, 0) = rng.uniform(-0.5, 0.5);
    p.W(k, 1) = rng.uniform(-0.5, 0.5);
    p.b(k) = rng.uniform(-0.5, 0.5);
  }
  return p;
}

Scene make_blobs(const BlobsOptions& o) {
  Rng rng(o.seed);
  std::vector<Point> pts;
  for (int k = 0; k < o.classes; ++k) {
    const double t = kTau * k / o.classes + 0.5;
    add_blob(pts, rng, 0.6 * std::cos(t), 0.6 * std::sin(t), o.spread, o.per_class, k);
  }
  return with_params(std::move(pts), o.classes);
}

Scene make_xor(int per_quadrant, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Point> pts;
  for (int q = 0; q < 4; ++q) {
    const double sx = (q & 1) ? 1.0 : -1.0, sy = (q & 2) ? 1.0 : -1.0;
    for (int i = 0; i < per_quadrant; ++i) {
      const double x = sx * rng.uniform(0.1, 0.9), y = sy * rng.uniform(0.1, 0.9);
      pts.push_back({x, y, sx * sy > 0 ? 0 : 1});
    }
  }
  return with_params(std::move(pts), 2);
}

Scene make_circles(int per_class, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Point> pts;
  for (int k = 0; k < 2; ++k) {
    const double radius = k == 0 ? 0.3 : 0.75;
    for (int i = 0; i < per_class; ++i) {
      const double t = rng.uniform(0.0, kTau), r = radius + 0.05 * rng.normal();
      pts.push_back({r * std::cos(t), r * std::sin(t), k});
    }
  }
  return with_params(std::move(pts), 2);
}

Scene make_spiral(int classes, int per_class, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Point> pts;
  for (int k = 0; k < classes; ++k) {
    for (int i = 0; i < per_class; ++i) {
      const double f = per_class > 1 ? static_cast<double>(i) / (per_class - 1) : 0.0;
      const double r = 0.1 + 0.8 * f;
      const double t = kTau * k / classes + 4.0 * f + 0.2 * rng.normal();
      pts.push_back({r * std::cos(t), r * std::sin(t), k});
    }
  }
  return with_params(std::move(pts), classes);
}

Scene make_imbalanced(std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Point> pts;
  add_blob(pts, rng, 0.4, 0.4, 0.2, 40, 0);
  add_blob(pts, rng, -0.5, 0.3, 0.1, 8, 1);
  add_blob(pts, rng, 0.0, -0.6, 0.1, 3, 2);
  return with_params(std::move(pts), 3);
}

Scene make_outliers(std::uint64_t seed) {
  Scene s = make_blobs({3, 10, 0.1, seed});
  // Far points with the labels of distant classes: they dominate the hinge/softmax gradients.
  s.points.push_back({-0.9, -0.9, 0});
  s.points.push_back({0.9, 0.9, 1});
  s.points.push_back({-0.9, 0.9, 2});
  return s;
}

std::vector<std::string> preset_names() {
  return {"cs231n", "blobs", "xor", "circles", "spiral", "imbalanced", "outliers", "five"};
}

bool make_preset(const std::string& name, Scene& out) {
  if (name == "cs231n")
    out = default_scene();
  else if (name == "blobs")
    out = make_blobs({});
  else if (name == "xor")
    out = make_xor(10, 1);
  else if (name == "circles")
    out = make_circles(30, 1);
  else if (name == "spiral")
    out = make_spiral(3, 30, 1);
  else if (name == "imbalanced")
    out = make_imbalanced(1);
  else if (name == "outliers")
    out = make_outliers(1);
  else if (name == "five")
    out = make_blobs({5, 8, 0.12, 1});
  else
    return false;
  return true;
}

}  // namespace ll
