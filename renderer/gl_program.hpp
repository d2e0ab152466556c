#pragma once
#include <string>
#include <unordered_map>

#include <epoxy/gl.h>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

namespace mv::render {

// A linked GLSL program built from embedded shader files. `#include "file.glsl"` lines are
// replaced by that embedded file. Setting a uniform the program does not declare throws, so a
// renamed uniform is caught the first time it is drawn, not silently ignored.
class GlProgram {
 public:
  GlProgram(const std::string& vertex_file, const std::string& fragment_file);
  ~GlProgram();
  GlProgram(const GlProgram&) = delete;
  GlProgram& operator=(const GlProgram&) = delete;

  void use() const;
  void set(const char* name, int v);
  void set(const char* name, float v);
  void set(const char* name, const glm::vec2& v);
  void set(const char* name, const glm::vec3& v);
  void set(const char* name, const glm::vec4& v);
  void set(const char* name, const glm::mat4& v);

 private:
  GLint location(const char* name);
  GLuint id_ = 0;
  std::string label_;
  std::unordered_map<std::string, GLint> locations_;
};

// Expands `#include "name"` lines with embedded shader files (one level deep is all we use).
std::string expand_includes(const std::string& source);

}  // namespace mv::render
