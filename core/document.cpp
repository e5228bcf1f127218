#include "core/document.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ll {

namespace {
double clamp_finite(double v, double bound) {
  return std::isfinite(v) ? std::clamp(v, -bound, bound) : 0.0;
}
bool clamp_in_place(double& v, double bound) {
  const double c = clamp_finite(v, bound);
  if (c == v) return false;
  v = c;
  return true;
}
}  // namespace

double clamp_coordinate(double v) { return clamp_finite(v, kMaxCoordinate); }
double clamp_parameter(double v) { return clamp_finite(v, kParamBound); }

bool clamp_params(Params& params) {
  bool changed = false;
  for (Eigen::Index i = 0; i < params.W.size(); ++i)
    changed |= clamp_in_place(params.W.data()[i], kParamBound);
  for (Eigen::Index i = 0; i < params.b.size(); ++i)
    changed |= clamp_in_place(params.b.data()[i], kParamBound);
  return changed;
}

std::string clamp_class_name(std::string name) {
  if (name.size() <= kMaxClassNameBytes) return name;
  std::size_t n = kMaxClassNameBytes;
  // Step back over UTF-8 continuation bytes (10xxxxxx) so no character is cut in half.
  while (n > 0 && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) --n;
  name.resize(n);
  return name;
}

namespace {
// The labels of classes that exist: bits 0..K-1.
unsigned class_bits(int classes) { return (1u << classes) - 1u; }

Point clamped(Point p, int classes) {
  p.x0 = clamp_coordinate(p.x0);
  p.x1 = clamp_coordinate(p.x1);
  if (p.labels != 0) {
    const unsigned kept = p.labels & class_bits(classes);
    if (kept != 0) {
      p.set_label_mask(kept);
      return p;
    }
    p.labels = 0;
  }
  p.label = std::clamp(p.label, 0, classes - 1);
  return p;
}

bool has_multi_label(const std::vector<Point>& points) {
  return std::any_of(points.begin(), points.end(), [](const Point& p) { return p.multi_label(); });
}

// A scene as a loaded file could hold: K in range, labels below K, coordinates, parameters and
// names within the limits, at most kMaxPoints points.
void clamp_scene(Scene& s) {
  const int K = std::clamp(s.classes(), kMinClasses, kMaxClasses);
  if (K != s.classes() || s.params.b.size() != K) s.params = default_params(K);
  clamp_params(s.params);
  if (s.points.size() > kMaxPoints) s.points.resize(kMaxPoints);
  for (Point& p : s.points) p = clamped(p, K);
  // Only the sigmoid loss accepts multi-label points: such a scene keeps its points and gets it.
  if (s.loss.kind != LossKind::Sigmoid && has_multi_label(s.points))
    s.loss.kind = LossKind::Sigmoid;
  if (!s.class_names.empty()) s.class_names.resize(static_cast<std::size_t>(K));
  if (!s.loss.class_weights.empty()) s.loss.class_weights.resize(static_cast<std::size_t>(K), 1.0);
  for (std::string& n : s.class_names) n = clamp_class_name(std::move(n));
}
}  // namespace

Document::Document(Scene scene, std::size_t max_entries, std::size_t max_bytes)
    : scene_(std::move(scene)), max_entries_(max_entries), max_bytes_(max_bytes) {
  clamp_scene(scene_);
}

std::size_t Document::bytes(const Settings& s) {
  std::size_t n = sizeof(Settings) +
                  static_cast<std::size_t>(s.params.W.size() + s.params.b.size()) * sizeof(double);
  for (const std::string& name : s.class_names) n += sizeof(std::string) + name.capacity();
  n += s.loss.class_weights.capacity() * sizeof(double);
  return n;
}

std::size_t Document::bytes(const PointOp& op) {
  return sizeof(PointOp) + op.other.capacity() * sizeof(Point);
}

Document::Settings Document::settings() const {
  return {scene_.params, scene_.loss, scene_.optimizer, scene_.class_names};
}

void Document::apply_settings(Settings& s) {
  std::swap(scene_.params, s.params);
  std::swap(scene_.loss, s.loss);
  std::swap(scene_.optimizer, s.optimizer);
  std::swap(scene_.class_names, s.class_names);
}

