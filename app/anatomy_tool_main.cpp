// marginviz-anatomy: writes the bundled procedural anatomy, one .glb per site (metres, one named
// node per tissue layer), into a folder. Deterministic: rerunning gives the same geometry.
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "anatomy/anatomy.hpp"
#include "io/mesh_io.hpp"
#include "anatomy/site_model.hpp"
#include "palette.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Generate the bundled anatomy models (assets/anatomy/*.glb)"};
  std::filesystem::path out_dir = "assets/anatomy";
  app.add_option("--output-dir", out_dir, "Folder to write <site>.glb into")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    std::filesystem::create_directories(out_dir);
    for (const auto& spec : mv::all_sites()) {
      const mv::Anatomy anatomy = mv::build_anatomy(spec.site);
      std::vector<mv::ExportItem> items;
      for (const auto& layer : anatomy.layers) items.push_back({layer.name, &layer.solid, mv::app::palette::tissue(layer.kind)});
      const auto path = out_dir / mv::anatomy_file_name(spec.site);
      mv::export_meshes(items, path);
      size_t tris = 0;
      for (const auto& layer : anatomy.layers) tris += layer.solid.triangles.size();
      std::cout << path.string() << ": " << anatomy.layers.size() << " layers, " << tris << " triangles\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "marginviz-anatomy: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
