#version 330 core
// Fast approximate anti-aliasing (after Lottes' FXAA, its cheapest "console" form): where the
// luma of the 2×2 neighbourhood shows an edge, blend along the edge's direction; elsewhere the
// pixel passes through. Two to four bilinear taps per pixel, where 4× MSAA costs llvmpipe 3× a
// frame. Runs on the resolved image before the text, which stays sharp.
in vec2 v_uv;
uniform sampler2D u_image;  // linear filtering
uniform vec2 u_texel;       // 1 / image size
out vec4 o_colour;

const float kReduceMin = 1.0 / 128.0;
const float kReduceMul = 1.0 / 8.0;
const float kSpanMax = 8.0;

float luma(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }

void main() {
  vec3 m = texture(u_image, v_uv).rgb;
  float l_nw = luma(texture(u_image, v_uv + vec2(-0.5, -0.5) * u_texel).rgb);
  float l_ne = luma(texture(u_image, v_uv + vec2(0.5, -0.5) * u_texel).rgb);
  float l_sw = luma(texture(u_image, v_uv + vec2(-0.5, 0.5) * u_texel).rgb);
  float l_se = luma(texture(u_image, v_uv + vec2(0.5, 0.5) * u_texel).rgb);
  float l_m = luma(m);
  float l_min = min(l_m, min(min(l_nw, l_ne), min(l_sw, l_se)));
  float l_max = max(l_m, max(max(l_nw, l_ne), max(l_sw, l_se)));
  if (l_max - l_min < max(0.05, 0.125 * l_max)) {  // no edge worth smoothing
    o_colour = vec4(m, 1.0);
    return;
  }
  vec2 dir = vec2(-((l_nw + l_ne) - (l_sw + l_se)), (l_nw + l_sw) - (l_ne + l_se));
  float reduce = max((l_nw + l_ne + l_sw + l_se) * 0.25 * kReduceMul, kReduceMin);
  float scale = 1.0 / (min(abs(dir.x), abs(dir.y)) + reduce);
  dir = clamp(dir * scale, vec2(-kSpanMax), vec2(kSpanMax)) * u_texel;
  vec3 near = 0.5 * (texture(u_image, v_uv + dir * (1.0 / 3.0 - 0.5)).rgb + texture(u_image, v_uv + dir * (2.0 / 3.0 - 0.5)).rgb);
  vec3 far = 0.5 * near + 0.25 * (texture(u_image, v_uv - 0.5 * dir).rgb + texture(u_image, v_uv + 0.5 * dir).rgb);
  float l_far = luma(far);
  o_colour = vec4((l_far < l_min || l_far > l_max) ? near : far, 1.0);
}
