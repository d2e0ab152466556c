// Mesh import and export: units per format, names kept, and broken files as clear errors.
#include <gtest/gtest.h>

#include <optional>

#include <csignal>
#include <unistd.h>

#include <fstream>

#include <glm/geometric.hpp>

#include "io/isolated_call.hpp"
#include "io/mesh_reader.hpp"
#include "io/mesh_io.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

TriangleMesh tetra() {
  TriangleMesh m;
  m.positions = {{0, 0, 0}, {10, 0, 0}, {0, 20, 0}, {0, 0, 30}};
  m.triangles = {{0, 2, 1}, {0, 1, 3}, {0, 3, 2}, {1, 2, 3}};
  return m;
}

class MeshIo : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() / ("marginviz-meshio-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::filesystem::path dir;
};

TEST_F(MeshIo, EachFormatRoundTripsInItsUnit) {
  const TriangleMesh t = tetra();
  for (const char* ext : {".glb", ".stl", ".ply", ".obj"}) {
    const auto path = dir / (std::string("tetra") + ext);
    export_meshes({{"tumour-preoperative", &t, {1, 0, 0, 1}}}, path);
    const auto unit = file_unit(mesh_format_for(path));
    const auto back = import_meshes(path, unit);
    ASSERT_EQ(back.size(), 1u) << ext;
    const Bounds b = bounds_of(back[0].mesh);
    EXPECT_NEAR(b.max.x, 10.0, 1e-4) << ext;
    EXPECT_NEAR(b.max.z, 30.0, 1e-4) << ext;
    EXPECT_NEAR(enclosed_volume_mm3(back[0].mesh), enclosed_volume_mm3(t), 1e-3) << ext;
  }
  // glTF holds metres: read as millimetres it is 1000 times too small.
  const auto raw = import_meshes(dir / "tetra.glb", units::LengthUnit::Millimetre);
  EXPECT_NEAR(bounds_of(raw[0].mesh).max.z, 0.030, 1e-6);
}

TEST_F(MeshIo, NodeNamesSayWhatEachObjectIs) {
  const TriangleMesh t = tetra();
  TriangleMesh u = tetra();
  for (auto& p : u.positions) p += glm::dvec3(50, 0, 0);
  for (const char* ext : {".glb", ".obj"}) {
    const auto path = dir / (std::string("two") + ext);
    export_meshes({{"skin", &t, {1, 1, 1, 1}}, {"tumour-consultation", &u, {1, 0, 1, 1}}}, path);
    const auto back = import_meshes(path, file_unit(mesh_format_for(path)));
    ASSERT_EQ(back.size(), 2u) << ext;
    EXPECT_EQ(back[0].name, "skin") << ext;
    EXPECT_EQ(back[1].name, "tumour-consultation") << ext;
  }
}

TEST_F(MeshIo, UnsupportedOrUnwritableExportIsAClearError) {
  const TriangleMesh t = tetra();
  EXPECT_THROW(export_meshes({{"x", &t, {}}}, dir / "out.fbx"), MeshIoError);
  EXPECT_THROW(export_meshes({{"x", &t, {}}}, dir / "missing-folder" / "out.glb"), MeshIoError);
}

struct BadMesh {
  const char* file;
  const char* expected;
};

class BadMeshes : public ::testing::TestWithParam<BadMesh> {};

TEST_P(BadMeshes, AreClearErrorsNotCrashes) {
  const auto path = test::data_dir() / "bad_meshes" / GetParam().file;
  try {
    MeshImportLimits limits;
    limits.max_seconds = 5.0;  // the hanging file is stopped sooner than the GUI's two minutes
    import_meshes(path, units::LengthUnit::Millimetre, limits);
    FAIL() << "expected an error for " << GetParam().file;
  } catch (const MeshIoError& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().expected), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadMeshes,
                         ::testing::Values(BadMesh{"empty.stl", "the file is empty"}, BadMesh{"truncated_binary.stl", "cannot import"},
                                           BadMesh{"out_of_range_index.obj", "cannot import"}, BadMesh{"random_bytes.gltf", "cannot import"},
                                           BadMesh{"no_triangles.obj", "cannot import"}, BadMesh{"model.fbx", "unsupported mesh format"},
                                           BadMesh{"fbx_bytes_named.obj", "cannot import"},
                                           // found by scripts/fuzz.sh: Assimp loops forever on this PLY header
                                           BadMesh{"ply_header_never_ends_hangs_assimp.ply", "did not finish within 5 s"},
                                           BadMesh{"bad_vertex_leaks_in_assimp.obj", "cannot import"},
                                           // found by CI's fuzzing: an assertion in Assimp's triangulation aborts the reader
                                           BadMesh{"ply_aborts_assimp_postprocessing.ply", "cannot import — the reader"}),
                         [](const auto& info) {
                           std::string s = info.param.file;
                           for (auto& ch : s)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return s;
                         });

