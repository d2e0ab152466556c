#include "renderer.hpp"
#include "text_layout.hpp"

#include <algorithm>
#include <stdexcept>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_inverse.hpp>

#include "font_atlas.hpp"
#include "gl_program.hpp"

namespace mv::render {

struct Renderer::GpuMesh {
  std::weak_ptr<const MeshData> owner;
  GLuint vao = 0, buffers[3] = {0, 0, 0};
  GLsizei index_count = 0;
  ~GpuMesh() {
    glDeleteBuffers(3, buffers);
    glDeleteVertexArrays(1, &vao);
  }
};

// Offscreen targets: a (multisampled) scene buffer, transparency accumulation sharing its depth,
// and single-sample copies that the composite and overlays work on. Without multisampling (the
// GUI while moving, golden images) the scene and accumulation buffers are those textures
// themselves: no four full-frame copies (4% of such a frame on llvmpipe), 18 MB less at 1280×800.
struct Renderer::Targets {
  int width = 0, height = 0, samples = -1;
  bool fxaa = false;
  GLuint scene_fbo = 0, oit_fbo = 0, resolved_fbo = 0, oit_resolved_fbo = 0, fxaa_fbo = 0;
  GLuint rb_colour = 0, rb_depth = 0, rb_accum = 0, rb_weight = 0, rb_resolved_depth = 0;
  GLuint tex_resolved = 0, tex_accum = 0, tex_weight = 0, tex_fxaa = 0;

