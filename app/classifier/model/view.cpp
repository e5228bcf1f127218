#include "app/classifier/model/view.h"

#include <algorithm>
#include <cmath>

namespace ll::gui {

namespace {
Eigen::Vector2d clamp_center(const Eigen::Vector2d& c, const Eigen::Vector2d& fallback) {
  if (!std::isfinite(c.x()) || !std::isfinite(c.y())) return fallback;
  const double m = ViewTransform::kMaxCenter;
  return {std::clamp(c.x(), -m, m), std::clamp(c.y(), -m, m)};
}
}  // namespace

void ViewTransform::set_rect(double x, double y, double w, double h) {
  x_ = x;
  y_ = y;
  w_ = std::max(w, 1.0);
  h_ = std::max(h, 1.0);
}

double ViewTransform::pixels_per_unit() const { return zoom_ * 0.5 * std::min(w_, h_); }

Eigen::Vector2d ViewTransform::to_screen(const Eigen::Vector2d& world) const {
  const double s = pixels_per_unit();
  return {x_ + 0.5 * w_ + (world.x() - center_.x()) * s,
          y_ + 0.5 * h_ - (world.y() - center_.y()) * s};
}

Eigen::Vector2d ViewTransform::to_world(const Eigen::Vector2d& screen) const {
  const double s = pixels_per_unit();
  return {center_.x() + (screen.x() - x_ - 0.5 * w_) / s,
          center_.y() - (screen.y() - y_ - 0.5 * h_) / s};
}

void ViewTransform::pan_pixels(double dx, double dy) {
  const double s = pixels_per_unit();
  center_ = clamp_center({center_.x() - dx / s, center_.y() + dy / s}, center_);
}

void ViewTransform::zoom_about(const Eigen::Vector2d& screen, double factor) {
  if (!(factor > 0.0) || !std::isfinite(factor)) return;
  const Eigen::Vector2d before = to_world(screen);
  zoom_ = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
  const Eigen::Vector2d after = to_world(screen);
  center_ = clamp_center(center_ + (before - after), center_);
}

void ViewTransform::reset() {
  center_ = Eigen::Vector2d::Zero();
  zoom_ = 1.0;
}

figure::CanvasMapping ViewTransform::mapping() const {
  figure::CanvasMapping m;
  const Eigen::Vector2d lo = world_min(), hi = world_max();
  m.world = Rect{lo.x(), lo.y(), hi.x(), hi.y()};
  m.width = w_;
  m.height = h_;
  m.ppu = pixels_per_unit();
  return m;
}

Eigen::Vector2d ViewTransform::world_min() const { return to_world({x_, y_ + h_}); }
Eigen::Vector2d ViewTransform::world_max() const { return to_world({x_ + w_, y_}); }

}  // namespace ll::gui