void Document::apply(PointOp& op, bool forward) {
  auto& pts = scene_.points;
  const auto at = pts.begin() + static_cast<std::ptrdiff_t>(op.index);
  switch (op.kind) {
    case PointOp::Set:
      pts[op.index] = forward ? op.after : op.before;
      break;
    case PointOp::Insert:
      if (forward)
        pts.insert(at, op.after);
      else
        pts.erase(at);
      break;
    case PointOp::Erase:
      if (forward)
        pts.erase(at);
      else
        pts.insert(at, op.before);
      break;
    case PointOp::Swap:
      std::swap(pts, op.other);
      break;
  }
}

Document::Entry& Document::record() {
  if (!sealed_ && gesture_ != 0 && !undo_.empty() && undo_.back().gesture == gesture_)
    return undo_.back();
  for (const Entry& e : redo_) undo_bytes_ -= e.bytes;
  redo_.clear();
  Entry e;
  e.settings = settings();
  e.gesture = gesture_;
  e.bytes = sizeof(Entry) + bytes(e.settings);
  undo_bytes_ += e.bytes;
  undo_.push_back(std::move(e));
  sealed_ = false;
  trim();
  return undo_.back();
}

void Document::add_op(Entry& e, PointOp op) {
  if (!e.ops.empty() && op.kind == PointOp::Set) {
    PointOp& last = e.ops.back();
    // A drag: one entry per point moved, from its first position to its last.
    if ((last.kind == PointOp::Set || last.kind == PointOp::Insert) && last.index == op.index) {
      last.after = op.after;
      return;
    }
  }
  const std::size_t b = bytes(op);
  e.ops.push_back(std::move(op));
  e.bytes += b;
  undo_bytes_ += b;
  trim();
}

void Document::trim() {
  // The newest entry always stays (it may be the one being recorded).
  while (undo_.size() > 1 && (undo_.size() > max_entries_ || undo_bytes_ > max_bytes_)) {
    undo_bytes_ -= undo_.front().bytes;
    undo_.pop_front();
  }
}

void Document::changed(bool points) {
  ++revision_;
  if (points) ++points_revision_;
}

void Document::set_params(Params p) {
  clamp_params(p);
  if (p.classes() != scene_.classes() || p.b.size() != p.W.rows())
    return;  // K is set_class_count's
  if (p == scene_.params) return;
  record();
  scene_.params = std::move(p);
  changed(false);
}

bool Document::set_loss(const LossSettings& l) {
  if (l == scene_.loss) return true;
  // Only sigmoid leaves sigmoid with multi-label points (the other kinds never have them).
  if (scene_.loss.kind == LossKind::Sigmoid && l.kind != LossKind::Sigmoid &&
      has_multi_label(scene_.points))
    return false;
  record();
  scene_.loss = l;
  changed(false);
  return true;
}

void Document::set_optimizer(const OptimizerSettings& o) {
  if (o == scene_.optimizer) return;
  record();
  scene_.optimizer = o;
  changed(false);
}

void Document::set_class_names(std::vector<std::string> names) {
  if (!names.empty()) names.resize(static_cast<std::size_t>(scene_.classes()));
  for (std::string& n : names) n = clamp_class_name(std::move(n));
  if (names == scene_.class_names) return;
  record();
  scene_.class_names = std::move(names);
  changed(false);
}

void Document::set_class_count(int K) {
  K = std::clamp(K, kMinClasses, kMaxClasses);
  const int old = scene_.classes();
  if (K == old) return;
  Entry& e = record();
  Params p = default_params(K);
  const int keep = std::min(old, K);
  p.W.topRows(keep) = scene_.params.W.topRows(keep);
  p.b.head(keep) = scene_.params.b.head(keep);
  scene_.params = std::move(p);
  if (!scene_.class_names.empty()) {
    scene_.class_names.resize(static_cast<std::size_t>(K));
    for (int k = old; k < K; ++k)
      scene_.class_names[static_cast<std::size_t>(k)] = "class " + std::to_string(k);
  }
  // One weight per class (the losses require it); a new class weighs 1.
  if (!scene_.loss.class_weights.empty())
    scene_.loss.class_weights.resize(static_cast<std::size_t>(K), 1.0);
  // Points of removed classes go; multi-label points lose those labels (and go with the last).
  const unsigned kept = class_bits(K);
  auto affected = [kept](const Point& pt) { return (pt.label_mask() & ~kept) != 0; };
  const bool removes = std::any_of(scene_.points.begin(), scene_.points.end(), affected);
  if (removes) {
    PointOp op{PointOp::Swap, 0, {}, {}, scene_.points};
    std::erase_if(op.other, [kept](const Point& pt) { return (pt.label_mask() & kept) == 0; });
    for (Point& pt : op.other)
      if (pt.labels != 0) pt.set_label_mask(pt.labels & kept);
    apply(op, true);  // the scene now holds the kept points, the op the old array
    add_op(e, std::move(op));
  }
  changed(removes);
}