  Targets(int w, int h, int s, bool with_fxaa) : width(w), height(h), samples(s), fxaa(with_fxaa) {
    auto renderbuffer = [&](GLuint& rb, GLenum format, int rb_samples) {
      glGenRenderbuffers(1, &rb);
      glBindRenderbuffer(GL_RENDERBUFFER, rb);
      if (rb_samples > 0) glRenderbufferStorageMultisample(GL_RENDERBUFFER, rb_samples, format, w, h);
      else
        glRenderbufferStorage(GL_RENDERBUFFER, format, w, h);
    };
    auto texture = [&](GLuint& t, GLenum internal, GLenum format, GLenum type, GLint filter = GL_NEAREST) {
      glGenTextures(1, &t);
      glBindTexture(GL_TEXTURE_2D, t);
      glTexImage2D(GL_TEXTURE_2D, 0, internal, w, h, 0, format, type, nullptr);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    };
    texture(tex_resolved, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, GL_LINEAR);  // FXAA samples it between pixels
    texture(tex_accum, GL_RGBA16F, GL_RGBA, GL_FLOAT);
    texture(tex_weight, GL_R16F, GL_RED, GL_FLOAT);
    renderbuffer(rb_depth, GL_DEPTH24_STENCIL8, s);

    const GLenum both[2] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    auto framebuffer = [&](GLuint& fbo, std::initializer_list<GLuint> colour, bool textures, GLuint depth, const char* what) {
      glGenFramebuffers(1, &fbo);
      glBindFramebuffer(GL_FRAMEBUFFER, fbo);
      GLenum attachment = GL_COLOR_ATTACHMENT0;
      for (GLuint c : colour) {
        if (textures) glFramebufferTexture2D(GL_FRAMEBUFFER, attachment++, GL_TEXTURE_2D, c, 0);
        else
          glFramebufferRenderbuffer(GL_FRAMEBUFFER, attachment++, GL_RENDERBUFFER, c);
      }
      if (depth) glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth);
      glDrawBuffers(static_cast<GLsizei>(colour.size()), both);
      check(what);
    };
    if (fxaa) {  // FXAA writes the final image here; the text is drawn over it
      texture(tex_fxaa, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE);
      framebuffer(fxaa_fbo, {tex_fxaa}, true, 0, "anti-aliasing");
    }
    if (s == 0) {
      framebuffer(scene_fbo, {tex_resolved}, true, rb_depth, "scene");
      framebuffer(oit_fbo, {tex_accum, tex_weight}, true, rb_depth, "transparency");
      resolved_fbo = scene_fbo;
      return;
    }
    renderbuffer(rb_colour, GL_RGBA8, s);
    renderbuffer(rb_accum, GL_RGBA16F, s);
    renderbuffer(rb_weight, GL_R16F, s);
    renderbuffer(rb_resolved_depth, GL_DEPTH24_STENCIL8, 0);
    framebuffer(scene_fbo, {rb_colour}, false, rb_depth, "scene");
    framebuffer(oit_fbo, {rb_accum, rb_weight}, false, rb_depth, "transparency");
    framebuffer(resolved_fbo, {tex_resolved}, true, rb_resolved_depth, "resolved");
    framebuffer(oit_resolved_fbo, {tex_accum, tex_weight}, true, 0, "transparency resolve");
  }
  static void check(const char* what) {
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
      throw std::runtime_error(std::string("OpenGL framebuffer incomplete: ") + what);
  }
  ~Targets() {
    for (GLuint fbo : {scene_fbo, oit_fbo, oit_resolved_fbo, fxaa_fbo}) glDeleteFramebuffers(1, &fbo);  // 0 is ignored
    if (resolved_fbo != scene_fbo) glDeleteFramebuffers(1, &resolved_fbo);
    for (GLuint rb : {rb_colour, rb_depth, rb_accum, rb_weight, rb_resolved_depth}) glDeleteRenderbuffers(1, &rb);
    for (GLuint t : {tex_resolved, tex_accum, tex_weight, tex_fxaa}) glDeleteTextures(1, &t);
  }
  // Multisampled only: resolves the scene colour and depth and the transparency accumulation
  // into the single-sample textures.
  void resolve() const {
    if (samples == 0) return;
    blit(scene_fbo, GL_COLOR_ATTACHMENT0, resolved_fbo, GL_COLOR_ATTACHMENT0, GL_COLOR_BUFFER_BIT);
    blit(scene_fbo, GL_COLOR_ATTACHMENT0, resolved_fbo, GL_COLOR_ATTACHMENT0, GL_DEPTH_BUFFER_BIT);
    blit(oit_fbo, GL_COLOR_ATTACHMENT0, oit_resolved_fbo, GL_COLOR_ATTACHMENT0, GL_COLOR_BUFFER_BIT);
    blit(oit_fbo, GL_COLOR_ATTACHMENT1, oit_resolved_fbo, GL_COLOR_ATTACHMENT1, GL_COLOR_BUFFER_BIT);
    const GLenum both[2] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glBindFramebuffer(GL_FRAMEBUFFER, oit_resolved_fbo);
    glDrawBuffers(2, both);
    glBindFramebuffer(GL_FRAMEBUFFER, oit_fbo);
    glDrawBuffers(2, both);
  }
  // Copies (resolving samples) one colour attachment of `from` into `to`.
  void blit(GLuint from, GLenum from_attachment, GLuint to, GLenum to_attachment, GLbitfield mask) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
    if (mask & GL_COLOR_BUFFER_BIT) {
      glReadBuffer(from_attachment);
      glDrawBuffer(to_attachment);
    }
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, mask, GL_NEAREST);
  }
};

