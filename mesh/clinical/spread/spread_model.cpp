#include "clinical/spread/spread_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "case/case_model.hpp"
#include "case/mohs.hpp"
#include "reconstruction/timeline.hpp"
#include "reconstruction/tissue_column.hpp"
#include "common/units.hpp"

namespace mv::spread {

const char* embedded_fit_json();  // generated from assets/model/spread-fit.json (cmake/EmbedText.cmake)

Covariates covariates_of(const Case& c) {
  Covariates v;
  v.head_neck = head_and_neck(c.site);
  if (!c.measurements.empty()) v.size_cm = std::max(c.measurements.front().x_cm, c.measurements.front().y_cm);
  v.recurrent = c.presentation == Presentation::Recurrent;
  return v;
}

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

double quantile_of_sorted(const std::vector<double>& v, double q) {
  const double pos = q * static_cast<double>(v.size() - 1);
  const size_t i = static_cast<size_t>(pos);
  const double t = pos - static_cast<double>(i);
  return i + 1 < v.size() ? v[i] * (1.0 - t) + v[i + 1] * t : v[i];
}

double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return quantile_of_sorted(v, q);
}

double normal_quantile(double p) {
  // Acklam's rational approximation, then one Newton step on the exact CDF.
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
  p = std::clamp(p, 1e-300, 1.0 - 1e-16);
  double x;
  if (p < 0.02425) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else if (p > 1.0 - 0.02425) {
    const double q = std::sqrt(-2.0 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else {
    const double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  }
  const double e = normal_cdf(x) - p;
  return x - e * std::sqrt(2.0 * std::numbers::pi) * std::exp(x * x / 2.0);
}

namespace {

double box_cox(double w, double lambda) { return lambda < 1e-6 ? std::log(w) : (std::pow(w, lambda) - 1.0) / lambda; }
double box_cox_inverse(double y, double lambda) {
  if (lambda < 1e-6) return std::exp(y);
  const double b = 1.0 + lambda * y;
  return b <= 0.0 ? 0.0 : std::pow(b, 1.0 / lambda);  // below the floor: no extension at all
}
double covariate_factor(const Parameters& p, const Covariates& c) {
  return std::exp((c.head_neck ? p.b_head_neck : 0.0) + p.b_size * std::log(std::max(c.size_cm, 0.1) / 3.0) + (c.recurrent ? p.b_recurrent : 0.0));
}

}  // namespace

ReachLaw reach_law(const Parameters& p, const Covariates& c, const CentreEffect& centre) {
  return {box_cox(std::exp(p.mu), p.shape) + centre.reach, p.sigma * std::exp(centre.ln_sigma), covariate_factor(p, c), p.shape};
}

double ReachLaw::cdf(double m) const {
  if (m <= 0.0) return shape < 1e-6 ? 0.0 : normal_cdf((-1.0 / shape - loc) / scale);  // the share with no extension
  return normal_cdf((box_cox(m / factor, shape) - loc) / scale);
}

double ReachLaw::at(double z) const { return factor * box_cox_inverse(loc + scale * z, shape); }

double reach_cdf(const Parameters& p, const Covariates& c, const CentreEffect& centre, double m) { return reach_law(p, c, centre).cdf(m); }

double reach_at(const Parameters& p, const Covariates& c, const CentreEffect& centre, double z) { return reach_law(p, c, centre).at(z); }

std::array<double, 4> depth_shares(const Parameters& p, bool head_neck, double centre_shift) {
  const double eta = p.depth_eta + (head_neck ? p.depth_head_neck : 0.0) + centre_shift;
  const double f0 = normal_cdf(0.0 - eta), f1 = normal_cdf(p.cut_fascia - eta), f2 = normal_cdf(p.cut_muscle - eta);
  return {f0, f1 - f0, f2 - f1, 1.0 - f2};
}

DepthLevels DepthLevels::of(const TissueColumn& column) {
  DepthLevels l;
  double fat_bottom = 0.0, fascia_bottom = -1.0, muscle_bottom = -1.0;
  for (const auto& layer : column.layers) {
    if (layer.kind == TissueKind::Skin || layer.kind == TissueKind::SubcutaneousFat) fat_bottom = std::max(fat_bottom, layer.bottom_mm);
    if (layer.kind == TissueKind::Fascia) fascia_bottom = std::max(fascia_bottom, layer.bottom_mm);
    if (layer.kind == TissueKind::Muscle) {
      // A muscle whose floor no ray found (a surface scan): 10 mm assumed, for the depth draw only.
      muscle_bottom = std::isfinite(layer.bottom_mm) ? layer.bottom_mm : layer.top_mm + 10.0;
    }
  }
  if (fascia_bottom < fat_bottom) fascia_bottom = fat_bottom;
  if (muscle_bottom < fascia_bottom) muscle_bottom = fascia_bottom;
  l.top_mm = {0.0, fat_bottom, fascia_bottom};
  l.bottom_mm = {fat_bottom, fascia_bottom, muscle_bottom};
  return l;
}

double depth_cdf(const std::array<double, 4>& shares, const DepthLevels& levels, double d) {
  double f = 0.0;
  for (size_t k = 0; k < 3; ++k) {
    const double top = levels.top_mm[k], bottom = levels.bottom_mm[k];
    const double part = bottom - top > 1e-9 ? std::clamp((d - top) / (bottom - top), 0.0, 1.0) : (d >= top - 1e-9 ? 1.0 : 0.0);
    f += shares[k] * part;
  }
  return f;
}

namespace {

// Depth and level at cumulative share u.
std::pair<double, int> depth_and_level(const std::array<double, 4>& shares, const DepthLevels& levels, double u) {
  double acc = 0.0;
  for (int k = 0; k < 3; ++k) {
    const double s = shares[static_cast<size_t>(k)];
    if (s > 0.0 && u <= acc + s) {
      const double t = std::clamp((u - acc) / s, 0.0, 1.0);
      return {levels.top_mm[static_cast<size_t>(k)] + t * (levels.bottom_mm[static_cast<size_t>(k)] - levels.top_mm[static_cast<size_t>(k)]), k};
    }
    acc += s;
  }
  return {std::numeric_limits<double>::infinity(), 3};
}

}  // namespace

namespace {

// The share the recorded thickness rules out: tumours shallower than it.
double shallower_than(const std::array<double, 4>& shares, const DepthLevels& levels, double thickness_mm) {
  return thickness_mm > 0.0 ? depth_cdf(shares, levels, thickness_mm - 1e-9) : 0.0;
}

}  // namespace

double deep_clear_chance(const std::array<double, 4>& shares, const DepthLevels& levels, double plane_mm, double thickness_mm) {
  if (plane_mm < thickness_mm - 1e-6) return 0.0;  // a tumour deeper than the plane cannot be cleared there
  const double below = shallower_than(shares, levels, thickness_mm);
  const double rest = 1.0 - below;
  if (rest <= 1e-12) return 0.0;
  return std::clamp((depth_cdf(shares, levels, plane_mm + 1e-6) - below) / rest, 0.0, 1.0);
}

namespace {

Parameters parameters_from(const nlohmann::json& j) {
  Parameters p;
  p.mu = j.at("mu");
  p.shape = j.at("shape");
  p.sigma = j.at("sigma");
  p.tau = j.at("tau");
  p.b_head_neck = j.at("b_head_neck");
  p.b_size = j.at("b_size");
  p.b_recurrent = j.at("b_recurrent");
  p.depth_eta = j.at("depth_eta");
  p.depth_head_neck = j.at("depth_head_neck");
  p.cut_fascia = j.at("cut_fascia");
  p.cut_muscle = j.at("cut_muscle");
  p.tau_depth = j.at("tau_depth");
  p.p_unchanged = j.at("p_unchanged");
  p.tau_sigma = j.at("tau_sigma");
  p.sigma_direction = j.at("sigma_direction");
  return p;
}

FittedModel parse_fit(const std::string& text) {
  const auto j = nlohmann::json::parse(text);
  FittedModel m;
  m.version = j.at("version").get<std::string>();
  m.sigma_direction_grid = j.at("sigma_direction_grid").get<std::vector<double>>();
  for (const auto& d : j.at("draws")) {
    m.draws.push_back(parameters_from(d));
    m.series_reach_shift.push_back(d.at("series_reach_shift").get<std::array<double, 8>>());
    m.series_ln_sigma_shift.push_back(d.at("series_ln_sigma_shift").get<std::array<double, 8>>());
    m.series_depth_shift.push_back(d.at("series_depth_shift").get<std::array<double, 8>>());
  }
  if (m.draws.empty()) throw std::runtime_error("spread fit: no posterior draws");
  return m;
}

}  // namespace

const FittedModel& fitted_model() {
  static const FittedModel m = parse_fit(embedded_fit_json());
  return m;
}

std::string model_line() {
  return "spread model v" + fitted_model().version + " (docs/model.md): " + std::to_string(fitted_model().draws.size()) +
         " posterior draws of a joint fit to the published series, each simulated centre with its own effects";
}

SpreadContext SpreadContext::of(const Case& c, const TissueColumn& column, const std::vector<double>& theta) {
  SpreadContext s;
  s.covariates = covariates_of(c);
  s.theta = theta;
  const TumourState pre = state_of(c, 0), post = state_of(c, c.measurements.size() - 1);
  const double pa = units::cm_to_mm(pre.shape.x_cm) / 2.0, pb = units::cm_to_mm(pre.shape.y_cm) / 2.0;
  const double qa = units::cm_to_mm(post.shape.x_cm) / 2.0, qb = units::cm_to_mm(post.shape.y_cm) / 2.0;
  for (double t : theta) {
    s.pre_radius_mm.push_back(ellipse_radius(pa, pb, t));
    s.post_radius_mm.push_back(ellipse_radius(qa, qb, t));
    const double hour = angle_to_clock(t), below = std::floor(hour);
    s.below_sector.push_back(sector_of_hour(below));
    s.above_sector.push_back(sector_of_hour(below + 1.0));
    s.blend.push_back((1.0 - std::cos(std::numbers::pi * (hour - below))) / 2.0);
    s.sector.push_back(sector_of_hour(hour));
  }
  // An unrecorded thickness is not 0: each visit falls back on the other's record, and the
  // thickness counts as changed only where both visits record it.
  const auto& t0 = c.measurements.front().thickness_mm;
  const auto& t1 = c.measurements.back().thickness_mm;
  s.pre_thickness_mm = t0.value_or(t1.value_or(0.0));
  s.post_thickness_mm = t1.value_or(t0.value_or(0.0));
  s.treated = c.measurements.size() > 1 && (pre.shape.x_cm != post.shape.x_cm || pre.shape.y_cm != post.shape.y_cm || (t0 && t1 && *t0 != *t1));
  s.levels = DepthLevels::of(column);
  return s;
}

double SpreadContext::relative_at(const std::array<double, kSectors>& relative, size_t j) const {
  return (1.0 - blend[j]) * relative[static_cast<size_t>(below_sector[j])] + blend[j] * relative[static_cast<size_t>(above_sector[j])];
}

std::array<double, kSectors> VirtualPatient::reach_cm() const {
  std::array<double, kSectors> r{};
  for (size_t i = 0; i < r.size(); ++i) r[i] = worst_reach_cm * relative[i];
  return r;
}

double VirtualPatient::radius_mm(const SpreadContext& ctx, size_t j) const {
  return ctx.base_radius_mm(j, extent_unchanged) + units::cm_to_mm(worst_reach_cm * ctx.relative_at(relative, j));
}

namespace {

// R4 low-discrepancy sequence (Roberts 2018): multiples of 1/φ₄^i, φ₄ the root of x⁵ = x + 1, in 64-bit fixed point.
double r4(std::uint64_t seed, int i) {
  static const std::array<std::uint64_t, 4> step = [] {
    std::array<std::uint64_t, 4> s{};
    long double x = 1.0L;
    for (int k = 0; k < 60; ++k) x = std::pow(1.0L + x, 1.0L / 5.0L);  // fixed point of x = (1 + x)^(1/5)
    for (int k = 0; k < 4; ++k) s[static_cast<size_t>(k)] = static_cast<std::uint64_t>(std::pow(x, -(k + 1.0L)) * 18446744073709551616.0L);
    return s;
  }();
  const std::uint64_t v = seed * step[static_cast<size_t>(i)];
  return (static_cast<double>(v >> 11) + 0.5) * 0x1.0p-53;
}

}  // namespace

DrawNumbers::DrawNumbers(std::uint64_t seed) : centre(r4(seed, 0)), patient(r4(seed, 1)), imatinib(r4(seed, 2)), depth(r4(seed, 3)), rng(seed) {}

VirtualPatient draw_patient(const SpreadContext& ctx, const Parameters& p, const CentreEffect& centre, DrawNumbers& n) {
  VirtualPatient v;
  v.worst_reach_cm = reach_at(p, ctx.covariates, centre, normal_quantile(n.patient));
  random::StandardNormal normal;
  std::array<double, kSectors> e{};
  for (auto& x : e) x = normal(n.rng);
  const double top = *std::max_element(e.begin(), e.end());
  for (size_t i = 0; i < e.size(); ++i) v.relative[i] = std::exp(p.sigma_direction * (e[i] - top));
  v.extent_unchanged = ctx.treated && n.imatinib < p.p_unchanged;
  const double thickness = ctx.thickness_mm(v.extent_unchanged);
  const auto shares = depth_shares(p, ctx.covariates.head_neck, centre.depth);
  // Conditioned on the recorded thickness: the tumour reaches at least that deep.
  const double below = shallower_than(shares, ctx.levels, thickness);
  std::tie(v.depth_mm, v.depth_level) = depth_and_level(shares, ctx.levels, below + n.depth * (1.0 - below));
  if (v.depth_mm < thickness) v.depth_mm = thickness;
  return v;
}

VirtualPatient draw_virtual_patient(const SpreadContext& ctx, std::uint64_t seed) {
  const FittedModel& m = fitted_model();
  DrawNumbers n(seed);
  const Parameters& p = m.draws[static_cast<size_t>(n.rng() % m.draws.size())];
  return draw_patient(ctx, p, new_centre(p, normal_quantile(n.centre), n.rng), n);
}

const char* depth_level_name(int level) {
  static const char* names[] = {"subcutis", "fascia", "muscle", "below the muscle"};
  return names[std::clamp(level, 0, 3)];
}

}  // namespace mv::spread
