#include "app/classifier/text_textures.h"

#include <glad/gl.h>
#include <imgui_internal.h>  // ItemSize/ItemAdd: an item with a text baseline

#include <algorithm>
#include <cmath>
#include <string>

#include "app/classifier/theme.h"
#include "app/gl/texture.h"
#include "app/text/formulas.h"

namespace ll::gui {

namespace {

text::TextCache::Handle text_upload(const text::TextImage& img) {
  // cairo's ARGB is premultiplied; ImGui blends straight alpha (SRC_ALPHA, 1 - SRC_ALPHA).
  const std::vector<std::uint8_t> rgba = img.straight_rgba();
  // Drawn 1:1 at whole pixels (nearest when magnified keeps the glyphs as Pango drew them).
  return upload_rgba_texture(0, img.width, img.height, rgba.data(), true);
}

void text_release(text::TextCache::Handle h) {
  const GLuint tex = static_cast<GLuint>(h);
  glDeleteTextures(1, &tex);
}

// ImGui's packed colour (IM_COL32: 0xAABBGGRR) as the cache's 0xRRGGBBAA.
std::uint32_t text_rgba(ImU32 c) {
  const std::uint32_t r = c & 0xff, g = (c >> 8) & 0xff, b = (c >> 16) & 0xff, a = c >> 24;
  return r << 24 | g << 16 | b << 8 | a;
}

}  // namespace

TextTextures::TextTextures(std::uint64_t max_idle_frames)
    : cache_(text_upload, text_release, max_idle_frames) {}

void TextTextures::draw(std::string_view markup, ImU32 colour, bool bold, bool wrap) {
  text::TextStyle st;
  st.px = ImGui::GetFontSize();
  st.rgba = text_rgba(colour ? colour : ImGui::GetColorU32(ImGuiCol_Text));
  st.bold = bold;
  const float room = std::floor(ImGui::GetContentRegionAvail().x);
  const text::TextCache::Entry* e = &cache_.get(markup, st);
  // Wider than the panel: wrapped at word breaks to the room there is (kept at least 4 em).
  if (wrap && e->metrics.width > room + 0.5f) {
    st.wrap_width = static_cast<int>(std::max(static_cast<double>(room), st.px * 4.0));
    e = &cache_.get(markup, st);
  }
  // The image at whole pixels (1:1 texels), its first baseline on ImGui's: after other items
  // on the line (SameLine) on theirs, a superscript then reaching above the line; at the start
  // of a line on where a line of text would put it, or lower when superscripts need the room,
  // later items on the line following it down (the item's text baseline offset).
  ImGuiWindow* win = ImGui::GetCurrentWindow();
  const ImVec2 cur = win->DC.CursorPos;
  const bool same_line = cur.y == win->DC.CursorPosPrevLine.y;
  const float ascent =
      ImGui::GetFont()->Ascent * (ImGui::GetFontSize() / ImGui::GetFont()->FontSize);
  const float img_base = static_cast<float>(e->origin_y + e->metrics.baseline);
  const float line_off = same_line ? win->DC.CurrLineTextBaseOffset : 0.0f;
  float top = cur.y + line_off + ascent - img_base;
  if (!same_line) top = std::max(top, cur.y);
  top = std::round(top);
  const float left = std::round(cur.x) - static_cast<float>(e->origin_x);
  const ImVec2 size(static_cast<float>(e->metrics.width),
                    std::max(1.0f, top + static_cast<float>(e->height) - cur.y));
  ImGui::ItemSize(size, std::max(0.0f, top + img_base - ascent - cur.y));
  ImGui::ItemAdd(ImRect(cur, ImVec2(cur.x + size.x, cur.y + size.y)), 0);
  ImGui::GetWindowDrawList()->AddImage(
      reinterpret_cast<ImTextureID>(e->handle), ImVec2(left, top),
      ImVec2(left + static_cast<float>(e->width), top + static_cast<float>(e->height)));
}

ImVec2 TextTextures::size(std::string_view markup, float px, ImU32 colour, bool bold) {
  text::TextStyle st;
  st.px = px;
  st.rgba = text_rgba(colour);
  st.bold = bold;
  const text::TextCache::Entry& e = cache_.get(markup, st);
  return ImVec2(static_cast<float>(e.metrics.width), static_cast<float>(e.metrics.height));
}

void TextTextures::draw_at(ImDrawList* dl, ImVec2 at, std::string_view markup, float px,
                           ImU32 colour, bool bold) {
  text::TextStyle st;
  st.px = px;
  st.rgba = text_rgba(colour);
  st.bold = bold;
  const text::TextCache::Entry& e = cache_.get(markup, st);
  const float x = std::round(at.x) - static_cast<float>(e.origin_x);
  const float y = std::round(at.y) - static_cast<float>(e.origin_y);
  dl->AddImage(reinterpret_cast<ImTextureID>(e.handle), ImVec2(x, y),
               ImVec2(x + static_cast<float>(e.width), y + static_cast<float>(e.height)));
}

void draw_formula(const Fonts& fonts, std::string_view markup, ImGuiCol colour, bool bold,
                  bool wrap) {
  if (fonts.text) {
    fonts.text->draw(markup, ImGui::GetColorU32(colour), bold, wrap);
    return;
  }
  const std::string plain = text::plain_text(markup);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(colour));
  if (bold && fonts.bold) ImGui::PushFont(fonts.bold);
  if (wrap) ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(plain.c_str());
  if (wrap) ImGui::PopTextWrapPos();
  if (bold && fonts.bold) ImGui::PopFont();
  ImGui::PopStyleColor();
}

}  // namespace ll::gui