Renderer::Renderer(std::filesystem::path font_file) : font_file_(std::move(font_file)) {
  mesh_prog_ = std::make_unique<GlProgram>("mesh.vert", "mesh.frag");
  background_prog_ = std::make_unique<GlProgram>("fullscreen.vert", "background.frag");
  composite_prog_ = std::make_unique<GlProgram>("fullscreen.vert", "composite.frag");
  fxaa_prog_ = std::make_unique<GlProgram>("fullscreen.vert", "fxaa.frag");
  line_prog_ = std::make_unique<GlProgram>("line.vert", "line.frag");
  text_prog_ = std::make_unique<GlProgram>("text.vert", "text.frag");
  glGenVertexArrays(1, &empty_vao_);
  glGenVertexArrays(1, &line_vao_);
  glGenBuffers(1, &line_vbo_);
  glBindVertexArray(line_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, line_vbo_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 7 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 7 * sizeof(float), reinterpret_cast<void*>(3 * sizeof(float)));
  glGenVertexArrays(1, &text_vao_);
  glGenBuffers(1, &text_vbo_);
  glBindVertexArray(text_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, text_vbo_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(TextVertex), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(TextVertex), reinterpret_cast<void*>(offsetof(TextVertex, uv)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, sizeof(TextVertex), reinterpret_cast<void*>(offsetof(TextVertex, colour)));
  glBindVertexArray(0);
}

Renderer::~Renderer() {
  meshes_.clear();
  targets_.reset();
  fonts_.clear();
  glDeleteVertexArrays(1, &empty_vao_);
  glDeleteVertexArrays(1, &line_vao_);
  glDeleteBuffers(1, &line_vbo_);
  glDeleteVertexArrays(1, &text_vao_);
  glDeleteBuffers(1, &text_vbo_);
  if (cap_vao_) {
    glDeleteVertexArrays(1, &cap_vao_);
    glDeleteBuffers(2, cap_vbo_);
  }
}

std::string Renderer::gl_description() {
  auto str = [](GLenum e) {
    const auto* s = reinterpret_cast<const char*>(glGetString(e));
    return std::string(s ? s : "?");
  };
  return str(GL_VERSION) + " — " + str(GL_RENDERER);
}

bool Renderer::software_gl() {
  const auto* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const std::string name = r ? r : "";
  return name.find("llvmpipe") != std::string::npos || name.find("softpipe") != std::string::npos || name.find("swrast") != std::string::npos;
}

FontAtlas& Renderer::font(float pixel_height) {
  // Small sizes serve frames drawn at a reduced resolution (scaled up, the text keeps its size).
  const int key = std::max(4, static_cast<int>(std::lround(pixel_height)));
  auto& slot = fonts_[key];
  if (!slot) slot = std::make_unique<FontAtlas>(font_file_, static_cast<float>(key));
  return *slot;
}

Renderer::GpuMesh& Renderer::upload(const std::shared_ptr<const MeshData>& mesh) {
  auto& slot = meshes_[mesh.get()];
  if (slot && slot->owner.lock() == mesh) return *slot;
  slot = std::make_unique<GpuMesh>();
  slot->owner = mesh;
  glGenVertexArrays(1, &slot->vao);
  glGenBuffers(3, slot->buffers);
  glBindVertexArray(slot->vao);
  glBindBuffer(GL_ARRAY_BUFFER, slot->buffers[0]);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh->positions.size() * sizeof(glm::vec3)), mesh->positions.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, slot->buffers[1]);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh->normals.size() * sizeof(glm::vec3)), mesh->normals.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, slot->buffers[2]);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh->indices.size() * sizeof(std::uint32_t)), mesh->indices.data(), GL_STATIC_DRAW);
  slot->index_count = static_cast<GLsizei>(mesh->indices.size());
  glBindVertexArray(0);
  return *slot;
}

namespace {
// Colour blends over what is there; the image's alpha stays 1, so a PNG of a translucent scene
// is opaque (it was 206–224 where the skin is translucent, and viewers showed the page through).
void blend_over_opaque() { glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE); }

glm::vec4 clip_plane_of(const Scene& scene) {
  if (!scene.section) return {0.0f, 0.0f, 0.0f, 1.0f};
  const glm::vec3 n = glm::normalize(scene.section->normal);
  return {-n, glm::dot(n, scene.section->point)};  // >= 0 on the kept side
}
}  // namespace

void Renderer::draw_items(const Scene& scene, bool translucent, const glm::mat4& view, const glm::mat4& proj) {
  auto& p = *mesh_prog_;
  p.use();
  p.set("u_view", view);
  p.set("u_projection", proj);
  p.set("u_clip_plane", clip_plane_of(scene));
  p.set("u_oit", translucent ? 1 : 0);
  p.set("u_flat", 0);
  const glm::vec3 eye = scene.camera.eye;
  const glm::vec3 back = glm::normalize(eye - scene.camera.target);
  const glm::vec3 right = glm::normalize(glm::cross(scene.camera.up, back));
  const glm::vec3 up = glm::cross(back, right);
  p.set("u_eye", eye);
  p.set("u_depth_ref", glm::length(eye - scene.camera.target));
  p.set("u_key_dir", glm::normalize(0.45f * right + 0.75f * up + 0.6f * back));
  p.set("u_fill_dir", glm::normalize(-0.7f * right - 0.2f * up + 0.5f * back));
  for (const auto& item : scene.items) {
    if (!item.mesh || (item.style == Style::Translucent) != translucent) continue;
    const GpuMesh& g = upload(coarse_ && item.coarse ? item.coarse : item.mesh);
    // An opaque closed solid's far side is hidden by its near side: leave it out (12% of a frame
    // on llvmpipe). Translucent layers keep both sides (their look depends on them), a section
    // shows the inside of cut solids, and open surfaces (scans) must show both sides.
    if (!translucent && !scene.section && item.cap_priority >= 0) glEnable(GL_CULL_FACE);
    else
      glDisable(GL_CULL_FACE);
    p.set("u_colour", item.colour);
    p.set("u_depth_bias", item.depth_bias);
    glBindVertexArray(g.vao);
    glDrawElements(GL_TRIANGLES, g.index_count, GL_UNSIGNED_INT, nullptr);
  }
  glDisable(GL_CULL_FACE);
  glBindVertexArray(0);
}

