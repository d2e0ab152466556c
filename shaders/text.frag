#version 330 core
// Glyph coverage from the font atlas; uv < 0 marks a solid quad (label backing, legend swatch).
in vec2 v_uv;
in vec4 v_colour;
uniform sampler2D u_atlas;
out vec4 o_colour;
void main() {
  float coverage = v_uv.x < 0.0 ? 1.0 : texture(u_atlas, v_uv).r;
  o_colour = vec4(v_colour.rgb, v_colour.a * coverage);
}
