// marginviz-fit: fits the DFSP spread model to the published figures (mesh/clinical/spread/literature.cpp)
// and writes the posterior with its residuals (assets/model/spread-fit.json, docs/model.md §3).
// Deterministic from --seed. --check compares a fresh fit with a committed one.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "common/file_io.hpp"
#include "clinical/spread/spread_fit.hpp"

namespace {

// The first place two fits differ by more than `tolerance`, or "" when they agree.
std::string first_difference(const nlohmann::json& a, const nlohmann::json& b, const std::string& path, double tolerance) {
  if (a.is_number() && b.is_number()) {
    const double x = a.get<double>(), y = b.get<double>();
    return std::abs(x - y) <= tolerance * std::max(1.0, std::abs(x)) ? "" : path + ": " + a.dump() + " vs " + b.dump();
  }
  if (a.type() != b.type()) return path + ": different kinds";
  if (a.is_object()) {
    if (a.size() != b.size()) return path + ": different keys";
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (!b.contains(it.key())) return path + "/" + it.key() + ": missing";
      if (auto d = first_difference(it.value(), b.at(it.key()), path + "/" + it.key(), tolerance); !d.empty()) return d;
    }
    return "";
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return path + ": " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " entries";
    for (size_t i = 0; i < a.size(); ++i)
      if (auto d = first_difference(a[i], b[i], path + "/" + std::to_string(i), tolerance); !d.empty()) return d;
    return "";
  }
  return a == b ? "" : path + ": " + a.dump() + " vs " + b.dump();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Fit the DFSP spread model to the literature (writes assets/model/spread-fit.json)"};
  std::filesystem::path output = "assets/model/spread-fit.json", check;
  mv::spread::FitSettings settings;
  app.add_option("--output,-o", output, "Where to write the fit")->capture_default_str();
  app.add_option("--check", check, "Compare a fresh fit with this file instead of writing; exit 1 where they differ");
  app.add_option("--seed", settings.seed, "Sampler seed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    const nlohmann::json fit = mv::spread::fit_spread_model(settings, mv::spread::literature());
    if (!check.empty()) {
      std::ifstream in(check);
      if (!in) throw std::runtime_error("cannot read " + check.string());
      const nlohmann::json committed = nlohmann::json::parse(in);
      if (const std::string d = first_difference(fit, committed, "", 1e-6); !d.empty()) {
        std::cerr << check.string() << " is not what the fit gives now (" << d << "): rerun marginviz-fit\n";
        return 1;
      }
      std::cout << check.string() << ": matches a fresh fit\n";
      return 0;
    }
    mv::ReplaceOptions no_backup;
    no_backup.keep_backup = false;
    mv::replace_file_durably(output, fit.dump(1) + "\n", no_backup);
    std::cout << output.string() << ": " << fit.at("draws").size() << " draws, worst R-hat " << fit.at("diagnostics").at("worst_rhat") << "\n";
    for (const auto& r : fit.at("residuals"))
      std::cout << "  " << r.at("id").get<std::string>() << ": observed " << r.at("observed").dump() << ", fitted " << r.at("fitted").dump()
                << ", new centre " << r.at("new_centre_interval_95").dump() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "marginviz-fit: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
