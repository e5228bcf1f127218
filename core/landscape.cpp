#include "core/landscape.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <exception>
#include <stdexcept>
#include <thread>

#include "core/losses.h"

namespace ll {

std::string to_string(const ParamRef& p) {
  if (p.bias) return "b[" + std::to_string(p.k) + "]";
  return "W[" + std::to_string(p.k) + "][" + std::to_string(p.j) + "]";
}

namespace {

// Reads "[n]" at text[pos]; advances pos. False when it is not there.
bool read_index(const std::string& text, std::size_t& pos, int& out) {
  if (pos >= text.size() || text[pos] != '[') return false;
  const std::size_t close = text.find(']', pos);
  if (close == std::string::npos || close == pos + 1) return false;
  const char* b = text.data() + pos + 1;
  const char* e = text.data() + close;
  const auto [ptr, ec] = std::from_chars(b, e, out);
  if (ec != std::errc() || ptr != e) return false;
  pos = close + 1;
  return true;
}

}  // namespace

std::string parse_param(const std::string& text, int classes, ParamRef& out) {
  const std::string expect = "expected W[k][j] (j = 0 or 1) or b[k]";
  ParamRef p;
  std::size_t pos = 1;
  if (text.empty() || (text[0] != 'W' && text[0] != 'b'))
    return "bad parameter \"" + text + "\": " + expect;
  p.bias = text[0] == 'b';
  if (!read_index(text, pos, p.k) || (!p.bias && !read_index(text, pos, p.j)) || pos != text.size())
    return "bad parameter \"" + text + "\": " + expect;
  if (p.k < 0 || p.k >= classes)
    return "parameter " + text + ": class " + std::to_string(p.k) + " is out of range [0, " +
           std::to_string(classes - 1) + "] (the scene has " + std::to_string(classes) +
           " classes)";
  if (!p.bias && (p.j < 0 || p.j > 1))
    return "parameter " + text + ": weight index " + std::to_string(p.j) +
           " is out of range [0, 1] (points have two coordinates)";
  out = p;
  return {};
}

Direction unit_direction(const ParamRef& p, int classes) {
  Direction d;
  d.dW = WeightMatrix::Zero(classes, 2);
  d.db = BiasVector::Zero(classes);
  if (p.bias)
    d.db(p.k) = 1.0;
  else
    d.dW(p.k, p.j) = 1.0;
  return d;
}

Direction random_direction(const Params& at, Rng& rng) {
  const int K = at.classes();
  Direction d;
  d.dW.resize(K, 2);
  d.db.resize(K);
  for (int k = 0; k < K; ++k) {
    d.dW(k, 0) = rng.normal();
    d.dW(k, 1) = rng.normal();
    d.db(k) = rng.normal();
  }
  for (int k = 0; k < K; ++k) {
    const double row =
        std::sqrt(at.W(k, 0) * at.W(k, 0) + at.W(k, 1) * at.W(k, 1) + at.b(k) * at.b(k));
    const double len =
        std::sqrt(d.dW(k, 0) * d.dW(k, 0) + d.dW(k, 1) * d.dW(k, 1) + d.db(k) * d.db(k));
    const double f = len > 0.0 ? (row > 0.0 ? row : 1.0) / len : 0.0;
    d.dW.row(k) *= f;
    d.db(k) *= f;
  }
  return d;
}

void random_directions(const Params& at, std::uint64_t seed, Direction& x, Direction& y) {
  Rng rng(seed);
  x = random_direction(at, rng);
  y = random_direction(at, rng);
}

Params offset_params(const Params& at, const Direction& dx, double a, const Direction* dy,
                     double b) {
  Params p = at;
  for (int k = 0; k < p.classes(); ++k) {
    for (int j = 0; j < 2; ++j) {
      p.W(k, j) = at.W(k, j) + a * dx.dW(k, j);
      if (dy) p.W(k, j) = p.W(k, j) + b * dy->dW(k, j);
    }
    p.b(k) = at.b(k) + a * dx.db(k);
    if (dy) p.b(k) = p.b(k) + b * dy->db(k);
  }
  return p;
}

namespace {

double dot(const Direction& u, const Direction& v) {
  return (u.dW.array() * v.dW.array()).sum() + u.db.dot(v.db);
}

}  // namespace

void project_params(const Params& at, const Direction& dx, const Direction* dy, const Params& p,
                    double& a, double& b) {
  a = b = 0.0;
  if (p.classes() != at.classes() || p.b.size() != at.b.size()) {
    a = b = std::nan("");
    return;
  }
  Direction delta{p.W - at.W, p.b - at.b};
  const double xx = dot(dx, dx), xd = dot(dx, delta);
  if (!dy) {
    a = xx > 0.0 ? xd / xx : 0.0;
    return;
  }
  const double xy = dot(dx, *dy), yy = dot(*dy, *dy), yd = dot(*dy, delta);
  const double det = xx * yy - xy * xy;
  if (!(det > 0.0)) {
    a = xx > 0.0 ? xd / xx : 0.0;
    return;
  }
  a = (xd * yy - xy * yd) / det;
  b = (xx * yd - xy * xd) / det;
}

std::string check_slice(const LandscapeSlice& s, int classes) {
  if (!(s.range > 0.0) || !(s.range <= kMaxLandscapeRange))
    return "range " + std::to_string(s.range) + " is out of range (0, 1e6]";
  if (s.grid < kMinLandscapeGrid || s.grid > kMaxLandscapeGrid)
    return "grid " + std::to_string(s.grid) + " is out of range [" +
           std::to_string(kMinLandscapeGrid) + ", " + std::to_string(kMaxLandscapeGrid) + "]";
  if (s.random) return {};
  for (const ParamRef* p : {&s.x, &s.y}) {
    if (p == &s.y && s.one_d) break;
    ParamRef q;
    if (std::string e = parse_param(to_string(*p), classes, q); !e.empty()) return e;
  }
  if (!s.one_d && s.x == s.y) return "x and y are the same parameter " + to_string(s.x);
  return {};
}

std::string axis_name(const LandscapeSlice& s, int axis) {
  if (s.random) return axis == 0 ? "direction 1" : "direction 2";
  return to_string(axis == 0 ? s.x : s.y);
}

double LandscapeGrid::x_at(int i) const {
  if (nx < 2) return 0.0;
  return -range + 2.0 * range * i / (nx - 1);
}
double LandscapeGrid::y_at(int j) const {
  if (ny < 2) return 0.0;
  return -range + 2.0 * range * j / (ny - 1);
}
int LandscapeGrid::level() const {
  for (std::size_t i = 0; i < strides.size(); ++i)
    if (strides[i] == stride) return static_cast<int>(i);
  return -1;
}

std::vector<int> landscape_strides(int n) {
  std::vector<int> out;
  int s = 1;
  if (n > 1)
    while ((n - 1) % (2 * s) == 0 && (n - 1) / (2 * s) >= 16) s *= 2;
  for (; s >= 1; s /= 2) out.push_back(s);
  return out;
}

LandscapeGrid make_landscape(const Scene& scene, const LandscapeSlice& slice) {
  if (std::string e = check_slice(slice, scene.classes()); !e.empty())
    throw std::invalid_argument(e);
  LandscapeGrid g;
  g.nx = slice.grid;
  g.ny = slice.one_d ? 1 : slice.grid;
  g.range = slice.range;
  g.one_d = slice.one_d;
  g.center = scene.params;
  if (slice.random) {
    random_directions(scene.params, slice.seed, g.dx, g.dy);
  } else {
    g.dx = unit_direction(slice.x, scene.classes());
    g.dy = unit_direction(slice.one_d ? slice.x : slice.y, scene.classes());
  }
  g.loss.assign(static_cast<std::size_t>(g.nx) * g.ny, std::nan(""));
  g.strides = landscape_strides(g.nx);
  return g;
}

double landscape_loss(const Scene& scene, const LandscapeGrid& g, double a, double b) {
  const Params p = offset_params(g.center, g.dx, a, g.one_d ? nullptr : &g.dy, b);
  return loss_gradient(scene.points, p, scene.loss).total_loss;
}

int refine_landscape(LandscapeGrid& g, const Scene& scene, JobControl* control, int threads) {
  const int lvl = g.level();
  if (lvl + 1 >= static_cast<int>(g.strides.size())) return 0;
  const int s = g.strides[static_cast<std::size_t>(lvl + 1)];
  const int prev = lvl >= 0 ? g.stride : 0;  // nodes at multiples of prev (both) are done
  const auto done = [&](int i, int j) {
    return prev > 0 && i % prev == 0 && (g.one_d || j % prev == 0);
  };
  const int rows = g.one_d ? 1 : (g.ny - 1) / s + 1;
  const int workers = std::clamp(threads, 1, std::max(1, rows));
  // Row r of the level goes to worker r % workers; each node is written by one worker only and
  // its value does not depend on which (the same loss_gradient call), so the grid is the same for
  // any number of workers. Worker 0 (this thread) reports progress; every worker stops at the
  // next row once Cancel is asked for.
  std::vector<int> counts(static_cast<std::size_t>(workers), 0);
  std::atomic<bool> failed{false};  // a worker threw: the others stop too
  const auto work = [&](int w) {
    int row = w;
    for (int j = w * (g.one_d ? 1 : s); j < g.ny;
         j += workers * (g.one_d ? 1 : s), row += workers) {
      if (failed.load(std::memory_order_relaxed)) return;
      if (control) {
        if (control->cancelled()) return;
        if (w == 0) control->set_progress(static_cast<double>(row) / rows);
      }
      for (int i = 0; i < g.nx; i += s) {
        if (done(i, j)) continue;
        g.loss[static_cast<std::size_t>(j) * g.nx + i] =
            landscape_loss(scene, g, g.x_at(i), g.y_at(j));
        ++counts[static_cast<std::size_t>(w)];
      }
    }
  };
  {
    std::vector<std::jthread> helpers;
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(workers));
    for (int w = 1; w < workers; ++w)
      helpers.emplace_back([&, w] {
        try {
          work(w);
        } catch (...) {
          errors[static_cast<std::size_t>(w)] = std::current_exception();
          failed = true;
        }
      });
    try {
      work(0);
    } catch (...) {
      errors[0] = std::current_exception();
      failed = true;
    }
    helpers.clear();  // joins
    for (const std::exception_ptr& e : errors)
      if (e) std::rethrow_exception(e);
  }
  if (control) control->check();
  g.stride = s;
  if (control) control->set_progress(1.0);
  int count = 0;
  for (int c : counts) count += c;
  return count;
}

LandscapeGrid compute_landscape(const Scene& scene, const LandscapeSlice& slice,
                                JobControl* control, int threads) {
  LandscapeGrid g = make_landscape(scene, slice);
  while (!g.complete()) refine_landscape(g, scene, control, threads);
  return g;
}

}  // namespace ll
