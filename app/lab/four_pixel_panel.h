#pragma once
// The "Four-pixel cat" tab: the lectures' algebraic viewpoint. The 2x2 image (its four pixel
// values editable), stretched into the column x; W drawn as three 2x2 templates (the visual
// viewpoint, in the template grid's diverging colours) with their weights editable; the
// scores s = W x + b written out term by term, the winner marked, and the slide's misprint
// (61.95 for ship where W x + b is 60.75) said. Every number comes from core/lab/four_pixel.h.
// describe() gives the image and the templates as a tile figure (app/figure/template_figure.h),
// drawn here and exported by "Export...".
#include <string>

#include "app/figure/template_figure.h"
#include "app/lab/template_view.h"
#include "app/style/style.h"
#include "core/lab/four_pixel.h"

namespace ll::lab {

// The example as the tab shows it (pixels clamped to [0, 255], weights and biases to
// [-1e3, 1e3]).
struct FourPixelModel {
  FourPixelExample example = four_pixel_lecture();
  void set_pixel(int i, double v);
  void set_weight(int k, int i, double v);
  void set_bias(int k, double v);
  void reset() { example = four_pixel_lecture(); }
  bool is_lecture() const;  // the slide's x, W and b exactly
  FourPixelResult result() const { return four_pixel_scores(example); }
};

// A number as the tab writes it: up to 6 significant digits, a real minus sign (U+2212).
std::string four_pixel_number(double v);
// "0.2·56 + (−0.5)·231 + 0.1·24 + 2·2 + 1.1" for class k; with `values`, the products
// "11.2 + (−115.5) + 2.4 + 4 + 1.1".
std::string four_pixel_terms(const FourPixelExample& e, const FourPixelResult& r, int k,
                             bool values);

class FourPixelPanel {
 public:
  void draw(const Style& style);
  // The image and the three templates, with the scores as captions, in a width x height figure.
  figure::TemplateFigure describe(const Style& style, double width, double height) const;
  FourPixelModel& model() { return m_; }

 private:
  FourPixelModel m_;
  TileExport export_{"four-pixel"};
};

}  // namespace ll::lab
