#pragma once
// Reading typed fields out of case-file JSON (a path-named issue for each problem), and the
// helpers that write them back the same way.
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/case_date.hpp"
#include "common/issues.hpp"

namespace mv::json_reader {

using json = Json;

inline std::string shown(const json& v) {
  std::string s = v.dump();
  return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

// Reads typed fields from JSON objects, recording a path-named issue for each problem.
class Reader {
 public:
  explicit Reader(std::vector<Issue>& issues) : issues_(issues) {}

  void error(const std::string& path, const std::string& msg) { issues_.push_back({Severity::Error, path, msg}); }

  // False, with an error, when an array holds more than `cap` items: such a file is refused
  // before any of them is read.
  bool within_cap(const json& array, size_t cap, const std::string& path, const char* items) {
    if (array.size() <= cap) return true;
    error(path, std::to_string(array.size()) + " " + items + " — more than the " + std::to_string(cap) + " a case file may hold");
    return false;
  }

  const json* field(const json& obj, const std::string& key, const std::string& path, bool required, const char* what) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) error(path, std::string("missing — required: ") + what);
      return nullptr;
    }
    return &*it;
  }
  std::optional<double> number(const json& obj, const std::string& key, const std::string& path, bool required, const char* what) {
    const json* v = field(obj, key, path, required, what);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      error(path, shown(*v) + " — must be " + what);
      return std::nullopt;
    }
    const double d = v->get<double>();
    if (!std::isfinite(d)) {
      error(path, shown(*v) + " — must be a finite number");
      return std::nullopt;
    }
    return d;
  }
  std::optional<int> integer(const json& obj, const std::string& key, const std::string& path, bool required, const char* what) {
    const json* v = field(obj, key, path, required, what);
    if (!v) return std::nullopt;
    const bool in_range = v->is_number_unsigned() ? v->get<std::uint64_t>() <= 1000000u
                                                  : v->is_number_integer() && v->get<long long>() >= -1000000 && v->get<long long>() <= 1000000;
    if (!in_range) {
      error(path, shown(*v) + " — must be " + what);
      return std::nullopt;
    }
    return v->get<int>();
  }
  std::optional<std::string> string(const json& obj, const std::string& key, const std::string& path, bool required, const char* what) {
    const json* v = field(obj, key, path, required, what);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      error(path, shown(*v) + " — must be " + what);
      return std::nullopt;
    }
    return v->get<std::string>();
  }
  const json* object(const json& obj, const std::string& key, const std::string& path, bool required, const char* what) {
    const json* v = field(obj, key, path, required, what);
    if (v && !v->is_object()) {
      error(path, shown(*v) + " — must be " + what);
      return nullptr;
    }
    return v;
  }

 private:
  std::vector<Issue>& issues_;
};

inline json without(const json& obj, std::initializer_list<const char*> known) {
  json extra = json::object();
  std::set<std::string> k(known.begin(), known.end());
  for (auto it = obj.begin(); it != obj.end(); ++it)
    if (!k.count(it.key())) extra[it.key()] = it.value();
  return extra;
}

CaseDate read_date(Reader& r, const json& obj, const std::string& path);

// Whole numbers are written without a fraction: "800", not "800.0".
inline json number(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return static_cast<std::int64_t>(v);
  return v;
}

// Known keys first, in the documented order, then the file's unknown keys as they came.
inline json with_extra(json known, const json& extra) {
  for (auto it = extra.begin(); it != extra.end(); ++it)
    if (!known.contains(it.key())) known[it.key()] = it.value();
  return known;
}

inline json date_json(const CaseDate& d) {
  json out = json::object();
  if (d.day) out["day"] = *d.day;
  if (d.iso) out["date"] = *d.iso;
  return out;
}

}  // namespace mv::json_reader
