#define GLFW_INCLUDE_NONE
#include "app/shell/frame_loop.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <glad/gl.h>
#include <imgui.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "app/classifier/canvas.h"
#include "app/classifier/model/app_state.h"
#include "app/classifier/shortcuts.h"
#include "app/classifier/text_textures.h"
#include "app/classifier/theme.h"
#include "app/gl/canvas_renderer.h"
#include "app/gl/heat_texture.h"
#include "app/shell/layout.h"
#include "app/shell/presenter.h"
#include "app/shell/screenshot.h"
#include "app/shell/script_player.h"
#include "app/shell/session.h"
#include "app/shell/window.h"
#include "core/datasets.h"
#include "core/scene_io.h"

namespace ll::gui {

namespace {
using Clock = std::chrono::steady_clock;
double cpu_seconds() {  // user + system time of the whole process (llvmpipe threads included)
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}
double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}
constexpr double kTrainBudgetS = 0.006;  // wall time per frame the training may use
// Left out of the benchmark figures: at least this many frames, and the frames in which the
// cached layers of a large scene still fill in (its first draw, spread over frames).
constexpr std::size_t kWarmupFrames = 10;
}  // namespace

struct FrameLoop::Impl {
  cli::WindowOptions opt;
  Window window;
  std::unique_ptr<TextTextures> text;      // typeset formulas (GL textures): made once GL is up
  std::unique_ptr<HeatTexture> heat;       // the landscape's map (a GL texture), likewise
  std::unique_ptr<HeatTexture> race_heat;  // the race view's landscape
  Fonts fonts;
  AppState st;
  Canvas canvas;
  Layout layout;
  CanvasRenderer renderer;
  ScriptPlayer script;
  Session session;  // autosave and the restore prompt
  bool scripted = false;
  Theme applied_theme = Theme::Light;
  Presentation presentation;  // presenter mode, theme, font size, palette scheme
  bool imgui_ready = false;
  std::vector<PointInstance> instances;  // the points as drawn, for instances_revision
  std::uint64_t instances_revision = ~std::uint64_t{0};
  std::uint64_t instances_look = 0;  // look_digest of the instances
  std::uint64_t look_serial = 0;     // moves when the digest does: the points layer's flags key
  std::vector<double> frame_ms;
  double cpu_at_warmup = 0.0, cpu_at_end = 0.0;
  std::size_t warmup_frames = 0;        // 0 until the warm-up is over
  std::uint64_t typeset_at_warmup = 0;  // text cache misses (Pango runs) before the bench frames

  int run();
  bool init();
  void render_frame(bool last);
  void draw_canvas_layers();  // the canvas's GL layers, from inside ImGui's draw list
  void print_bench() const;
};

FrameLoop::FrameLoop(const cli::WindowOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->opt = options;
}

FrameLoop::~FrameLoop() {
  if (impl_->imgui_ready) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
}

int FrameLoop::run() { return impl_->run(); }

