#include "app/race/race_view.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/classifier/model/landscape_view.h"
#include "app/export/race_export.h"
#include "app/figure/race_figure.h"
#include "app/gl/heat_texture.h"
#include "app/race/race_canvas.h"
#include "app/race/race_driver.h"
#include "app/race/race_record.h"
#include "app/widgets/figure_plot.h"
#include "app/widgets/flow.h"
#include "app/widgets/landscape_plot.h"
#include "core/limits.h"
#include "core/losses.h"

namespace ll::race {

namespace {

constexpr OptimizerKind kOptimizers[] = {OptimizerKind::GD, OptimizerKind::SGD,
                                         OptimizerKind::Momentum, OptimizerKind::Adam};
constexpr LossKind kLosses[] = {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured,
                                LossKind::Softmax,       LossKind::Sigmoid,  LossKind::Focal};

// Short names: the combos sit in a narrow panel.
const char* short_name(OptimizerKind k) {
  constexpr const char* names[] = {"GD", "SGD", "Momentum", "Adam"};
  return names[static_cast<int>(k)];
}
const char* short_name(LossKind k) {
  constexpr const char* names[] = {"WW SVM",  "OvA SVM", "Structured SVM",
                                   "Softmax", "Sigmoid", "Focal"};
  return names[static_cast<int>(k)];
}

ImVec4 to_vec4(palette::Rgb c) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f); }

RaceRunSettings base_of(const Scene& s) { return RaceRunSettings{s.optimizer, s.loss}; }

RaceRunSettings with_optimizer(const Scene& s, OptimizerKind k) {
  RaceRunSettings r = base_of(s);
  r.optimizer.kind = k;
  return r;
}

// The per-run controls; true when the settings changed.
bool run_controls(RaceRunSettings& s, float fs) {
  bool changed = false;
  const float w = fs * 8.5f;
  ImGui::SetNextItemWidth(w);
  if (ImGui::BeginCombo("##opt", short_name(s.optimizer.kind))) {
    for (OptimizerKind k : kOptimizers)
      if (ImGui::Selectable(short_name(k), k == s.optimizer.kind)) {
        changed = changed || k != s.optimizer.kind;
        s.optimizer.kind = k;
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 5.5f);
  double lr = s.optimizer.lr;
  if (ImGui::InputDouble("lr", &lr, 0.0, 0.0, "%g") && lr > 0.0 && lr <= 1e6) {
    s.optimizer.lr = lr;
    changed = true;
  }
  ImGui::SetNextItemWidth(w);
  if (ImGui::BeginCombo("##loss", short_name(s.loss.kind))) {
    for (LossKind k : kLosses)
      if (ImGui::Selectable(display_name(k), k == s.loss.kind)) {
        changed = changed || k != s.loss.kind;
        s.loss.kind = k;
      }
    ImGui::EndCombo();
  }
  if (s.optimizer.kind != OptimizerKind::GD) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 5.5f);
    int batch = s.optimizer.batch;
    if (ImGui::InputInt("batch", &batch, 0) && batch >= 1) {
      s.optimizer.batch = std::min(batch, static_cast<int>(limits::kMaxBatch));
      changed = true;
    }
  }
  if (s.optimizer.kind == OptimizerKind::Momentum) {
    ImGui::SetNextItemWidth(w);
    float m = static_cast<float>(s.optimizer.momentum);
    if (ImGui::SliderFloat("momentum", &m, 0.0f, 0.99f, "%.2f")) {
      s.optimizer.momentum = m;
      changed = true;
    }
  }
  // A typed value outside the scene files' range (core/limits.h) is not taken.
  const auto number = [&](const char* label, double& field, const limits::Range& r,
                          bool same_line) {
    if (same_line) ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 5.5f);
    double v = field;
    if (ImGui::InputDouble(label, &v, 0.0, 0.0, "%g") && r.contains(v) && v != field) {
      field = v;
      changed = true;
    }
  };
  if (s.optimizer.kind == OptimizerKind::Adam) {
    number("\u03b21", s.optimizer.beta1, limits::kBeta, false);
    number("\u03b22", s.optimizer.beta2, limits::kBeta, true);
  }
  const bool hinge = is_hinge(s.loss.kind);
  if (hinge) number("\u0394", s.loss.delta, limits::kDelta, false);
  number("\u03bb", s.loss.lambda, limits::kReg, hinge);
  return changed;
}

}  // namespace

