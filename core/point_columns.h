#pragma once
// The points of a data set as columns (structure of arrays: x0[], x1[], label[]) for the loss hot
// loop, loss_gradient(const PointColumns&, ...) in core/losses.h. Built once per data revision
// (PointColumnsCache keys it on the caller's revision, e.g. Document::points_revision()): the
// hot loop then reads 20 bytes a point with unit stride instead of gathering 24-byte Points, and
// its label checks are O(1) per call instead of one per point (label_bound below).
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/scene.h"

namespace ll {

class PointColumns {
 public:
  // The columns are padded with zeros to a multiple of kPad entries (the kernels' lanes).
  static constexpr std::size_t kPad = 8;

  PointColumns() = default;
  explicit PointColumns(const std::vector<Point>& points) : n_(points.size()) {
    const std::size_t padded = (n_ + kPad - 1) / kPad * kPad;
    x0_.assign(padded, 0.0);
    x1_.assign(padded, 0.0);
    label_.assign(padded, 0);
    for (std::size_t i = 0; i < n_; ++i) {
      const Point& pt = points[i];
      x0_[i] = pt.x0;
      x1_[i] = pt.x1;
      label_[i] = pt.label;
      // A negative label becomes a huge unsigned one: it fails every "below K" check.
      const std::uint64_t top = pt.labels != 0
                                    ? 15u - static_cast<unsigned>(std::countl_zero(pt.labels))
                                    : std::uint64_t{static_cast<unsigned>(pt.label)};
      label_bound_ = std::max(label_bound_, top + 1);
      if (pt.labels != 0) {
        if (labels_.empty()) labels_.assign(padded, 0);
        labels_[i] = pt.labels;
        ++multi_labels_;
      }
    }
  }

  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const double* x0() const { return x0_.data(); }
  const double* x1() const { return x1_.data(); }
  const int* label() const { return label_.data(); }
  // Point::labels of each point (0 for a single-label point); nullptr when no point has several.
  const std::uint16_t* labels() const { return labels_.empty() ? nullptr : labels_.data(); }
  // 1 + the highest label of any point (as unsigned: a negative label makes it huge); 0 for no
  // points. Every label is below K exactly when label_bound() <= K.
  std::uint64_t label_bound() const { return label_bound_; }
  std::size_t multi_label_count() const { return multi_labels_; }

  // Point i as a Point (i < size()).
  Point point(std::size_t i) const {
    Point p{x0_[i], x1_[i], label_[i]};
    if (!labels_.empty()) p.labels = labels_[i];
    return p;
  }

 private:
  std::size_t n_ = 0;
  std::vector<double> x0_, x1_;
  std::vector<int> label_;
  std::vector<std::uint16_t> labels_;
  std::uint64_t label_bound_ = 0;
  std::size_t multi_labels_ = 0;
};

// The columns of the points at one revision of their owner: rebuilt when the revision changes.
class PointColumnsCache {
 public:
  const PointColumns& get(const std::vector<Point>& points, std::uint64_t revision) {
    if (!valid_ || revision != revision_ || columns_.size() != points.size()) {
      columns_ = PointColumns(points);
      revision_ = revision;
      valid_ = true;
    }
    return columns_;
  }

 private:
  PointColumns columns_;
  std::uint64_t revision_ = 0;
  bool valid_ = false;
};

}  // namespace ll
