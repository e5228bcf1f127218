#include "app/images/image_figures.h"

#include <algorithm>
#include <cmath>

namespace ll::imagestab {

namespace {

figure::Text caption(const std::string& s, double cx, double top, double size, const Style& style,
                     const figure::MeasureText& measure, double max_w) {
  figure::Text t;
  t.text = s;
  t.size = size;
  // Shortened (with an ellipsis) to the room it has: one UTF-8 character less each round, so
  // the loop ends (it used to strip and re-add the ellipsis forever when one cut was not
  // enough, hanging the window on a long mistake caption).
  std::string base = s;
  while (base.size() > 1 && measure(t.text, size, false) > max_w) {
    while (!base.empty() && (static_cast<unsigned char>(base.back()) & 0xC0) == 0x80)
      base.pop_back();  // never cut a UTF-8 sequence
    if (!base.empty()) base.pop_back();
    t.text = base + "…";
  }
  t.top_left = {std::round(cx - measure(t.text, size, false) / 2), std::round(top)};
  t.color = style.colors().text;
  return t;
}

figure::TemplateFigure empty_figure(double width, double height, const Style& style) {
  figure::TemplateFigure f;
  f.width = width;
  f.height = height;
  f.background = style.colors().background;
  f.frame = style.colors().axis;
  return f;
}

figure::TemplateTile image_tile(const images::ImageSet& set, const Eigen::VectorXf& mean, int i) {
  figure::TemplateTile t;
  t.cls = set.labels[static_cast<std::size_t>(i)];
  t.rows = set.rows;
  t.cols = set.cols;
  t.pixels.resize(static_cast<std::size_t>(set.dim()));
  for (int d = 0; d < set.dim(); ++d)
    t.pixels[static_cast<std::size_t>(d)] =
        pixel_grey(set.X(i, d), mean.size() == set.dim() ? mean[d] : 0.0f);
  return t;
}

// Cells of `columns` x `rows` tiles (square) filling width x height below a title line, each
// with a caption line under it.
struct Grid {
  double x0 = 0, y0 = 0, side = 0, cell_w = 0, cell_h = 0, font = 13;
};
Grid grid_for(int columns, int rows, double width, double height, const Style& style, bool title) {
  Grid g;
  g.font = 13.0 * std::max(0.75f, style.scale);
  const double top = title ? g.font * 1.6 : 0.0, gap = g.font * 0.4, cap = g.font * 1.3;
  const double cw = (width - gap) / std::max(1, columns);
  const double ch = (height - top - gap) / std::max(1, rows);
  g.side = std::max(4.0, std::min(cw - gap, ch - gap - cap));
  g.cell_w = g.side + gap;
  g.cell_h = g.side + gap + cap;
  g.x0 = std::round((width - columns * g.cell_w + gap) / 2);
  g.y0 = top;
  return g;
}

}  // namespace

palette::Rgb pixel_grey(float value, float mean) {
  const double v = std::clamp(static_cast<double>(value) + mean, 0.0, 1.0);
  // Fashion-MNIST draws the garment light on black: shown as it is stored.
  const auto g = static_cast<std::uint8_t>(std::lround(255.0 * v));
  return {g, g, g};
}

figure::TemplateFigure image_grid_figure(const images::ImageSet& set, const Eigen::VectorXf& mean,
                                         const std::vector<int>& indices,
                                         const std::vector<std::string>& captions, int columns,
                                         double width, double height, const Style& style,
                                         const figure::MeasureText& measure,
                                         const std::string& title) {
  figure::TemplateFigure f = empty_figure(width, height, style);
  columns = std::max(1, columns);
  const int n = static_cast<int>(indices.size());
  const int rows = std::max(1, (n + columns - 1) / columns);
  const Grid g = grid_for(columns, rows, width, height, style, !title.empty());
  if (!title.empty()) f.title = caption(title, width / 2, 0.0, g.font, style, measure, width);
  for (int j = 0; j < n; ++j) {
    const int i = indices[static_cast<std::size_t>(j)];
    if (i < 0 || i >= static_cast<int>(set.size())) continue;
    figure::TemplateTile t = image_tile(set, mean, i);
    t.x = g.x0 + (j % columns) * g.cell_w;
    t.y = std::round(g.y0 + (j / columns) * g.cell_h);
    t.w = t.h = std::floor(g.side);
    if (j < static_cast<int>(captions.size()))
      t.caption = caption(captions[static_cast<std::size_t>(j)], t.x + t.w / 2, t.y + t.h + 2,
                          g.font, style, measure, g.cell_w);
    f.tiles.push_back(std::move(t));
  }
  return f;
}

figure::TemplateFigure samples_figure(const images::Dataset& data, int per_class, double width,
                                      double height, const Style& style,
                                      const figure::MeasureText& measure) {
  const images::ImageSet& set = data.train;
  const int K = set.classes;
  per_class = std::max(1, per_class);
  std::vector<std::vector<int>> of(static_cast<std::size_t>(K));
  for (std::size_t i = 0; i < set.size(); ++i) {
    auto& v = of[static_cast<std::size_t>(set.labels[i])];
    if (static_cast<int>(v.size()) < per_class) v.push_back(static_cast<int>(i));
  }
  std::vector<int> indices;
  std::vector<std::string> captions;
  for (int r = 0; r < per_class; ++r)
    for (int k = 0; k < K; ++k) {
      const auto& v = of[static_cast<std::size_t>(k)];
      indices.push_back(r < static_cast<int>(v.size()) ? v[static_cast<std::size_t>(r)] : -1);
      captions.push_back(r + 1 == per_class ? set.class_names[static_cast<std::size_t>(k)] : "");
    }
  return image_grid_figure(set, data.mean, indices, captions, K, width, height, style, measure,
                           "Training images, by class");
}

figure::TemplateFigure mistakes_figure(const images::Dataset& data,
                                       const std::vector<images::Mistake>& mistakes, int columns,
                                       double width, double height, const Style& style,
                                       const figure::MeasureText& measure) {
  std::vector<int> indices;
  std::vector<std::string> captions;
  const auto& names = data.test.class_names;
  for (const images::Mistake& m : mistakes) {
    indices.push_back(m.index);
    captions.push_back(names[static_cast<std::size_t>(m.predicted)] + " (" +
                       names[static_cast<std::size_t>(m.label)] + ")");
  }
  return image_grid_figure(data.test, data.mean, indices, captions, columns, width, height, style,
                           measure, "Misclassified test images: predicted (true)");
}

palette::Rgb confusion_colour(int count, int row_total, const Style& style) {
  const double t = row_total > 0 ? std::clamp(double(count) / row_total, 0.0, 1.0) : 0.0;
  const palette::Rgb deep = style.dark() ? palette::Rgb{90, 150, 255} : palette::Rgb{8, 69, 148};
  // sqrt: a few confusions in a row of 1,000 still show.
  return palette::mix(style.colors().background, deep, std::sqrt(t));
}

figure::TemplateFigure confusion_figure(const Eigen::MatrixXi& confusion,
                                        const std::vector<std::string>& names, double width,
                                        double height, const Style& style,
                                        const figure::MeasureText& measure) {
  figure::TemplateFigure f = empty_figure(width, height, style);
  const int K = static_cast<int>(confusion.rows());
  if (K == 0 || confusion.cols() != K) return f;
  const double font = 13.0 * std::max(0.75f, style.scale);
  f.title = caption("Confusion matrix: rows true class, columns predicted", width / 2, 0.0, font,
                    style, measure, width);
  // The class names are the window's table headers; the figure keeps to the colours.
  (void)names;
  const double top = font * 1.8;
  const double side = std::max(8.0, std::min(width - 2 * font, height - top - font * 1.5));
  const double left = (width - side) / 2;
  figure::TemplateTile t;
  t.rows = t.cols = K;
  t.x = std::round(left);
  t.y = std::round(top);
  t.w = t.h = std::floor(side / K) * K;
  for (int r = 0; r < K; ++r) {
    const int total = confusion.row(r).sum();
    for (int c = 0; c < K; ++c) t.pixels.push_back(confusion_colour(confusion(r, c), total, style));
  }
  t.caption = caption("predicted →", t.x + t.w / 2, t.y + t.h + 2, font, style, measure, t.w);
  f.tiles.push_back(std::move(t));
  return f;
}

}  // namespace ll::imagestab