struct RaceView::Impl {
  RaceDriver driver;
  std::uint64_t revision = 0;
  bool have_start = false, start_stale = false;
  // The small canvases' figures, rebuilt when the snapshot, the cell size or the style change.
  std::vector<figure::CanvasFigure> canvases;
  std::uint64_t canvases_serial = 0;
  double canvases_side = -1.0;
  Style canvases_style;
  // Export.
  std::string path;
  Job<exporter::ExportResult> job;
  std::string message;
  bool message_ok = true;
  ImVec2 figure_size{800, 600};
  Scene record_start;              // the runs' start, for an animation from step 0
  std::uint64_t start_serial = 0;  // moves with record_start
  // The landscape through the start, of the first run's loss, computed in the background; the
  // driver's snapshots carry the last map computed.
  bool show_landscape = true;
  int landscape_choice = 0;  // W of class k (k < K), or random directions (K)
  gui::LandscapeView landscape;
  Scene landscape_scene;
  std::uint64_t landscape_rev = 0, landscape_scene_serial = ~std::uint64_t{0};
  std::uint64_t given_rev = ~std::uint64_t{0};
  LandscapeSlice given_slice;
  int given_stride = -1;
  gui::HeatTexture* heat = nullptr;
  // The landscape's figure (contours, colours, paths), rebuilt when the snapshot or the style
  // change, like the canvases.
  figure::LandscapeFigure landscape_figure;
  std::uint64_t landscape_figure_serial = ~std::uint64_t{0};
  Style landscape_figure_style;

  void adopt(const Scene& classifier) {
    record_start = classifier;
    ++start_serial;
    Scene start = classifier;
    const bool first = !have_start;
    // A start with many points is set on the worker (each run evaluates it).
    const bool heavy = classifier.points.size() * 3 >= RaceDriver::kWorkerWork;
    driver.edit(
        [start = std::move(start), first](Race& r) {
          r.set_start(start);
          if (first && r.size() == 0)
            for (OptimizerKind k :
                 {OptimizerKind::GD, OptimizerKind::Momentum, OptimizerKind::Adam})
              r.add_run(with_optimizer(r.start(), k));
        },
        heavy);
    have_start = true;
    start_stale = false;
  }

  void update_landscape();
  void landscape_controls(float fs);
  void controls(const Style& style, const Scene& classifier, float fs);
  void export_controls(const Style& style, float fs);
  void figure(const Style& style);
};

// Keeps the landscape's job on the race's start and the driver's map up to date.
void RaceView::Impl::update_landscape() {
  if (!show_landscape) {
    if (driver.landscape().grid) driver.set_landscape({});
    given_stride = -1;
    return;
  }
  const std::vector<RaceRunSettings>& runs = driver.settings();
  const LossSettings& loss = runs.empty() ? record_start.loss : runs.front().loss;
  if (landscape_scene_serial != start_serial || !(landscape_scene.loss == loss)) {
    landscape_scene = record_start;
    landscape_scene.loss = loss;
    landscape_scene_serial = start_serial;
    ++landscape_rev;
  }
  const int K = std::max(1, record_start.classes());
  landscape_choice = std::clamp(landscape_choice, 0, K);
  LandscapeSlice& s = landscape.slice;
  landscape.follow_class = false;
  s.random = landscape_choice == K;
  if (!s.random) s.x = {false, landscape_choice, 0}, s.y = {false, landscape_choice, 1};
  s.range = s.random ? 1.0 : 2.0;
  s.grid = 65;
  landscape.update(landscape_scene, landscape_rev, 0);
  const LandscapeGrid* g = landscape.grid();
  if (!g || (landscape.shown_revision() == given_rev && landscape.shown_slice() == given_slice &&
             g->stride == given_stride))
    return;
  given_rev = landscape.shown_revision();
  given_slice = landscape.shown_slice();
  given_stride = g->stride;
  driver.set_landscape(figure::race_landscape(std::make_shared<const LandscapeGrid>(*g),
                                              given_slice, landscape_scene.loss.kind));
}

