// SVG and PDF export: well-formed XML (xmllint), one circle per point and one line per class
// found by geometry, one PDF page of the requested size (pdfinfo) with its labels as text
// (pdftotext).
//
// cairo 1.16's SVG surface ignores cairo_tag_begin (tags are PDF-only) and writes every fill and
// stroke as an anonymous <path>. So the test identifies elements by what they are: a point is a
// closed path of Bezier arcs whose on-curve points all lie at the point radius around the
// point's mapped position, filled in its class colour; a class line is a straight stroked path
// in the class colour whose endpoints are core's zero_line_segment mapped to the figure.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>
#include <utility>

#include "app/export/export.h"
#include "core/datasets.h"
#include "core/losses.h"
#include "tests/export/test_util.h"

namespace ll::exporter {
namespace {

struct SvgPath {
  std::string style;
  std::vector<char> commands;             // M, L, C, Z
  std::vector<Eigen::Vector2d> on_curve;  // end point of each command
};

// The drawn <path> elements (after <defs>, which holds the glyph outlines of the text).
std::vector<SvgPath> drawn_paths(const std::string& svg) {
  std::vector<SvgPath> out;
  const std::size_t body = svg.find("</defs>");
  const std::string s = svg.substr(body == std::string::npos ? 0 : body);
  static const std::regex path_re(R"re(<path style="([^"]*)" d="([^"]*)")re");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), path_re); it != std::sregex_iterator();
       ++it) {
    SvgPath p;
    p.style = (*it)[1];
    std::istringstream d((*it)[2]);
    std::string tok;
    std::vector<double> nums;
    auto flush = [&](char cmd) {
      if (nums.size() >= 2) p.on_curve.emplace_back(nums[nums.size() - 2], nums.back());
      nums.clear();
      if (cmd) p.commands.push_back(cmd);
    };
    char cmd = 0;
    while (d >> tok) {
      if (tok.size() == 1 && std::isalpha(static_cast<unsigned char>(tok[0]))) {
        flush(0);
        cmd = tok[0];
        p.commands.push_back(cmd);
      } else {
        nums.push_back(std::stod(tok));
      }
    }
    flush(0);
    out.push_back(std::move(p));
  }
  return out;
}

// As cairo writes a colour: percentages with %f, trailing zeros dropped ("0%", "35.294118%").
std::string css_rgb(palette::Rgb c) {
  auto pct = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%f", v / 2.55);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s + "%";
  };
  return "rgb(" + pct(c.r) + "," + pct(c.g) + "," + pct(c.b) + ")";
}

bool is_circle_around(const SvgPath& p, const Eigen::Vector2d& c, double r) {
  // cairo draws small circles with two Bezier arcs, larger ones with four.
  if (std::count(p.commands.begin(), p.commands.end(), 'C') < 2) return false;
  for (const Eigen::Vector2d& v : p.on_curve)
    if (std::abs((v - c).norm() - r) > 0.02) return false;
  return true;
}

// Any circle: the on-curve points' bounding-box centre is equidistant from all of them.
bool is_circle(const SvgPath& p) {
  if (p.on_curve.empty()) return false;
  Eigen::Vector2d lo = p.on_curve.front(), hi = lo;
  for (const Eigen::Vector2d& v : p.on_curve) {
    lo = lo.cwiseMin(v);
    hi = hi.cwiseMax(v);
  }
  const Eigen::Vector2d c = 0.5 * (lo + hi);
  const double r = 0.5 * (hi.x() - lo.x());
  return r > 0.5 && is_circle_around(p, c, r);
}

std::string render_svg(const FigureOptions& opt, const Scene& scene = default_scene()) {
  return render_figure(FigureData{scene, {}}, opt, Format::Svg);
}

void require_tool(const std::string& tool, const std::string& package) {
  if (!test::have_tool(tool))
    FAIL() << tool << " is missing: install " << package << " (apt-get install " << package << ")";
}

