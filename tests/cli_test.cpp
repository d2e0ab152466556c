// The command line as a user meets it: exit codes, messages naming the problem, report fields.
// Runs the built `marginviz` binary.
#include <gtest/gtest.h>

#include <array>
#include <cstring>

#include <gif_lib.h>
#include <cstdio>
#include <fstream>
#include <sys/wait.h>

#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "image.hpp"
#include "io/mesh_io.hpp"
#include "geometry/solid_check.hpp"
#include "options_table.hpp"

#include "cli_run.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

TEST(Cli, BadCaseCorpusExitsTwoNamingTheProblem) {
  std::ifstream list(test::data_dir() / "bad_cases" / "expected.tsv");
  std::string line;
  int checked = 0;
  while (std::getline(list, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    const std::string file = line.substr(0, tab), expected = line.substr(tab + 1);
    for (const char* command : {"validate", "report"}) {
      const CliResult r = run(std::string(command) + " " + quoted(test::data_dir() / "bad_cases" / file));
      EXPECT_EQ(r.code, 2) << command << " " << file << "\n" << r.err;
      EXPECT_NE(r.err.find(expected), std::string::npos) << command << " " << file << ": expected \"" << expected << "\" in\n" << r.err;
    }
    ++checked;
  }
  EXPECT_GE(checked, 12);
}

TEST(Cli, ValidateAcceptsEveryBundledCase) {
  for (const char* id : {"han2009-scalp", "han2009-abdomen", "han2009-thigh", "han2009-ankle"}) {
    const CliResult r = run("validate " + quoted(test::case_path(id)));
    EXPECT_EQ(r.code, 0) << id << "\n" << r.err;
    EXPECT_NE(r.out.find("valid"), std::string::npos);
  }
}

TEST(Cli, ReportHasTheDocumentedFields) {
  const CliResult r = run("report " + quoted(test::case_path("han2009-abdomen")));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["case_id"], "han2009-abdomen");
  EXPECT_EQ(j["site"], "abdomen");
  ASSERT_EQ(j["measurements"].size(), 2u);
  for (const char* key : {"label", "x_cm", "y_cm", "area_cm2", "footprint_area_cm2", "volume_cm3"})
    EXPECT_TRUE(j["measurements"][0].contains(key)) << key;
  EXPECT_EQ(j["measurements"][1]["label"], "preoperative");
  EXPECT_NEAR(j["measurements"][0]["area_cm2"].get<double>(), 3.14159265 / 4 * 8.6 * 14.0, 0.01);
  const auto& red = j["reduction"];
  for (const char* key : {"area_xy_percent", "longest_axis_percent", "mean_axes_percent", "volume_percent"}) EXPECT_TRUE(red.contains(key)) << key;
  EXPECT_NEAR(red["area_xy_percent"].get<double>(), 61.6, 0.05);
  EXPECT_NEAR(red["longest_axis_percent"].get<double>(), 100.0 * (1.0 - 6.9 / 14.0), 0.01);
  EXPECT_TRUE(j["measurements"][0]["watertight"].get<bool>());
}

TEST(Cli, ReportHasTheMohsMetrics) {
  const CliResult r = run("report " + quoted(test::case_path("han2009-abdomen")));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto m = nlohmann::json::parse(r.out)["mohs"];
  EXPECT_EQ(m["stages_taken"], 3);  // stage 1, the resection by surgical oncology, stage 2 (Han 2009)
  ASSERT_EQ(m["stages"].size(), 3u);
  for (const char* key : {"excised_area_cm2", "depth_mm", "cumulative_defect_area_cm2"}) EXPECT_TRUE(m["stages"][0].contains(key)) << key;
  for (const char* key : {"final_defect_area_cm2", "final_defect_extent_x_cm", "final_defect_extent_y_cm", "final_defect_largest_diameter_cm",
                          "max_depth_mm", "deepest_layer", "defect_to_clinical_area", "largest_final_margin_cm", "margins_clear"})
    EXPECT_TRUE(m.contains(key)) << key;
  ASSERT_EQ(m["final_margin_by_clock_hour_cm"].size(), 12u);
  EXPECT_EQ(m["final_margin_by_clock_hour_cm"][5]["hour"], 6);
  EXPECT_NEAR(m["final_margin_by_clock_hour_cm"][5]["margin_cm"].get<double>(), 2.0, 0.05);
  EXPECT_EQ(m["deepest_layer"], "muscle");
  EXPECT_NEAR(m["stages"][1]["depth_mm"].get<double>(), 17.2, 0.01);  // the resection, to the fascia
  EXPECT_EQ(m["stages"][1]["procedure"], "excision");
  EXPECT_EQ(m["stages"][1]["name"], "excision by surgical oncology");
  EXPECT_GT(m["defect_to_clinical_area"].get<double>(), 1.0);
}

