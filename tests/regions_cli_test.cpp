// Issue 13: validate, render, report and export work on a case for each region of the whole body,
// made from a bundled case by changing only `site` and removing `lesion.position`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

class OnEachRegion : public ::testing::TestWithParam<std::string> {};

TEST_P(OnEachRegion, ValidateRenderReportAndExportWork) {
  test::ScratchDir dir;
  std::ifstream in(test::case_path(test::source_case_for(GetParam())));
  nlohmann::json doc = nlohmann::json::parse(in);
  doc["site"] = GetParam();
  doc["lesion"].erase("position");
  const auto file = dir.path / "case.json";
  std::ofstream(file) << doc.dump(2);
  const std::string c = quoted(file);
  CliResult r = run("validate " + c);
  EXPECT_EQ(r.code, 0) << r.err;
  r = run("render " + c + " --output " + quoted(dir.path / "3d.png") + " --resolution 320,200");
  EXPECT_EQ(r.code, 0) << r.err;
  r = run("render " + c + " --view body --output " + quoted(dir.path / "body.png") + " --resolution 200,320");
  EXPECT_EQ(r.code, 0) << r.err;
  r = run("report " + c);
  ASSERT_EQ(r.code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["site"], GetParam());
  EXPECT_TRUE(report["mohs"]["margins_clear"].is_boolean());
  r = run("export " + c + " --output " + quoted(dir.path / "scene.glb"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("objects"), std::string::npos);
}

std::vector<std::string> region_keys() {
  std::vector<std::string> out;
  for (const auto& s : all_sites())
    if (from_whole_body(s.site)) out.push_back(s.key);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Body, OnEachRegion, ::testing::ValuesIn(region_keys()), [](const auto& info) {
  std::string s = info.param;
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
});

}  // namespace
}  // namespace mv
