#pragma once
// Labelled images as rows of a matrix: the data set of the image classifier (core/images/).
// Pixels are stored as float (N x D, row i = image i, row-major pixels): they come from 8-bit
// values scaled to [0, 1] (optionally minus the training mean), which float holds to 6e-8, and
// Fashion-MNIST's 70,000 x 784 pixels take 220 MB instead of 440 MB. Every computation is in
// double: a minibatch is gathered into a double matrix (gather_batch) before the GEMMs.
#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace ll::images {

using PixelMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
// A minibatch (or any block of images) in double precision, row i = one image.
using BatchMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct ImageSet {
  PixelMatrix X;                         // N x D
  std::vector<int> labels;               // N, each in [0, classes)
  int rows = 0, cols = 0;                // image height and width: rows * cols == D
  int classes = 0;                       // K
  std::vector<std::string> class_names;  // K names

  std::size_t size() const { return labels.size(); }
  int dim() const { return static_cast<int>(X.cols()); }
};

// A training and a test set of the same image size and classes. `mean` is the training set's
// mean image (D) when the pixels were centred (both sets minus the training mean), else empty.
struct Dataset {
  ImageSet train, test;
  Eigen::VectorXf mean;
  bool centered() const { return mean.size() > 0; }
};

// Copies rows `indices` of `set` (all rows, in order, when empty) into `X` (resized) and their
// labels into `labels`, converting the pixels to double.
void gather_batch(const ImageSet& set, std::span<const int> indices, BatchMatrix& X,
                  std::vector<int>& labels);
// Rows [begin, end) of `set` into X (double) and labels.
void gather_range(const ImageSet& set, std::size_t begin, std::size_t end, BatchMatrix& X,
                  std::vector<int>& labels);

// Checks the invariants above (sizes, labels in range, finite pixels, one name per class);
// throws std::invalid_argument naming the first problem.
void check_image_set(const ImageSet& set);

// Subtracts the training mean from both sets and stores it in `data.mean` (a no-op when
// already centred).
void center(Dataset& data);

// Fashion-MNIST's ten classes, in label order: "T-shirt/top", "Trouser", "Pullover", "Dress",
// "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot".
std::vector<std::string> fashion_mnist_class_names();

}  // namespace ll::images
