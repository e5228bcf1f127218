#pragma once
// The canvas view: world coordinates (y up, default [-1, 1]^2 in the shorter side) mapped to
// screen pixels (y down) under pan and zoom. GL-free so the tests can check it exactly. Points
// and vectors are Eigen::Vector2d, in world and in screen units alike.
#include <Eigen/Core>
#include <vector>

#include "app/figure/canvas_figure.h"

namespace ll::gui {

class ViewTransform {
 public:
  // Zoom 1 shows [-1, 1] across the shorter side, so the half-size of the view is 1 / zoom:
  // from 1e-9 to 1e9 world units. The centre stays within +-kMaxCenter (always finite).
  static constexpr double kMinZoom = 1e-9;
  static constexpr double kMaxZoom = 1e9;
  static constexpr double kMaxCenter = 1e9;

  // The canvas rectangle on screen, in pixels (top-left origin).
  void set_rect(double x, double y, double w, double h);
  double rect_x() const { return x_; }
  double rect_y() const { return y_; }
  double rect_w() const { return w_; }
  double rect_h() const { return h_; }

  Eigen::Vector2d to_screen(const Eigen::Vector2d& world) const;
  Eigen::Vector2d to_world(const Eigen::Vector2d& screen) const;
  double pixels_per_unit() const;

  // Moves the view so that the content follows the mouse by (dx, dy) pixels (non-finite
  // deltas are ignored).
  void pan_pixels(double dx, double dy);
  // Multiplies the zoom by `factor`, keeping the world point under `screen` fixed.
  void zoom_about(const Eigen::Vector2d& screen, double factor);
  void reset();  // centre (0, 0), zoom 1: [-1, 1] spans the shorter side

  // The home view: centred on the origin, showing at least [-1, 1]^2 and every point of
  // `points` whole (a disc of `margin_px` around it inside the canvas). Fit: centred on the
  // points' bounding box, as large as their discs allow ([-1, 1]^2 when there are none).
  // Both hold until the next pan or zoom: a new canvas rectangle (first frame, resize)
  // applies them again.
  void home(const Rect& points, double margin_px);
  void fit(const Rect& points, double margin_px);

  Eigen::Vector2d center() const { return center_; }
  double zoom() const { return zoom_; }
  // The canvas's figure mapping: world to pixels from the rectangle's top-left corner.
  figure::CanvasMapping mapping() const;
  // Visible world rectangle.
  Eigen::Vector2d world_min() const;
  Eigen::Vector2d world_max() const;

 private:
  double x_ = 0.0, y_ = 0.0, w_ = 1.0, h_ = 1.0;
  Eigen::Vector2d center_ = Eigen::Vector2d::Zero();
  double zoom_ = 1.0;
  enum class Framing { None, Home, Fit };
  Framing framing_ = Framing::None;  // re-applied by set_rect until a pan or zoom
  Rect frame_points_;
  double frame_margin_ = 0.0;
  void apply_framing();
};

// The bounding box of the points' finite positions; empty (x_min > x_max) without any.
Rect points_bounds(const std::vector<Point>& points);

}  // namespace ll::gui
