// Case files: parsing, every problem at once with its path, schema versions, unknown keys kept,
// atomic saving that never damages the old file.
#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <sstream>
#include <sys/stat.h>

#include "case/case_io.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

nlohmann::json minimal() {
  return nlohmann::json::parse(R"({
    "schema_version": "1.0", "case_id": "t-1", "site": "thigh",
    "lesion": {"position": {"azimuth_deg": 10, "height_cm": 5}},
    "measurements": [{"label": "consultation", "day": 0, "x_cm": 4, "y_cm": 5}]})");
}

bool mentions(const std::vector<Issue>& issues, const std::string& path, const std::string& text) {
  for (const auto& i : issues)
    if (i.path == path && i.text().find(text) != std::string::npos) return true;
  return false;
}

TEST(CaseIo, BundledCasesLoadCleanly) {
  for (const char* id : {"han2009-scalp", "han2009-abdomen", "han2009-thigh", "han2009-ankle"}) {
    const auto load = load_case_file(test::case_path(id));
    ASSERT_TRUE(load.value) << format_issues(load.issues);
    EXPECT_TRUE(load.issues.empty()) << id << ": " << format_issues(load.issues);
    EXPECT_TRUE(load.value->illustrative) << id;
  }
}

TEST(CaseIo, ReportsEveryProblemAtOnceWithPathValueAndExpectation) {
  auto j = minimal();
  j["measurements"][0]["x_cm"] = -2;
  j["measurements"][0]["y_cm"] = "abc";
  j["site"] = "elbow";
  j["measurements"].push_back({{"label", "preoperative"}, {"day", 90}, {"x_cm", 0}, {"y_cm", 3}});
  const auto load = parse_case(j.dump());
  EXPECT_FALSE(load.value);
  EXPECT_TRUE(mentions(load.issues, "measurements[0].y_cm", "\"abc\" — must be a number in cm"));
  EXPECT_TRUE(mentions(load.issues, "site", "\"elbow\" — unknown site; expected one of: scalp, abdomen, thigh, ankle"));
  // Type errors stop before range checks; the range rules are exercised below.
  auto k = minimal();
  k["measurements"][0]["x_cm"] = -2;
  k["measurements"].push_back({{"label", "preoperative"}, {"day", 90}, {"x_cm", 0}, {"y_cm", 3}});
  const auto ranges = parse_case(k.dump());
  EXPECT_TRUE(mentions(ranges.issues, "measurements[0].x_cm", "-2 — must be ≥ 0.1 and ≤ 60 (cm)")) << format_issues(ranges.issues);
  EXPECT_TRUE(mentions(ranges.issues, "measurements[1].x_cm", "0 — must be ≥ 0.1 and ≤ 60 (cm)"));
}

TEST(CaseIo, NewerMajorSchemaIsRefused) {
  auto j = minimal();
  j["schema_version"] = "2.0";
  const auto load = parse_case(j.dump());
  ASSERT_FALSE(load.value);
  EXPECT_TRUE(mentions(load.issues, "schema_version", "newer marginviz"));
  j["schema_version"] = "1.7";  // a newer minor version of the same major still loads
  EXPECT_TRUE(parse_case(j.dump()).value);
}

TEST(CaseIo, UnknownKeysSurviveASaveAndReload) {
  auto j = minimal();
  j["referring_team"] = "sarcoma MDT";
  j["measurements"][0]["photo"] = "IMG_0042";
  j["lesion"]["note"] = "hash marks at 12 and 6";
  const auto load = parse_case(j.dump());
  ASSERT_TRUE(load.value);
  const auto again = nlohmann::json::parse(serialize_case(*load.value));
  EXPECT_EQ(again["referring_team"], "sarcoma MDT");
  EXPECT_EQ(again["measurements"][0]["photo"], "IMG_0042");
  EXPECT_EQ(again["lesion"]["note"], "hash marks at 12 and 6");
  const auto reloaded = parse_case(again.dump());
  ASSERT_TRUE(reloaded.value);
  EXPECT_EQ(serialize_case(*reloaded.value), serialize_case(*load.value));
}

