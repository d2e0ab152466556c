// The sidebar's panels, driven through a headless ImGui context as a user's mouse and keys would
// (no OpenGL): every widget is found by pointing at the sidebar, then each is Ctrl+clicked and
// typed into, and the whole case is compared before and after. An edit must change one field
// (or one record: a stage, a measurement), never two unrelated ones, and no two widgets may
// share an ID. Issue 9 (1): the plan's margin and the Mohs stage's margin once shared one.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "case/case_io.hpp"
#include "gui/case_document.hpp"
#include "gui/file_browser.hpp"
#include "gui/settings_store.hpp"
#include "gui/sidebar.hpp"
#include "paths.hpp"
#include "test_support.hpp"

namespace mv::app {
namespace {

constexpr float kSidebarWidth = 430.0f, kSidebarHeight = 3600.0f;

// One GUI session on a copy of a case: the panels as gui_app draws them, with the same step from
// the document to the shown geometry between frames.
class PanelHarness {
 public:
  PanelHarness(AnatomyLibrary& library, const std::filesystem::path& case_file) : s_(library) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(kSidebarWidth + 20.0f, kSidebarHeight);
    io.DeltaTime = 1.0f / 30.0f;
    io.IniFilename = nullptr;
    for (int k : {ImGuiKey_Enter, ImGuiKey_Tab, ImGuiKey_Escape, ImGuiKey_Backspace}) io.KeyMap[k] = k;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    const auto problems = s_.doc.open(case_file);
    EXPECT_TRUE(problems.empty()) << format_issues(problems);
    s_.session.set_case(s_.doc.working());
    s_.case_replaced();
    sync_plan(s_);
    applied_ = s_.doc.revision();
  }
  ~PanelHarness() { ImGui::DestroyContext(ctx_); }

  GuiState& state() { return s_; }

  void frame() {
    ImGui::NewFrame();
    s_.begin_frame(ImGui::GetCurrentContext()->ActiveId);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(kSidebarWidth, kSidebarHeight));
    ImGui::Begin("sidebar", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove);
    draw_sidebar_panels(s_, true);
    ImGui::End();
    ImGui::Render();
    hovered_ = ImGui::GetCurrentContext()->HoveredIdPreviousFrame;
    if (s_.doc.revision() != applied_ && !has_errors(s_.doc.issues())) {
      s_.session.set_case(s_.doc.working());
      sync_plan(s_);
    }
    applied_ = s_.doc.revision();
  }
  ImGuiID hovered() {
    frame();  // HoveredId is settled the frame after the mouse arrives
    return ImGui::GetCurrentContext()->HoveredId;
  }
  void mouse(ImVec2 at, bool down, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    io.MouseDown[0] = down;
    io.KeyCtrl = ctrl;
    frame();
  }
  void type(const std::string& text) {
    for (char ch : text) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(ch));
    frame();
  }
  void key(int k) {
    ImGui::GetIO().KeysDown[k] = true;
    frame();
    ImGui::GetIO().KeysDown[k] = false;
    frame();
  }

 private:
  GuiState s_;
  ImGuiContext* ctx_ = nullptr;
  unsigned applied_ = 0;
  ImGuiID hovered_ = 0;
};

nlohmann::json as_json(const Case& c) { return nlohmann::json::parse(serialize_case(c)); }

// Where the edit landed: the longest path every change lies under ("" when they share none).
std::string common_parent(const nlohmann::json& patch) {
  std::vector<std::string> common;
  bool first = true;
  for (const auto& op : patch) {
    std::vector<std::string> parts;
    std::string p = op["path"].get<std::string>(), part;
    for (size_t i = 1; i <= p.size(); ++i)
      if (i == p.size() || p[i] == '/') parts.push_back(part), part.clear();
      else
        part += p[i];
    if (first) common = parts, first = false;
    size_t k = 0;
    while (k < common.size() && k < parts.size() && common[k] == parts[k]) ++k;
    common.resize(k);
  }
  std::string out;
  for (const auto& c : common) out += "/" + c;
  return out;
}

struct Widget {
  ImGuiID id;
  ImVec2 at;
};

