// The model's figures quoted in docs/model.md and README.md are produced here, from the committed
// fit and the built program (`marginviz report`, `marginviz simulate`), not typed by hand. The test
// fails while a quoted block differs from what they give; MARGINVIZ_UPDATE_DOCS=1 rewrites the
// blocks (the lines between "<!-- generated: NAME …-->" and "<!-- end generated -->") to what they give.
#include <gtest/gtest.h>

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "anatomy/sites.hpp"
#include "clinical/spread/literature.hpp"
#include "text_format.hpp"

namespace mv {
namespace {

const std::filesystem::path kSource = MARGINVIZ_SOURCE_DIR;

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The program's standard output as JSON.
nlohmann::json run_json(const std::string& args) {
  const std::string command = std::string(MARGINVIZ_BINARY) + " " + args;
  FILE* pipe = ::popen(command.c_str(), "r");
  EXPECT_NE(pipe, nullptr) << command;
  std::string out;
  char buffer[4096];
  for (size_t n; pipe && (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  EXPECT_EQ(pipe ? ::pclose(pipe) : -1, 0) << command;
  return nlohmann::json::parse(out);
}

// A number as the docs print it: fixed decimals, a true minus sign.
std::string num(double v, int digits) {
  std::string s = app::fixed(v, digits);
  if (s.rfind('-', 0) == 0) s = "−" + s.substr(1);
  return s;
}
std::string joined(const nlohmann::json& values, int digits, const std::string& sep = " / ") {
  std::string s;
  for (const auto& v : values) s += (s.empty() ? "" : sep) + num(v.get<double>(), digits);
  return s;
}
std::string range(const nlohmann::json& pair, int digits) { return num(pair[0], digits) + "–" + num(pair[1], digits); }
std::string percent(double share) { return app::fixed(100.0 * share, 0) + "%"; }

const std::vector<std::pair<std::string, std::string>> kCases = {{"han2009-scalp", "scalp (recurrent, head and neck)"},
                                                                 {"han2009-abdomen", "abdomen (recurrent, 8.6 × 14 cm, 18 mm deep)"},
                                                                 {"han2009-thigh", "thigh (primary, 12 mm deep)"},
                                                                 {"han2009-ankle", "ankle (primary, 3 cm)"}};
std::string case_file(const std::string& id) { return (kSource / "assets" / "cases" / (id + ".json")).string(); }

// §3: the posterior, each parameter on its own scale.
std::string posterior_block(const nlohmann::json& fit) {
  const std::vector<std::pair<std::string, std::string>> rows = {{"mu", "μ"},
                                                                 {"sigma", "σ"},
                                                                 {"shape", "λ (shape)"},
                                                                 {"tau", "τ (between centres)"},
                                                                 {"tau_sigma", "τ_σ"},
                                                                 {"b_head_neck", "β_HN"},
                                                                 {"b_size", "β_size"},
                                                                 {"b_recurrent", "β_rec"},
                                                                 {"depth_eta", "η (depth, trunk/limb)"},
                                                                 {"depth_head_neck", "β_HN,d"},
                                                                 {"cut_fascia", "c₁"},
                                                                 {"cut_muscle", "c₂"},
                                                                 {"tau_depth", "τ_d"},
                                                                 {"p_unchanged", "π_u (imatinib: extent unchanged)"}};
  std::ostringstream out;
  out << "| parameter | mean | sd | 95% interval | R-hat |\n|---|---|---|---|---|\n";
  double worst = 0.0;
  std::string worst_name;
  for (const auto& [key, name] : rows) {
    const auto& s = fit.at("summary").at(key);
    out << "| " << name << " | " << num(s["mean"], 2) << " | " << num(s["sd"], 2) << " | " << num(s["interval_95"][0], 2) << " to "
        << num(s["interval_95"][1], 2) << " | " << num(s["rhat"], 2) << " |\n";
    if (s["rhat"].get<double>() > worst) worst = s["rhat"], worst_name = name;
  }
  const auto& acc = fit.at("diagnostics").at("acceptance");
  double lo = 1.0, hi = 0.0;
  for (double a : acc) lo = std::min(lo, a), hi = std::max(hi, a);
  const auto& st = fit.at("settings");
  out << "\nWorst R-hat " << num(worst, 3) << " (" << worst_name << "); acceptance " << app::fixed(100 * lo, 0) << "–" << app::fixed(100 * hi, 0)
      << "% per chain; " << st.at("chains").get<int>() << " chains of " << st.at("warmup").get<int>() << " warm-up and "
      << st.at("samples").get<int>() << " kept iterations, thinned to " << fit.at("draws").size() << " draws.\n";
  return out.str();
}

// §4: every datum against the fit.
std::string residuals_block(const nlohmann::json& fit) {
  std::map<std::string, const spread::Datum*> by_id;
  for (const auto& d : spread::literature()) by_id[d.id] = &d;
  std::ostringstream out;
  out << "| datum | observed | fitted | new centre, 95% | percentile |\n|---|---|---|---|---|\n";
  for (const auto& r : fit.at("residuals")) {
    const spread::Datum& d = *by_id.at(r.at("id").get<std::string>());
    const bool event = d.kind == spread::DatumKind::ReachAtLeast || d.kind == spread::DatumKind::ImatinibCleared;
    const int digits = d.kind == spread::DatumKind::MeanStages ? 2 : 3;
    std::string intervals;
    for (const auto& i : r.at("new_centre_interval_95")) intervals += (intervals.empty() ? "" : " / ") + range(i, 2);
    out << "| " << d.source << ": " << d.what << " | " << (event ? "1 (happened)" : joined(r.at("observed"), digits)) << " | "
        << joined(r.at("fitted"), digits) << " | " << intervals << " | " << (event ? "–" : joined(r.at("new_centre_percentile_of_observed"), 2))
        << " |\n";
  }
  return out.str();
}

// §5: the bundled cases under the default plan (2 cm to the fascia, pre-treatment outline).
std::string cases_block() {
  std::ostringstream out;
  out << "| case | chance | 95% range | peripheral | deep | envelopes 50 / 80 / 95% (cm) |\n|---|---|---|---|---|---|\n";
  for (const auto& [id, label] : kCases) {
    const auto r = run_json("report " + case_file(id) + " --plan-margin 2");
    const auto& plan = r.at("plan");
    const auto& c = plan.at("clear_probability");
    std::string env;
    for (double share : {0.5, 0.8, 0.95}) {
      std::string m = "–";  // runs off the modelled skin
      for (const auto& e : plan.at("envelopes"))
        if (std::abs(e.at("contains").get<double>() - share) < 1e-9) m = num(e.at("margin_beyond_edge_cm"), 2);
      env += (env.empty() ? "" : " / ") + m;
    }
    out << "| " << label << " | " << num(c.at("overall"), 3) << " | " << range(c.at("interval_95"), 2) << " | " << num(c.at("peripheral"), 3) << " | "
        << num(c.at("deep"), 3) << " | " << env << " |\n";
  }
  return out.str();
}

// §6: what Mohs surgery might take, 1-cm first stage, 0.5-cm later stages, to the fascia.
std::string outlook_block() {
  std::ostringstream out;
  out << "| case | stages, mean | a series of 100 | clear after one stage | not cleared |\n|---|---|---|---|---|\n";
  for (const auto& [id, label] : kCases) {
    const auto s = run_json("simulate " + case_file(id) + " --patients 100 --first-margin 1 --next-margin 0.5");
    const auto& st = s.at("stages");
    out << "| " << label << " | " << num(st.at("mean"), 1) << " | " << range(st.at("mean_series_interval_95"), 1) << " | "
        << percent(s.at("clear_after_stage")[0].at("share")) << " | " << percent(st.at("not_cleared").at("share")) << " |\n";
  }
  return out.str();
}

// docs/reconstruction.md: the bundled cases' Mohs records as `marginviz report` reconstructs them.
std::string mohs_cases_block() {
  std::ostringstream out;
  out << "| case | steps | final defect X × Y (cm) | area (cm²) | excised per step (cm²) | defect / clinical area | max depth (mm), deepest layer | "
         "final margin by clock hour (cm) | margins clear | by Mohs alone |\n|---|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& [id, label] : kCases) {
    const auto m = run_json("report " + case_file(id)).at("mohs");
    std::string steps, excised;
    for (const auto& s : m.at("stages")) {
      steps += (steps.empty() ? "" : ", ") + s.at("name").get<std::string>();
      excised += (excised.empty() ? "" : ", ") + num(s.at("excised_area_cm2"), 2);
    }
    double lo = 1e9, hi = 0.0;
    for (const auto& h : m.at("final_margin_by_clock_hour_cm"))
      lo = std::min(lo, h.at("margin_cm").get<double>()), hi = std::max(hi, h.at("margin_cm").get<double>());
    out << "| `" << id << "` | " << steps << " | " << num(m.at("final_defect_extent_x_cm"), 2) << " × " << num(m.at("final_defect_extent_y_cm"), 2)
        << " | " << num(m.at("final_defect_area_cm2"), 2) << " | " << excised << " | " << num(m.at("defect_to_clinical_area"), 2) << " | "
        << num(m.at("max_depth_mm"), 2) << ", " << m.at("deepest_layer").get<std::string>() << " | "
        << (lo == hi ? num(lo, 1) : num(lo, 1) + "–" + num(hi, 1)) << " | " << (m.at("margins_clear").get<bool>() ? "yes" : "no") << " | "
        << (m.at("cleared_by_mohs_alone").get<bool>() ? "yes" : "no") << " |\n";
  }
  return out.str();
}

// README: the abdomen's plan in one sentence.
std::string readme_abdomen_block() {
  const auto r = run_json("report " + case_file("han2009-abdomen") + " --plan-margin 2");
  const auto& plan = r.at("plan");
  const auto& c = plan.at("clear_probability");
  return "  `marginviz report assets/cases/han2009-abdomen.json --plan-margin 2` gives a " + num(plan.at("extent_x_cm"), 1) + " × " +
         num(plan.at("extent_y_cm"), 1) + " cm\n  excision " + num(plan.at("depth_mm"), 1) + " mm deep that clears with a chance of " +
         num(c.at("overall"), 3) + " (range over centres " + range(c.at("interval_95"), 2) + "): " + num(c.at("peripheral"), 3) +
         " at\n  the periphery, " + num(c.at("deep"), 3) + " at depth (the recorded 18-mm thickness lies below the fascia).\n";
}

// Checks (or rewrites) each generated block of a document.
void check_document(const std::filesystem::path& file, const std::map<std::string, std::string>& blocks) {
  std::string text = read_text(file);
  const bool update = std::getenv("MARGINVIZ_UPDATE_DOCS") != nullptr;
  for (const auto& [name, want] : blocks) {
    const std::string open = "<!-- generated: " + name;
    const size_t at = text.find(open);
    ASSERT_NE(at, std::string::npos) << file << " has no block " << name;
    const size_t from = text.find("-->\n", at) + 4;
    const size_t end = text.find("<!-- end generated -->", from);
    ASSERT_NE(end, std::string::npos) << file << ": block " << name << " is not closed";
    const size_t to = text.rfind('\n', end) + 1;  // the marker's line may be indented (inside a list item)
    if (update) text.replace(from, to - from, want);
    else
      EXPECT_EQ(text.substr(from, to - from), want) << file << ", block " << name << " (MARGINVIZ_UPDATE_DOCS=1 rewrites it)";
  }
  if (update) std::ofstream(file, std::ios::binary) << text;
}

TEST(DocFigures, ModelDocQuotesTheModel) {
  const auto fit = nlohmann::json::parse(read_text(kSource / "assets" / "model" / "spread-fit.json"));
  check_document(kSource / "docs" / "model.md",
                 {{"posterior", posterior_block(fit)}, {"residuals", residuals_block(fit)}, {"cases", cases_block()}, {"outlook", outlook_block()}});
}

TEST(DocFigures, ReconstructionDocQuotesTheMohsRecords) {
  check_document(kSource / "docs" / "reconstruction.md", {{"mohs-cases", mohs_cases_block()}});
}

// docs/case-format.md: every site, what height 0 means there and where the lesion sits without a position.
std::string sites_block() {
  std::ostringstream out;
  out << "| site | anatomy | region | height 0 and azimuth | centre (azimuth, height) |\n|---|---|---|---|---|\n";
  for (const SiteSpec& s : all_sites())
    out << "| `" << s.key << "` | " << s.display << " | " << s.region << " | " << s.landmark << " | " << num(s.centre.azimuth_deg, 1) << "°, "
        << num(s.centre.height_cm, 1) << " cm" << (s.centre.elevation_deg != 0.0 ? ", elevation " + num(s.centre.elevation_deg, 1) + "°" : "")
        << " |\n";
  return out.str();
}

TEST(DocFigures, CaseFormatListsEverySite) { check_document(kSource / "docs" / "case-format.md", {{"sites", sites_block()}}); }

// docs/report-format.md: the abdomen's report, as printed.
TEST(DocFigures, ReportFormatShowsTheReport) {
  check_document(kSource / "docs" / "report-format.md",
                 {{"report-example", "```json\n" + run_json("report " + case_file("han2009-abdomen")).dump(2) + "\n```\n"}});
}

TEST(DocFigures, ReadmeQuotesTheModel) { check_document(kSource / "README.md", {{"abdomen-plan", readme_abdomen_block()}}); }

// docs/sources.md §7 is the thickness table the anatomy is built from: every layer with a
// thickness is a row, with the same value and the same assumption flag, and no row is extra.
TEST(DocFigures, SourcesListTheThicknessTable) {
  const std::string text = read_text(kSource / "docs" / "sources.md");
  const size_t from = text.find("## §7"), to = text.find("## §8");
  ASSERT_NE(from, std::string::npos);
  std::istringstream rows(text.substr(from, to - from));
  std::map<std::pair<std::string, std::string>, std::pair<double, bool>> documented;
  for (std::string line; std::getline(rows, line);) {
    std::vector<std::string> cells;
    std::stringstream cs(line);
    for (std::string cell; std::getline(cs, cell, '|');) {
      const size_t a = cell.find_first_not_of(' '), b = cell.find_last_not_of(' ');
      cells.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
    }
    if (cells.size() < 5 || cells[1] == "site" || cells[1].rfind("---", 0) == 0) continue;
    documented[{cells[1], cells[2]}] = {std::stod(cells[3]), cells[4].find("**assumption**") != std::string::npos};
  }
  size_t rows_in_code = 0;
  for (const SiteSpec& site : all_sites())
    for (const LayerSpec& layer : site.layers) {
      if (layer.thickness_mm <= 0.0) continue;
      ++rows_in_code;
      const auto it = documented.find({site.key, layer.name});
      ASSERT_NE(it, documented.end()) << site.key << " " << layer.name << " is not in docs/sources.md §7";
      EXPECT_DOUBLE_EQ(it->second.first, layer.thickness_mm) << site.key << " " << layer.name;
      EXPECT_EQ(it->second.second, layer.assumption) << site.key << " " << layer.name << ": the assumption flag";
    }
  EXPECT_EQ(documented.size(), rows_in_code) << "docs/sources.md §7 has rows the code does not";
}

}  // namespace
}  // namespace mv
