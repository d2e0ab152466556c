#include "reconstruction/skin_ruler.hpp"

#include <glm/geometric.hpp>

namespace mv {

std::optional<SkinDistance> measure_on_skin(const RayCaster& skin, const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& view_dir,
                                            int samples) {
  const glm::dvec3 d = glm::normalize(view_dir);
  const double back = 300.0 + glm::length(b - a);  // start well in front of the body
  auto onto_skin = [&](const glm::dvec3& p) -> std::optional<glm::dvec3> {
    if (auto hit = skin.cast(p - back * d, d, 2.0 * back)) return hit->point;
    return std::nullopt;
  };
  SkinDistance out;
  for (int i = 0; i <= samples; ++i) {
    const double t = static_cast<double>(i) / samples;
    auto p = onto_skin(a + t * (b - a));
    if (!p) {
      if (i == 0 || i == samples) return std::nullopt;
      continue;  // a gap (an edge seen side-on): skip the sample
    }
    if (!out.path.empty()) out.along_skin_mm += glm::length(*p - out.path.back());
    out.path.push_back(*p);
  }
  out.a = out.path.front();
  out.b = out.path.back();
  out.straight_mm = glm::length(out.b - out.a);
  return out;
}

}  // namespace mv