// Section caps by stencil parity: for each opaque solid, in rising cap priority, count the
// solid's clipped surfaces behind each pixel; where the count is odd the cut plane lies inside
// the solid, and a quad in the plane is filled with its colour there. Later (higher-priority)
// caps paint over earlier ones, so the innermost tissue of nested solids shows.
void Renderer::draw_section_caps(const Scene& scene, const glm::mat4& view, const glm::mat4& proj) {
  std::vector<const DrawItem*> solids;
  for (const auto& item : scene.items)
    if (item.mesh && item.style == Style::Opaque && item.cap_priority >= 0) solids.push_back(&item);
  std::stable_sort(solids.begin(), solids.end(), [](const DrawItem* a, const DrawItem* b) { return a->cap_priority < b->cap_priority; });
  if (solids.empty()) return;

  // The cap: a square in the plane, large enough to cover the view.
  const glm::vec3 n = glm::normalize(scene.section->normal);
  const glm::vec3 u = glm::normalize(glm::cross(n, std::abs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0)));
  const glm::vec3 v = glm::cross(n, u);
  const float half = 4.0f * glm::length(scene.camera.eye - scene.camera.target) + 1000.0f;
  const glm::vec3 c = scene.section->point;
  const glm::vec3 quad[6] = {c - half * u - half * v, c + half * u - half * v, c + half * u + half * v,
                             c - half * u - half * v, c + half * u + half * v, c - half * u + half * v};
  if (!cap_vao_) {
    glGenVertexArrays(1, &cap_vao_);
    glGenBuffers(2, cap_vbo_);
  }
  const std::vector<glm::vec3> normals(6, -n);
  glBindVertexArray(cap_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, cap_vbo_[0]);
  glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STREAM_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, cap_vbo_[1]);
  glBufferData(GL_ARRAY_BUFFER, sizeof(glm::vec3) * 6, normals.data(), GL_STREAM_DRAW);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 0, nullptr);

  auto& p = *mesh_prog_;
  p.use();
  p.set("u_view", view);
  p.set("u_projection", proj);
  p.set("u_oit", 0);
  p.set("u_depth_bias", 0.0f);
  glEnable(GL_STENCIL_TEST);
  glDisable(GL_CULL_FACE);
  for (const DrawItem* item : solids) {
    const GpuMesh& g = upload(item->mesh);
    glClear(GL_STENCIL_BUFFER_BIT);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glDepthMask(GL_FALSE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_CLIP_DISTANCE0);
    glStencilFunc(GL_ALWAYS, 0, 1);
    glStencilOp(GL_KEEP, GL_INVERT, GL_INVERT);
    p.set("u_clip_plane", clip_plane_of(scene));
    p.set("u_flat", 0);
    glBindVertexArray(g.vao);
    glDrawElements(GL_TRIANGLES, g.index_count, GL_UNSIGNED_INT, nullptr);

    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glDepthMask(GL_TRUE);
    glEnable(GL_DEPTH_TEST);  // depth is only written with the test on: the cap must write the plane's depth
    glDepthFunc(GL_ALWAYS);
    glDisable(GL_CLIP_DISTANCE0);
    glStencilFunc(GL_EQUAL, 1, 1);
    glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
    p.set("u_clip_plane", glm::vec4(0, 0, 0, 1));
    p.set("u_colour", item->colour);
    p.set("u_flat", 1);
    glBindVertexArray(cap_vao_);
    glDrawArrays(GL_TRIANGLES, 0, 6);
  }
  p.set("u_flat", 0);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glBindVertexArray(0);
}

