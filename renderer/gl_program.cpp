#include "gl_program.hpp"

#include <sstream>
#include <stdexcept>
#include <vector>

#include <glm/gtc/type_ptr.hpp>

#include "embedded_shaders.hpp"

namespace mv::render {
namespace {

GLuint compile(GLenum type, const std::string& file) {
  const std::string text = expand_includes(shaders::source(file));
  const GLuint s = glCreateShader(type);
  const char* src = text.c_str();
  glShaderSource(s, 1, &src, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint len = 0;
    glGetShaderiv(s, GL_INFO_LOG_LENGTH, &len);
    std::vector<char> log(static_cast<size_t>(std::max(len, 1)));
    glGetShaderInfoLog(s, len, nullptr, log.data());
    glDeleteShader(s);
    throw std::runtime_error("shader " + file + " failed to compile:\n" + log.data());
  }
  return s;
}

}  // namespace

std::string expand_includes(const std::string& source) {
  std::istringstream in(source);
  std::ostringstream out;
  std::string line;
  while (std::getline(in, line)) {
    const auto pos = line.find("#include \"");
    if (pos != std::string::npos) {
      const auto start = pos + 10, end = line.find('"', start);
      out << shaders::source(line.substr(start, end - start)) << "\n";
    } else {
      out << line << "\n";
    }
  }
  return out.str();
}

GlProgram::GlProgram(const std::string& vertex_file, const std::string& fragment_file) : label_(vertex_file + "+" + fragment_file) {
  const GLuint vs = compile(GL_VERTEX_SHADER, vertex_file);
  GLuint fs = 0;
  try {
    fs = compile(GL_FRAGMENT_SHADER, fragment_file);
  } catch (...) {
    glDeleteShader(vs);
    throw;
  }
  id_ = glCreateProgram();
  glAttachShader(id_, vs);
  glAttachShader(id_, fs);
  glLinkProgram(id_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[4096];
    glGetProgramInfoLog(id_, sizeof log, nullptr, log);
    glDeleteProgram(id_);
    throw std::runtime_error("program " + label_ + " failed to link:\n" + log);
  }
}

GlProgram::~GlProgram() {
  if (id_) glDeleteProgram(id_);
}

void GlProgram::use() const { glUseProgram(id_); }

GLint GlProgram::location(const char* name) {
  auto it = locations_.find(name);
  if (it != locations_.end()) return it->second;
  const GLint loc = glGetUniformLocation(id_, name);
  if (loc < 0) throw std::logic_error("program " + label_ + " has no active uniform " + name);
  locations_.emplace(name, loc);
  return loc;
}

void GlProgram::set(const char* n, int v) { glUniform1i(location(n), v); }
void GlProgram::set(const char* n, float v) { glUniform1f(location(n), v); }
void GlProgram::set(const char* n, const glm::vec2& v) { glUniform2fv(location(n), 1, glm::value_ptr(v)); }
void GlProgram::set(const char* n, const glm::vec3& v) { glUniform3fv(location(n), 1, glm::value_ptr(v)); }
void GlProgram::set(const char* n, const glm::vec4& v) { glUniform4fv(location(n), 1, glm::value_ptr(v)); }
void GlProgram::set(const char* n, const glm::mat4& v) { glUniformMatrix4fv(location(n), 1, GL_FALSE, glm::value_ptr(v)); }

}  // namespace mv::render