// Points at the sidebar on a grid; returns one point per widget found. A widget is a rectangle,
// so down one column its ID is hovered over one unbroken run: a second run of the same ID further
// down is a second widget with that ID.
std::vector<Widget> find_widgets(PanelHarness& h, std::vector<std::string>& duplicates) {
  std::vector<Widget> out;
  std::set<ImGuiID> seen;
  for (float x : {24.0f, 90.0f, 160.0f, 230.0f, 300.0f, 370.0f, 415.0f}) {
    std::map<ImGuiID, float> run_end;  // id -> last y it was hovered at in this column
    ImGuiID previous = 0;
    for (float y = 4.0f; y < kSidebarHeight - 8.0f; y += 5.0f) {
      ImGui::GetIO().MousePos = ImVec2(x, y);
      const ImGuiID id = h.hovered();
      if (id != 0 && id != previous && run_end.count(id))
        duplicates.push_back("ID " + std::to_string(id) + " at x " + std::to_string(static_cast<int>(x)) + ", y " +
                             std::to_string(static_cast<int>(run_end[id])) + " and again at y " + std::to_string(static_cast<int>(y)));
      if (id != 0) run_end[id] = y;
      if (id != 0 && seen.insert(id).second) out.push_back({id, ImVec2(x, y)});
      previous = id;
    }
  }
  return out;
}

class GuiPanels : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<test::ScratchDir>();
    case_file_ = scratch_->path / "abdomen.json";
    std::filesystem::copy_file(test::case_path("han2009-abdomen"), case_file_);
  }
  AnatomyLibrary library_{anatomy_dir()};
  std::unique_ptr<test::ScratchDir> scratch_;
  std::filesystem::path case_file_;
};

TEST_F(GuiPanels, EveryWidgetHasItsOwnIdAndEachEditChangesOneThing) {
  std::vector<std::string> duplicates;
  std::vector<Widget> widgets;
  {
    PanelHarness h(library_, case_file_);
    h.frame();
    widgets = find_widgets(h, duplicates);
  }
  EXPECT_TRUE(duplicates.empty()) << [&] {
    std::string all;
    for (const auto& d : duplicates) all += d + "\n";
    return all;
  }();
  EXPECT_GE(widgets.size(), 40u) << "the sweep found too few widgets";
  int edits = 0;
  for (const Widget& w : widgets) {
    PanelHarness h(library_, case_file_);
    h.frame();
    const nlohmann::json before = as_json(h.state().doc.working());
    // Ctrl+click (a number box turns into a text cell), type, Enter.
    h.mouse(w.at, false);
    h.mouse(w.at, true, true);
    h.mouse(w.at, false, true);
    h.mouse(w.at, false, false);
    h.type("3");
    h.key(ImGuiKey_Enter);
    h.mouse(ImVec2(kSidebarWidth + 10.0f, 2.0f), false);
    const nlohmann::json patch = nlohmann::json::diff(before, as_json(h.state().doc.working()));
    if (patch.empty()) continue;
    ++edits;
    // Adding or deleting a Mohs stage renumbers the surgery's stage steps with it (stage_added,
    // stage_removed): that follows the one edit, so those steps are left out of the comparison.
    nlohmann::json own = nlohmann::json::array();
    const bool stage_edit =
        std::any_of(patch.begin(), patch.end(), [](const auto& op) { return op["path"].template get<std::string>().rfind("/mohs", 0) == 0; });
    for (const auto& op : patch)
      if (!(stage_edit && op["path"].get<std::string>().rfind("/surgery/steps", 0) == 0)) own.push_back(op);
    EXPECT_NE(common_parent(own), "") << "one action at (" << w.at.x << ", " << w.at.y << ") changed unrelated fields:\n" << patch.dump(1);
  }
  EXPECT_GE(edits, 15) << "too few widgets edited the case";
  std::printf("panel sweep: %zu widgets found, %d of them edited the case\n", widgets.size(), edits);
}

// Issue 9 (1), as reported: type 3 into the plan's margin; the Mohs stage-1 margin stays 2.0 and
// only the plan changes.
TEST_F(GuiPanels, TheMapTextureIsGivenBack) {
  // The Mohs map is shown as a GL texture: made once, redrawn in place, deleted with the session.
  std::vector<unsigned> deleted;
  int uploads = 0;
  {
    PanelHarness h(library_, case_file_);
    h.state().upload_texture = [&](const render::Image&, unsigned old) { return ++uploads, old ? old : 7u; };
    h.state().delete_texture = [&](unsigned t) { deleted.push_back(t); };
    h.state().focus_panel = "Mohs stages";
    for (int i = 0; i < 3; ++i) h.frame();
    EXPECT_GE(uploads, 1);
    EXPECT_EQ(h.state().map_texture, 7u);
    EXPECT_TRUE(deleted.empty());
  }
  EXPECT_EQ(deleted, std::vector<unsigned>{7u});
}