void Renderer::draw_lines(const Scene& scene, LineLayer layer, const glm::mat4& view, const glm::mat4& proj, float scale) {
  auto& p = *line_prog_;
  p.use();
  p.set("u_view", view);
  p.set("u_projection", proj);
  p.set("u_clip_plane", layer == LineLayer::OnTop ? glm::vec4(0, 0, 0, 1) : clip_plane_of(scene));
  glBindVertexArray(line_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, line_vbo_);
  for (const auto& set : scene.line_sets) {
    if (set.layer != layer || set.lines.empty()) continue;
    std::vector<float> v;
    v.reserve(set.lines.size() * 14);
    for (const auto& l : set.lines)
      for (const auto& pt : {l.a, l.b}) v.insert(v.end(), {pt.x, pt.y, pt.z, l.colour.r, l.colour.g, l.colour.b, l.colour.a});
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v.size() * sizeof(float)), v.data(), GL_STREAM_DRAW);
    glLineWidth(std::max(1.0f, set.width_px * scale));
    glDrawArrays(GL_LINES, 0, static_cast<GLsizei>(set.lines.size() * 2));
  }
  glLineWidth(1.0f);
  glBindVertexArray(0);
}

void Renderer::draw_text(const Scene& scene, int width, int height, const glm::mat4& view_proj, float scale) {
  FontAtlas& f = font(15.0f * scale);
  std::vector<TextVertex> quads;
  auto box = [&](glm::vec2 a, glm::vec2 b, const glm::vec4& c) {
    const TextVertex p0{a, {-1, -1}, c}, p1{{b.x, a.y}, {-1, -1}, c}, p2{b, {-1, -1}, c}, p3{{a.x, b.y}, {-1, -1}, c};
    quads.insert(quads.end(), {p0, p1, p2, p0, p2, p3});
  };
  const float pad = 4.0f * scale;
  // Labels give way to each other (text_layout.cpp): zoomed far out, a clock mark need not sit on
  // a dimension label.
  std::vector<TextBox> wanted;
  std::vector<const Label*> shown;
  for (const auto& label : scene.labels) {
    const glm::vec4 clip = view_proj * glm::vec4(label.anchor, 1.0f);
    if (clip.w <= 0.0f) continue;
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    const glm::vec2 px{(ndc.x * 0.5f + 0.5f) * width, (0.5f - ndc.y * 0.5f) * height};
    const float w = f.width_of(label.text), h = f.line_height();
    const glm::vec2 top_left = px + label.offset_px * scale - glm::vec2(w * 0.5f, h * 0.5f);
    wanted.push_back({top_left - pad, top_left + glm::vec2(w, h) + pad});
    shown.push_back(&label);
  }
  const auto placed = place_labels(wanted);
  for (size_t i = 0; i < placed.size(); ++i) {
    if (!placed[i]) continue;
    box(placed[i]->min, placed[i]->max, scene.label_backing);
    f.layout(shown[i]->text, placed[i]->min + pad + glm::vec2(0.0f, 0.1f * f.line_height()), shown[i]->colour, quads);
  }
  // Overlays in one corner stack instead of covering each other.
  std::vector<Corner> corners;
  std::vector<glm::vec2> sizes;
  for (const auto& o : scene.overlays) {
    float block_w = 0.0f;
    const float sw = o.swatches.empty() ? 0.0f : f.line_height();
    for (const auto& line : o.lines) block_w = std::max(block_w, f.width_of(line) + sw);
    corners.push_back(o.corner);
    sizes.push_back({block_w + 2.0f * pad, f.line_height() * static_cast<float>(o.lines.size()) + 2.0f * pad});
  }
  const auto origins =
      stack_corner_blocks(corners, sizes, {static_cast<float>(width), static_cast<float>(height)}, 12.0f * scale - pad, 6.0f * scale);
  for (size_t k = 0; k < scene.overlays.size(); ++k) {
    const auto& o = scene.overlays[k];
    const float sw = o.swatches.empty() ? 0.0f : f.line_height();
    box(origins[k], origins[k] + sizes[k], scene.overlay_backing);
    const glm::vec2 origin = origins[k] + pad;
    for (size_t i = 0; i < o.lines.size(); ++i) {
      const glm::vec2 at = origin + glm::vec2(0.0f, f.line_height() * static_cast<float>(i));
      if (i < o.swatches.size()) {
        const auto& c = o.swatches[i];
        const float s = f.line_height() * 0.7f, inset = f.line_height() * 0.15f;
        box(at + glm::vec2(0, inset), at + glm::vec2(s, inset + s), {c[0], c[1], c[2], 1.0f});
      }
      f.layout(o.lines[i], at + glm::vec2(sw, 0.1f * f.line_height()), o.colour, quads);
    }
  }
  if (quads.empty()) return;
  auto& p = *text_prog_;
  p.use();
  p.set("u_viewport", glm::vec2(width, height));
  p.set("u_atlas", 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, f.texture());
  glBindVertexArray(text_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, text_vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(quads.size() * sizeof(TextVertex)), quads.data(), GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(quads.size()));
  glBindVertexArray(0);
}