int Document::add_point(double x0, double x1, int label) {
  if (scene_.points.size() >= kMaxPoints) return -1;
  Entry& e = record();
  PointOp op;
  op.kind = PointOp::Insert;
  op.index = scene_.points.size();
  op.after = clamped({x0, x1, label}, scene_.classes());
  apply(op, true);
  add_op(e, std::move(op));
  changed(true);
  return static_cast<int>(scene_.points.size()) - 1;
}

bool Document::delete_point(int i) {
  if (i < 0 || i >= static_cast<int>(scene_.points.size())) return false;
  Entry& e = record();
  PointOp op;
  op.kind = PointOp::Erase;
  op.index = static_cast<std::size_t>(i);
  op.before = scene_.points[op.index];
  apply(op, true);
  add_op(e, std::move(op));
  changed(true);
  return true;
}

bool Document::move_point(int i, double x0, double x1) {
  if (i < 0 || i >= static_cast<int>(scene_.points.size())) return false;
  const Point& cur = scene_.points[static_cast<std::size_t>(i)];
  Point to = cur;
  to.x0 = x0;
  to.x1 = x1;
  to = clamped(to, scene_.classes());
  if (to == cur) return false;
  Entry& e = record();
  add_op(e, {PointOp::Set, static_cast<std::size_t>(i), cur, to, {}});
  scene_.points[static_cast<std::size_t>(i)] = to;
  changed(true);
  return true;
}

bool Document::relabel_point(int i, int label) {
  if (i < 0 || i >= static_cast<int>(scene_.points.size())) return false;
  const Point& cur = scene_.points[static_cast<std::size_t>(i)];
  Point to = cur;
  to.label = std::clamp(label, 0, scene_.classes() - 1);
  to.labels = 0;  // a relabelled multi-label point has the one label
  if (to == cur) return false;
  seal();  // a relabel is its own entry
  Entry& e = record();
  add_op(e, {PointOp::Set, static_cast<std::size_t>(i), cur, to, {}});
  scene_.points[static_cast<std::size_t>(i)] = to;
  changed(true);
  seal();
  return true;
}

void Document::replace(Scene s) {
  clamp_scene(s);
  seal();
  Entry& e = record();
  PointOp op{PointOp::Swap, 0, {}, {}, std::move(s.points)};
  apply(op, true);
  scene_.params = std::move(s.params);
  scene_.loss = s.loss;
  scene_.optimizer = s.optimizer;
  scene_.class_names = std::move(s.class_names);
  add_op(e, std::move(op));
  seal();
  ++replacements_;
  changed(true);
}

bool Document::undo() {
  if (undo_.empty()) return false;
  Entry e = std::move(undo_.back());
  undo_.pop_back();
  apply_settings(e.settings);
  for (auto it = e.ops.rbegin(); it != e.ops.rend(); ++it) apply(*it, false);
  redo_.push_back(std::move(e));
  sealed_ = true;
  changed(true);
  return true;
}

bool Document::redo() {
  if (redo_.empty()) return false;
  Entry e = std::move(redo_.back());
  redo_.pop_back();
  apply_settings(e.settings);
  for (PointOp& op : e.ops) apply(op, true);
  undo_.push_back(std::move(e));
  sealed_ = true;
  changed(true);
  return true;
}

bool Document::revert_gesture() {
  if (sealed_ || gesture_ == 0 || undo_.empty() || undo_.back().gesture != gesture_) return false;
  Entry e = std::move(undo_.back());
  undo_.pop_back();
  undo_bytes_ -= e.bytes;
  apply_settings(e.settings);
  for (auto it = e.ops.rbegin(); it != e.ops.rend(); ++it) apply(*it, false);
  sealed_ = true;
  changed(true);
  return true;
}

void Document::clear_history() {
  undo_.clear();
  redo_.clear();
  undo_bytes_ = 0;
  sealed_ = true;
}

}  // namespace ll
