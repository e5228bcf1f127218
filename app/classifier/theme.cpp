#include "app/classifier/theme.h"

#include <imgui.h>

#include <cstdio>
#include <filesystem>

namespace ll::gui {

namespace {
constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu/";

const ImWchar* glyph_ranges() {
  static ImVector<ImWchar> ranges;  // must outlive the atlas build
  if (ranges.empty()) {
    ImFontGlyphRangesBuilder b;
    b.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    static const ImWchar extra[] = {0x0100, 0x017F,  // Latin Extended-A
                                    0x0370, 0x03FF,  // Greek
                                    0x2010, 0x205E,  // punctuation: dashes, dots, primes
                                    0x2070, 0x209F,  // superscripts and subscripts
                                    0x2190, 0x21FF,  // arrows
                                    0x2200, 0x22FF,  // mathematical operators
                                    0x25A0, 0x25FF,  // geometric shapes (triangles)
                                    0};
    b.AddRanges(extra);
    b.BuildRanges(&ranges);
  }
  return ranges.Data;
}

ImFont* load(const char* file, float px) {
  const std::string path = std::string(kFontDir) + file;
  if (!std::filesystem::exists(path)) return nullptr;
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), px, &cfg, glyph_ranges());
}
}  // namespace

Fonts load_fonts(float scale) {
  Fonts f;
  const float base = 16.0f * scale;
  f.regular = load("DejaVuSans.ttf", base);
  if (!f.regular) {
    std::fprintf(stderr, "losslab: warning: DejaVu Sans not found in %s; using ImGui's font\n",
                 kFontDir);
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * scale;
    f.regular = ImGui::GetIO().Fonts->AddFontDefault(&cfg);
    f.bold = f.large = f.small = f.regular;
    return f;
  }
  f.bold = load("DejaVuSans-Bold.ttf", base);
  f.large = load("DejaVuSans-Bold.ttf", 20.0f * scale);
  f.small = load("DejaVuSans.ttf", 13.0f * scale);
  if (!f.bold) f.bold = f.regular;
  if (!f.large) f.large = f.regular;
  if (!f.small) f.small = f.regular;
  return f;
}

void apply_theme(Theme theme, float scale) {
  ImGuiStyle style;
  if (theme == Theme::Dark) {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(28 / 255.0f, 29 / 255.0f, 34 / 255.0f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  } else {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.97f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_Text] = ImVec4(0.05f, 0.05f, 0.07f, 1.0f);
    style.Colors[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.22f);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    style.Colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.0f, 0.0f, 0.0f, 0.035f);
  }
  // Child windows are transparent: the frame is cleared to WindowBg already, and every painted
  // pixel costs on a software rasterizer.
  style.WindowRounding = 0.0f;
  style.ChildRounding = 3.0f;
  style.FrameRounding = 3.0f;
  style.GrabRounding = 1.5f;
  // A slider's grab is a thin bar, so that it does not cover the value written over it.
  style.GrabMinSize = 4.0f;
  style.TabRounding = 3.0f;
  style.FrameBorderSize = 1.0f;
  style.ItemSpacing = ImVec2(8, 6);
  style.CellPadding = ImVec2(5, 3);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

UiColors ui_colors(Theme theme) {
  if (theme == Theme::Dark)
    return {IM_COL32(240, 240, 240, 255), IM_COL32(160, 160, 170, 255),
            IM_COL32(255, 110, 110, 255), IM_COL32(235, 80, 80, 255),
            IM_COL32(90, 200, 110, 255),  IM_COL32(90, 90, 100, 255),
            IM_COL32(255, 255, 255, 255)};
  return {IM_COL32(10, 10, 15, 255),  IM_COL32(100, 100, 110, 255), IM_COL32(210, 0, 0, 255),
          IM_COL32(220, 30, 30, 255), IM_COL32(30, 150, 50, 255),   IM_COL32(120, 120, 120, 255),
          IM_COL32(0, 0, 0, 255)};
}

}  // namespace ll::gui