void Renderer::render(const Scene& scene, int width, int height, GLuint target_fbo, const RenderOptions& options) {
  if (width <= 0 || height <= 0) return;
  // Drop GPU copies of meshes nobody holds any more.
  for (auto it = meshes_.begin(); it != meshes_.end();) it = it->second->owner.expired() ? meshes_.erase(it) : std::next(it);
  const float res = std::clamp(options.resolution_scale, 0.1f, 1.0f);
  const int w = std::max(1, static_cast<int>(std::lround(width * res))), h = std::max(1, static_cast<int>(std::lround(height * res)));
  if (!targets_ || targets_->width != w || targets_->height != h || targets_->samples != options.samples || targets_->fxaa != options.fxaa) {
    targets_.reset();
    targets_ = std::make_unique<Targets>(w, h, options.samples, options.fxaa);
  }
  const Targets& t = *targets_;
  coarse_ = options.coarse && !scene.section;
  const float ui = options.ui_scale * static_cast<float>(w) / static_cast<float>(width);  // text and lines keep their size on screen
  const glm::mat4 view = scene.camera.view();
  const glm::mat4 proj = scene.camera.projection(static_cast<float>(width) / static_cast<float>(height));
  last_inverse_view_proj_ = glm::inverse(proj * view);

  glViewport(0, 0, w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, t.scene_fbo);
  glDisable(GL_BLEND);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  background_prog_->use();
  background_prog_->set("u_top", glm::vec3(scene.background_top));
  background_prog_->set("u_bottom", glm::vec3(scene.background_bottom));
  glBindVertexArray(empty_vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glClear(GL_DEPTH_BUFFER_BIT);

  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glDepthMask(GL_TRUE);
  if (scene.section) {
    draw_section_caps(scene, view, proj);
    glEnable(GL_CLIP_DISTANCE0);
  }
  draw_items(scene, false, view, proj);
  glDepthMask(GL_FALSE);
  glEnable(GL_BLEND);
  blend_over_opaque();
  draw_lines(scene, LineLayer::InScene, view, proj, ui);

  // Transparency: accumulate every translucent surface in any order.
  glBindFramebuffer(GL_FRAMEBUFFER, t.oit_fbo);
  const float clear_accum[4] = {0, 0, 0, 1}, clear_weight[4] = {0, 0, 0, 0};
  glClearBufferfv(GL_COLOR, 0, clear_accum);
  glClearBufferfv(GL_COLOR, 1, clear_weight);
  glBlendFuncSeparate(GL_ONE, GL_ONE, GL_ZERO, GL_ONE_MINUS_SRC_ALPHA);
  draw_items(scene, true, view, proj);
  glDisable(GL_CLIP_DISTANCE0);
  glDepthMask(GL_TRUE);
  glDisable(GL_DEPTH_TEST);

  t.resolve();

  glBindFramebuffer(GL_FRAMEBUFFER, t.resolved_fbo);
  glDrawBuffer(GL_COLOR_ATTACHMENT0);
  glEnable(GL_BLEND);
  blend_over_opaque();
  composite_prog_->use();
  composite_prog_->set("u_accum", 0);
  composite_prog_->set("u_weight", 1);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, t.tex_accum);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, t.tex_weight);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(empty_vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);

  draw_lines(scene, LineLayer::OnTop, view, proj, ui);
  GLuint final_fbo = t.resolved_fbo;
  if (t.fxaa) {
    glDisable(GL_BLEND);
    glBindFramebuffer(GL_FRAMEBUFFER, t.fxaa_fbo);
    fxaa_prog_->use();
    fxaa_prog_->set("u_image", 0);
    fxaa_prog_->set("u_texel", glm::vec2(1.0f / static_cast<float>(w), 1.0f / static_cast<float>(h)));
    glBindTexture(GL_TEXTURE_2D, t.tex_resolved);
    glBindVertexArray(empty_vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glEnable(GL_BLEND);
    blend_over_opaque();
    final_fbo = t.fxaa_fbo;
  }
  draw_text(scene, w, h, proj * view, ui);
  glDisable(GL_BLEND);
  last_width_ = width, last_height_ = height, last_options_ = options, last_final_fbo_ = final_fbo;
  present_again(target_fbo);
}

