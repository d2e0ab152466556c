#include "io/reader_answer.hpp"

#include <cmath>
#include <cstring>

namespace mv {
namespace {

template <typename T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
void put_array(std::string& out, const std::vector<T>& v) {
  put(out, static_cast<std::uint64_t>(v.size()));
  out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

}  // namespace

std::string encode_reader_answer(const std::vector<RawMesh>& meshes) {
  std::string out;
  put(out, static_cast<std::uint64_t>(meshes.size()));
  for (const auto& m : meshes) {
    put(out, static_cast<std::uint64_t>(m.name.size()));
    out += m.name;
    put(out, m.world);
    put_array(out, m.vertices);
    put_array(out, m.faces);
  }
  return out;
}

std::vector<RawMesh> decode_reader_answer(const std::string& bytes) {
  size_t at = 0;
  auto take = [&](void* to, std::uint64_t size) {
    if (size > bytes.size() - at) throw MeshIoError("the reader's answer is truncated");
    if (size == 0) return;  // an empty array's data() may be null: memcpy must not see it (UBSan, fuzzing)
    std::memcpy(to, bytes.data() + at, size);
    at += size;
  };
  // A count is checked against what is left before anything is allocated for it.
  auto count = [&](size_t item_size) {
    std::uint64_t n = 0;
    take(&n, sizeof n);
    if (n > (bytes.size() - at) / item_size) throw MeshIoError("the reader's answer is truncated");
    return static_cast<size_t>(n);
  };
  // The smallest mesh on the wire: name length, transform, two array counts (88 bytes).
  std::vector<RawMesh> out(count(sizeof(std::uint64_t) * 3 + sizeof(aiMatrix4x4)));
  for (auto& m : out) {
    m.name.resize(count(1));
    take(m.name.data(), m.name.size());
    take(&m.world, sizeof m.world);
    m.vertices.resize(count(sizeof(aiVector3D)));
    take(m.vertices.data(), m.vertices.size() * sizeof(aiVector3D));
    m.faces.resize(count(sizeof(m.faces[0])));
    take(m.faces.data(), m.faces.size() * sizeof(m.faces[0]));
  }
  return out;
}

namespace {

// Corners at the same position become one vertex: STL stores every triangle's corners apart, and
// Assimp's OBJ and PLY readers split them by normal and texture coordinate, which marginviz does
// not use. An exact-match hash table (open addressing), linear in the corners; Assimp's own
// JoinIdenticalVertices (an epsilon search) took most of a 1-million-triangle scan's import.
// Returns the new index of each original vertex; `kept` gets the original index of each new one.
std::vector<std::uint32_t> weld(const std::vector<aiVector3D>& vertices, std::vector<std::uint32_t>& kept) {
  const size_t n = vertices.size();
  size_t capacity = 16;
  int shift = 4;  // capacity == 1 << shift
  while (capacity < 2 * static_cast<size_t>(n)) capacity *= 2, ++shift;
  std::vector<std::uint32_t> slots(capacity, UINT32_MAX);  // new index, or empty
  std::vector<std::uint32_t> remap(n);
  auto bits = [](float f) {
    std::uint32_t b;
    std::memcpy(&b, &f, sizeof b);
    return f == 0.0f ? 0u : b;  // -0 and +0 are one position
  };
  for (size_t v = 0; v < n; ++v) {
    const aiVector3D& p = vertices[v];
    const std::uint32_t x = bits(p.x), y = bits(p.y), z = bits(p.z);
    // splitmix64's finaliser over all 96 bits, high bits taken: grid-aligned coordinates (whole or
    // half millimetres, all-zero low mantissa bits) still spread over the whole table.
    std::uint64_t k = (static_cast<std::uint64_t>(x) << 32 | y) ^ (static_cast<std::uint64_t>(z) * 0x9E3779B97F4A7C15ull);
    k = (k ^ (k >> 30)) * 0xBF58476D1CE4E5B9ull;
    k = (k ^ (k >> 27)) * 0x94D049BB133111EBull;
    k ^= k >> 31;
    size_t h = static_cast<size_t>(k >> (64 - shift));
    for (;; h = (h + 1) & (capacity - 1)) {
      if (slots[h] == UINT32_MAX) {
        slots[h] = static_cast<std::uint32_t>(kept.size());
        kept.push_back(static_cast<std::uint32_t>(v));
        break;
      }
      const aiVector3D& q = vertices[kept[slots[h]]];
      if (bits(q.x) == x && bits(q.y) == y && bits(q.z) == z) break;
    }
    remap[v] = slots[h];
  }
  return remap;
}

}  // namespace

std::vector<NamedMesh> build_meshes(const std::vector<RawMesh>& raw, double to_mm, const MeshImportLimits& limits) {
  std::vector<NamedMesh> out;
  std::size_t vertices = 0, triangles = 0;
  for (const RawMesh& m : raw) {
    triangles += m.faces.size();
    if (triangles > limits.max_triangles)
      throw MeshIoError("more than " + std::to_string(limits.max_triangles) + " triangles — over the import limit");
    for (size_t f = 0; f < m.faces.size(); ++f)
      for (const std::uint32_t i : m.faces[f])
        if (i >= m.vertices.size())
          throw MeshIoError("mesh \"" + m.name + "\": face " + std::to_string(f) + " uses vertex " + std::to_string(i) + " of " +
                            std::to_string(m.vertices.size()));
    std::vector<std::uint32_t> kept;
    const std::vector<std::uint32_t> remap = weld(m.vertices, kept);
    vertices += kept.size();
    if (vertices > limits.max_vertices) throw MeshIoError("more than " + std::to_string(limits.max_vertices) + " vertices — over the import limit");
    NamedMesh nm;
    nm.name = m.name;
    nm.mesh.positions.reserve(kept.size());
    for (const std::uint32_t v : kept) {
      const aiVector3D t = m.world * m.vertices[v];
      const glm::dvec3 p = glm::dvec3(t.x, t.y, t.z) * to_mm;
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        throw MeshIoError("mesh \"" + nm.name + "\": vertex " + std::to_string(v) + " is not a finite number");
      nm.mesh.positions.push_back(p);
    }
    nm.mesh.triangles.reserve(m.faces.size());
    for (const auto& f : m.faces) nm.mesh.triangles.push_back({remap[f[0]], remap[f[1]], remap[f[2]]});
    if (!nm.mesh.triangles.empty()) out.push_back(std::move(nm));
  }
  if (out.empty()) throw MeshIoError("holds no triangles");
  return out;
}

}  // namespace mv
