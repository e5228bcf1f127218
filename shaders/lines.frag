#version 330 core
// Grid lines (u_step > 0: every multiple of u_step) or the axes (u_step = 0) blended over the
// regions: per pixel the coverage of the nearer line of half-width u_half pixels, the larger of
// the vertical and the horizontal one where they cross (each pixel is drawn once per pass).
// Drawn only on the bands next to the lines: on a software rasteriser a per-pixel pass over the
// whole canvas costs as much as the regions themselves.
uniform float u_world_per_px;
uniform float u_step;
uniform float u_half;
uniform vec4 u_color;
in vec2 v_world;
out vec4 frag_color;

// Coverage of a line of half-width hw (pixels) at pixel distance d.
float line_cover(float d, float hw) { return clamp(hw + 0.5 - d, 0.0, 1.0); }

// Pixel distance to the nearest multiple of `step` along one coordinate.
float grid_dist(float w, float step) {
  float f = w / step;
  return abs(f - floor(f + 0.5)) * step / u_world_per_px;
}

void main() {
  vec2 x = v_world;
  float t;
  if (u_step > 0.0)
    t = max(line_cover(grid_dist(x.x, u_step), u_half), line_cover(grid_dist(x.y, u_step), u_half));
  else
    t = max(line_cover(abs(x.x) / u_world_per_px, u_half),
            line_cover(abs(x.y) / u_world_per_px, u_half));
  frag_color = vec4(u_color.rgb, t * u_color.a);
}
