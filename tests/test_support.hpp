#pragma once
// Shared fixtures: where the bundled data and the built binary are, and analytic phantom skins.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iterator>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <numbers>
#include <string>

#include <nlohmann/json.hpp>

#include "case/case_io.hpp"
#include "case/mohs.hpp"
#include "geometry/triangle_mesh.hpp"
#include "geometry/tube_grid.hpp"

namespace mv::test {

inline std::filesystem::path source_dir() { return MARGINVIZ_SOURCE_DIR; }
inline std::filesystem::path asset_dir() { return source_dir() / "assets"; }
inline std::filesystem::path case_path(const std::string& id) { return asset_dir() / "cases" / (id + ".json"); }
inline std::filesystem::path data_dir() { return source_dir() / "tests" / "data"; }

// The names in a folder, sorted.
inline std::vector<std::string> file_names(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// A fresh folder for one test, removed afterwards.
struct ScratchDir {
  ScratchDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path = std::filesystem::temp_directory_path() /
           ("marginviz-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::vector<std::string> names() const { return file_names(path); }
  std::filesystem::path path;
};

inline std::string slurp_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

inline Case load_bundled(const std::string& id) {
  auto load = load_case_file(case_path(id));
  if (!load.value) throw std::runtime_error(id + ": " + format_issues(load.issues));
  return *load.value;
}

// The bundled case a region's test case is made from: the ankle's 3-cm nodule (its Mohs stage goes
// to the periosteum) where the region has a bone, else the thigh's (its stages go to the fascia).
inline std::string source_case_for(const std::string& site_key) {
  const auto planes = planes_at(*site_from_key(site_key));
  return std::find(planes.begin(), planes.end(), DepthPlane::Periosteum) != planes.end() ? "han2009-ankle" : "han2009-thigh";
}

// A bundled case moved to another site by changing only `site` and removing lesion.position (the
// lesion then sits at the site's centre).
inline Case case_on_site(const std::string& site_key) {
  std::ifstream in(case_path(source_case_for(site_key)));
  nlohmann::json doc = nlohmann::json::parse(in);
  doc["site"] = site_key;
  doc["lesion"].erase("position");
  auto load = parse_case(doc.dump());
  if (!load.value) throw std::runtime_error(site_key + ": " + format_issues(load.issues));
  return *load.value;
}

// The plane z = 0 (normal +z), 600 mm square, finely gridded so every vertex normal is +z.
inline TriangleMesh flat_phantom() {
  TriangleMesh m;
  const int n = 120;
  for (int i = 0; i <= n; ++i)
    for (int j = 0; j <= n; ++j) m.positions.push_back({-300.0 + 600.0 * j / n, -300.0 + 600.0 * i / n, 0.0});
  auto id = [&](int i, int j) { return static_cast<std::uint32_t>(i * (n + 1) + j); };
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      m.triangles.push_back({id(i, j), id(i, j + 1), id(i + 1, j + 1)});
      m.triangles.push_back({id(i, j), id(i + 1, j + 1), id(i + 1, j)});
    }
  return m;
}

// A vertical cylinder of radius r around the y axis (ends open), like a limb.
inline TriangleMesh cylinder_phantom(double r, int cols = 256, int rows = 160) {
  TubeGrid g{rows, cols, {}, {}, {}};
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) {
      const double a = 2.0 * std::numbers::pi * j / cols;
      g.points.push_back({r * std::sin(a), -200.0 + 400.0 * i / (rows - 1), r * std::cos(a)});
    }
  return g.surface();
}

// A sphere of radius r about the origin, like a scalp.
inline TriangleMesh sphere_phantom(double r, int cols = 256, int rows = 160) {
  TubeGrid g{rows, cols, {}, glm::dvec3(0, r, 0), glm::dvec3(0, -r, 0)};
  for (int i = 0; i < rows; ++i) {
    const double phi = std::numbers::pi * (i + 1) / (rows + 1);
    for (int j = 0; j < cols; ++j) {
      const double a = 2.0 * std::numbers::pi * j / cols;
      g.points.push_back({r * std::sin(phi) * std::sin(a), r * std::cos(phi), r * std::sin(phi) * std::cos(a)});
    }
  }
  return g.surface();
}

}  // namespace mv::test