// Issue 9 (2): stage-1 block D of the abdomen peripheral positive, which stage 2 (deep only, under
// C) never takes: report and validate both say the margins are not clear, naming D.
TEST(Cli, AnOpenBlockOfAnEarlierStageIsNotClear) {
  const CliResult before = run("report " + quoted(test::case_path("han2009-abdomen")));
  ASSERT_EQ(before.code, 0) << before.err;
  EXPECT_EQ(nlohmann::json::parse(before.out)["mohs"]["margins_clear"], true);
  auto j = nlohmann::json::parse(std::ifstream(test::case_path("han2009-abdomen")));
  ASSERT_EQ(j["mohs"]["stages"][0]["blocks"][3]["label"], "D");
  j["mohs"]["stages"][0]["blocks"][3]["peripheral"] = "positive";
  const auto path = std::filesystem::temp_directory_path() / ("marginviz-open-d-" + std::to_string(::getpid()) + ".json");
  std::ofstream(path) << j.dump(2);
  const CliResult r = run("report " + quoted(path));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto m = nlohmann::json::parse(r.out)["mohs"];
  EXPECT_EQ(m["margins_clear"], false);
  ASSERT_EQ(m["open_margins"].size(), 1u) << m.dump();
  EXPECT_EQ(m["open_margins"][0]["block"], "D");
  EXPECT_EQ(m["open_margins"][0]["margin"], "peripheral");
  EXPECT_EQ(m["open_margins"][0]["open_hours"][0]["from"], 7.5);
  const CliResult v = run("validate " + quoted(path));
  EXPECT_NE(v.err.find("stage 1 block D: peripheral positive at 7.5-10.5 o'clock"), std::string::npos) << v.out << v.err;
  std::filesystem::remove(path);
}

