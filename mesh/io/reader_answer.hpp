#pragma once
// The mesh reader's answer: what the child process running Assimp sends back (mesh_import.cpp),
// and what this process builds from it. A child that crashed mid-write, or a hostile file that
// made Assimp produce nonsense, arrives here as bytes: everything below checks before it trusts.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <assimp/types.h>  // aiVector3D, aiMatrix4x4 and their operators

#include "io/mesh_io.hpp"

namespace mv {

// A triangle mesh as Assimp read it: its node's name, the node's world transform, raw corners
// and faces (indices not yet checked).
struct RawMesh {
  std::string name;
  aiMatrix4x4 world;
  std::vector<aiVector3D> vertices;
  std::vector<std::array<std::uint32_t, 3>> faces;
};

// Per mesh the name, the transform, the corners and the faces, each array preceded by its count.
std::string encode_reader_answer(const std::vector<RawMesh>& meshes);
// Throws MeshIoError when the bytes are truncated or a count exceeds what is left.
std::vector<RawMesh> decode_reader_answer(const std::string& bytes);

// The checked meshes, in mm: limits, indices in range, finite coordinates, corners at the same
// position joined. Throws MeshIoError naming the mesh and the problem.
std::vector<NamedMesh> build_meshes(const std::vector<RawMesh>& raw, double to_mm, const MeshImportLimits& limits);

}  // namespace mv
