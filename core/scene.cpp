#include "core/scene.h"

#include <cmath>
#include <numbers>

namespace ll {

// Point::labels holds one bit per class.
static_assert(kMaxClasses <= 16);
static_assert(sizeof(Point) == 24);

Params default_params(int classes) {
  Params p;
  p.W.resize(classes, 2);
  p.b = BiasVector::Zero(classes);
  if (classes == 3) {
    p.W << 1, 2, 2, -4, 3, -1;
    p.b << 0, 0.5, -0.5;
    return p;
  }
  for (int k = 0; k < classes; ++k) {
    const double t = 2.0 * std::numbers::pi * k / classes;
    p.W(k, 0) = std::cos(t);
    p.W(k, 1) = std::sin(t);
  }
  return p;
}

Scene default_scene() {
  Scene s;
  s.points = {{0.5, 0.4, 0},  {0.8, 0.3, 0},  {0.3, 0.8, 0},  {-0.4, 0.3, 1}, {-0.3, 0.7, 1},
              {-0.7, 0.2, 1}, {0.7, -0.4, 2}, {0.5, -0.6, 2}, {-0.4, -0.5, 2}};
  s.params = default_params(3);
  s.loss = LossSettings{};
  s.optimizer = OptimizerSettings{};
  return s;
}

namespace {
template <class E, std::size_t N>
bool parse_from(const std::string& s, E& out, const E (&values)[N]) {
  for (E v : values) {
    if (s == to_string(v)) {
      out = v;
      return true;
    }
  }
  return false;
}
}  // namespace

const char* to_string(LossKind k) {
  switch (k) {
    case LossKind::WestonWatkins:
      return "ww";
    case LossKind::OneVsAll:
      return "ova";
    case LossKind::Structured:
      return "structured";
    case LossKind::Softmax:
      return "softmax";
    case LossKind::Sigmoid:
      return "sigmoid";
    case LossKind::Focal:
      return "focal";
  }
  return "?";
}
const char* to_string(RegKind k) {
  switch (k) {
    case RegKind::L2:
      return "l2";
    case RegKind::L1:
      return "l1";
    case RegKind::Elastic:
      return "elastic";
  }
  return "?";
}
const char* to_string(OptimizerKind k) {
  switch (k) {
    case OptimizerKind::GD:
      return "gd";
    case OptimizerKind::SGD:
      return "sgd";
    case OptimizerKind::Momentum:
      return "momentum";
    case OptimizerKind::Adam:
      return "adam";
  }
  return "?";
}

bool parse(const std::string& s, LossKind& out) {
  static constexpr LossKind all[] = {LossKind::WestonWatkins, LossKind::OneVsAll,
                                     LossKind::Structured,    LossKind::Softmax,
                                     LossKind::Sigmoid,       LossKind::Focal};
  return parse_from(s, out, all);
}
bool parse(const std::string& s, RegKind& out) {
  static constexpr RegKind all[] = {RegKind::L2, RegKind::L1, RegKind::Elastic};
  return parse_from(s, out, all);
}
bool parse(const std::string& s, OptimizerKind& out) {
  static constexpr OptimizerKind all[] = {OptimizerKind::GD, OptimizerKind::SGD,
                                          OptimizerKind::Momentum, OptimizerKind::Adam};
  return parse_from(s, out, all);
}

const char* display_name(LossKind k) {
  switch (k) {
    case LossKind::WestonWatkins:
      return "Weston-Watkins SVM";
    case LossKind::OneVsAll:
      return "One-vs-All SVM";
    case LossKind::Structured:
      return "Structured SVM";
    case LossKind::Softmax:
      return "Softmax";
    case LossKind::Sigmoid:
      return "Sigmoid (one-vs-rest BCE)";
    case LossKind::Focal:
      return "Focal";
  }
  return "?";
}

bool is_hinge(LossKind k) {
  return k == LossKind::WestonWatkins || k == LossKind::OneVsAll || k == LossKind::Structured;
}
const char* display_name(RegKind k) {
  switch (k) {
    case RegKind::L2:
      return "L2";
    case RegKind::L1:
      return "L1";
    case RegKind::Elastic:
      return "Elastic net";
  }
  return "?";
}
const char* display_name(OptimizerKind k) {
  switch (k) {
    case OptimizerKind::GD:
      return "Gradient descent";
    case OptimizerKind::SGD:
      return "SGD";
    case OptimizerKind::Momentum:
      return "Momentum";
    case OptimizerKind::Adam:
      return "Adam";
  }
  return "?";
}

}  // namespace ll