TEST(SvgExport, IsWellFormedXml) {
  require_tool("xmllint", "libxml2-utils");
  const std::filesystem::path dir = test::scratch_dir("svg_xml");
  for (View view : {View::Canvas, View::LossPlot, View::Curves}) {
    FigureOptions opt;
    opt.view = view;
    const std::filesystem::path file = dir / "figure.svg";
    FigureData data{default_scene(), {}};
    Scene s = default_scene();
    data.history = train(s, 30).history;
    export_figure(file, data, opt);
    const test::RunResult r = test::run("xmllint --noout " + test::sh_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(test::read_all(file).find("<svg"), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

// A marker path: the class's shape (figure::shape_outline) of radius r around c, a circle for
// the disc.
bool is_marker_around(const SvgPath& p, palette::Shape shape, const Eigen::Vector2d& c, double r) {
  const figure::ShapeOutline o = figure::shape_outline(shape);
  if (o.count == 0) return is_circle_around(p, c, r);
  if (p.on_curve.size() < static_cast<std::size_t>(o.count)) return false;
  for (int i = 0; i < o.count; ++i)
    if ((p.on_curve[static_cast<std::size_t>(i)] - (c + r * o.v[i])).norm() > 0.02) return false;
  return true;
}

TEST(SvgExport, OneMarkerAtEveryPointInItsClassShapeAndColour) {
  FigureOptions opt;
  opt.legend = false;
  const Scene scene = default_scene();
  const std::vector<SvgPath> paths = drawn_paths(render_svg(opt, scene));
  const CanvasTransform t = canvas_transform(scene, opt.width, opt.height);
  // Each marker is its shape's path filled in the class colour (its outline band, inside the
  // edge, is the same path stroked under a clip).
  const figure::PointLook look = figure::point_look(scene.points.size(), opt.style);
  long discs = 0;
  for (const Point& p : scene.points) {
    int found = 0;
    for (const SvgPath& path : paths) {
      if (is_marker_around(path, Style{}.class_shape(p.label), {t.to_x(p.x0), t.to_y(p.x1)},
                           look.radius) &&
          path.style.find("fill:" + css_rgb(Style{}.class_line(p.label))) != std::string::npos)
        ++found;
    }
    EXPECT_EQ(found, 1) << "point (" << p.x0 << ", " << p.x1 << ")";
    discs += Style{}.class_shape(p.label) == palette::Shape::Disc;
  }
  ASSERT_GT(discs, 0);
  // Points with a loss also get a ring (as in the window); discs are two circles (fill, band).
  const Evaluation e = evaluate(scene.points, scene.params, scene.loss);
  const long rings = (e.losses.array() > 0.0).count();
  EXPECT_GT(rings, 0);
  const auto circles = std::count_if(paths.begin(), paths.end(), is_circle);
  EXPECT_EQ(circles, 2 * discs + rings);
  // The legend adds one marker per class, in its shape (one disc here).
  opt.legend = true;
  const std::vector<SvgPath> with_legend = drawn_paths(render_svg(opt, scene));
  EXPECT_EQ(std::count_if(with_legend.begin(), with_legend.end(), is_circle),
            2 * discs + rings + 1);
}

int count_class_lines(const std::vector<SvgPath>& paths, const Scene& scene,
                      const FigureOptions& opt, int k) {
  const CanvasTransform t = canvas_transform(scene, opt.width, opt.height);
  // The window's lines run 4 pixels past the canvas edges.
  const double pad = 4.0 / t.scale;
  const Rect padded{t.world.x_min - pad, t.world.y_min - pad, t.world.x_max + pad,
                    t.world.y_max + pad};
  const auto seg = zero_line_segment(scene.params, k, padded);
  if (!seg) return 0;
  const Eigen::Vector2d a(t.to_x(seg->a.x()), t.to_y(seg->a.y()));
  const Eigen::Vector2d b(t.to_x(seg->b.x()), t.to_y(seg->b.y()));
  int n = 0;
  for (const SvgPath& p : paths) {
    if (p.commands != std::vector<char>{'M', 'L'}) continue;
    if (p.style.find("stroke:" + css_rgb(Style{}.class_line(k))) == std::string::npos) continue;
    if (p.style.find("dasharray") != std::string::npos) continue;
    const bool same = ((p.on_curve[0] - a).norm() < 0.01 && (p.on_curve[1] - b).norm() < 0.01) ||
                      ((p.on_curve[0] - b).norm() < 0.01 && (p.on_curve[1] - a).norm() < 0.01);
    n += same;
  }
  return n;
}

TEST(SvgExport, OneZeroScoreLinePerClass) {
  FigureOptions opt;
  Scene scene = default_scene();
  std::vector<SvgPath> paths = drawn_paths(render_svg(opt, scene));
  for (int k = 0; k < 3; ++k)
    EXPECT_EQ(count_class_lines(paths, scene, opt, k), 1) << "class " << k;
  // A class with W_k = 0 has no line; the other two keep theirs.
  scene.params.W.row(1).setZero();
  paths = drawn_paths(render_svg(opt, scene));
  EXPECT_EQ(count_class_lines(paths, scene, opt, 0), 1);
  EXPECT_EQ(count_class_lines(paths, scene, opt, 1), 0);
  EXPECT_EQ(count_class_lines(paths, scene, opt, 2), 1);
}

TEST(SvgExport, MarginLinesAreDashed) {
  FigureOptions opt;
  opt.margins = true;
  const std::vector<SvgPath> paths = drawn_paths(render_svg(opt));
  int dashed = 0;
  for (const SvgPath& p : paths) dashed += p.style.find("stroke-dasharray") != std::string::npos;
  EXPECT_EQ(dashed, 6);  // s_k = -1 and s_k = +1 for three classes, all inside the view
}

TEST(PdfExport, OnePageOfTheRequestedSizeWithTextLabels) {
  require_tool("pdfinfo", "poppler-utils");
  require_tool("pdftotext", "poppler-utils");
  const std::filesystem::path dir = test::scratch_dir("pdf");
  const std::filesystem::path file = dir / "canvas.pdf";
  FigureOptions opt;
  opt.width = 640;
  opt.height = 480;
  export_figure(file, FigureData{default_scene(), {}}, opt);
  const test::RunResult info = test::run("pdfinfo " + test::sh_quote(file.string()));
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_TRUE(std::regex_search(info.out, std::regex(R"(Pages:\s+1\n)"))) << info.out;
  EXPECT_TRUE(std::regex_search(info.out, std::regex(R"(Page size:\s+640 x 480 pts)"))) << info.out;
  const test::RunResult text = test::run("pdftotext " + test::sh_quote(file.string()) + " -");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  // The weight arrows' labels, as in the window, and the legend.
  for (const char* label : {"W0", "W1", "W2", "class 2"})
    EXPECT_NE(text.out.find(label), std::string::npos) << label << " in " << text.out;
  // Ticks every 0.5 on [-1, 1], with real minus signs.
  EXPECT_NE(text.out.find("\u22120.5"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("\u22121"), std::string::npos) << text.out;

  // The loss plot keeps its axis names as text too; without axes they are gone.
  opt.view = View::LossPlot;
  Scene s = default_scene();
  export_figure(file, FigureData{default_scene(), train(s, 20).history}, opt);
  std::string plot_text = test::run("pdftotext " + test::sh_quote(file.string()) + " -").out;
  EXPECT_NE(plot_text.find("step"), std::string::npos) << plot_text;
  EXPECT_NE(plot_text.find("total loss"), std::string::npos) << plot_text;
  opt.axes = false;
  opt.legend = false;
  export_figure(file, FigureData{default_scene(), train(s, 20).history}, opt);
  plot_text = test::run("pdftotext " + test::sh_quote(file.string()) + " -").out;
  EXPECT_EQ(plot_text.find("step"), std::string::npos) << plot_text;
  EXPECT_EQ(plot_text.find("total loss"), std::string::npos) << plot_text;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ll::exporter

namespace ll::exporter {
namespace {

std::size_t count_of(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// 200,000 points (the issue measured 373 MB of SVG for a million): one embedded image, no
// circle per point, and a file of a few MB at most.
TEST(VectorExport, CrowdedCanvasIsOneImageOfAFewMegabytes) {
  BlobsOptions blobs;
  blobs.classes = 3;
  blobs.per_class = 200000 / 3 + 1;
  blobs.spread = 0.3;
  const FigureData data{make_blobs(blobs), {}};
  ASSERT_GT(data.scene.points.size(), 200000u);
  FigureOptions opt;
  opt.width = 1200;
  opt.height = 800;
  const std::string svg = render_figure(data, opt, Format::Svg);
  EXPECT_LT(svg.size(), 3'000'000u);
  EXPECT_EQ(count_of(svg, "<image"), 1u);
  // Paths: glyphs, regions, lines, arrows, ticks and the legend, never one per point.
  EXPECT_LT(count_of(svg, "<path"), 300u);
  const std::string pdf = render_figure(data, opt, Format::Pdf);
  EXPECT_LT(pdf.size(), 3'000'000u);
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
}

// Confidence and score shading in a PDF or SVG is an image at print resolution
// (kVectorShadingPpi over the page's points), not one pixel per point (72 ppi); the PNG scale
// wins when it is finer, and shading_pixels_* still choose the size.
TEST(VectorExport, ShadingIsEmbeddedAtTheOutputResolution) {
  const FigureData data{default_scene(), {}};
  FigureOptions opt;
  opt.width = 400;
  opt.height = 300;
  opt.regions = Shading::Confidence;
  int px = 0, py = 0;
  vector_shading_pixels(opt, px, py);
  EXPECT_EQ(px, static_cast<int>(std::lround(400 * kVectorShadingPpi / 72.0)));  // 1667
  EXPECT_EQ(py, static_cast<int>(std::lround(300 * kVectorShadingPpi / 72.0)));  // 1250
  static const std::regex width_re(R"(/Width (\d+))"), height_re(R"(/Height (\d+))");
  auto image_sizes = [](const std::string& pdf) {
    std::vector<std::pair<int, int>> sizes;
    std::smatch w, h;
    for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), width_re);
         it != std::sregex_iterator(); ++it) {
      const std::string rest = pdf.substr(static_cast<std::size_t>(it->position()), 200);
      if (std::regex_search(rest, h, height_re))
        sizes.emplace_back(std::stoi((*it)[1]), std::stoi(h[1]));
    }
    return sizes;
  };
  const auto sizes = image_sizes(render_figure(data, opt, Format::Pdf));
  ASSERT_FALSE(sizes.empty());
  EXPECT_NE(std::find(sizes.begin(), sizes.end(), std::pair{1667, 1250}), sizes.end())
      << "first image " << sizes[0].first << " x " << sizes[0].second;
  for (const auto& [w, h] : sizes) EXPECT_FALSE(w == 400 && h == 300) << "a 72-ppi image";
  // Score shading too; an explicit size is kept.
  opt.regions = Shading::Score;
  opt.shading_pixels_x = 800;
  opt.shading_pixels_y = 600;
  const auto explicit_sizes = image_sizes(render_figure(data, opt, Format::Pdf));
  EXPECT_NE(std::find(explicit_sizes.begin(), explicit_sizes.end(), std::pair{800, 600}),
            explicit_sizes.end());
  // SVG: the same image, as a PNG inside the file.
  opt.shading_pixels_x = opt.shading_pixels_y = 0;
  const std::string svg = render_figure(data, opt, Format::Svg);
  EXPECT_NE(svg.find("width=\"1667\""), std::string::npos);
}

}  // namespace
}  // namespace ll::exporter
