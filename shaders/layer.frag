#version 330 core
// Copies a cached layer (premultiplied alpha) pixel for pixel onto the viewport.
uniform sampler2D u_layer;
uniform vec2 u_origin_px;  // framebuffer pixel of the viewport's bottom-left corner
out vec4 frag_color;

void main() { frag_color = texelFetch(u_layer, ivec2(gl_FragCoord.xy - u_origin_px), 0); }