TEST(Cli, MohsViewsAndMaps) {
  const auto dir = std::filesystem::temp_directory_path() / ("marginviz-cli-mohs-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto c = quoted(test::case_path("han2009-abdomen"));
  CliResult r = run("render " + c + " --view map --stage 2 --output " + quoted(dir / "map.png"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::file_size(dir / "map.png") > 20000);
  r = run("render " + c + " --view map --stage 4 --output " + quoted(dir / "x.png"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--stage: 4 — the case has stages 1 to 3"), std::string::npos) << r.err;
  r = run("render " + c + " --view mohs --through-stage 5 --output " + quoted(dir / "x.png"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--through-stage: 5"), std::string::npos) << r.err;
  r = run("export " + c + " --output " + quoted(dir / "abdomen.obj"));
  ASSERT_EQ(r.code, 0) << r.err;
  std::ifstream obj(dir / "abdomen.obj");
  const std::string text((std::istreambuf_iterator<char>(obj)), std::istreambuf_iterator<char>());
  for (const char* name : {"mohs-stage-1", "mohs-stage-2", "mohs-defect", "confirmed-tumour", "clear-boundary"})
    EXPECT_NE(text.find(name), std::string::npos) << name;
  std::filesystem::remove_all(dir);
}

TEST(Cli, ReportPlanAndTeach) {
  const auto c = quoted(test::case_path("han2009-thigh"));
  CliResult r = run("report " + c + " --plan-margin 2 --plan-depth fascia --seed 5");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto plan = nlohmann::json::parse(r.out)["plan"];
  for (const char* key : {"area_cm2", "extent_x_cm", "extent_y_cm", "depth_mm", "exposed_layers", "sectors", "envelopes", "clear_probability"})
    EXPECT_TRUE(plan.contains(key)) << key;
  EXPECT_EQ(plan["clear_probability"]["seed"], 5);
  EXPECT_EQ(plan["outline_from"], "consultation");
  EXPECT_EQ(plan["sectors"].size(), 12u);
  ASSERT_TRUE(plan.contains("compared_with_mohs"));  // the thigh has Mohs stages
  EXPECT_EQ(plan["compared_with_mohs"]["by_clock_hour"].size(), 12u);
  EXPECT_NEAR(plan["compared_with_mohs"]["by_clock_hour"][8]["mohs_margin_cm"].get<double>(), 3.0, 0.05);  // 9 o'clock: 2 + 1 cm
  const double p = plan["clear_probability"]["overall"].get<double>();
  EXPECT_GT(p, 0.3);
  EXPECT_LT(p, 0.8);
  r = run("report " + c + " --plan-margin 2 --plan-depth periosteum --plan-from post");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(nlohmann::json::parse(r.out)["plan"]["warning"].get<std::string>().find("Ugurel 2014"), std::string::npos);
  r = run("report " + quoted(test::case_path("han2009-abdomen")) + " --plan-margin 2 --plan-depth periosteum");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--plan-depth: \"periosteum\" — not a tissue plane of the abdomen"), std::string::npos) << r.err;
  r = run("report " + quoted(test::case_path("han2009-ankle")) + " --plan-margin 4");
  EXPECT_EQ(r.code, 2) << r.err;  // a plan that runs off the ankle's skin is bad input, named
  EXPECT_NE(r.err.find("--plan-margin/--plan-depth: the planned excision cannot be drawn"), std::string::npos) << r.err;
  r = run("render " + c + " --plan-margin 2 --output /tmp/never.png");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--plan-margin: goes with --view plan"), std::string::npos) << r.err;
  const CliResult t1 = run("teach " + c + " --seed 11 --scenarios 4 --plan-margin 2.5");
  const CliResult t2 = run("teach " + c + " --seed 11 --scenarios 4 --plan-margin 2.5");
  ASSERT_EQ(t1.code, 0) << t1.err;
  EXPECT_EQ(t1.out, t2.out);  // reproducible from the seed
  EXPECT_EQ(nlohmann::json::parse(t1.out)["results"].size(), 4u);
}

// Issue 10: simulate prints the documented JSON, reproducibly; a single stage is the report's chance.
TEST(Cli, SimulateMohsOnVirtualPatients) {
  const auto c = quoted(test::case_path("han2009-scalp"));
  const CliResult a = run("simulate " + c + " --first-margin 1 --patients 40 --series 100 --seed 3");
  const CliResult b = run("simulate " + c + " --first-margin 1 --patients 40 --series 100 --seed 3");
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  const auto j = nlohmann::json::parse(a.out);
  for (const char* key :
       {"protocol", "stages", "clear_after_stage", "clearance_margin_cm", "defect_area_cm2", "defect_to_clinical_area", "model", "sources"})
    EXPECT_TRUE(j.contains(key)) << key;
  double sum = j["stages"]["not_cleared"]["share"].get<double>();
  for (const auto& s : j["stages"]["share"]) sum += s["share"].get<double>();
  EXPECT_NEAR(sum, 1.0, 0.006);  // shares are rounded to 0.001 each
  EXPECT_EQ(j["protocol"]["next_margin_cm"], 0.5);
  const CliResult single = run("simulate " + c + " --first-margin 2 --max-stages 1 --patients 50");
  const CliResult report = run("report " + c + " --plan-margin 2");
  ASSERT_EQ(single.code, 0) << single.err;
  EXPECT_NEAR(nlohmann::json::parse(single.out)["clear_after_stage"][0]["share"].get<double>(),
              nlohmann::json::parse(report.out)["plan"]["clear_probability"]["overall"].get<double>(), 0.03);
  CliResult r = run("simulate " + c + " --first-margin 1 --depth muscle");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--depth: \"muscle\" — not a tissue plane of the scalp"), std::string::npos) << r.err;
  r = run("simulate " + c + " --first-margin 12");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--first-margin: 12 — must be from 0 to 10 (cm)"), std::string::npos) << r.err;
  r = run("simulate " + c);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--first-margin is required"), std::string::npos) << r.err;
}

TEST(Cli, UsageErrorsExitTwo) {
  const auto c = quoted(test::case_path("han2009-thigh"));
  CliResult r = run("render " + c + " --output /tmp/x.png --resolution 12x7");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--resolution: \"12x7\""), std::string::npos) << r.err;
  r = run("render " + c + " --output /tmp/x.png --at surgery");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--at: \"surgery\""), std::string::npos) << r.err;
  r = run("export " + c + " --output /tmp/x.fbx");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unsupported mesh format \".fbx\""), std::string::npos) << r.err;
  r = run("render");
  EXPECT_EQ(r.code, 2);
  r = run("validate /nonexistent/case.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no such file"), std::string::npos) << r.err;
}

