// Benchmark: the image classifier on Fashion-MNIST (core/images/). One epoch of minibatch SGD
// (softmax, batch 256, double precision, lr 0.5, L2 1e-4) over the 60,000 training images, the
// median of `--epochs` epochs (default 5) on one trainer; plus the time to load the data and
// the test accuracy it reached. bench/torch_epoch.py is the same loop in PyTorch (one thread,
// float64), run side by side for the README's "Performance" figures.
//   bench_images [--data DIR] [--epochs E] [--loss ww|softmax|...] [--batch B]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/images/idx.h"
#include "core/images/trainer.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = ll::images::kFashionMnistDir;
  int epochs = 5, batch = 256;
  ll::LossKind kind = ll::LossKind::Softmax;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--data") {
      dir = v;
    } else if (a == "--epochs") {
      epochs = std::max(1, std::atoi(v.c_str()));
    } else if (a == "--batch") {
      batch = std::max(1, std::atoi(v.c_str()));
    } else if (a == "--loss" && ll::parse(v, kind)) {
    } else {
      std::fprintf(stderr, "bench_images: unknown option %s %s\n", a.c_str(), v.c_str());
      return 2;
    }
  }
  const auto t_load = std::chrono::steady_clock::now();
  std::shared_ptr<ll::images::Dataset> data;
  try {
    data = std::make_shared<ll::images::Dataset>(ll::images::load_fashion_mnist(dir));
  } catch (const ll::images::IdxError& e) {
    std::fprintf(stderr, "bench_images: %s\n", e.what());
    return 2;
  }
  const double load_s = seconds_since(t_load);
  ll::images::TrainSettings s;
  s.loss.kind = kind;
  s.loss.lambda = 1e-4;
  s.optimizer.kind = ll::OptimizerKind::SGD;
  s.optimizer.lr = ll::is_hinge(kind) ? 0.05 : 0.5;
  s.optimizer.batch = batch;
  s.init = ll::images::Init::Small;
  s.eval_every = -1;  // time the steps only
  ll::images::Trainer t(data, s);
  const long per_epoch = t.steps_for_epochs(1.0);
  std::vector<double> times;
  for (int e = 0; e < epochs; ++e) {
    const auto t0 = std::chrono::steady_clock::now();
    t.train_steps(per_epoch);
    times.push_back(seconds_since(t0));
  }
  std::vector<double> sorted = times;
  std::sort(sorted.begin(), sorted.end());
  const ll::images::Summary test = ll::images::summarize(t.model(), data->test, s.loss);
  std::printf(
      "{\"impl\": \"losslab\", \"loss\": \"%s\", \"load_seconds\": %.3f, "
      "\"steps_per_epoch\": %ld, \"batch\": %d, \"epoch_seconds\": [",
      ll::to_string(kind), load_s, per_epoch, batch);
  for (std::size_t i = 0; i < times.size(); ++i) std::printf("%s%.4f", i > 0 ? ", " : "", times[i]);
  std::printf("], \"median_epoch_seconds\": %.4f, \"test_accuracy\": %.4f}\n",
              sorted[sorted.size() / 2], test.accuracy);
  return 0;
}
