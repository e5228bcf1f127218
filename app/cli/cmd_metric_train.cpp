// losslab metric-train [SCENE | --preset NAME] [--loss triplet|contrastive]
//                      [--mining all|hard|semi-hard|random] [--margin M]
//                      [--distance squared|plain] [--lr X] [--steps N] [--seed S]
//                      [--points N] [--start collapsed|identity] [--log-every K] [--mined]
//                      [--out FILE.png|svg|pdf ...]
// The command-line twin of the loss lab's "Train embedding" page: labelled 2-D points (a
// scene file or a preset, at most --points of them, evenly spaced) mapped by f(x) = A x + c and
// trained by gradient descent under the contrastive or triplet loss with a mining strategy,
// by core/metric/embedding_training.h's EmbeddingTrainer (the window's one implementation).
// Prints JSON: per logged step the mined batch's loss, its size, how many of it are active, the
// categories of its negatives (triplet loss), the loss and active count over every
// pair/triplet; the final A and c and their loss over everything; the embedded points. --mined
// adds to each logged step the embedding it was mined on and the mined triplets [a, p, n] (or
// pairs [a, b, y]). --out draws the embedded points beside the loss plot (View::Plane).
#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/cli/cmd_metric_figure.h"
#include "app/cli/command_registry.h"
#include "app/cli/json_out.h"
#include "app/figure/embedding_plot.h"
#include "core/datasets.h"
#include "core/metric/embedding_training.h"
#include "core/metric/plane_figure.h"