TEST(Cli, VersionIsPrinted) {
  const CliResult r = run("--version");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("marginviz 0.", 0), 0u) << r.out;
}

// The options named in a text: every "--word" token.
std::set<std::string> option_names(const std::string& text) {
  std::set<std::string> out;
  const std::regex flag("--[a-z][a-z-]*");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), flag); it != std::sregex_iterator(); ++it) out.insert(it->str());
  return out;
}

std::set<std::string> table_options_of(const std::string& command) {
  std::set<std::string> out;
  for (const auto& o : app::option_table())
    if (o.name != "case" && std::find(o.commands.begin(), o.commands.end(), command) != o.commands.end()) out.insert(o.name);
  return out;
}

TEST(Cli, EachSubcommandTakesExactlyTheTablesOptions) {
  for (const auto& sub : app::subcommands()) {
    const CliResult r = run(std::string(sub.name) + " --help");
    ASSERT_NE(r.out.find("Options:"), std::string::npos) << r.out;
    const std::string options = r.out.substr(r.out.find("Options:"));
    std::set<std::string> shown;
    for (const auto& line : test::lines_of(options))  // the option column, not the help text
      if (line.rfind("  -", 0) == 0 && line.find("--") != std::string::npos)
        shown.merge(option_names(line.substr(0, line.find(' ', line.find("--")))));
    shown.erase("--help");
    EXPECT_EQ(shown, table_options_of(std::string(sub.name))) << sub.name << "\n" << r.out;
  }
}

