#pragma once
// The scene: labelled 2-D points, one linear classifier (W, b) and its loss/optimizer settings.
#include <Eigen/Core>
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

namespace ll {

inline constexpr int kMinClasses = 2;
inline constexpr int kMaxClasses = 10;
inline constexpr std::size_t kMaxPoints = 1'000'000;
// Magnitude limits that keep every score finite (|s| <= 2 * 1e8 * 1e6 + 1e8): scene files beyond
// them are refused, and a training step that would leave them counts as diverged.
inline constexpr double kMaxCoordinate = 1e6;
inline constexpr double kParamBound = 1e8;
// A class name is a label on a slide: files with a longer one are refused, edits are cut there.
inline constexpr std::size_t kMaxClassNameBytes = 64;

struct Point {
  double x0 = 0.0;
  double x1 = 0.0;
  int label = 0;  // the class; for a multi-label point, its lowest label
  // A multi-label point (accepted by the sigmoid loss only): bit k set for each of its labels,
  // at least two bits, the lowest being `label`. 0 for an ordinary single-label point (a set of
  // one label is stored as that label). Fits in the padding: a Point stays 24 bytes.
  std::uint16_t labels = 0;
  bool operator==(const Point&) const = default;

  bool multi_label() const { return labels != 0; }
  // Bit k for each of the point's labels: `labels`, or the bit of `label`.
  unsigned label_mask() const { return labels != 0 ? unsigned{labels} : 1u << label; }
  // Sets the labels from a mask (bits 0..15): one bit makes a single-label point; 0 is taken
  // as label 0.
  void set_label_mask(unsigned mask) {
    mask &= 0xFFFFu;
    label = mask != 0 ? std::countr_zero(mask) : 0;
    labels = std::popcount(mask) > 1 ? static_cast<std::uint16_t>(mask) : std::uint16_t{0};
  }
};

using WeightMatrix = Eigen::Matrix<double, Eigen::Dynamic, 2>;  // K x 2
using BiasVector = Eigen::VectorXd;                             // K

struct Params {
  WeightMatrix W;
  BiasVector b;
  int classes() const { return static_cast<int>(W.rows()); }
  bool operator==(const Params& o) const {
    // Sizes first: Eigen compares mismatched sizes out of bounds (K differs after a class change).
    return W.rows() == o.W.rows() && b.size() == o.b.size() && W == o.W && b == o.b;
  }
};

enum class LossKind { WestonWatkins, OneVsAll, Structured, Softmax, Sigmoid, Focal };
enum class RegKind { L2, L1, Elastic };
enum class OptimizerKind { GD, SGD, Momentum, Adam };

struct LossSettings {
  LossKind kind = LossKind::WestonWatkins;
  double delta = 1.0;    // hinge margin
  bool squared = false;  // squared hinge (the three SVM losses)
  RegKind reg = RegKind::L2;
  double lambda = 0.1;        // regularization strength, >= 0
  double elastic_beta = 0.5;  // elastic net: lambda * sum(beta * W^2 + |W|)
  double gamma = 2.0;         // focal loss focusing exponent, >= 0
  double alpha = 1.0;         // focal loss scale, > 0
  // Per-class weights w_k > 0 of the data loss sum_i w_{y_i} L_i / sum_i w_{y_i}; empty: all 1.
  // When given, one per class.
  std::vector<double> class_weights;
  bool operator==(const LossSettings&) const = default;
};

struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::GD;
  double lr = 0.1;  // step size
  int batch = 4;    // minibatch size for SGD/momentum/Adam (>= N: full batch)
  double momentum = 0.9;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double epsilon = 1e-8;
  std::uint64_t seed = 1;
  // Max-norm: after each update every weight row W_k is scaled back to ||W_k|| <= max_norm
  // (a projection, not part of the loss; biases untouched). 0: off.
  double max_norm = 0.0;
  bool operator==(const OptimizerSettings&) const = default;
};

struct Scene {
  std::vector<Point> points;
  Params params;
  std::vector<std::string> class_names;  // empty or one per class
  LossSettings loss;
  OptimizerSettings optimizer;
  bool operator==(const Scene&) const = default;

  int classes() const { return params.classes(); }
};

// The CS231n linear-classify demo's scene: 9 points, 3 classes, its W, b, lambda and step size.
Scene default_scene();

// Weights for K classes when a file gives none: the demo's for K = 3, otherwise unit arrows
// spread evenly around the circle with zero bias.
Params default_params(int classes);

// Short stable names used in files and on the command line.
// "ww", "ova", "structured", "softmax", "sigmoid", "focal"
const char* to_string(LossKind k);
const char* to_string(RegKind k);        // "l2", "l1", "elastic"
const char* to_string(OptimizerKind k);  // "gd", "sgd", "momentum", "adam"
bool parse(const std::string& s, LossKind& out);
bool parse(const std::string& s, RegKind& out);
bool parse(const std::string& s, OptimizerKind& out);

// Human-readable names for the UI ("Weston-Watkins SVM", ...).
const char* display_name(LossKind k);
const char* display_name(RegKind k);
const char* display_name(OptimizerKind k);

// True for the three multiclass SVM losses (they have a margin delta and a squared form).
bool is_hinge(LossKind k);

}  // namespace ll