void RaceView::Impl::landscape_controls(float fs) {
  ImGui::Checkbox("Landscape", &show_landscape);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "The total loss through the start (of the first run's loss) with every "
        "run's path on it");
  if (!show_landscape) return;
  const int K = std::max(1, record_start.classes());
  std::string label = landscape_choice < K ? "W of class " + std::to_string(landscape_choice)
                                           : std::string("Random directions");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 9.5f);
  if (ImGui::BeginCombo("##race_slice", label.c_str())) {
    for (int k = 0; k <= K; ++k) {
      const std::string name = k < K ? "W of class " + std::to_string(k) : "Random directions";
      if (ImGui::Selectable(name.c_str(), k == landscape_choice)) landscape_choice = k;
    }
    ImGui::EndCombo();
  }
  if (!landscape.error().empty())
    ImGui::TextWrapped("%s", landscape.error().c_str());
  else if (landscape.busy())
    ImGui::TextDisabled("computing the landscape…");
}

RaceView::RaceView() : impl_(std::make_unique<Impl>()) {}
RaceView::~RaceView() = default;

void RaceView::Impl::controls(const Style& style, const Scene& classifier, float fs) {
  ImGui::TextWrapped("The classifier's scene and W, b, trained by every run at once.");
  if (start_stale) {
    ImGui::TextDisabled("The classifier's scene changed.");
    if (ImGui::Button("Restart from it")) adopt(classifier);
  }
  ImGui::Spacing();
  RaceTransport& t = driver.transport;
  if (ImGui::Button(t.playing ? "Pause" : "Play", ImVec2(fs * 4.5f, 0))) t.toggle();
  ImGui::SameLine();
  if (ImGui::Button("Step")) t.request_step();
  ImGui::SameLine();
  if (ImGui::Button("Reset")) {
    t.pause();
    driver.edit([](Race& r) { r.reset(); });
  }
  ImGui::SetNextItemWidth(fs * 8);
  ImGui::SliderInt("steps per tick", &t.steps_per_tick, 1, 50);
  ImGui::Text("step %ld%s", driver.shown().steps,
              driver.finished() && driver.shown().steps > 0 ? " (finished)"
              : driver.uses_worker()                        ? " (on the worker)"
                                                            : "");
  landscape_controls(fs);
  ImGui::Separator();
  ImGui::TextUnformatted("Runs");
  const std::vector<RaceRunSettings>& settings = driver.settings();
  const figure::RaceFigureData& shown = driver.shown();
  int remove = -1;
  for (std::size_t i = 0; i < settings.size() && i < shown.runs.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::ColorButton("##colour", to_vec4(figure::race_color(shown.runs[i].color, style)),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(fs * 0.9f, fs * 0.9f));
    ImGui::SameLine();
    ImGui::TextUnformatted(shown.runs[i].name.c_str());
    RaceRunSettings s = settings[i];
    if (run_controls(s, fs)) {
      const int at = static_cast<int>(i);
      driver.edit([at, s](Race& r) { r.set_run(at, s); });
    }
    widgets::same_line_if_fits(widgets::button_width("Remove"));
    if (ImGui::SmallButton("Remove")) remove = static_cast<int>(i);
    ImGui::Separator();
    ImGui::PopID();
  }
  if (remove >= 0) driver.edit([remove](Race& r) { r.remove_run(remove); });
  ImGui::BeginDisabled(settings.size() >= static_cast<std::size_t>(kMaxRaceRuns));
  if (ImGui::Button("Add run")) {
    // The next optimizer after the last run's, with the start's settings.
    OptimizerKind next = OptimizerKind::GD;
    if (!settings.empty())
      next = kOptimizers[(static_cast<int>(settings.back().optimizer.kind) + 1) % 4];
    driver.edit([next](Race& r) { r.add_run(with_optimizer(r.start(), next)); });
  }
  ImGui::EndDisabled();
  widgets::same_line_if_fits(widgets::button_width("Optimizers"));
  if (ImGui::Button("Optimizers")) {  // GD, SGD, momentum and Adam from the start
    driver.edit([](Race& r) {
      while (r.size() > 0) r.remove_run(0);
      for (OptimizerKind k : kOptimizers) r.add_run(with_optimizer(r.start(), k));
    });
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A race of GD, SGD, momentum and Adam");
  widgets::same_line_if_fits(widgets::button_width("Hinge vs softmax"));
  if (ImGui::Button("Hinge vs softmax")) {
    driver.edit([](Race& r) {
      while (r.size() > 0) r.remove_run(0);
      for (LossKind k : {LossKind::WestonWatkins, LossKind::Softmax}) {
        RaceRunSettings s = base_of(r.start());
        s.loss.kind = k;
        r.add_run(s);
      }
    });
  }
  ImGui::Separator();
  export_controls(style, fs);
}

void RaceView::Impl::export_controls(const Style& style, float fs) {
  if (job.ready()) {
    const exporter::ExportResult r = job.take();
    message_ok = r.ok || r.cancelled;
    message = r.message;
  }
  if (path.empty()) path = (exporter::default_export_folder() / "losslab-race.png").string();
  ImGui::TextUnformatted("Export (.png, .svg, .pdf; .gif, .mp4, .webm)");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "An image of the race now, or an animation of the runs from the start to "
        "this step (at most %ld frames, 25 fps)",
        kRecordFrames);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##path", &path);
  exporter::Format format = exporter::Format::Png;
  video::Format video_format = video::Format::Gif;
  const bool still = exporter::format_from_path(path, format);
  const bool animation = !still && video::format_from_path(path, video_format);
  const bool known = still || animation;
  if (job.active()) {
    if (widgets::progress_with_cancel(job.progress(), job.cancel_requested(), fs * 8)) job.cancel();
  } else {
    ImGui::BeginDisabled(!known);
    if (ImGui::Button("Export")) {
      exporter::FigureOptions opt;
      opt.style = style;
      opt.width = std::max(16.0f, figure_size.x);
      opt.height = std::max(16.0f, figure_size.y);
      const std::string target = path;
      if (animation) {
        // From step 0 to where the race stands (100 steps before it ran), with the runs' settings.
        const long steps = std::max(1L, driver.shown().steps > 0 ? driver.shown().steps : 100L);
        job = exporter::start_export_job(
            "Recording the race",
            [start = record_start, runs = driver.settings(), steps, opt, video_format, target,
             landscape = driver.landscape()](JobControl& control) {
              return record_race(start, runs, steps, opt, video_format, target, control, landscape);
            },
            [] { glfwPostEmptyEvent(); });
      } else {
        // A copy of the race with up to kMaxVectorPoints points (the shown snapshot while the
        // worker holds the race): the job reads no view state.
        figure::RaceFigureData data = driver.figure_data(exporter::kMaxVectorPoints);
        job = exporter::start_export_job(
            "Exporting the race",
            [data = std::move(data), opt, format, target](JobControl& control) {
              char what[64];
              std::snprintf(what, sizeof what, "%ld x %ld %s", std::lround(opt.width),
                            std::lround(opt.height), exporter::to_string(format));
              exporter::ExportResult r = exporter::write_rendered(
                  target, what, control, [&] { return exporter::render_race(data, opt, format); });
              r.pixels_w = static_cast<int>(std::lround(opt.width));
              r.pixels_h = static_cast<int>(std::lround(opt.height));
              return r;
            },
            [] { glfwPostEmptyEvent(); });
      }
      message.clear();
    }
    ImGui::EndDisabled();
    if (!known) {
      ImGui::SameLine();
      ImGui::TextDisabled("use .png, .svg, .pdf, .gif, .mp4 or .webm");
    }
  }
  if (!message.empty()) {
    if (message_ok)
      ImGui::TextWrapped("%s", message.c_str());
    else
      ImGui::TextColored(ImVec4(0.85f, 0.1f, 0.1f, 1.0f), "%s", message.c_str());
  }
}

