#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <memory>
#include <vector>

#include <epoxy/gl.h>

#include "scene.hpp"

namespace mv::render {

class GlProgram;
class FontAtlas;

struct RenderOptions {
  int samples = 4;        // MSAA samples; 0 for golden images (exactly reproducible)
  bool fxaa = false;      // a post-process anti-aliasing pass instead (software GL, where MSAA costs 3×)
  float ui_scale = 1.0f;  // HiDPI / resolution scale for text and line widths
  // Draws (width·s) × (height·s) pixels and scales them up into the target: the GUI while the
  // view moves on software GL, as VTK's interactive update rate does.
  float resolution_scale = 1.0f;
  bool coarse = false;         // draw items' coarse copies where they have one (the view moving)
  int dest_x = 0, dest_y = 0;  // where the image lands in the target framebuffer (GL pixels, bottom-left)
  bool operator==(const RenderOptions&) const = default;
};

// Draws a Scene with OpenGL 3.3 core into a framebuffer: opaque surfaces with section caps,
// weighted-blended order-independent transparency for nested translucent solids, lines, and
// labelled text. Needs a current context; the same code serves the window and headless renders.
class Renderer {
 public:
  explicit Renderer(std::filesystem::path font_file);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Draws into `target_fbo` (0: the default framebuffer) of `width` x `height` pixels.
  void render(const Scene& scene, int width, int height, GLuint target_fbo, const RenderOptions& options);
  // Does now what the first frame of this size would otherwise pay for: allocates the frame's
  // buffers and has the driver compile every shader in every state the frame uses (on llvmpipe,
  // about half of a first frame). Call it while the scene is still being built elsewhere.
  void warm_up(int width, int height, GLuint target_fbo, const RenderOptions& options);

  // Draws the last frame again into `target_fbo` without drawing the scene (nothing in it changed).
  void present_again(GLuint target_fbo) const;

  // World point under a pixel of the last render (top-left origin, of its width × height) from
  // its depth, if any surface is there.
  std::optional<glm::vec3> pick(int x, int y) const;

  static std::string gl_description();  // "4.5 (Core Profile) Mesa 22.3.6 — llvmpipe"
  // Mesa's llvmpipe, softpipe or swrast: every pixel is drawn by the CPU.
  static bool software_gl();

 private:
  struct GpuMesh;
  struct Targets;
  GpuMesh& upload(const std::shared_ptr<const MeshData>& mesh);
  void draw_items(const Scene& scene, bool translucent, const glm::mat4& view, const glm::mat4& proj);
  void draw_section_caps(const Scene& scene, const glm::mat4& view, const glm::mat4& proj);
  void draw_lines(const Scene& scene, LineLayer layer, const glm::mat4& view, const glm::mat4& proj, float scale);
  void draw_text(const Scene& scene, int width, int height, const glm::mat4& view_proj, float scale);
  FontAtlas& font(float pixel_height);

  std::filesystem::path font_file_;
  std::unique_ptr<GlProgram> mesh_prog_, background_prog_, composite_prog_, fxaa_prog_, line_prog_, text_prog_;
  std::map<const MeshData*, std::unique_ptr<GpuMesh>> meshes_;
  std::unique_ptr<Targets> targets_;
  std::map<int, std::unique_ptr<FontAtlas>> fonts_;
  GLuint empty_vao_ = 0, line_vao_ = 0, line_vbo_ = 0, text_vao_ = 0, text_vbo_ = 0, cap_vao_ = 0, cap_vbo_[2] = {0, 0};
  glm::mat4 last_inverse_view_proj_{1.0f};  // for pick()
  int last_width_ = 0, last_height_ = 0;    // the last render's size in target pixels, and where it went
  RenderOptions last_options_;
  bool coarse_ = false;  // this frame draws the coarse copies
  GLuint last_final_fbo_ = 0;
};

}  // namespace mv::render