// The child-process wall around third-party readers: whatever happens inside, the caller gets an
// error it can show.
TEST(IsolatedCall, ResultsProgressErrorsCrashesAndHangs) {
  std::vector<float> heard;
  EXPECT_EQ(run_isolated(
                [](const auto& progress) {
                  progress(0.5f);
                  return std::string("meshes\0bytes", 12);
                },
                10.0, [&](float f) { heard.push_back(f); }),
            std::string("meshes\0bytes", 12));
  EXPECT_EQ(heard, std::vector<float>{0.5f});
  auto error_of = [](const std::function<std::string(const std::function<void(float)>&)>& work, double timeout = 10.0) {
    try {
      run_isolated(work, timeout);
    } catch (const IsolatedCallError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of([](const auto&) -> std::string { throw std::runtime_error("bad header"); }), "bad header");
  const std::string crash = error_of([](const auto&) -> std::string {
    std::raise(SIGSEGV);
    return {};
  });
  EXPECT_TRUE(crash.find("crashed") != std::string::npos || crash.find("stopped unexpectedly") != std::string::npos) << crash;
  EXPECT_NE(error_of([](const auto&) -> std::string { std::_Exit(7); }).find("exit status 7"), std::string::npos);
  EXPECT_NE(error_of(
                [](const auto&) -> std::string {
                  for (;;) ::pause();
                },
                0.5)
                .find("did not finish within"),
            std::string::npos);
}

// Scans are read by the reader program, a fresh process started for each file (no fork of this
// multithreaded one): import_meshes finds it, and a missing or broken reader is a clear error.
TEST(IsolatedCall, ScansAreReadByTheReaderProgram) {
  struct ReaderOverride {
    std::optional<std::string> before;
    explicit ReaderOverride(const char* program) {
      if (const char* set = std::getenv("MARGINVIZ_MESH_READER")) before = set;
      ::setenv("MARGINVIZ_MESH_READER", program, 1);
    }
    ~ReaderOverride() { before ? ::setenv("MARGINVIZ_MESH_READER", before->c_str(), 1) : ::unsetenv("MARGINVIZ_MESH_READER"); }
  };
  EXPECT_EQ(mesh_reader_program().filename(), "marginviz-mesh-reader");  // found, so no fork
  test::ScratchDir scratch;
  const TriangleMesh sphere = test::sphere_phantom(50.0, 12, 12);
  const auto any_mesh = scratch.path / "scan.stl";
  export_meshes({{"scan", &sphere, {}}}, any_mesh);
  EXPECT_FALSE(import_meshes(any_mesh, units::LengthUnit::Millimetre).empty());  // the build's reader
  auto error_with = [&](const char* program) {
    ReaderOverride reader(program);
    try {
      import_meshes(any_mesh, units::LengthUnit::Millimetre);
    } catch (const MeshIoError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error_with("/nonexistent/marginviz-mesh-reader").find("cannot start the reader /nonexistent/marginviz-mesh-reader"), std::string::npos);
  EXPECT_NE(error_with("/bin/false").find("the reader stopped unexpectedly (exit status 1)"), std::string::npos);
  // A reader that does not speak this build's answer format refuses (its usage, exit status 2).
  std::string usage_error;
  try {
    run_isolated_program({mesh_reader_program().string(), "--answer-format=0", any_mesh.string()}, 10.0);
  } catch (const IsolatedCallError& e) {
    usage_error = e.what();
  }
  EXPECT_NE(usage_error.find("exit status 2"), std::string::npos) << usage_error;
}

}  // namespace
}  // namespace mv
