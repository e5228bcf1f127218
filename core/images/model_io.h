#pragma once
// The model file of `losslab images train --out MODEL.json`: W (K rows of D numbers), b, the
// class names, the image size, the training mean when the pixels were centred, and the
// settings it was trained with:
//   {"format": "losslab-image-model", "version": 1, "rows": 28, "cols": 28,
//    "class_names": [...], "W": [[...], ...], "b": [...], "mean": [...] (or absent),
//    "center": true (whether "mean" is there), "loss": {...}, "optimizer": {...},
//    "init": "small", "steps": 2000}
// Whoever uses the model (images scores, the templates' caption) subtracts "mean" from an image
// in [0, 1] before s = W x + b, exactly as training did.
#include <Eigen/Core>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/images/linear_model.h"
#include "core/images/trainer.h"

namespace ll::images {

struct ModelFile {
  LinearModel model;
  int rows = 0, cols = 0;  // image size: rows * cols == D
  std::vector<std::string> class_names;
  Eigen::VectorXf mean;  // the training mean subtracted from every image, or empty
  bool centered() const { return mean.size() > 0; }
  TrainSettings settings;
  long steps = 0;
};

class ModelFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string model_to_json(const ModelFile& f);
// Parses and checks a model file's text (sizes agree, every number finite, K in [2, 10], D up
// to 1024 x 1024); throws ModelFileError naming what is wrong.
ModelFile model_from_json(const std::string& text);
// Reads `path` (at most 256 MiB; not a folder or FIFO) and parses it; ModelFileError names
// the path.
ModelFile load_model_file(const std::string& path);

}  // namespace ll::images
