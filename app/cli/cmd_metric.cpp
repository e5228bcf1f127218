// losslab metric --loss triplet|contrastive --anchor X,Y --positive X,Y[;X,Y...]
//                --negative X,Y[;X,Y...] --margin M [--distance squared|plain]
// The metric-learning losses of one anchor against hand-given positives and negatives (2-D
// embeddings, core/metric/playground.h). Triplet: one row per (positive, negative), with d and
// d² to both, the negative's category relative to that positive, the loss and the gradient with
// respect to anchor, positive and negative. Contrastive: the positives are the y = 1 pairs with
// the anchor, the negatives the y = 0 pairs (each negative's category is relative to the
// positive nearest the anchor). Plus the mean over the rows (total), the number of non-zero
// rows and the gradient of the mean with respect to every point. --distance defaults to the
// lectures' form: squared for triplet (FaceNet), plain for contrastive.
// --out FILE.png|svg|pdf also draws the plane as the window's embedding tab does (rings,
// categories, each term's gradient arrows, labels, legend) through the cairo exporter; the JSON
// then names the file under "figure".
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/cli/cmd_metric_figure.h"
#include "app/cli/command_registry.h"
#include "app/cli/json_out.h"
#include "core/lab/number_text.h"
#include "core/metric/plane_figure.h"
#include "core/metric/playground.h"

namespace ll::cli {

namespace {

constexpr double kMaxCoordinate = 1e6;
constexpr double kMaxMargin = 1e6;
constexpr std::size_t kMaxMetricPoints = 10000;

metric::Vec2 read_metric_point(const std::string& text, const std::string& what) {
  std::vector<double> xy;
  if (std::string err = lab::parse_number_list(text, ',', xy); !err.empty())
    throw UsageError("metric: " + what + ": " + err);
  if (xy.size() != 2)
    throw UsageError("metric: " + what + ": expected X,Y (two numbers), got " +
                     std::to_string(xy.size()));
  for (double v : xy)
    if (v < -kMaxCoordinate || v > kMaxCoordinate)
      throw UsageError("metric: " + what + ": coordinates must lie in [-1e6, 1e6]");
  return {xy[0], xy[1]};
}

std::vector<metric::Vec2> read_metric_points(const std::string& text, const std::string& name) {
  std::vector<metric::Vec2> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t semi = text.find(';', start);
    const std::string item =
        text.substr(start, semi == std::string::npos ? std::string::npos : semi - start);
    out.push_back(
        read_metric_point(item, "--" + name + " point " + std::to_string(out.size() + 1)));
    if (out.size() > kMaxMetricPoints)
      throw UsageError("metric: --" + name + ": at most 10000 points");
    if (semi == std::string::npos) break;
    start = semi + 1;
  }
  return out;
}

// + 0.0 turns -0 into 0 (a zero gradient component prints as 0, not -0).
nlohmann::json vec_json(const metric::Vec2& v) {
  return nlohmann::json::array({v.x() + 0.0, v.y() + 0.0});
}

}  // namespace

