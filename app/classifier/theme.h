#pragma once
// Look of the window: DejaVu Sans with Greek and math glyphs, at the content scale, and a light
// (projector) or dark style.
#include "app/classifier/model/palette.h"

struct ImFont;

namespace ll::gui {

class TextTextures;
class HeatTexture;

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* large = nullptr;                // headline numbers
  ImFont* small = nullptr;                // canvas labels
  TextTextures* text = nullptr;           // typeset formulas (text_textures.h); the frame loop's
  HeatTexture* landscape_heat = nullptr;  // the landscape's map (heat_texture.h); the frame loop's
  HeatTexture* race_heat = nullptr;       // the race view's landscape, likewise
};

// Loads the fonts into the current ImGui context's atlas. Falls back to ImGui's built-in font
// (with a warning on stderr) if DejaVu Sans is missing.
Fonts load_fonts(float scale);
// Sets ImGui's colours and sizes for the theme, scaled.
void apply_theme(Theme theme, float scale);

// Colours the canvas overlay and panels use beyond ImGui's style (packed like IM_COL32).
struct UiColors {
  unsigned text_strong, text_weak, gradient, loss_pos, loss_zero, canvas_border, highlight;
};
UiColors ui_colors(Theme theme);

}  // namespace ll::gui