bool FrameLoop::Impl::init() {
  std::string err;
  if (!window.open(opt.width, opt.height, "LossLab", &err)) {
    std::fprintf(stderr, "losslab: %s\n", err.c_str());
    return false;
  }
  if (opt.ui_scale > 0.0) window.override_scale(static_cast<float>(opt.ui_scale));
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  fonts = load_fonts(window.content_scale());
  text = std::make_unique<TextTextures>();
  fonts.text = text.get();
  heat = std::make_unique<HeatTexture>();
  fonts.landscape_heat = heat.get();
  race_heat = std::make_unique<HeatTexture>();
  fonts.race_heat = race_heat.get();
  st.options.theme = opt.theme == "dark" ? Theme::Dark : Theme::Light;
  applied_theme = st.options.theme;
  apply_theme(applied_theme, window.content_scale());
  presentation.adopt(applied_theme, window.content_scale());
  ImGui_ImplGlfw_InitForOpenGL(window.handle(), true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  imgui_ready = true;
  if (!renderer.init(&err)) {
    std::fprintf(stderr, "losslab: cannot build the canvas shaders: %s\n", err.c_str());
    return false;
  }
  // A screenshot after N frames shows every point: layers are drawn in one go there.
  if (opt.frames > 0) renderer.set_sprites_per_frame(0);
  canvas.set_gl_layers([this] { draw_canvas_layers(); });
  const bool unattended = opt.frames > 0 || opt.bench_frames > 0 || scripted;
  window.set_vsync(!unattended);
  return true;
}

int FrameLoop::Impl::run() {
  if (!opt.script.empty()) {
    std::string err;
    if (!script.load(opt.script, &err)) {
      std::fprintf(stderr, "losslab: %s\n", err.c_str());
      return 2;
    }
    scripted = true;
  }
  Scene first = opt.scene ? *opt.scene : default_scene();
  if (opt.points > 0) {  // a benchmark scene: 3 blobs, exactly opt.points points
    first = make_blobs({3, (opt.points + 2) / 3, 0.2, 1});
    first.points.resize(static_cast<std::size_t>(opt.points));
    first.params = default_params(3);
  }
  st.loaded = first;
  st.doc = Document(std::move(first));
  st.home_view();  // applied when the canvas first has its size
  st.path = opt.scene_path.empty() ? "scene.json" : opt.scene_path;
  st.options.regions = opt.regions == "confidence" ? RegionMode::Confidence
                       : opt.regions == "score"    ? RegionMode::Score
                                                   : RegionMode::Argmax;
  st.trainer.rate = opt.rate;
  if (opt.randomize_seed) st.seed_randomizer(*opt.randomize_seed);
  st.trainer.restart(st.scene);
  if (!init()) return 1;
  session.start(Session::state_dir(opt), opt, st);
  if (opt.play) st.trainer.play(st.doc);

  const int limit = std::max(opt.frames, opt.bench_frames);
  int frame = 0;
  int busy_frames = 3;  // keep rendering a few frames after any input
  auto last = Clock::now();
  auto last_event = last;
  // [session] the close button (Save / Discard / Cancel prompt) and SIGTERM/SIGINT/SIGHUP.
  while (!session.exit_requested(window, st)) {
    if (limit > 0 && frame >= limit) break;
    if (scripted && script.finished() && limit == 0) break;
    // A sleeping script idles like a user who is not touching anything.
    const bool animate = st.trainer.playing() || st.trainer.busy() || renderer.filling() ||
                         (scripted && !script.sleeping()) || limit > 0 || busy_frames > 0 ||
                         ImGui::IsAnyMouseDown();
    const double due = std::min(session.seconds_until_due(), script.seconds_until_awake());
    if (animate) {
      glfwPollEvents();
    } else if (seconds_since(last_event) < 2.0) {
      // Shortly after input, wake a few times a second so hover tooltips can appear.
      const auto w0 = Clock::now();
      glfwWaitEventsTimeout(std::min(0.25, due));
      if (seconds_since(w0) < 0.24) {  // woken by an event
        busy_frames = 3;
        last_event = Clock::now();
      }
    } else {
      // Idle: sleep until something happens, a pending autosave falls due or a script wakes.
      if (due < 1e9)
        glfwWaitEventsTimeout(due);
      else
        glfwWaitEvents();
      busy_frames = 3;
      last_event = Clock::now();
    }
    busy_frames = std::max(0, busy_frames - 1);
    const auto t0 = Clock::now();
    const double dt = std::chrono::duration<double>(t0 - last).count();
    last = t0;

    presentation.update(st, window, fonts);  // theme, presenter mode (fonts, fullscreen)
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (scripted) script.apply_input(st);
    ImGui::NewFrame();

    // Training steps due this frame, then the UI where every edit happens.
    st.trainer.advance(st.doc, dt, kTrainBudgetS);
    st.refresh();
    st.begin_frame(canvas.dragging() || ImGui::IsAnyItemActive());
    st.sel.hover_next = -1;
    layout.draw(st, canvas, fonts);
    session.frame(st, canvas);
    if (scripted) script.apply_actions(st);
    handle_shortcuts(st, canvas, canvas.visible());
    st.refresh();
    st.sel.hovered = st.sel.hover_next;
    text->end_frame();
    ImGui::Render();

    const bool last_frame = limit > 0 && frame + 1 == limit;
    render_frame(last_frame);
    if (st.want_fullscreen_toggle) {
      st.want_fullscreen_toggle = false;
      window.toggle_fullscreen();
    }
    if (opt.bench_frames > 0) glFinish();
    frame_ms.push_back(1000.0 * seconds_since(t0));
    ++frame;
    if (warmup_frames == 0 && static_cast<std::size_t>(frame) >= kWarmupFrames &&
        !renderer.filling()) {
      warmup_frames = static_cast<std::size_t>(frame);
      cpu_at_warmup = cpu_seconds();
      typeset_at_warmup = text->cache().misses();
    }
  }
  cpu_at_end = cpu_seconds();
  session.finish(st);
  int code = 0;
  if (!opt.save_scene_on_exit.empty()) {
    try {
      save_scene(st.scene, opt.save_scene_on_exit);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "losslab: %s\n", e.what());
      code = 1;
    }
  }
  if (!script.error().empty()) {
    std::fprintf(stderr, "losslab: %s\n", script.error().c_str());
    code = 1;
  }
  if (opt.bench_frames > 0) print_bench();
  return code;
}

