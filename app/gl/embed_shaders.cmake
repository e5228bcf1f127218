# Build-time step: embeds GLSL files as raw string literals in one header.
# Usage: cmake -DOUT=<header> -DSHADERS="<a.vert;b.frag;...>" -P embed_shaders.cmake
set(text "// Generated from shaders/ by embed_shaders.cmake; do not edit.\n#pragma once\n\nnamespace ll::gui::shaders {\n")
foreach(path IN LISTS SHADERS)
  get_filename_component(name "${path}" NAME)
  string(REGEX REPLACE "[^A-Za-z0-9]" "_" id "${name}")
  file(READ "${path}" src)
  string(APPEND text "inline constexpr const char* ${id} = R\"glsl(${src})glsl\";\n")
endforeach()
string(APPEND text "}  // namespace ll::gui::shaders\n")
file(WRITE "${OUT}.tmp" "${text}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