TEST(CaseIo, SavingKeepsNestedUnknownKeysAndWritesWholeNumbersPlainly) {
  auto j = minimal();
  j["lesion"]["position"]["landmark_note"] = "3 cm below the umbilicus";
  j["imatinib"] = {{"dose_mg_per_day", 400}, {"start", {{"day", 0}, {"note", "first dose"}}}, {"stop", {{"day", 90}}}};
  j["illustrative"] = {{"note", "constructed"}, {"constructed", {"measurements[0].x_cm"}}, {"reviewer", "MDT"}};
  const auto load = parse_case(j.dump());
  ASSERT_TRUE(load.value) << format_issues(load.issues);
  const std::string text = serialize_case(*load.value);
  const auto again = nlohmann::json::parse(text);
  EXPECT_EQ(again["lesion"]["position"]["landmark_note"], "3 cm below the umbilicus");
  EXPECT_EQ(again["imatinib"]["start"]["note"], "first dose");
  EXPECT_EQ(again["illustrative"]["reviewer"], "MDT");
  EXPECT_NE(text.find("\"dose_mg_per_day\": 400,"), std::string::npos) << text;
  // Documented order: the schema version first, then the case id.
  EXPECT_LT(text.find("schema_version"), text.find("case_id"));
}

TEST(CaseIo, StrictNumbersDatesAndProvenance) {
  auto j = minimal();
  j["measurements"][0].erase("day");
  j["measurements"][0]["date"] = " 2007-03-1";
  EXPECT_TRUE(mentions(parse_case(j.dump()).issues, "measurements[0].date", "must be an ISO date"));
  auto k = minimal();
  k["illustrative"] = {{"note", "n"}, {"constructed", {"measurements[0].x_cm", 7}}};
  EXPECT_TRUE(mentions(parse_case(k.dump()).issues, "illustrative.constructed[1]", "7 — must be a JSON path string"));
  auto t = minimal();
  t["site"] = "ankle";
  t["tissue_mm"] = {{"subcutaneous-fat", 30}};
  EXPECT_TRUE(mentions(parse_case(t.dump()).issues, "tissue_mm", "mm in all — the layers together must be ≤ 20 mm at the ankle"));
}

TEST(CaseIo, IdentifierLikeKeysAreWarnedAbout) {
  auto j = minimal();
  j["dob"] = "1950-01-01";
  const auto load = parse_case(j.dump());
  ASSERT_TRUE(load.value);
  EXPECT_TRUE(mentions(load.issues, "dob", "patient identifier"));
}

TEST(CaseIo, EmptyTruncatedAndNonObjectFilesAreErrors) {
  EXPECT_TRUE(mentions(parse_case("").issues, "", "the file is empty"));
  EXPECT_TRUE(mentions(parse_case("{\"schema_version\": \"1.0\", \"case").issues, "", "not valid JSON"));
  EXPECT_TRUE(mentions(parse_case("[1, 2]").issues, "", "expected a JSON object"));
}

class SaveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() /
          ("marginviz-save-" + std::to_string(::getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  void TearDown() override {
    ::chmod(dir.c_str(), 0755);
    std::filesystem::remove_all(dir);
  }
  std::filesystem::path dir;
};

TEST_F(SaveTest, SaveKeepsTheOldVersionAsBak) {
  const auto c = *parse_case(minimal().dump()).value;
  const auto path = dir / "case.json";
  save_case_file(c, path);
  const std::string first = slurp(path);
  Case changed = c;
  changed.measurements[0].x_cm = 4.5;
  save_case_file(changed, path);
  EXPECT_EQ(slurp(dir / "case.json.bak"), first);
  EXPECT_NE(slurp(path), first);
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 2u) << "no temporary file may be left behind";
}

