#version 330 core
// Bands of the canvas next to grid lines or axes (app/gl/line_bands.h): a_px in viewport pixels.
// The world position is the same affine function of the pixel as regions.vert's.
layout(location = 0) in vec2 a_px;
uniform vec2 u_world_origin;  // world point at the viewport's bottom-left corner
uniform float u_world_per_px;
uniform vec2 u_viewport_px;   // viewport size in framebuffer pixels
out vec2 v_world;

void main() {
  gl_Position = vec4(a_px / u_viewport_px * 2.0 - 1.0, 0.0, 1.0);
  v_world = u_world_origin + a_px * u_world_per_px;
}