namespace ll::cli {

namespace {

constexpr long kMaxTrainSteps = 100000;
constexpr long kMaxTrainPoints = 500;

nlohmann::json mt_vec(const metric::Vec2& v) {
  return nlohmann::json::array({v.x() + 0.0, v.y() + 0.0});
}
nlohmann::json mt_map(const metric::LinearMap& m) {
  return {{"A", {{m.A(0, 0), m.A(0, 1)}, {m.A(1, 0), m.A(1, 1)}}}, {"c", mt_vec(m.c)}};
}

metric::Mining mt_mining(const std::string& s) {
  for (metric::Mining m : {metric::Mining::All, metric::Mining::Hard, metric::Mining::SemiHard,
                           metric::Mining::Random})
    if (s == metric::to_string(m)) return m;
  return metric::Mining::SemiHard;  // unreachable: IsMember checked it
}

}  // namespace

void register_metric_train(CLI::App& app, int& exit_code) {
  struct Args {
    std::string scene, preset, loss = "triplet", mining = "semi-hard", distance,
                               start = "collapsed";
    double margin = 1.0, lr = 0.05;
    long steps = 100, points = 60, log_every = 1;
    long long seed = 1;
    bool mined = false;
    MetricFigureOut figure;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "metric-train",
      "Train a linear embedding f(x) = A x + c of a scene's points under the contrastive or "
      "triplet loss with mining; print the loss and active count per step, A, c and the "
      "embedded points as JSON");
  cmd->add_option("scene", args->scene, "scene file (.json or .csv)");
  const std::vector<std::string> names = preset_names();
  cmd->add_option("--preset", args->preset, "a preset's points instead of a scene (blobs)")
      ->check(CLI::IsMember(names));
  cmd->add_option("--loss", args->loss, "triplet (default) or contrastive")
      ->check(CLI::IsMember({"triplet", "contrastive"}));
  cmd->add_option("--mining", args->mining, "all, hard, semi-hard (default) or random")
      ->check(CLI::IsMember({"all", "hard", "semi-hard", "random"}));
  cmd->add_option("--margin", args->margin, "the margin m in [0, 1e6] (default 1)")
      ->check(in_range(limits::Range{0.0, 1e6}));
  cmd->add_option("--distance", args->distance,
                  "squared or plain (default: the lecture's, squared for triplet, plain for "
                  "contrastive)")
      ->check(CLI::IsMember({"squared", "plain"}));
  cmd->add_option("--lr", args->lr, "learning rate in (0, 100] (default 0.05)")
      ->check(in_range(limits::Range{0.0, 100.0}, true));
  cmd->add_option("--steps", args->steps, "gradient steps, 0..100000 (default 100)")
      ->check(in_range(0, kMaxTrainSteps));
  cmd->add_option("--seed", args->seed, "seed of random mining (default 1)")
      ->check(in_range(0, (1LL << 53)));
  cmd->add_option("--points", args->points, "at most this many points, 2..500 (default 60)")
      ->check(in_range(2, kMaxTrainPoints));
  cmd->add_option("--start", args->start,
                  "the starting map: collapsed (the window's, classes mixed; default) or "
                  "identity")
      ->check(CLI::IsMember({"collapsed", "identity"}));
  cmd->add_option("--log-every", args->log_every,
                  "log every K-th step (and the last), 1..100000 (default 1)")
      ->check(in_range(1, kMaxTrainSteps));
  cmd->add_flag("--mined", args->mined,
                "add each logged step's embedding and mined triplets/pairs");
  args->figure.add_to(*cmd);
  cmd->callback([args, &exit_code] {
    if (!args->scene.empty() && !args->preset.empty())
      throw UsageError("metric-train: give a scene file or --preset, not both");
    exporter::Format format = exporter::Format::Png;
    const exporter::FigureOptions fig_opt =
        args->figure.wanted() ? args->figure.options(1200, 600, format) : exporter::FigureOptions{};
    Scene scene;
    if (!args->scene.empty())
      scene = load_scene_or_throw(args->scene);
    else
      make_preset(args->preset.empty() ? "blobs" : args->preset, scene);
    std::vector<metric::LabelledPoint> points =
        metric::labelled_points(scene, static_cast<std::size_t>(args->points));
    std::set<int> labels;
    for (const metric::LabelledPoint& p : points) labels.insert(p.label);
    if (labels.size() < 2)
      throw UsageError("metric-train: the points need at least two classes (negatives)");

    metric::EmbeddingSettings s;
    metric::parse(args->loss.c_str(), s.loss);
    s.form = metric::lecture_form(s.loss);
    if (!args->distance.empty()) metric::parse(args->distance.c_str(), s.form);
    s.margin = args->margin;
    s.mining = mt_mining(args->mining);
    s.lr = args->lr;
    const metric::LinearMap start =
        args->start == "identity" ? metric::LinearMap{} : metric::collapsed_map();
    metric::EmbeddingTrainer trainer(points, start, static_cast<std::uint64_t>(args->seed));

    const bool triplet = s.loss == metric::MetricLoss::Triplet;
    nlohmann::json history = nlohmann::json::array();
    for (long i = 0; i < args->steps; ++i) {
      const std::vector<metric::Vec2> before = args->mined
                                                   ? metric::embed(trainer.points(), trainer.map())
                                                   : std::vector<metric::Vec2>();
      const metric::StepRecord& r = trainer.step(s);
      if (i % args->log_every != 0 && i + 1 != args->steps) continue;
      nlohmann::json rec = {{"step", r.step},
                            {"loss", r.loss},
                            {"terms", r.terms},
                            {"active", r.active},
                            {"full_loss", r.full_loss},
                            {"all_terms", r.all_terms},
                            {"all_active", r.all_active}};
      if (triplet)
        rec["mined_categories"] = {
            {"hard", r.mined.hard}, {"semi-hard", r.mined.semi_hard}, {"easy", r.mined.easy}};
      if (args->mined) {
        nlohmann::json emb = nlohmann::json::array(), batch = nlohmann::json::array();
        for (const metric::Vec2& e : before) emb.push_back(mt_vec(e));
        for (const metric::MinedTriplet& t : trainer.last_batch().triplets)
          batch.push_back({t.a, t.p, t.n});
        for (const metric::MinedPair& p : trainer.last_batch().pairs)
          batch.push_back({p.a, p.b, p.y});
        rec["embedded"] = std::move(emb);
        rec[triplet ? "mined_triplets" : "mined_pairs"] = std::move(batch);
      }
      history.push_back(std::move(rec));
    }

    const std::vector<metric::Vec2> emb = metric::embed(trainer.points(), trainer.map());
    const metric::FullLoss fin = metric::full_loss(emb, trainer.points(), s);
    nlohmann::json out;
    out["loss"] = args->loss;
    out["distance"] = metric::to_string(s.form);
    out["margin"] = s.margin;
    out["mining"] = metric::to_string(s.mining);
    out["lr"] = s.lr;
    out["steps"] = args->steps;
    out["seed"] = args->seed;
    out["source"] = args->scene.empty()
                        ? "preset " + (args->preset.empty() ? std::string("blobs") : args->preset)
                        : args->scene;
    out["points"] = trainer.points().size();
    out["classes"] = labels.size();
    out["start"] = mt_map(start);
    out["history"] = std::move(history);
    nlohmann::json fin_json = mt_map(trainer.map());
    fin_json["full_loss"] = fin.loss;
    fin_json["all_terms"] = fin.terms;
    fin_json["all_active"] = fin.active;
    out["final"] = std::move(fin_json);
    nlohmann::json pts = nlohmann::json::array();
    for (std::size_t i = 0; i < emb.size(); ++i)
      pts.push_back({{"x", mt_vec(trainer.points()[i].x)},
                     {"label", trainer.points()[i].label},
                     {"f", mt_vec(emb[i])}});
    out["embedded"] = std::move(pts);
    if (const std::string bad = find_non_finite(out); !bad.empty())
      throw std::runtime_error("metric-train: " + bad +
                               " is not finite (training diverged: lower --lr); nothing printed");
    if (args->figure.wanted()) {
      exporter::FigureData data;
      data.planes.push_back(metric::embedding_figure(trainer.points(), trainer.map(), true));
      data.plots.push_back(figure::embedding_loss_plot(trainer.history(), s.loss, fig_opt.style));
      data.plot_columns = 2;
      out["figure"] = args->figure.write(data, fig_opt, format);
    }
    write_output("", out.dump() + "\n");
    exit_code = 0;
  });
}

}  // namespace ll::cli
