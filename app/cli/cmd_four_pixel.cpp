// losslab four-pixel [--x A,B,C,D] [--W w00,...,w23] [--b B0,B1,B2]
// The lectures' algebraic viewpoint: the 2x2 image x (row by row), the weights W (3 x 4, row by
// row) and biases b of the four-pixel cat (the slide's by default), and the scores s = W x + b
// of cat, dog and ship, each written out term by term. Prints JSON: `x`, `W`, `b`,
// `class_names`, `classes` (per class: `terms` W_k,i x_i, `bias`, `score`), `scores`, `best`
// (the winning class's index) and `slide_scores` (what the slide prints: 61.95 for ship, where
// W x + b is 60.75).
#include <memory>
#include <stdexcept>

#include "app/cli/command_registry.h"
#include "app/cli/json_out.h"
#include "core/lab/four_pixel.h"
#include "core/lab/number_text.h"

namespace ll::cli {

namespace {

template <std::size_t N>
void read_numbers(const std::string& text, const char* name, double* out) {
  std::vector<double> v;
  if (std::string err = lab::parse_number_list(text, ',', v); !err.empty())
    throw UsageError(std::string("four-pixel: ") + name + ": " + err);
  if (v.size() != N)
    throw UsageError(std::string("four-pixel: ") + name + ": " + std::to_string(v.size()) +
                     " numbers given, " + std::to_string(N) + " needed");
  std::copy(v.begin(), v.end(), out);
}

}  // namespace

void register_four_pixel(CLI::App& app, int& exit_code) {
  struct Args {
    std::string x, W, b;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "four-pixel", "Print the four-pixel cat's scores s = W x + b, term by term, as JSON");
  cmd->add_option("--x", args->x, "the 2x2 image, row by row: 4 comma-separated pixel values");
  cmd->add_option("--W", args->W, "the weights, row by row: 12 comma-separated numbers");
  cmd->add_option("--b", args->b, "the biases of cat, dog, ship: 3 comma-separated numbers");
  cmd->callback([args, &exit_code] {
    lab::FourPixelExample e = lab::four_pixel_lecture();
    if (!args->x.empty()) read_numbers<lab::kFourPixels>(args->x, "--x", e.x.data());
    if (!args->W.empty()) {
      double w[lab::kFourPixels * lab::kFourPixelClasses];
      read_numbers<lab::kFourPixels * lab::kFourPixelClasses>(args->W, "--W", w);
      for (int k = 0; k < lab::kFourPixelClasses; ++k)
        for (int i = 0; i < lab::kFourPixels; ++i) e.W[k][i] = w[k * lab::kFourPixels + i];
    }
    if (!args->b.empty()) read_numbers<lab::kFourPixelClasses>(args->b, "--b", e.b.data());
    lab::FourPixelResult r;
    try {
      r = lab::four_pixel_scores(e);
    } catch (const std::invalid_argument& ex) {
      throw std::runtime_error(std::string("four-pixel: ") + ex.what() + "; nothing printed");
    }
    nlohmann::json classes = nlohmann::json::array(), scores = nlohmann::json::array(),
                   W = nlohmann::json::array();
    for (int k = 0; k < lab::kFourPixelClasses; ++k) {
      const lab::FourPixelRow& row = r.rows[k];
      classes.push_back({{"name", e.class_names[k]},
                         {"terms", row.terms},
                         {"bias", row.bias},
                         {"score", row.score}});
      scores.push_back(row.score);
      W.push_back(e.W[k]);
    }
    nlohmann::json out = {{"x", e.x},
                          {"W", std::move(W)},
                          {"b", e.b},
                          {"class_names", e.class_names},
                          {"classes", std::move(classes)},
                          {"scores", std::move(scores)},
                          {"best", r.best},
                          {"slide_scores", lab::kFourPixelSlideScores}};
    if (const std::string bad = find_non_finite(out); !bad.empty())
      throw std::runtime_error("four-pixel: " + bad + " is not finite; nothing printed");
    write_output("", out.dump() + "\n");
    exit_code = 0;
  });
}

}  // namespace ll::cli
