#pragma once
// A scene description the renderer draws: meshes with display styles, lines, labels, overlay
// text, a camera and an optional section plane. Built by the app from the case; no case logic here.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

namespace mv::render {

// Geometry as the GPU wants it. Shared between frames: the renderer uploads each MeshData once.
struct MeshData {
  std::vector<glm::vec3> positions;  // mm
  std::vector<glm::vec3> normals;
  std::vector<std::uint32_t> indices;
};

enum class Style { Opaque, Translucent };

struct DrawItem {
  std::string name;
  std::shared_ptr<const MeshData> mesh;
  glm::vec4 colour{1.0f};  // alpha is used by Translucent items
  Style style = Style::Opaque;
  float depth_bias = 0.0f;  // pulls the surface toward the viewer (mm): a solid lying on the skin
  // Section views fill the cut face of each closed opaque solid; where solids nest, the higher
  // priority (the inner, more specific one) shows. -1: not a closed solid, no cap.
  int cap_priority = 0;
  // A lighter copy drawn while the view moves (RenderOptions::coarse), as VTK's LOD actors do;
  // null: the mesh itself. Not used in section views (their caps need the closed solid).
  std::shared_ptr<const MeshData> coarse;
};

struct Line {
  glm::vec3 a{0.0f}, b{0.0f};
  glm::vec4 colour{1.0f};
};

enum class LineLayer { InScene, OnTop };  // depth-tested with the scene, or drawn over everything

struct LineSet {
  std::vector<Line> lines;
  float width_px = 2.0f;
  LineLayer layer = LineLayer::InScene;
};

// Text anchored to a 3D point, drawn over the scene with a backing box.
struct Label {
  glm::vec3 anchor{0.0f};
  std::string text;  // UTF-8
  glm::vec4 colour{1.0f};
  glm::vec2 offset_px{0.0f};  // from the anchor's screen position
};

enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };

struct OverlayText {
  Corner corner = Corner::TopLeft;
  std::vector<std::string> lines;
  glm::vec4 colour{1.0f};
  std::vector<std::array<float, 4>> swatches;  // optional colour square per line (legend); empty = none
};

struct Camera {
  glm::vec3 target{0.0f};
  glm::vec3 eye{0.0f, 0.0f, 500.0f};
  glm::vec3 up{0.0f, 1.0f, 0.0f};
  float fov_y_deg = 30.0f;
  float near_mm = 5.0f, far_mm = 5000.0f;
  glm::mat4 view() const;
  glm::mat4 projection(float aspect) const;
  bool operator==(const Camera&) const = default;
};

// Everything on the side the normal points to is cut away; cut faces of closed solids are filled.
struct SectionPlane {
  glm::vec3 point{0.0f};
  glm::vec3 normal{0.0f, 0.0f, 1.0f};
};

struct Scene {
  std::vector<DrawItem> items;
  std::vector<LineSet> line_sets;
  std::vector<Label> labels;
  std::vector<OverlayText> overlays;
  std::optional<SectionPlane> section;
  Camera camera;
  // Colours come from the app's palette (app/palette.hpp); the renderer has none of its own.
  glm::vec4 background_top{0.0f}, background_bottom{0.0f};
  glm::vec4 label_backing{0.0f}, overlay_backing{0.0f};  // behind labels and corner text
};

}  // namespace mv::render
