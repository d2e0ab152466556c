// marginviz-anatomy: writes the bundled procedural anatomy into a folder: one .glb per site of
// Han 2009 (metres, one named node per tissue layer), the sampled grids of the whole body's regions
// (<region>.grid, torso.grid for the trunk's; layered at load) and the whole body's skin
// (body.grid). Deterministic: rerunning gives the same geometry.
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include <set>

#include "anatomy/anatomy.hpp"
#include "anatomy/regions.hpp"
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
    std::set<std::string> written;
    for (const auto& spec : mv::all_sites()) {
      if (mv::from_whole_body(spec.site)) {
        const auto path = out_dir / mv::anatomy_file_name(spec.site);
        if (!written.insert(path.string()).second) continue;  // the trunk's regions share one torso
        const mv::RegionGrids grids = mv::sample_region(spec.site);
        mv::save_region_grids(grids, path);
        std::cout << path.string() << ": skin and base grids, " << grids.skin.rows << " x " << grids.skin.cols << "\n";
        continue;
      }
      const mv::Anatomy anatomy = mv::build_anatomy(spec.site);
      std::vector<mv::ExportItem> items;
      for (const auto& layer : anatomy.layers) items.push_back({layer.name, &layer.solid, mv::app::palette::tissue(layer.kind)});
      const auto path = out_dir / mv::anatomy_file_name(spec.site);
      mv::export_meshes(items, path);
      size_t tris = 0;
      for (const auto& layer : anatomy.layers) tris += layer.solid.triangles.size();
      std::cout << path.string() << ": " << anatomy.layers.size() << " layers, " << tris << " triangles\n";
    }
    mv::save_body_grids(mv::sample_body(), out_dir / "body.grid");
    std::cout << (out_dir / "body.grid").string() << ": the whole body's skin, 4 parts\n";
  } catch (const std::exception& e) {
    std::cerr << "marginviz-anatomy: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