void RaceView::Impl::figure(const Style& style) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  figure_size = ImVec2(std::max(16.0f, avail.x), std::max(16.0f, avail.y));
  const figure::RaceFigureData& data = driver.shown();
  const figure::MeasureText measure = widgets::imgui_measure();
  const figure::RaceLayout l =
      figure::layout_race(data, figure_size.x, figure_size.y, style, measure);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const double side = l.cells.empty() ? 0.0 : l.cells.front().side;
  if (canvases_serial != driver.serial() || canvases_side != side || !(canvases_style == style)) {
    canvases.clear();
    for (const figure::RaceCell& c : l.cells) {
      const figure::RaceRunView& v = data.runs[static_cast<std::size_t>(c.run)];
      figure::CanvasInput in;
      in.scene = &v.scene;
      Evaluation eval;
      try {
        eval = evaluate(v.scene.points, v.scene.params, v.scene.loss);
        in.eval = &eval;
      } catch (const std::exception&) {  // a refused loss: no loss flags
      }
      in.map = c.map();
      in.options = figure::race_canvas_options();
      in.style = figure::race_canvas_style(style, c.side);
      in.measure = measure;
      canvases.push_back(figure::describe_canvas(in));
      // A large scene's points are compact discs (of the size a few thousand get), even though
      // only a few hundred are shown.
      if (data.total_points > figure::kCompactPoints)
        canvases.back().points = figure::point_look(figure::kCompactPoints + 1, in.style);
    }
    canvases_serial = driver.serial();
    canvases_side = side;
    canvases_style = style;
  }
  auto px = [&](const figure::Vec& p) {
    return ImVec2(origin.x + static_cast<float>(p.x()), origin.y + static_cast<float>(p.y()));
  };
  auto text = [&](const figure::Text& t) {
    dl->AddText(t.bold ? bold_font() : ImGui::GetFont(), static_cast<float>(t.size), px(t.top_left),
                IM_COL32(t.color.r, t.color.g, t.color.b, 255), t.text.c_str());
  };
  for (std::size_t i = 0; i < l.cells.size() && i < canvases.size(); ++i) {
    const figure::RaceCell& c = l.cells[i];
    draw_canvas_figure(dl, px(c.top_left), canvases[i]);
    const float h = static_cast<float>(0.5 * c.frame);
    const ImVec2 a = px(c.top_left);
    dl->AddRect(ImVec2(a.x - h, a.y - h),
                ImVec2(a.x + static_cast<float>(c.side) + h, a.y + static_cast<float>(c.side) + h),
                IM_COL32(c.color.r, c.color.g, c.color.b, 255), 0.0f, 0,
                static_cast<float>(c.frame));
    text(c.title);
    text(c.status);
  }
  if (!l.empty_hint.text.empty()) text(l.empty_hint);
  if (l.plot_width >= 16 && l.plot_height >= 16) {
    ImGui::SetCursorScreenPos(px(l.plot_top_left));
    widgets::FigurePlot("##race_plot", figure::describe_race_plot(data, style),
                        ImVec2(static_cast<float>(l.plot_width), static_cast<float>(l.plot_height)),
                        style);
  }
  if (data.landscape.grid && l.landscape_width >= 16 && l.landscape_height >= 16) {
    ImGui::SetCursorScreenPos(px(l.landscape_top_left));
    if (landscape_figure_serial != driver.serial() || !(landscape_figure_style == style)) {
      landscape_figure = figure::describe_race_landscape(data, style);
      landscape_figure_serial = driver.serial();
      landscape_figure_style = style;
    }
    const figure::LandscapeFigure& f = landscape_figure;
    const ImTextureID tex = heat ? widgets::gl_texture(heat->update(f.plot.heat)) : nullptr;
    widgets::LandscapePlot(
        "##race_landscape", f,
        ImVec2(static_cast<float>(l.landscape_width), static_cast<float>(l.landscape_height)),
        style, tex);
  }
}

void RaceView::draw(const Style& style, const Scene& classifier, std::uint64_t revision,
                    gui::HeatTexture* heat) {
  Impl& m = *impl_;
  m.heat = heat;
  if (!m.have_start) {
    m.adopt(classifier);
    m.revision = revision;
  } else if (revision != m.revision) {
    m.revision = revision;
    // A race not yet started follows the classifier; one under way is kept until asked.
    if (m.driver.shown().steps == 0 && !m.driver.transport.playing)
      m.adopt(classifier);
    else
      m.start_stale = true;
  }
  // Steps within a few ms of this frame (small races), or on the worker (large ones).
  m.driver.tick(0.006);
  m.update_landscape();
  if (m.driver.transport.playing || m.driver.busy() || m.job.active() || m.landscape.busy())
    glfwPostEmptyEvent();

  const float fs = ImGui::GetFontSize();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float side = std::clamp(avail * 0.3f, std::min(fs * 21.0f, avail * 0.5f), fs * 28.0f);
  ImGui::BeginChild("race_controls", ImVec2(side, 0), false);
  m.controls(style, classifier, fs);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("race_figure", ImVec2(0, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  m.figure(style);
  ImGui::EndChild();
}

}  // namespace ll::race
