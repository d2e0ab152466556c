// Reading meshes: Assimp (only the allowed importers) in a child process returns each mesh as it
// read it; everything marginviz checks and builds from that happens in this process
// (reader_answer.cpp), where sanitizers and the fuzzers' coverage see it (docs/hardening.md).
#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <unistd.h>

#include <assimp/BaseImporter.h>
#include <assimp/Importer.hpp>
#include <assimp/ProgressHandler.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "io/isolated_call.hpp"
#include "io/mesh_io.hpp"
#include "io/mesh_reader.hpp"
#include "io/reader_answer.hpp"

namespace mv {
namespace {

// Keeps only the OBJ, STL, PLY and glTF 2 importers: Assimp falls back to signature detection
// across all 48 importers otherwise, and some over-read on hostile files (engineering.md).
void restrict_importers(Assimp::Importer& importer) {
  const char* allowed[] = {"Wavefront Object Importer", "Stereolithography (STL) Importer", "Stanford Polygon Library (PLY) Importer",
                           "glTF2 Importer"};
  std::vector<Assimp::BaseImporter*> unwanted;
  for (size_t i = 0; i < importer.GetImporterCount(); ++i) {
    const aiImporterDesc* desc = importer.GetImporterInfo(i);
    bool keep = false;
    for (const char* name : allowed) keep |= desc && std::string(desc->mName) == name;
    if (!keep) unwanted.push_back(importer.GetImporter(i));
  }
  // Unregistering hands the importer back to us (Assimp no longer deletes it): found by LeakSanitizer.
  for (auto* imp : unwanted) {
    importer.UnregisterLoader(imp);
    delete imp;
  }
}

class ProgressRelay : public Assimp::ProgressHandler {
 public:
  explicit ProgressRelay(std::function<void(float)> f) : f_(std::move(f)) {}
  bool Update(float percentage) override {
    if (f_ && percentage >= 0.0f) f_(std::min(1.0f, percentage));
    return true;
  }

 private:
  std::function<void(float)> f_;
};

void gather(const aiScene* scene, const aiNode* node, const aiMatrix4x4& parent, std::vector<RawMesh>& out) {
  const aiMatrix4x4 world = parent * node->mTransformation;
  for (unsigned k = 0; k < node->mNumMeshes; ++k) {
    const aiMesh* am = scene->mMeshes[node->mMeshes[k]];
    if (!(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
    RawMesh raw{node->mName.length ? node->mName.C_Str() : am->mName.C_Str(), world, {am->mVertices, am->mVertices + am->mNumVertices}, {}};
    raw.faces.reserve(am->mNumFaces);
    for (unsigned f = 0; f < am->mNumFaces; ++f)
      if (am->mFaces[f].mNumIndices == 3) raw.faces.push_back({am->mFaces[f].mIndices[0], am->mFaces[f].mIndices[1], am->mFaces[f].mIndices[2]});
    out.push_back(std::move(raw));
  }
  for (unsigned c = 0; c < node->mNumChildren; ++c) gather(scene, node->mChildren[c], world, out);
}

std::vector<RawMesh> read_with_assimp(const std::filesystem::path& path, const std::function<void(float)>& progress) {
  Assimp::Importer importer;
  restrict_importers(importer);
  if (progress) importer.SetProgressHandler(new ProgressRelay(progress));  // the importer owns it
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  // Shared corners are joined by weld(), not by Assimp.
  const aiScene* scene = importer.ReadFile(path.string(), aiProcess_ValidateDataStructure | aiProcess_Triangulate | aiProcess_SortByPType);
  if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE)) {
    std::string why = importer.GetErrorString();
    throw MeshIoError(why.empty() ? "not a readable mesh" : why);
  }
  std::vector<RawMesh> out;
  gather(scene, scene->mRootNode, aiMatrix4x4(), out);
  return out;
}

// The wire format of the reader's answer (reader_answer.hpp) is named on its command line: a reader
// from another build that does not speak it refuses, rather than being misread.
constexpr const char* kAnswerFormat = "--answer-format=1";

}  // namespace

std::filesystem::path mesh_reader_program() {
  auto runnable = [](const std::filesystem::path& p) { return !p.empty() && ::access(p.c_str(), X_OK) == 0; };
  if (const char* env = std::getenv("MARGINVIZ_MESH_READER"); env && *env) return env;
  std::error_code ec;
  const auto beside = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path() / "marginviz-mesh-reader";
  if (!ec && runnable(beside)) return beside;
  return {};
}

int mesh_reader_main(int argc, char** argv) {
  if (argc != 3 || std::string(argv[1]) != kAnswerFormat) {
    const char usage[] = "marginviz-mesh-reader --answer-format=1 FILE: reads a mesh for marginviz, which starts it; not for use by hand\n";
    (void)!::write(STDERR_FILENO, usage, sizeof usage - 1);
    return 2;
  }
  const std::filesystem::path path = argv[2];
  serve_isolated(kIsolatedFd, [&](const std::function<void(float)>& report) { return encode_reader_answer(read_with_assimp(path, report)); });
}

std::vector<NamedMesh> import_meshes(const std::filesystem::path& path, units::LengthUnit unit, const MeshImportLimits& limits,
                                     const std::function<void(float)>& progress) {
  const std::string ext = lower_extension(path);
  if (ext != ".obj" && ext != ".stl" && ext != ".ply" && ext != ".gltf" && ext != ".glb")
    throw MeshIoError(path.string() + ": unsupported mesh format \"" + ext + "\" — expected .obj, .stl, .ply, .gltf or .glb");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw MeshIoError(path.string() + ": no such file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw MeshIoError(path.string() + ": cannot read its size");
  if (size == 0) throw MeshIoError(path.string() + ": the file is empty");
  if (size > limits.max_file_bytes)
    throw MeshIoError(path.string() + ": " + std::to_string(size) + " bytes — larger than the " + std::to_string(limits.max_file_bytes) +
                      "-byte limit");
  try {
    // Assimp runs in a child process: a file that crashes or hangs it cannot take marginviz along.
    // The reader program where there is one; else a fork of this process.
    std::vector<RawMesh> raw;
    if (!limits.isolate) {
      raw = read_with_assimp(path, progress);
    } else if (const auto program = mesh_reader_program(); !program.empty()) {
      raw = decode_reader_answer(run_isolated_program({program.string(), kAnswerFormat, path.string()}, limits.max_seconds, progress));
    } else {
      static std::atomic<bool> said{false};
      if (!said.exchange(true))
        std::cerr << "marginviz: no marginviz-mesh-reader found (set MARGINVIZ_MESH_READER); reading meshes in a forked child\n";
      raw = decode_reader_answer(
          run_isolated([&](const std::function<void(float)>& report) { return encode_reader_answer(read_with_assimp(path, report)); },
                       limits.max_seconds, progress));
    }
    return build_meshes(raw, units::to_mm_factor(unit), limits);
  } catch (const std::runtime_error& e) {  // MeshIoError and IsolatedCallError alike
    const std::string why = e.what();
    if (why.rfind("more than", 0) == 0 || why.rfind("mesh \"", 0) == 0 || why == "holds no triangles") throw MeshIoError(path.string() + ": " + why);
    throw MeshIoError(path.string() + ": cannot import — " + why);
  }
}

}  // namespace mv
