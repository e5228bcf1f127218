#pragma once
// The Images tab's pictures as tile figures (app/figure/template_figure.h's TemplateFigure: the
// window draws them with ImGui, exports draw the same description with cairo): a grid of
// sample images per class, the misclassified test images with what was predicted, and the
// confusion matrix as a K x K tile. The templates themselves are figure::template_figure of W.
// No ImGui, no cairo.
#include <string>
#include <vector>

#include "app/figure/template_figure.h"
#include "app/style/style.h"
#include "core/images/evaluation.h"
#include "core/images/image_set.h"

namespace ll::imagestab {

// The grey of a stored pixel (in [0, 1], or centred: `mean` added back), 0 black .. 1 white.
palette::Rgb pixel_grey(float value, float mean = 0.0f);

// The first `per_class` training images of each class: one column per class (its name under
// the last row), one row per sample.
figure::TemplateFigure samples_figure(const images::Dataset& data, int per_class, double width,
                                      double height, const Style& style,
                                      const figure::MeasureText& measure);

// Images `indices` of `set` in a grid of `columns`, each with its caption.
figure::TemplateFigure image_grid_figure(const images::ImageSet& set, const Eigen::VectorXf& mean,
                                         const std::vector<int>& indices,
                                         const std::vector<std::string>& captions, int columns,
                                         double width, double height, const Style& style,
                                         const figure::MeasureText& measure,
                                         const std::string& title);

// The misclassified test images, largest margin first: "predicted (true)" under each.
figure::TemplateFigure mistakes_figure(const images::Dataset& data,
                                       const std::vector<images::Mistake>& mistakes, int columns,
                                       double width, double height, const Style& style,
                                       const figure::MeasureText& measure);

// The colour of a confusion-matrix cell holding `count` of its row's `row_total` images:
// the background at 0, a deep blue at the whole row (the diagonal of a good classifier).
palette::Rgb confusion_colour(int count, int row_total, const Style& style);
// The confusion matrix (rows: true class, columns: predicted) as one K x K tile.
figure::TemplateFigure confusion_figure(const Eigen::MatrixXi& confusion,
                                        const std::vector<std::string>& names, double width,
                                        double height, const Style& style,
                                        const figure::MeasureText& measure);

}  // namespace ll::imagestab
