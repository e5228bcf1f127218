// losslab images train [--data DIR] [--loss L --reg X --reg-kind K ...] [--optimizer O --lr X
//                      --batch B --seed S ...] [--epochs E | --steps N] [--init zero|small]
//                      [--limit N] [--center | --no-center] [--out MODEL.json]
// losslab images scores MODEL.json --index I [--data DIR]
// losslab images templates MODEL.json --out t.png|svg|pdf [--width W --height H --scale S]
//                          [--theme light|dark]
// The image classifier of core/images/ on Fashion-MNIST (the Images tab's command-line twin).
// A missing data set is one line naming the package to install and exit status 2.
#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "app/cli/command_registry.h"
#include "app/cli/commands.h"
#include "app/cli/json_out.h"
#include "app/export/template_export.h"
#include "core/images/evaluation.h"
#include "core/images/idx.h"
#include "core/images/model_io.h"
#include "core/images/trainer.h"
#include "core/losses.h"

namespace ll::cli {

namespace {

constexpr long kMaxImageSteps = 10'000'000;
constexpr double kMaxEpochs = 1000.0;

// The data set, or UsageError: a missing one names the package (exit 2), a broken one the file.
images::Dataset load_data(const std::string& dir, const images::LoadOptions& options) {
  try {
    return images::load_fashion_mnist(dir, options);
  } catch (const images::IdxError& e) {
    throw UsageError(e.what());
  }
}

images::ModelFile load_model(const std::string& path) {
  try {
    return images::load_model_file(path);
  } catch (const images::ModelFileError& e) {
    throw UsageError(e.what());
  }
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

nlohmann::json eval_json(const images::EvalRecord& r) {
  return {{"step", r.step},
          {"epoch", r.epoch},
          {"train_loss", r.train_loss},
          {"train_accuracy", r.train_accuracy},
          {"test_loss", r.test_loss},
          {"test_accuracy", r.test_accuracy}};
}

void register_images_train(CLI::App& images_cmd, int& exit_code) {
  struct Args {
    std::string data = images::kFashionMnistDir, out, init;
    double epochs = 0.0;
    long steps = -1;
    long long limit = 0;
    bool center = true;  // CS231n's preprocessing is the default (--no-center: raw [0, 1] pixels)
    LossOverrides loss;
    OptimizerOverrides optimizer;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = images_cmd.add_subcommand(
      "train",
      "Train the linear classifier on Fashion-MNIST with minibatch SGD/momentum/Adam over "
      "shuffled epochs; print train_accuracy, test_accuracy, history (the mean minibatch data "
      "loss per logged step, at history_steps), evaluations, steps and seconds as JSON. "
      "Defaults (softmax): sgd, lr 0.5, batch 256, L2 1e-4, 10 epochs, init small, pixels "
      "centred (minus the training mean).");
  cmd->add_option("--data", args->data,
                  "folder of the four IDX files (default /usr/share/datasets/fashion-mnist)");
  args->loss.add_to(*cmd);
  args->optimizer.add_to(*cmd);
  CLI::Option* epochs = cmd->add_option("--epochs", args->epochs, "epochs to train, in (0, 1000]")
                            ->check(in_range(limits::Range{0.0, kMaxEpochs}, true));
  CLI::Option* steps = cmd->add_option("--steps", args->steps, "steps to train (0 to 10000000)")
                           ->check(in_range(0, kMaxImageSteps));
  epochs->excludes(steps);
  cmd->add_option("--init", args->init, "zero (W = 0, b = 0) or small (W = 1e-3 N(0, 1))")
      ->check(CLI::IsMember({"zero", "small"}));
  cmd->add_option("--limit", args->limit, "use the first N training images (1 to 10000000)")
      ->check(in_range(1, images::kIdxMaxItems));
  cmd->add_flag("--center,!--no-center", args->center,
                "subtract the training mean image from every image (the default; --no-center: "
                "the raw pixels in [0, 1]); the model file records the mean");
  cmd->add_option("--out", args->out, "write the model (W, b, class names, settings) here");
  cmd->callback([args, &exit_code] {
    // The defaults of the chosen loss, then the options given.
    LossKind kind = LossKind::Softmax;
    if (!args->loss.loss.empty()) parse(args->loss.loss, kind);
    images::TrainSettings s = images::default_settings(kind);
    args->loss.apply(s.loss, static_cast<int>(images::fashion_mnist_class_names().size()));
    args->optimizer.apply(s.optimizer);
    if (!args->init.empty()) images::parse(args->init, s.init);

    const auto t_load = std::chrono::steady_clock::now();
    images::LoadOptions lo;
    lo.train_limit = static_cast<std::size_t>(args->limit);
    lo.center = args->center;
    auto data = std::make_shared<const images::Dataset>(load_data(args->data, lo));
    const double load_seconds = seconds_since(t_load);

    images::Trainer trainer(data, s);
    const long n = args->steps >= 0
                       ? args->steps
                       : trainer.steps_for_epochs(args->epochs > 0.0 ? args->epochs : 10.0);
    const auto t_train = std::chrono::steady_clock::now();
    const long done = trainer.train_steps(n);
    const double seconds = seconds_since(t_train);

    const images::Summary train = images::summarize(trainer.model(), data->train, s.loss);
    const images::Summary test = images::summarize(trainer.model(), data->test, s.loss);
    nlohmann::json out;
    out["train_accuracy"] = train.accuracy;
    out["test_accuracy"] = test.accuracy;
    out["train_loss"] = train.data_loss;
    out["test_loss"] = test.data_loss;
    nlohmann::json history = nlohmann::json::array(), history_steps = nlohmann::json::array();
    for (const images::StepRecord& r : trainer.history()) {
      history.push_back(r.data_loss);
      history_steps.push_back(r.step);
    }
    out["history"] = std::move(history);
    out["history_steps"] = std::move(history_steps);
    nlohmann::json evals = nlohmann::json::array();
    for (const images::EvalRecord& r : trainer.evaluations()) evals.push_back(eval_json(r));
    out["evaluations"] = std::move(evals);
    out["steps"] = done;
    out["epochs"] = trainer.epochs();
    out["seconds"] = seconds;
    out["load_seconds"] = load_seconds;
    out["train_images"] = data->train.size();
    out["test_images"] = data->test.size();
    out["settings"] = {{"loss", to_string(s.loss.kind)},
                       {"reg", s.loss.lambda},
                       {"reg_kind", to_string(s.loss.reg)},
                       {"optimizer", to_string(s.optimizer.kind)},
                       {"lr", s.optimizer.lr},
                       {"batch", s.optimizer.batch},
                       {"seed", s.optimizer.seed},
                       {"init", images::to_string(s.init)},
                       {"center", data->centered()}};
    const bool diverged = trainer.status() == StepStatus::Diverged;
    out["status"] = diverged ? "diverged" : "ok";
    if (const std::string bad = find_non_finite(out); !bad.empty())
      throw std::runtime_error("images train: " + bad + " is not finite; nothing written");
    if (!args->out.empty()) {
      images::ModelFile f;
      f.model = trainer.model();
      f.rows = data->train.rows;
      f.cols = data->train.cols;
      f.class_names = data->train.class_names;
      f.mean = data->mean;
      f.settings = s;
      f.steps = trainer.steps();
      write_output(args->out, images::model_to_json(f));
    }
    write_output("", out.dump() + "\n");
    if (diverged) {
      std::fprintf(stderr,
                   "losslab: training diverged after %ld steps (parameters kept at the last "
                   "finite state); try a smaller --lr\n",
                   done);
      exit_code = kExitFailure;
    } else {
      exit_code = kExitOk;
    }
  });
}

void register_images_scores(CLI::App& images_cmd, int& exit_code) {
  struct Args {
    std::string model, data = images::kFashionMnistDir;
    long long index = 0;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = images_cmd.add_subcommand(
      "scores",
      "Print the K scores s = W x + b of one test image with its label, the prediction and "
      "its loss L_i under the model's loss, as JSON");
  cmd->add_option("model", args->model, "model file (images train --out)")->required();
  cmd->add_option("--index", args->index, "the test image, 0 to 9999")
      ->required()
      ->check(in_range(0, images::kIdxMaxItems - 1));
  cmd->add_option("--data", args->data, "folder of the IDX files");
  cmd->callback([args, &exit_code] {
    const images::ModelFile f = load_model(args->model);
    images::LoadOptions lo;
    lo.skip_train = true;
    lo.test_limit = static_cast<std::size_t>(args->index) + 1;
    const images::Dataset data = load_data(args->data, lo);
    const images::ImageSet& test = data.test;
    if (static_cast<std::size_t>(args->index) >= test.size())
      throw UsageError("images scores: --index " + std::to_string(args->index) +
                       " is past the last test image (" + std::to_string(test.size()) + " images)");
    if (test.rows != f.rows || test.cols != f.cols || test.classes != f.model.classes())
      throw UsageError("images scores: the model is for " + std::to_string(f.model.classes()) +
                       " classes of " + std::to_string(f.rows) + " x " + std::to_string(f.cols) +
                       " images, the data has " + std::to_string(test.classes) + " of " +
                       std::to_string(test.rows) + " x " + std::to_string(test.cols));
    images::BatchMatrix X, S;
    std::vector<int> labels;
    const auto i = static_cast<std::size_t>(args->index);
    images::gather_range(test, i, i + 1, X, labels);
    if (f.mean.size() > 0) X.row(0) -= f.mean.cast<double>().transpose();
    images::scores(X, f.model, S);
    const int K = f.model.classes(), y = labels[0];
    double ds[kMaxClasses];
    const double loss = point_loss(f.settings.loss, S.row(0).data(), K, y, ds);
    const int p = argmax(S.row(0).data(), K);
    nlohmann::json out;
    out["index"] = args->index;
    out["label"] = y;
    out["label_name"] = f.class_names[static_cast<std::size_t>(y)];
    out["prediction"] = p;
    out["prediction_name"] = f.class_names[static_cast<std::size_t>(p)];
    out["correct"] = p == y;
    out["scores"] = std::vector<double>(S.row(0).data(), S.row(0).data() + K);
    out["class_names"] = f.class_names;
    out["loss_kind"] = to_string(f.settings.loss.kind);
    out["loss"] = loss;
    if (const std::string bad = find_non_finite(out); !bad.empty())
      throw std::runtime_error("images scores: " + bad + " is not finite");
    write_output("", out.dump() + "\n");
    exit_code = kExitOk;
  });
}

void register_images_templates(CLI::App& images_cmd, int& exit_code) {
  struct Args {
    std::string model, out, theme = "light";
    double width = 1000.0, height = 520.0, scale = 1.0;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = images_cmd.add_subcommand(
      "templates",
      "Draw the rows of W as rows x cols images (one tile per class, a diverging colour map "
      "with one scale for all, the class names, the colour bar) as PNG, SVG or PDF");
  cmd->add_option("model", args->model, "model file (images train --out)")->required();
  cmd->add_option("--out", args->out, "output file: .png, .svg or .pdf")->required();
  cmd->add_option("--width", args->width, "figure width in [100, 8000] units")
      ->check(in_range(limits::Range{100.0, 8000.0}));
  cmd->add_option("--height", args->height, "figure height in [100, 8000] units")
      ->check(in_range(limits::Range{100.0, 8000.0}));
  cmd->add_option("--scale", args->scale, "PNG pixels per unit in [0.25, 8]")
      ->check(in_range(limits::Range{0.25, 8.0}));
  cmd->add_option("--theme", args->theme, "light or dark")->check(CLI::IsMember({"light", "dark"}));
  cmd->callback([args, &exit_code] {
    exporter::Format format{};
    if (!exporter::format_from_path(args->out, format))
      throw UsageError("images templates: --out must end in .png, .svg or .pdf: " + args->out);
    const images::ModelFile f = load_model(args->model);
    exporter::TemplateExport opt;
    opt.width = args->width;
    opt.height = args->height;
    opt.scale = args->scale;
    exporter::parse_theme(args->theme, opt.style.theme);
    if (f.centered()) opt.options.title = figure::kCenteredTemplatesTitle;
    opt.style.scale = static_cast<float>(std::max(0.75, std::min(opt.width, opt.height) / 520.0));
    exporter::export_templates(args->out, f.model.W, f.rows, f.cols, f.class_names, opt);
    exit_code = kExitOk;
  });
}

}  // namespace

void register_images(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "images",
      "The linear classifier on real images (Fashion-MNIST, package dataset-fashion-mnist): "
      "train, scores of a test image, templates");
  cmd->require_subcommand(1);
  register_images_train(*cmd, exit_code);
  register_images_scores(*cmd, exit_code);
  register_images_templates(*cmd, exit_code);
}

}  // namespace ll::cli