TEST_F(GuiPanels, PlanMarginLeavesTheMohsStageAlone) {
  std::vector<std::string> duplicates;
  PanelHarness probe(library_, case_file_);
  probe.frame();
  const ImGuiID plan_margin = ImHashStr("plan margin", 0, ImHashStr("Planning and teaching", 0, ImHashStr("sidebar")));
  std::optional<ImVec2> at;
  for (const Widget& w : find_widgets(probe, duplicates))
    if (w.id == plan_margin) at = w.at;
  ASSERT_TRUE(at) << "the plan's margin box was not found";
  PanelHarness h(library_, case_file_);
  h.frame();
  const Case before = h.state().doc.working();
  h.mouse(*at, true, true);
  h.mouse(*at, false, false);
  h.type("3");
  h.key(ImGuiKey_Enter);
  const Case& after = h.state().doc.working();
  ASSERT_TRUE(after.plan);
  EXPECT_EQ(after.plan->margin_cm[0], 3.0);
  EXPECT_EQ(after.mohs->stages[0].margin_cm, before.mohs->stages[0].margin_cm);
  EXPECT_EQ(h.state().view.plan_request.margin_cm[5], 3.0);  // the shown plan follows
  // One undo step takes it back whole.
  EXPECT_TRUE(h.state().doc.undo());
  EXPECT_EQ(serialize_case(h.state().doc.working()), serialize_case(before));
  EXPECT_FALSE(h.state().doc.dirty());
}

// The widget with `label` inside panel `panel` (as ImGui hashes it), found by pointing.
std::optional<ImVec2> find_widget(PanelHarness& h, const char* panel, const char* label) {
  std::vector<std::string> duplicates;
  const ImGuiID id = ImHashStr(label, 0, ImHashStr(panel, 0, ImHashStr("sidebar")));
  for (const Widget& w : find_widgets(h, duplicates))
    if (w.id == id) return w.at;
  return std::nullopt;
}

// Issue 9 (5): moving the cut in the section view turns the camera to face it (the GUI then
// frames it with the same default_camera as `render --view section`).
TEST_F(GuiPanels, MovingTheCutTurnsTheCamera) {
  PanelHarness h(library_, case_file_);
  h.state().view.mode = ViewMode::Section;
  h.frame();
  const auto at = find_widget(h, "View", "cut along");
  ASSERT_TRUE(at);
  h.state().camera_reset_requested = false;
  h.mouse(*at, true, true);
  h.mouse(*at, false, false);
  h.type("6");
  h.key(ImGuiKey_Enter);
  EXPECT_DOUBLE_EQ(h.state().view.section_clock, 6.0);
  EXPECT_TRUE(h.state().camera_reset_requested);
}

// Issue 9 (4): nothing of one case's teaching session reaches the next case; the tally names
// its case and date.
TEST_F(GuiPanels, TeachingStartsAfreshOnAnotherCase) {
  PanelHarness h(library_, case_file_);
  h.frame();
  GuiState& s = h.state();
  const auto reveal = find_widget(h, "Planning and teaching", "Reveal hidden tumour");
  ASSERT_TRUE(reveal);
  h.mouse(*reveal, true);
  h.mouse(*reveal, false);
  ASSERT_EQ(s.tally.rows.size(), 1u);
  ASSERT_TRUE(s.view.reveal_seed);
  const std::string csv = s.tally.csv();
  EXPECT_EQ(csv.rfind("case_id,date,scenario,seed,", 0), 0u) << csv;
  EXPECT_NE(csv.find("\"han2009-abdomen\","), std::string::npos) << csv;
  ASSERT_TRUE(s.doc.open(test::case_path("han2009-scalp")).empty());
  s.session.set_case(s.doc.working());
  s.case_replaced();
  EXPECT_TRUE(s.tally.rows.empty());
  EXPECT_EQ(s.tally.case_id, "han2009-scalp");
  EXPECT_FALSE(s.view.reveal_seed);
  EXPECT_EQ(s.next_seed, 1u);
}