TEST(Cli, TheReadmeListsTheTablesOptions) {
  // README, "The command line": one usage entry per subcommand, continued on indented lines.
  std::ifstream f(test::source_dir() / "README.md");
  const std::string readme((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const auto start = readme.find("```sh\nmarginviz render");
  ASSERT_NE(start, std::string::npos);
  const std::string block = readme.substr(start, readme.find("```", start + 5) - start);
  std::map<std::string, std::string> usage;
  std::string current;
  for (const auto& line : test::lines_of(block)) {
    if (line.rfind("marginviz ", 0) == 0) current = line.substr(10, line.find(' ', 10) - 10);
    const auto comment = line.find("  #");
    if (!current.empty()) usage[current] += line.substr(0, comment) + "\n";
  }
  for (const auto& sub : app::subcommands()) {
    ASSERT_TRUE(usage.count(std::string(sub.name))) << sub.name << " is missing from the README";
    EXPECT_EQ(option_names(usage[std::string(sub.name)]), table_options_of(std::string(sub.name))) << sub.name;
  }
}

TEST(Cli, EverySubcommandHasHelp) {
  for (const auto& sub : app::subcommands()) {
    const CliResult r = run(std::string(sub.name) + " --help");
    EXPECT_EQ(r.code, 0) << sub.name;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << sub.name << r.out;
  }
  EXPECT_EQ(run("--help").code, 0);
}

TEST(Cli, ExportWritesNamedObjectsInTheDocumentedUnit) {
  const auto dir = std::filesystem::temp_directory_path() / ("marginviz-cli-export-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const CliResult r = run("export " + quoted(test::case_path("han2009-ankle")) + " --output " + quoted(dir / "ankle.obj") + " --at 0.5");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("unit mm"), std::string::npos);
  std::ifstream obj(dir / "ankle.obj");
  const std::string text((std::istreambuf_iterator<char>(obj)), std::istreambuf_iterator<char>());
  for (const char* name : {"skin", "subcutaneous-fat", "fascia", "bone", "tumour-day-60-interpolated", "tumour-consultation"})
    EXPECT_NE(text.find(std::string(name)), std::string::npos) << name;
  const CliResult glb = run("export " + quoted(test::case_path("han2009-ankle")) + " --output " + quoted(dir / "ankle.glb"));
  EXPECT_EQ(glb.code, 0) << glb.err;
  EXPECT_NE(glb.out.find("unit m"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// Issue 14: OBJ writes each object as an "o" object (Blender imports them apart); --split writes one
// STL per object, named after it, each closed, the tumour's volume the report's.
TEST(Cli, ObjObjectsAndSplitStlFilesOnePerObject) {
  test::ScratchDir dir;
  const auto c = quoted(test::case_path("han2009-ankle"));
  ASSERT_EQ(run("export " + c + " --output " + quoted(dir.path / "ankle.obj")).code, 0);
  const std::string obj = test::slurp_file(dir.path / "ankle.obj");
  for (const char* name : {"skin", "subcutaneous-fat", "fascia", "bone", "tumour-preoperative"})
    EXPECT_NE(obj.find("\no " + std::string(name) + "\n"), std::string::npos) << name;
  const CliResult r = run("export " + c + " --output " + quoted(dir.path / "ankle.stl") + " --split");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto files = dir.names();
  size_t stl = 0;
  for (const auto& f : files) stl += f.size() > 4 && f.substr(f.size() - 4) == ".stl";
  EXPECT_NE(r.out.find(std::to_string(stl) + " files, one object each, unit mm"), std::string::npos) << r.out;
  EXPECT_GE(stl, 6u);
  EXPECT_FALSE(std::filesystem::exists(dir.path / "ankle.stl"));  // no merged file beside them
  MeshImportLimits ours;
  ours.isolate = false;  // our own file
  const auto tumour = import_meshes(dir.path / "ankle-tumour-preoperative.stl", units::LengthUnit::Millimetre, ours);
  ASSERT_EQ(tumour.size(), 1u);
  const auto report = nlohmann::json::parse(run("report " + c).out);
  const double volume_cm3 = report["measurements"].back()["volume_cm3"].get<double>();
  EXPECT_NEAR(enclosed_volume_mm3(tumour[0].mesh) / 1000.0, volume_cm3, 0.01 * volume_cm3);
}

// Issue 14: the morph as an animated GIF, 15 frames a second, looping, the tumour shrinking.
TEST(Cli, AnimateWritesTheMorphAsALoopingGif) {
  test::ScratchDir dir;
  const auto gif = dir.path / "ankle.gif";
  CliResult r = run("animate " + quoted(test::case_path("han2009-abdomen")) + " --seconds 1 --resolution 160,100 --output " + quoted(gif));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("15 frames, 160x100"), std::string::npos) << r.out;
  int error = 0;
  GifFileType* g = DGifOpenFileName(gif.string().c_str(), &error);
  ASSERT_TRUE(g);
  ASSERT_EQ(DGifSlurp(g), GIF_OK);
  EXPECT_EQ(g->ImageCount, 15);
  EXPECT_EQ(g->SWidth, 160);
  EXPECT_EQ(g->SHeight, 100);
  GraphicsControlBlock gcb;
  ASSERT_EQ(DGifSavedExtensionToGCB(g, 0, &gcb), GIF_OK);
  EXPECT_EQ(gcb.DelayTime, 7);  // hundredths of a second: 15 frames a second
  bool loops = false;           // the application block before the first frame (giflib files it with that frame)
  const SavedImage& first = g->SavedImages[0];
  for (int i = 0; i < first.ExtensionBlockCount; ++i)
    loops |= first.ExtensionBlocks[i].Function == APPLICATION_EXT_FUNC_CODE && first.ExtensionBlocks[i].ByteCount == 11 &&
             std::memcmp(first.ExtensionBlocks[i].Bytes, "NETSCAPE2.0", 11) == 0;
  EXPECT_TRUE(loops);
  // The tumour shrinks: the first and last frames differ.
  size_t differing = 0;
  for (int i = 0; i < 160 * 100; ++i) {
    const auto a = g->SavedImages[0].ImageDesc.ColorMap->Colors[g->SavedImages[0].RasterBits[i]];
    const auto b = g->SavedImages[14].ImageDesc.ColorMap->Colors[g->SavedImages[14].RasterBits[i]];
    differing += std::abs(a.Red - b.Red) + std::abs(a.Green - b.Green) + std::abs(a.Blue - b.Blue) > 60;
  }
  EXPECT_GT(differing, 400u);
  DGifCloseFile(g, &error);
  r = run("animate " + quoted(test::case_path("han2009-abdomen")) + " --view body --output " + quoted(gif));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("animate takes 3d or section"), std::string::npos) << r.err;
}

// Issue 14: the printable counselling block as 3MF: in mm, each body closed and manifold with a
// volume, named and coloured, the tumour's volume the report's (within 1%).
TEST(Cli, ThreeMfBlockOfClosedColouredBodiesInMillimetres) {
  test::ScratchDir dir;
  const auto file = dir.path / "abdomen.3mf";
  const auto c = quoted(test::case_path("han2009-abdomen"));
  const CliResult r = run("export " + c + " --output " + quoted(file));
  ASSERT_EQ(r.code, 0) << r.err;
  const CliResult xml = run_command("unzip -p " + quoted(file) + " 3D/3dmodel.model");
  ASSERT_EQ(xml.code, 0) << xml.err;
  EXPECT_NE(xml.out.find("unit=\"millimeter\""), std::string::npos);
  // Each <object>'s vertices and triangles, read back (a plain scan: the model is 1.9 MB of XML).
  std::map<std::string, TriangleMesh> bodies;
  auto attribute = [](const std::string& text, size_t from, const std::string& key) {
    const size_t at = text.find(key + "=\"", from) + key.size() + 2;
    return std::stod(text.substr(at, text.find('"', at) - at));
  };
  for (size_t o = xml.out.find("<object "); o != std::string::npos; o = xml.out.find("<object ", o + 1)) {
    const size_t name_at = xml.out.find("name=\"", o) + 6, end = xml.out.find("</object>", o);
    TriangleMesh& m = bodies[xml.out.substr(name_at, xml.out.find('"', name_at) - name_at)];
    for (size_t v = xml.out.find("<vertex ", o); v < end; v = xml.out.find("<vertex ", v + 1))
      m.positions.push_back({attribute(xml.out, v, "x"), attribute(xml.out, v, "y"), attribute(xml.out, v, "z")});
    for (size_t t = xml.out.find("<triangle ", o); t < end; t = xml.out.find("<triangle ", t + 1))
      m.triangles.push_back({static_cast<std::uint32_t>(attribute(xml.out, t, "v1")), static_cast<std::uint32_t>(attribute(xml.out, t, "v2")),
                             static_cast<std::uint32_t>(attribute(xml.out, t, "v3"))});
  }
  for (const char* name : {"skin", "subcutaneous-fat", "fascia", "muscle", "tumour-preoperative"}) {
    ASSERT_TRUE(bodies.count(name)) << name;
    const SolidCheck check = check_solid(bodies[name]);
    EXPECT_TRUE(check.watertight()) << name << ": " << check.boundary_edges << " boundary, " << check.non_manifold_edges << " non-manifold";
    EXPECT_GT(check.volume_mm3, 100.0) << name;
  }
  EXPECT_NE(xml.out.find("displaycolor=\"#"), std::string::npos);
  const auto report = nlohmann::json::parse(run("report " + c).out);
  const double volume_cm3 = report["measurements"].back()["volume_cm3"].get<double>();
  EXPECT_NEAR(enclosed_volume_mm3(bodies["tumour-preoperative"]) / 1000.0, volume_cm3, 0.01 * volume_cm3);
  // The block has a flat base: the skin's lowest points lie on one plane, its cut.
  EXPECT_NE(r.out.find("closed bodies"), std::string::npos) << r.out;
}

// Without a display the desktop app says so and how to render headless; render falls back to EGL.
TEST(Cli, NoDisplayIsExplainedAndRenderNeedsNone) {
  const std::string no_display = "env -u DISPLAY -u WAYLAND_DISPLAY";
  const CliResult gui = run(quoted(test::case_path("han2009-ankle")), no_display);
  EXPECT_NE(gui.code, 0);
  EXPECT_NE(gui.err.find("no display for the desktop app"), std::string::npos) << gui.err;
  EXPECT_NE(gui.err.find("marginviz render"), std::string::npos) << gui.err;
  test::ScratchDir scratch;
  const auto png = scratch.path / "headless.png";
  const CliResult render =
      run("render " + quoted(test::case_path("han2009-ankle")) + " -o " + quoted(png) + " --resolution 320,200 --samples 0", no_display);
  EXPECT_EQ(render.code, 0) << render.err;
  EXPECT_TRUE(std::filesystem::exists(png));
}

// Images are saved through the same durable path as case files: a render over an earlier one leaves
// no temporary file behind, and an output that cannot be written is named, with nothing created.
TEST(Cli, SamplesZeroMeansNoAntiAliasing) {
  // --samples 0 is "none" whatever the default anti-aliasing (FXAA on software GL) would be.
  test::ScratchDir scratch;
  const auto zero = scratch.path / "zero.png", none = scratch.path / "none.png", fxaa = scratch.path / "fxaa.png";
  const std::string c = quoted(test::case_path("han2009-ankle")) + " --resolution 320,200 -o ";
  ASSERT_EQ(run("render " + c + quoted(zero) + " --samples 0").code, 0);
  ASSERT_EQ(run("render " + c + quoted(none) + " --anti-aliasing none").code, 0);
  ASSERT_EQ(run("render " + c + quoted(fxaa) + " --anti-aliasing fxaa").code, 0);
  EXPECT_EQ(test::slurp_file(zero), test::slurp_file(none));
  EXPECT_NE(test::slurp_file(fxaa), test::slurp_file(none));
}

TEST(Cli, RenderOutputIsSavedWholeOrNotAtAll) {
  test::ScratchDir scratch;
  const auto png = scratch.path / "view.png";
  const std::string render = "render " + quoted(test::case_path("han2009-ankle")) + " --resolution 160,100 --samples 0 -o ";
  for (int i = 0; i < 2; ++i) ASSERT_EQ(run(render + quoted(png)).code, 0);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(scratch.path), {}), 1);  // view.png alone
  const CliResult r = run(render + quoted(scratch.path / "no-such-folder" / "view.png"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("not saved: cannot create a file in " + (scratch.path / "no-such-folder").string()), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(scratch.path / "no-such-folder"));
}

// A case file that carries identifier-like keys loads with a warning, and none of their values
// reaches any output: report, meshes in every format, renders, the Mohs map.
TEST(Cli, IdentifierValuesNeverReachExportsOrRenders) {
  test::ScratchDir scratch;
  auto j = nlohmann::ordered_json::parse(test::slurp_file(test::case_path("han2009-ankle")));
  j["patient_name"] = "Jane Q Testperson";
  j["mrn"] = "MRN-77123";
  j["measurements"][0]["dob"] = "1961-02-03";
  const auto case_file = scratch.path / "case.json";
  std::ofstream(case_file) << j.dump(2);
  const CliResult v = run("validate " + quoted(case_file));
  EXPECT_EQ(v.code, 0) << v.err;
  EXPECT_NE((v.out + v.err).find("patient identifier"), std::string::npos) << "no warning on load";
  std::vector<std::string> outputs;
  const CliResult report = run("report " + quoted(case_file) + " --plan-margin 1");
  ASSERT_EQ(report.code, 0) << report.err;
  outputs.push_back(report.out + report.err);
  for (const char* ext : {"glb", "obj", "stl", "ply"}) {
    const auto out = scratch.path / (std::string("scene.") + ext);
    const CliResult r = run("export " + quoted(case_file) + " --output " + quoted(out));
    ASSERT_EQ(r.code, 0) << r.err;
    outputs.push_back(test::slurp_file(out) + r.out + r.err);
  }
  // The same case with other values of the same length: if any identifier were drawn (the legend
  // and the map's header are on), the pictures would differ somewhere.
  j["patient_name"] = "Abcd E Fghijklmno";
  j["mrn"] = "ABC-12345";
  j["measurements"][0]["dob"] = "1999-09-09";
  const auto decoy_file = scratch.path / "decoy.json";
  std::ofstream(decoy_file) << j.dump(2);
  for (const char* view : {"3d --anti-aliasing none", "map"}) {
    const auto out = scratch.path / "render.png", decoy = scratch.path / "decoy.png";
    const CliResult r = run("render " + quoted(case_file) + " -o " + quoted(out) + " --resolution 640,400 --view " + view);
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_EQ(run("render " + quoted(decoy_file) + " -o " + quoted(decoy) + " --resolution 640,400 --view " + view).code, 0);
    outputs.push_back(test::slurp_file(out) + r.out + r.err);
    const render::Image shown = render::read_png(out), other = render::read_png(decoy);
    ASSERT_EQ(shown.rgba.size(), other.rgba.size());
    size_t differing = 0;
    for (size_t i = 0; i < shown.rgba.size(); ++i) differing += shown.rgba[i] != other.rgba[i];
    EXPECT_EQ(differing, 0u) << view << ": the identifiers changed what is drawn";
  }
  for (const auto& text : outputs)
    for (const char* secret : {"Testperson", "MRN-77123", "1961-02-03"}) EXPECT_EQ(text.find(secret), std::string::npos) << secret;
}

}  // namespace
}  // namespace mv
