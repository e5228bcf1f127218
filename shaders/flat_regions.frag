#version 330 core
// A flat argmax region with the overlay layer (grid, axes, cached points; premultiplied alpha)
// composited over it in the same pass, as regions.frag does per pixel.
uniform sampler2D u_overlay;
uniform vec2 u_overlay_origin;  // framebuffer pixel of the viewport's bottom-left corner
flat in vec3 v_color;
out vec4 frag_color;
void main() {
  vec4 o = texelFetch(u_overlay, ivec2(gl_FragCoord.xy - u_overlay_origin), 0);
  frag_color = vec4(o.rgb + (1.0 - o.a) * v_color, 1.0);
}