// Issue 9 (7): edit -> undo -> redo -> save, file by file; deleting a stage or a measurement is
// undoable; the history survives Save; a drag is one step.
TEST_F(GuiPanels, UndoRedoSurvivesSaveAndRestoresDeletions) {
  CaseDocument doc;
  ASSERT_TRUE(doc.open(case_file_).empty());
  const std::string original = serialize_case(doc.working());
  EXPECT_FALSE(doc.can_undo());
  doc.edit().measurements[0].x_cm = 9.1;
  doc.changed();
  const std::string edited = serialize_case(doc.working());
  doc.edit().mohs->stages.pop_back();  // "Delete stage", as the Mohs panel does it
  stage_removed(doc.edit(), 2);
  doc.changed();
  doc.edit().measurements.erase(doc.edit().measurements.begin());  // a measurement deleted
  doc.changed();
  ASSERT_TRUE(doc.undo());
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(serialize_case(doc.working()), edited);
  EXPECT_EQ(doc.working().mohs->stages.size(), 3u);
  ASSERT_TRUE(doc.redo());
  EXPECT_EQ(doc.working().mohs->stages.size(), 2u);
  EXPECT_EQ(doc.working().surgery->steps.size(), 3u);  // its step went with it
  ASSERT_TRUE(doc.undo());
  // Save, then keep undoing: the history is still there, and the saved state is "not dirty".
  const auto saved = scratch_->path / "saved.json";
  ASSERT_EQ(doc.save_as(saved), "");
  EXPECT_FALSE(doc.dirty());
  EXPECT_EQ(test::slurp_file(saved), edited);
  ASSERT_TRUE(doc.undo());
  EXPECT_TRUE(doc.dirty());
  EXPECT_EQ(serialize_case(doc.working()), original);
  ASSERT_TRUE(doc.redo());
  EXPECT_FALSE(doc.dirty());  // back at what is on disk
  EXPECT_EQ(serialize_case(doc.working()), test::slurp_file(saved));
  // A new edit after an undo drops the redo branch.
  ASSERT_TRUE(doc.undo());
  doc.edit().case_id = "other";
  doc.changed();
  EXPECT_FALSE(doc.can_redo());
  // One gesture (a drag across frames) is one step; the next gesture is another.
  doc.set_gesture(42);
  for (double x : {1.0, 1.1, 1.2}) doc.edit().measurements[0].y_cm = x, doc.changed();
  doc.set_gesture(0);
  doc.set_gesture(42);
  doc.edit().measurements[0].y_cm = 5.0;
  doc.changed();
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.working().measurements[0].y_cm, 1.2);
  // An edit while another widget has just become active (a click on the map while a text cell
  // was being typed in) is a step of its own.
  unsigned active = 7;
  doc.set_active_widget([&] { return active; });
  doc.set_gesture(7);
  doc.edit().case_id = "typed";
  doc.changed();
  active = 9;  // the click moved activity this frame
  doc.edit().measurements[0].x_cm = 4.4;
  doc.changed();
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.working().case_id, "typed");
  doc.set_active_widget({});
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.working().case_id, "other");
  EXPECT_NE(doc.working().measurements[0].y_cm, 1.0);
}

}  // namespace
}  // namespace mv::app

namespace mv::app {
namespace {

// Issue 9 (8): the file browser lists folders, then case files, without hidden entries; a name
// typed without an extension saves as .json; recent files are remembered, newest first, once each.
TEST(FileBrowser, ListsFoldersThenCaseFilesAndRemembersRecentOnes) {
  test::ScratchDir dir;
  std::filesystem::create_directories(dir.path / "b-folder");
  std::filesystem::create_directories(dir.path / ".hidden");
  for (const char* f : {"z.json", "a.json", "notes.txt", ".x.json"}) std::ofstream(dir.path / f) << "{}";
  const auto entries = FileBrowser::list(dir.path);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].name, "b-folder");
  EXPECT_TRUE(entries[0].folder);
  EXPECT_EQ(entries[1].name, "a.json");
  EXPECT_EQ(entries[2].name, "z.json");
  EXPECT_EQ(FileBrowser::save_target(dir.path, "case-7"), dir.path / "case-7.json");
  EXPECT_EQ(FileBrowser::save_target(dir.path, "case.json"), dir.path / "case.json");

  Settings s;
  for (int i = 0; i < 10; ++i) s.add_recent(dir.path / ("c" + std::to_string(i) + ".json"));
  s.add_recent(dir.path / "c5.json");
  ASSERT_EQ(s.recent.size(), Settings::kRecent);
  EXPECT_EQ(s.recent[0], dir.path / "c5.json");
  EXPECT_EQ(std::count(s.recent.begin(), s.recent.end(), dir.path / "c5.json"), 1);
  s.window_w = 1300, s.sidebar_width = 380.0f, s.sidebar_shown = false;
  const auto file = dir.path / "config" / "settings.json";
  ASSERT_EQ(save_settings(s, file), "");
  const Settings back = load_settings(file);
  EXPECT_EQ(back.recent, s.recent);
  EXPECT_EQ(back.window_w, 1300);
  EXPECT_FALSE(back.sidebar_shown);
  EXPECT_EQ(back.last_folder, dir.path);
  std::ofstream(file) << "not json";
  EXPECT_TRUE(load_settings(file).recent.empty());  // a broken file gives the defaults, never an error
}

}  // namespace
}  // namespace mv::app