void register_metric(CLI::App& app, int& exit_code) {
  struct Args {
    std::string loss, anchor, positive, negative, distance;
    double margin = 0.0;
    MetricFigureOut figure;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "metric",
      "Print the contrastive or triplet loss of an anchor against positives and negatives, "
      "with distances, negative categories and gradients, as JSON");
  cmd->add_option("--loss", args->loss, "triplet or contrastive")
      ->required()
      ->check(CLI::IsMember({"triplet", "contrastive"}));
  cmd->add_option("--anchor", args->anchor, "the anchor's embedding X,Y")->required();
  cmd->add_option("--positive", args->positive,
                  "positives X,Y[;X,Y...] (contrastive: the y = 1 pairs)");
  cmd->add_option("--negative", args->negative,
                  "negatives X,Y[;X,Y...] (contrastive: the y = 0 pairs)");
  cmd->add_option("--margin", args->margin, "the margin m in [0, 1e6]")
      ->required()
      ->check(in_range(limits::Range{0.0, kMaxMargin}));
  cmd->add_option("--distance", args->distance,
                  "squared (FaceNet; triplet default) or plain (PyTorch TripletMarginLoss; "
                  "contrastive default, the lecture's)")
      ->check(CLI::IsMember({"squared", "plain"}));
  args->figure.add_to(*cmd);
  cmd->callback([args, &exit_code] {
    exporter::Format format = exporter::Format::Png;
    const exporter::FigureOptions fig_opt =
        args->figure.wanted() ? args->figure.options(600, 600, format) : exporter::FigureOptions{};
    metric::PlaygroundSettings s;
    metric::parse(args->loss.c_str(), s.loss);
    s.form = metric::lecture_form(s.loss);
    if (!args->distance.empty()) metric::parse(args->distance.c_str(), s.form);
    s.margin = args->margin;
    metric::Playground g;
    g.anchor = read_metric_point(args->anchor, "--anchor");
    if (!args->positive.empty()) g.positives = read_metric_points(args->positive, "positive");
    if (!args->negative.empty()) g.negatives = read_metric_points(args->negative, "negative");
    const bool triplet = s.loss == metric::MetricLoss::Triplet;
    if (triplet && (g.positives.empty() || g.negatives.empty()))
      throw UsageError("metric: the triplet loss needs --positive and --negative");
    if (!triplet && g.positives.empty() && g.negatives.empty())
      throw UsageError("metric: the contrastive loss needs --positive or --negative");

    const metric::PlaygroundReport r = metric::evaluate(g, s);
    nlohmann::json out;
    out["loss"] = args->loss;
    out["distance"] = metric::to_string(s.form);
    out["margin"] = s.margin;
    out["anchor"] = vec_json(g.anchor);
    nlohmann::json rows = nlohmann::json::array();
    for (const metric::TripletRow& t : r.triplets) {
      rows.push_back({{"positive", t.positive},
                      {"negative", t.negative},
                      {"d_ap", t.term.d_ap},
                      {"d_an", t.term.d_an},
                      {"d2_ap", t.term.d2_ap},
                      {"d2_an", t.term.d2_an},
                      {"category", metric::to_string(t.term.category)},
                      {"loss", t.term.loss},
                      {"grad",
                       {{"anchor", vec_json(t.term.grad_a)},
                        {"positive", vec_json(t.term.grad_p)},
                        {"negative", vec_json(t.term.grad_n)}}}});
    }
    for (const metric::PairRow& p : r.pairs) {
      const bool pos = p.kind == metric::PointKind::Positive;
      nlohmann::json row = {{"y", p.term.y},
                            {pos ? "positive" : "negative", p.index},
                            {"d", p.term.d},
                            {"d2", p.term.d2},
                            {"loss", p.term.loss},
                            {"grad",
                             {{"anchor", vec_json(p.term.grad_a)},
                              {pos ? "positive" : "negative", vec_json(p.term.grad_b)}}}};
      if (!pos && r.reference >= 0)
        row["category"] = metric::to_string(r.categories[size_t(p.index)]);
      rows.push_back(std::move(row));
    }
    out[triplet ? "triplets" : "pairs"] = std::move(rows);
    if (!triplet && r.reference >= 0) out["category_reference_positive"] = r.reference;
    out["total"] = r.total;
    out["terms"] = r.terms;
    out["active"] = r.active;
    nlohmann::json gp = nlohmann::json::array(), gn = nlohmann::json::array();
    for (const metric::Vec2& v : r.grad_positives) gp.push_back(vec_json(v));
    for (const metric::Vec2& v : r.grad_negatives) gn.push_back(vec_json(v));
    out["grad_total"] = {{"anchor", vec_json(r.grad_anchor)}, {"positives", gp}, {"negatives", gn}};
    if (const std::string bad = find_non_finite(out); !bad.empty())
      throw std::runtime_error("metric: " + bad + " is not finite; nothing printed");
    if (args->figure.wanted()) {
      const metric::PlaneView v = metric::playground_view(g, r);
      exporter::FigureData data;
      data.planes.push_back(
          metric::playground_figure(g, s, r, {}, v.x_min, v.x_max, v.y_min, v.y_max));
      out["figure"] = args->figure.write(data, fig_opt, format);
    }
    write_output("", out.dump() + "\n");
    exit_code = 0;
  });
}

}  // namespace ll::cli