TEST_F(SaveTest, SaveKeepsPermissionsAndSymbolicLinks) {
  const auto c = *parse_case(minimal().dump()).value;
  const auto real = dir / "real.json", link = dir / "link.json";
  save_case_file(c, real);
  ::chmod(real.c_str(), 0600);
  std::filesystem::create_symlink(real, link);
  Case changed = c;
  changed.measurements[0].x_cm = 4.5;
  save_case_file(changed, link);
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_NE(slurp(real).find("4.5"), std::string::npos);
  struct stat st {};
  ::stat(real.c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(SaveTest, FailedSaveLeavesTheFileByteIdentical) {
  const auto c = *parse_case(minimal().dump()).value;
  const auto path = dir / "case.json";
  save_case_file(c, path);
  const std::string before = slurp(path);
  Case invalid = c;
  invalid.measurements[0].x_cm = -1.0;
  EXPECT_THROW(save_case_file(invalid, path), std::runtime_error);
  EXPECT_EQ(slurp(path), before);
  if (::geteuid() != 0) {  // root ignores permissions
    ::chmod(dir.c_str(), 0555);
    Case other = c;
    other.measurements[0].x_cm = 3.0;
    EXPECT_THROW(save_case_file(other, path), std::runtime_error);
    EXPECT_EQ(slurp(path), before);
  }
  Case bad_text = c;
  bad_text.case_id = "ok";
  bad_text.measurements[0].label = std::string("\xff\xfe", 2);  // not UTF-8: refused before touching disk
  EXPECT_THROW(save_case_file(bad_text, path), std::runtime_error);
  EXPECT_EQ(slurp(path), before);
}

TEST_F(SaveTest, NonFiniteNumbersAndTextThatIsNotUtf8AreRefusedBeforeTheDisk) {
  const auto c = *parse_case(minimal().dump()).value;
  const auto path = dir / "case.json";
  save_case_file(c, path);
  const std::string before = slurp(path);
  auto refused = [&](const Case& bad, const std::string& field) {
    try {
      serialize_case(bad);
      ADD_FAILURE() << field << " was written";
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()).rfind(field + ":", 0), 0u) << e.what();
    }
    EXPECT_THROW(save_case_file(bad, path), std::runtime_error);
    EXPECT_EQ(slurp(path), before);
    EXPECT_EQ(test::file_names(dir), (std::vector<std::string>{"case.json"})) << "nothing else may be written";
  };
  Case inf = c;
  inf.lesion.twelve_oclock_deg = std::numeric_limits<double>::infinity();
  refused(inf, "lesion.twelve_oclock_deg");
  Case nan = c;
  nan.measurements[0].thickness_mm = std::nan("");
  refused(nan, "measurements[0].thickness_mm");
  Case bad_id = c;
  bad_id.case_id = std::string("t-\xc3\x28", 4);  // a broken two-byte sequence
  refused(bad_id, "case_id");
  Case bad_extra = c;
  bad_extra.measurements[0].extra["note"] = std::string("over\xed\xa0\x80long", 9);  // a UTF-16 surrogate
  refused(bad_extra, "measurements[0].note");
  Case fine = c;
  fine.case_id = "t-\xc3\xa9\xe2\x80\x94\xf0\x9f\x99\x82";  // é, an em dash, an emoji: all UTF-8
  EXPECT_NO_THROW(serialize_case(fine));
}

TEST_F(SaveTest, OversizedFilesAreRefusedUnread) {
  const auto path = dir / "huge.json";
  std::ofstream(path) << std::string(kMaxCaseFileBytes + 1, ' ');
  const auto load = load_case_file(path);
  EXPECT_FALSE(load.value);
  EXPECT_TRUE(mentions(load.issues, "", "-byte limit"));
}

TEST(CaseIo, AFileThatReadsButFailsValidationIsAvailableAsADraft) {
  auto j = minimal();
  j["measurements"][0]["x_cm"] = -3;
  const auto load = parse_case(j.dump());
  EXPECT_FALSE(load.value);
  ASSERT_TRUE(load.draft);
  EXPECT_DOUBLE_EQ(load.draft->measurements[0].x_cm, -3.0);
  EXPECT_FALSE(parse_case("{\"case_id\": 3}").draft) << "a file that does not read is no draft";
}

}  // namespace
}  // namespace mv
