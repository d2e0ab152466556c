#include "anatomy.hpp"

#include <stdexcept>

namespace mv {

const AnatomyLayer* Anatomy::find(const std::string& name) const {
  for (const auto& layer : layers)
    if (layer.name == name) return &layer;
  return nullptr;
}

const TriangleMesh& Anatomy::skin() const {
  if (const auto* s = find("skin")) return s->solid;
  throw std::runtime_error("anatomy has no layer named 'skin'");
}

}  // namespace mv