// Called by the canvas's ImDrawCallback while ImGui's draw data renders, at the canvas's place
// in the draw order: whatever ImGui draws after the canvas (its overlay, popups, other windows)
// covers the layers, and no window needs to be see-through.
void FrameLoop::Impl::draw_canvas_layers() {
  int fbw = 0, fbh = 0, ww = 0, wh = 0;
  window.framebuffer_size(&fbw, &fbh);
  window.window_size(&ww, &wh);
  const double fb_scale = ww > 0 ? static_cast<double>(fbw) / ww : 1.0;
  CanvasFrame f = make_canvas_frame(st.view, fb_scale, fbh);
  f.px_scale = presentation.ui_scale() * static_cast<float>(fb_scale);
  f.style = st.options.style();
  f.mode = st.options.regions;
  f.score_class = st.options.score_class;
  // The figure's grid step (world units), the same as the overlay's tick labels and exports.
  f.grid_step =
      st.options.grid ? figure::grid_step(st.view.pixels_per_unit(), st.options.scale) : 0.0;
  if (instances_revision != st.revision()) {  // rebuilt only when the document changed
    fill_point_instances(st.scene, st.eval(), instances);
    instances_revision = st.revision();
    const std::uint64_t look = look_digest(instances);
    if (look != instances_look || look_serial == 0) ++look_serial;
    instances_look = look;
  }
  renderer.draw(f, st.scene.params, instances, {st.doc.points_revision(), look_serial});
  glViewport(0, 0, fbw, fbh);
}

void FrameLoop::Impl::render_frame(bool last) {
  int fbw = 0, fbh = 0;
  window.framebuffer_size(&fbw, &fbh);
  glViewport(0, 0, fbw, fbh);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());  // the canvas layers included
  if (last && !opt.screenshot.empty()) {
    std::string err;
    if (!save_framebuffer_png(fbw, fbh, opt.screenshot, &err))
      std::fprintf(stderr, "losslab: screenshot: %s\n", err.c_str());
  }
  glfwSwapBuffers(window.handle());
}

void FrameLoop::Impl::print_bench() const {
  std::vector<double> v = frame_ms;
  if (warmup_frames == 0) {
    std::printf("frames %zu: all of them warm-up (the layers still filling in)\n", v.size());
    return;
  }
  v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(warmup_frames));
  if (v.empty()) return;
  std::sort(v.begin(), v.end());
  const double median = v[v.size() / 2];
  const double p99 = v[std::min(v.size() - 1, static_cast<std::size_t>(0.99 * v.size()))];
  int fbw = 0, fbh = 0;
  window.framebuffer_size(&fbw, &fbh);
  const double cpu_ms = 1000.0 * (cpu_at_end - cpu_at_warmup) / static_cast<double>(v.size());
  std::printf(
      "frames %zu (after %zu of warm-up)  size %dx%d  points %zu  playing %s  steps %ld  median "
      "%.2f ms  "
      "p99 %.2f ms  max %.2f ms  cpu %.2f ms/frame  typeset %llu (%llu after warm-up)\n",
      v.size(), warmup_frames, fbw, fbh, st.scene.points.size(), opt.play ? "yes" : "no",
      st.trainer.steps(), median, p99, v.back(), cpu_ms,
      static_cast<unsigned long long>(text->cache().misses()),
      static_cast<unsigned long long>(text->cache().misses() - typeset_at_warmup));
}

}  // namespace ll::gui
