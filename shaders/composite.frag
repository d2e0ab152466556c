#version 330 core
// Resolves the transparency accumulation over the opaque image.
in vec2 v_uv;
uniform sampler2D u_accum;   // rgb: sum of premultiplied weighted colour, a: product of (1 - alpha)
uniform sampler2D u_weight;  // r: sum of weighted alpha
out vec4 o_colour;
void main() {
  vec4 accum = texture(u_accum, v_uv);
  float revealage = accum.a;
  if (revealage >= 0.9999) discard;
  float weight = max(texture(u_weight, v_uv).r, 1e-5);
  o_colour = vec4(accum.rgb / weight, 1.0 - revealage);
}
