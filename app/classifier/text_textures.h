#pragma once
// Typeset formulas in the window: a TextCache (app/text) whose images are GL textures, drawn
// with ImGui::Image. Pango runs once per (markup, size, colour, wrap width); every later frame
// only draws the texture. Entries unused for a few seconds of frames are deleted. Needs the GL
// context current for its whole life (the frame loop owns one and ends each frame with it).
#include <imgui.h>

#include <string_view>

#include "app/text/text_cache.h"

namespace ll::gui {

struct Fonts;

class TextTextures {
 public:
  explicit TextTextures(std::uint64_t max_idle_frames = 600);
  // Draws `markup` at the cursor as one item in the current font size and `colour` (ImGui's
  // text colour when 0), wrapped to the room left in the window when it is wider (and `wrap`).
  void draw(std::string_view markup, ImU32 colour = 0, bool bold = false, bool wrap = true);
  // For labels on a draw list (the canvas): the logical size of `markup` at `px` pixels, and
  // the image drawn with its logical box's top-left at `at` (whole pixels).
  ImVec2 size(std::string_view markup, float px, ImU32 colour, bool bold = false);
  void draw_at(ImDrawList* dl, ImVec2 at, std::string_view markup, float px, ImU32 colour,
               bool bold = false);
  void end_frame() { cache_.end_frame(); }
  const text::TextCache& cache() const { return cache_; }

 private:
  text::TextCache cache_;
};

// `markup` typeset through fonts.text, or as wrapped plain text when the window has no cache.
// `colour`: an ImGui colour slot (ImGuiCol_Text, ImGuiCol_TextDisabled). `wrap` false: one
// line whatever the room (table cells, whose width follows their content).
void draw_formula(const Fonts& fonts, std::string_view markup, ImGuiCol colour = ImGuiCol_Text,
                  bool bold = false, bool wrap = true);

}  // namespace ll::gui