void Renderer::present_again(GLuint target_fbo) const {
  if (!targets_ || last_width_ <= 0) return;
  const RenderOptions& o = last_options_;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, last_final_fbo_);
  glReadBuffer(GL_COLOR_ATTACHMENT0);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target_fbo);
  const bool scaled = targets_->width != last_width_ || targets_->height != last_height_;
  glBlitFramebuffer(0, 0, targets_->width, targets_->height, o.dest_x, o.dest_y, o.dest_x + last_width_, o.dest_y + last_height_, GL_COLOR_BUFFER_BIT,
                    scaled ? GL_LINEAR : GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, target_fbo);
}

void Renderer::warm_up(int width, int height, GLuint target_fbo, const RenderOptions& options) {
  // A triangle in each style, a line in each layer, a label and overlay text: every program and
  // blend state of a real frame, on a frame of the real size (drawn to the renderer's own buffers).
  auto triangle = std::make_shared<MeshData>();
  triangle->positions = {{-10, -10, 0}, {10, -10, 0}, {0, 10, 0}};
  triangle->normals.assign(3, glm::vec3(0, 0, 1));
  triangle->indices = {0, 1, 2};
  Scene scene;
  scene.items.push_back({"warm-up", triangle, glm::vec4(0.5f), Style::Opaque});
  scene.items.push_back({"warm-up", triangle, glm::vec4(0.5f), Style::Translucent});
  scene.line_sets.push_back({{{{0, 0, 0}, {5, 5, 0}, glm::vec4(1.0f)}}, 2.0f, LineLayer::InScene});
  scene.line_sets.push_back({{{{0, 0, 0}, {5, -5, 0}, glm::vec4(1.0f)}}, 2.0f, LineLayer::OnTop});
  scene.labels.push_back({{0, 0, 0}, "0", glm::vec4(1.0f), {}});
  scene.overlays.push_back({Corner::TopLeft, {"0"}, glm::vec4(1.0f), {{1, 1, 1, 1}}});
  scene.camera.target = {0, 0, 0};
  scene.camera.eye = {0, 0, 100};
  render(scene, width, height, target_fbo, options);
  glFinish();
}

std::optional<glm::vec3> Renderer::pick(int x_px, int y_px) const {
  if (!targets_ || last_width_ <= 0 || x_px < 0 || y_px < 0 || x_px >= last_width_ || y_px >= last_height_) return std::nullopt;
  // The last frame may have been drawn at a lower resolution (the view was moving).
  const int x = std::min(targets_->width - 1, x_px * targets_->width / last_width_);
  const int y = std::min(targets_->height - 1, y_px * targets_->height / last_height_);
  const int gl_y = targets_->height - 1 - y;
  float depth = 1.0f;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, targets_->resolved_fbo);
  glReadPixels(x, gl_y, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, &depth);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  if (depth >= 1.0f) return std::nullopt;
  const glm::vec4 ndc{(x + 0.5f) / targets_->width * 2.0f - 1.0f, (gl_y + 0.5f) / targets_->height * 2.0f - 1.0f, depth * 2.0f - 1.0f, 1.0f};
  const glm::vec4 world = last_inverse_view_proj_ * ndc;
  return glm::vec3(world) / world.w;
}

}  // namespace mv::render
