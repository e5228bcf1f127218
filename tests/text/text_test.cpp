#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app/text/formulas.h"
#include "app/text/text_cache.h"
#include "app/text/typeset.h"

namespace ll::text {
namespace {

std::vector<LossSettings> every_loss() {
  std::vector<LossSettings> out;
  for (LossKind k : {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured,
                     LossKind::Softmax, LossKind::Sigmoid, LossKind::Focal})
    for (bool sq : {false, true}) {
      LossSettings s;
      s.kind = k;
      s.squared = sq;
      out.push_back(s);
    }
  return out;
}

std::vector<std::string> every_markup() {
  std::vector<std::string> out;
  for (const LossSettings& s : every_loss()) out.push_back(loss_formula_markup(s));
  for (RegKind r : {RegKind::L2, RegKind::L1, RegKind::Elastic})
    out.push_back(reg_formula_markup(r));
  out.push_back(total_loss_markup());
  out.push_back(class_weights_markup());
  out.push_back(scores_markup());
  for (const std::string& m :
       {score_markup(0), score_markup(9), point_loss_markup(), point_loss_indent_markup(),
        gradient_markup(), exp_score_markup('j'), exp_score_markup('j', true), prob_markup('y'),
        max_other_score_markup(), exp_sum_markup(), var_markup("s", "j")})
    out.push_back(m);
  out.push_back(axis_markup(0));
  out.push_back(axis_markup(1));
  return out;
}

TEST(Formulas, EveryMarkupParsesAndRendersWithoutMissingGlyphs) {
  for (const std::string& m : every_markup()) {
    std::string err;
    EXPECT_TRUE(markup_valid(m, &err)) << m << ": " << err;
    const TextImage img = typeset(m, TextStyle{});
    EXPECT_EQ(img.metrics.unknown_glyphs, 0) << m;
    EXPECT_EQ(img.metrics.lines, 1) << m;
  }
}

TEST(Formulas, PlainFallbacks) {
  LossSettings s;
  EXPECT_EQ(loss_formula_plain(s), "L_i = Σ_{j≠y} max(0, s_j − s_y + Δ)");
  s.squared = true;
  EXPECT_EQ(loss_formula_plain(s), "L_i = Σ_{j≠y} max(0, s_j − s_y + Δ)²");
  s.kind = LossKind::OneVsAll;
  EXPECT_EQ(loss_formula_plain(s), "L_i = Σ_j max(0, Δ − t_j·s_j)²,  t_j = +1 if j = y else −1");
  s.kind = LossKind::Structured;
  s.squared = false;
  EXPECT_EQ(loss_formula_plain(s), "L_i = max(0, max_{j≠y} s_j − s_y + Δ)");
  s.kind = LossKind::Softmax;
  EXPECT_EQ(loss_formula_plain(s), "L_i = −ln(e^{s_y} / Σ_j e^{s_j})");
  s.kind = LossKind::Sigmoid;
  EXPECT_EQ(loss_formula_plain(s), "L_i = Σ_j softplus(s_j) − t_j·s_j,  t_j = 1 if j = y else 0");
  s.kind = LossKind::Focal;
  EXPECT_EQ(loss_formula_plain(s), "L_i = −α (1 − p_y)^γ ln p_y,  p = softmax(s)");
  EXPECT_EQ(reg_formula_plain(RegKind::L2), "R(W) = λ Σ_{k,l} W_{kl}²");
  EXPECT_EQ(reg_formula_plain(RegKind::L1), "R(W) = λ Σ_{k,l} |W_{kl}|");
  EXPECT_EQ(reg_formula_plain(RegKind::Elastic), "R(W) = λ Σ_{k,l} (β W_{kl}² + |W_{kl}|)");
  EXPECT_EQ(plain_text(total_loss_markup()), "L = (1/N) Σ_i L_i + R(W)");
  EXPECT_EQ(plain_text(class_weights_markup()), "data loss = Σ_i w_{y_i} L_i / Σ_i w_{y_i}");
  EXPECT_EQ(plain_text(scores_markup()), "s_j = W_j · x + b_j");
  EXPECT_EQ(plain_text(axis_markup(0)), "x_1");
  EXPECT_EQ(plain_text(axis_markup(1)), "x_2");
  EXPECT_EQ(plain_text(score_markup(3)), "s_3");
  EXPECT_EQ(plain_text(gradient_markup()), "∂L_i/∂s");
  EXPECT_EQ(plain_text(exp_score_markup('j', true)), "e^{s_j − max s}");
  EXPECT_EQ(plain_text(max_other_score_markup()), "max_{j≠y} s_j");
  EXPECT_EQ(plain_text(exp_sum_markup()), "Σ_j e^{s_j}");
  EXPECT_EQ(plain_text(point_loss_indent_markup()), "L_i");
  EXPECT_EQ(plain_text("a &lt; b &amp;&amp; <b>c</b><sup>n+1</sup>"), "a < b && c^{n+1}");
}

TEST(Typeset, InvalidMarkupIsReportedAndShownAsText) {
  std::string err;
  EXPECT_FALSE(markup_valid("s<sub>j", &err));
  EXPECT_FALSE(err.empty());
  const TextImage img = typeset("s<sub>j", TextStyle{});
  EXPECT_GT(img.width, 2);
}

TEST(Typeset, TheIndentTakesTheWidthOfWhatItHides) {
  const TextImage shown = typeset(point_loss_markup() + " = ", TextStyle{});
  const TextImage hidden = typeset(point_loss_indent_markup() + " = ", TextStyle{});
  EXPECT_NEAR(hidden.metrics.width, shown.metrics.width, 0.01);
  // Only the "=" has ink: far less than "L_i =".
  const auto ink = [](const TextImage& img) {
    long sum = 0;
    for (std::uint32_t p : img.argb) sum += p >> 24;
    return sum;
  };
  EXPECT_GT(ink(hidden), 0);
  EXPECT_LT(ink(hidden), ink(shown) / 2);
}

TEST(Typeset, GreekAndOperatorsHaveGlyphs) {
  const std::string all = "Σ ≠ Δ − λ γ α ² ∂ β η μ · ± ₁ ₂ ∑";
  EXPECT_EQ(typeset(all, TextStyle{}).metrics.unknown_glyphs, 0);
  TextStyle bold;
  bold.bold = true;
  EXPECT_EQ(typeset(all, bold).metrics.unknown_glyphs, 0);
  // The count is real: a private-use character has no glyph in any font.
  EXPECT_GE(typeset("a\uE000b", TextStyle{}).metrics.unknown_glyphs, 1);
}

TEST(Typeset, ImageSizesFollowThePixelSize) {
  const std::string m = loss_formula_markup(LossSettings{});
  TextStyle small, big;
  small.px = 13;
  big.px = 26;
  const TextImage a = typeset(m, small), b = typeset(m, big);
  // One line is about the line height tall (sub/superscripts may add a few pixels).
  EXPECT_GE(a.metrics.height, 13.0);
  EXPECT_LE(a.metrics.height, 13.0 * 1.5);
  EXPECT_GE(a.height, 13);
  EXPECT_LE(a.height, 22);
  // A formula of ~30 characters: 8..14 px a character at 13 px is far too wide; ~6 px is DejaVu.
  EXPECT_GT(a.width, 120);
  EXPECT_LT(a.width, 300);
  EXPECT_NEAR(b.metrics.width / a.metrics.width, 2.0, 0.1);
  EXPECT_NEAR(b.metrics.height / a.metrics.height, 2.0, 0.15);
  // The baseline where ImGui's DejaVu puts it (ascent 1901/2384 of the line), up to the shift
  // sub/superscripts add above the first line.
  const TextImage plain = typeset("max(0, s − y)", big);
  EXPECT_NEAR(plain.metrics.baseline, text_ascent_px(26.0), 1.0);
  EXPECT_NEAR(plain.metrics.height, 26.0, 1.5);
  EXPECT_EQ(a.argb.size(), static_cast<std::size_t>(a.width) * a.height);
}

TEST(Typeset, WrapsToTheGivenWidth) {
  LossSettings s;
  s.kind = LossKind::OneVsAll;
  TextStyle st;
  st.px = 16;
  const TextImage one = typeset(loss_formula_markup(s), st);
  st.wrap_width = static_cast<int>(one.metrics.width * 0.55);
  const TextImage two = typeset(loss_formula_markup(s), st);
  EXPECT_GE(two.metrics.lines, 2);
  EXPECT_LE(two.metrics.width, st.wrap_width + 1.0);
  EXPECT_GT(two.height, one.height);
}

// Lowest and highest inked rows (alpha > 64) in columns [c0, c1) of an ARGB32 image.
std::array<int, 2> ink_rows(const std::uint32_t* px, int stride_px, int w, int h, int c0, int c1) {
  int top = h, bottom = -1;
  for (int y = 0; y < h; ++y)
    for (int x = std::max(0, c0); x < std::min(w, c1); ++x)
      if ((px[y * stride_px + x] >> 24) > 64) {
        top = std::min(top, y);
        bottom = std::max(bottom, y);
      }
  return {top, bottom};
}

TEST(Typeset, SubscriptInkSitsBelowTheBaselineSuperscriptAbove) {
  TextStyle st;
  st.px = 40;
  const double s_w = typeset("s", st).metrics.width;
  for (const char* m : {"s<sub>j</sub>", "s<sub>1</sub>"}) {
    const TextImage img = typeset(m, st);
    const double base = img.origin_y + img.metrics.baseline;
    const int split = img.origin_x + static_cast<int>(std::ceil(s_w));
    const auto main = ink_rows(img.argb.data(), img.width, img.width, img.height, 0, split - 1);
    const auto sub =
        ink_rows(img.argb.data(), img.width, img.width, img.height, split + 1, img.width);
    ASSERT_GE(main[1], 0) << m;
    ASSERT_GE(sub[1], 0) << m;
    EXPECT_NEAR(main[1], base, 2.0) << m;  // "s" sits on the baseline
    EXPECT_GT(sub[1], base + 3.0) << m;    // the subscript's ink goes below it (even '1')
    EXPECT_GT(sub[0], main[0]) << m;       // and starts lower than the main letter
  }
  const TextImage sup = typeset("e<sup>2</sup>", st);
  const double base = sup.origin_y + sup.metrics.baseline;
  const double e_w = typeset("e", st).metrics.width;
  const int split = sup.origin_x + static_cast<int>(std::ceil(e_w));
  const auto two =
      ink_rows(sup.argb.data(), sup.width, sup.width, sup.height, split + 1, sup.width);
  EXPECT_LT(two[1], base - 5.0);  // a superscript 2 ends well above the baseline
}

TEST(Typeset, StraightRgbaUndoesPremultiplication) {
  TextStyle st;
  st.px = 30;
  st.rgba = 0x3366ccffu;
  const TextImage img = typeset("Σ", st);
  const std::vector<std::uint8_t> rgba = img.straight_rgba();
  int partial = 0;
  for (std::size_t i = 0; i < img.argb.size(); ++i) {
    const unsigned a = rgba[4 * i + 3];
    if (a < 40) continue;  // too faint to carry the colour exactly
    if (a < 255) ++partial;
    EXPECT_NEAR(rgba[4 * i + 0], 0x33, 8);
    EXPECT_NEAR(rgba[4 * i + 1], 0x66, 8);
    EXPECT_NEAR(rgba[4 * i + 2], 0xcc, 8);
  }
  EXPECT_GT(partial, 0);  // antialiased edges were checked
}

TEST(TextCache, TypesetsOnceThenHitsAndEvictsWhatIsNotDrawn) {
  int uploads = 0, releases = 0;
  TextCache cache(
      [&](const TextImage& img) {
        ++uploads;
        return static_cast<TextCache::Handle>(img.width);
      },
      [&](TextCache::Handle) { ++releases; }, 10);
  LossSettings L;
  TextStyle st;
  st.px = 15;
  // The loss panel's formulas, drawn ten frames in a row: typeset once each.
  for (int f = 0; f < 10; ++f) {
    for (const std::string& m :
         {loss_formula_markup(L), total_loss_markup(), reg_formula_markup(L.reg)})
      EXPECT_GT(cache.get(m, st).width, 0);
    cache.end_frame();
  }
  EXPECT_EQ(cache.misses(), 3u);
  EXPECT_EQ(cache.hits(), 27u);
  EXPECT_EQ(uploads, 3);
  // Another loss: one new formula; another colour or size: a new entry too.
  L.kind = LossKind::Softmax;
  cache.get(loss_formula_markup(L), st);
  EXPECT_EQ(cache.misses(), 4u);
  TextStyle grey = st;
  grey.rgba = 0x808080ffu;
  cache.get(loss_formula_markup(L), grey);
  TextStyle near = st;
  near.px = 15.0 + 1e-6;  // the same size up to float noise: a hit
  cache.get(loss_formula_markup(L), near);
  EXPECT_EQ(cache.misses(), 5u);
  EXPECT_EQ(cache.size(), 5u);
  // Only the softmax formula is drawn from now on: the rest go after 10 idle frames.
  for (int f = 0; f < 12; ++f) {
    cache.get(loss_formula_markup(L), st);
    cache.end_frame();
  }
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(releases, 4);
  EXPECT_EQ(cache.misses(), 5u);
}

std::filesystem::path text_tmp(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("losslab_text_" + std::to_string(::getpid()) + "_" + name);
}

std::string text_run(const std::string& cmd) {
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

TEST(Export, PdfKeepsTheFormulaAsSearchableText) {
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  const std::filesystem::path file = text_tmp("formula.pdf");
  cairo_surface_t* surf = cairo_pdf_surface_create(file.c_str(), 400, 120);
  cairo_t* cr = cairo_create(surf);
  TextStyle st;
  st.px = 18;
  const TextMetrics m = draw_markup(cr, loss_formula_markup(LossSettings{}), st, 10, 10);
  EXPECT_EQ(m.unknown_glyphs, 0);
  draw_markup(cr, reg_formula_markup(RegKind::L2), st, 10, 50);
  cairo_destroy(cr);
  cairo_surface_finish(surf);
  ASSERT_EQ(cairo_surface_status(surf), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(surf);
  const std::string text = text_run("pdftotext '" + file.string() + "' -");
  std::filesystem::remove(file);
  EXPECT_NE(text.find("max(0,"), std::string::npos) << text;
  for (const char* s : {"Σ", "≠", "Δ", "−", "λ", "R(W)"})
    EXPECT_NE(text.find(s), std::string::npos) << s << " in " << text;
  // The subscript letters are text too (next to their base letters).
  for (const char* s : {"L", "i", "s", "j", "y", "kl"})
    EXPECT_NE(text.find(s), std::string::npos) << s << " in " << text;
}

TEST(Export, PngOfASubscriptHasItsInkBelowTheBaseline) {
  const std::filesystem::path file = text_tmp("sub.png");
  TextStyle st;
  st.px = 48;
  st.rgba = 0x000000ffu;
  const int W = 120, H = 80;
  {
    cairo_surface_t* surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W, H);
    cairo_t* cr = cairo_create(surf);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    draw_markup(cr, "s<sub>j</sub>", st, 8, 8);
    cairo_destroy(cr);
    ASSERT_EQ(cairo_surface_write_to_png(surf, file.c_str()), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(surf);
  }
  cairo_surface_t* back = cairo_image_surface_create_from_png(file.c_str());
  std::filesystem::remove(file);
  ASSERT_EQ(cairo_surface_status(back), CAIRO_STATUS_SUCCESS);
  ASSERT_EQ(cairo_image_surface_get_width(back), W);
  const int stride = cairo_image_surface_get_stride(back) / 4;
  const auto* px = reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(back));
  // Ink = dark pixels (white background): turn darkness into the alpha ink_rows reads.
  std::vector<std::uint32_t> ink(static_cast<std::size_t>(W) * H);
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x)
      ink[static_cast<std::size_t>(y) * W + x] = (255u - (px[y * stride + x] & 0xff)) << 24;
  cairo_surface_destroy(back);
  cairo_surface_t* probe = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t* pcr = cairo_create(probe);
  const TextMetrics s_only = measure_markup(pcr, "s", st);
  const TextMetrics both = measure_markup(pcr, "s<sub>j</sub>", st);
  cairo_destroy(pcr);
  cairo_surface_destroy(probe);
  const double base = 8 + both.baseline;
  const int split = 8 + static_cast<int>(std::ceil(s_only.width));
  const auto main = ink_rows(ink.data(), W, W, H, 0, split - 1);
  const auto sub = ink_rows(ink.data(), W, W, H, split + 1, W);
  ASSERT_GE(main[1], 0);
  ASSERT_GE(sub[1], 0);
  EXPECT_NEAR(main[1], base, 2.0);
  EXPECT_GT(sub[1], base + 4.0);
  EXPECT_GT(sub[0], main[0]);
}

}  // namespace
}  // namespace ll::text
