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
  const double nw = std::max(w, 1.0), nh = std::max(h, 1.0);
  const bool resized = nw != w_ || nh != h_;
  w_ = nw;
  h_ = nh;
  if (resized) apply_framing();
}

void ViewTransform::home(const Rect& points, double margin_px) {
  framing_ = Framing::Home;
  frame_points_ = points;
  frame_margin_ = margin_px;
  apply_framing();
}

void ViewTransform::fit(const Rect& points, double margin_px) {
  framing_ = Framing::Fit;
  frame_points_ = points;
  frame_margin_ = margin_px;
  apply_framing();
}

void ViewTransform::apply_framing() {
  if (framing_ == Framing::None) return;
  const Rect& r = frame_points_;
  const bool empty = !(r.x_min <= r.x_max && r.y_min <= r.y_max);
  const double m = std::clamp(frame_margin_, 0.0, 0.25 * std::min(w_, h_));
  const double hw = 0.5 * w_, hh = 0.5 * h_;
  double ppu = 0.0;
  Eigen::Vector2d c = Eigen::Vector2d::Zero();
  if (framing_ == Framing::Home || empty) {
    // About the origin: [-1, 1]^2 edge to edge (the demo's view), widened when a point's disc
    // would be cut.
    ppu = std::min(hw, hh);
    if (!empty) {
      const double ex = std::max(std::abs(r.x_min), std::abs(r.x_max));
      const double ey = std::max(std::abs(r.y_min), std::abs(r.y_max));
      if (ex > 0.0) ppu = std::min(ppu, (hw - m) / ex);
      if (ey > 0.0) ppu = std::min(ppu, (hh - m) / ey);
    }
  } else {
    // Centred on the points, their discs just inside the canvas.
    const double ex = std::max(0.5 * r.width(), 1e-9), ey = std::max(0.5 * r.height(), 1e-9);
    ppu = std::min((hw - m) / ex, (hh - m) / ey);
    c = {0.5 * (r.x_min + r.x_max), 0.5 * (r.y_min + r.y_max)};
  }
  const double z = ppu / std::min(hw, hh);
  if (!std::isfinite(z) || !(z > 0.0)) return;
  zoom_ = std::clamp(z, kMinZoom, kMaxZoom);
  center_ = clamp_center(c, center_);
}

Rect points_bounds(const std::vector<Point>& points) {
  Rect r{1.0, 1.0, -1.0, -1.0};  // empty
  bool any = false;
  for (const Point& p : points) {
    if (!std::isfinite(p.x0) || !std::isfinite(p.x1)) continue;
    if (!any) {
      r = {p.x0, p.x1, p.x0, p.x1};
      any = true;
    }
    r.x_min = std::min(r.x_min, p.x0);
    r.x_max = std::max(r.x_max, p.x0);
    r.y_min = std::min(r.y_min, p.x1);
    r.y_max = std::max(r.y_max, p.x1);
  }
  return r;
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
  framing_ = Framing::None;
  const double s = pixels_per_unit();
  center_ = clamp_center({center_.x() - dx / s, center_.y() + dy / s}, center_);
}

void ViewTransform::zoom_about(const Eigen::Vector2d& screen, double factor) {
  if (!(factor > 0.0) || !std::isfinite(factor)) return;
  framing_ = Framing::None;
  const Eigen::Vector2d before = to_world(screen);
  zoom_ = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
  const Eigen::Vector2d after = to_world(screen);
  center_ = clamp_center(center_ + (before - after), center_);
}

void ViewTransform::reset() {
  framing_ = Framing::None;
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
