// The desktop app: a GLFW window with the 3D view filling it and a sidebar of ImGui panels.
#include "gui_app.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <cmath>

#include <glm/geometric.hpp>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include <epoxy/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui_stdlib.h>

#include "glfw_window.hpp"
#include "gui_state.hpp"
#include "sidebar.hpp"
#include "case_io.hpp"
#include "image.hpp"
#include "png_file.hpp"
#include "lesion_frame.hpp"
#include "placement.hpp"
#include "paths.hpp"
#include "renderer.hpp"
#include "work_keeper.hpp"

namespace mv::app {
namespace {

enum class Pending { None, Open, Quit };

struct Window : GlfwWindow {
  Window()
      : GlfwWindow(1440, 900, true, "no display for the desktop app (is DISPLAY set?). Headless use: marginviz render CASE -o out.png") {
    glfwSwapInterval(1);
  }
};

class GuiApp {
 public:
  GuiApp(Window& w, AnatomyLibrary& library, const std::filesystem::path& case_path)
      : window_(w), library_(library), state_(library_), renderer_(font_file()) {
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window_.handle, &sx, &sy);
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
    glfwGetWindowSize(window_.handle, &win_w, &win_h);
    const float fb_ratio = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    // The 3D view works in framebuffer pixels (scale_); ImGui in window units, which the platform
    // already scales on macOS and Wayland (fb_ratio > 1), so ImGui gets only what is left.
    scale_ = std::max(1.0f, sx);
    imgui_scale_ = std::max(1.0f, sx / fb_ratio);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    // Latin-1 plus the punctuation and symbols our messages use: — ≤ ≥ → ± − ≈ ·.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0x2212, 0x2212, 0x2248, 0x2248, 0x2264, 0x2265, 0};
    io.Fonts->AddFontFromFileTTF(font_file().c_str(), 16.0f * imgui_scale_, nullptr, ranges);
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.ScaleAllSizes(imgui_scale_);
    ImGui_ImplGlfw_InitForOpenGL(window_.handle, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    state_.upload_texture = [](const render::Image& image, unsigned texture) {
      if (!texture) glGenTextures(1, &texture);
      glBindTexture(GL_TEXTURE_2D, texture);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
      glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
      return texture;
    };
    glfwSetWindowUserPointer(window_.handle, this);
    glfwSetWindowCloseCallback(window_.handle, [](GLFWwindow* h) {
      auto* self = static_cast<GuiApp*>(glfwGetWindowUserPointer(h));
      if (self->state_.doc.dirty()) {
        glfwSetWindowShouldClose(h, GLFW_FALSE);
        self->pending_ = Pending::Quit;
        self->confirm_discard_ = true;
      }
    });
    if (const std::string why = open_case(case_path); !why.empty()) {
      // The requested file could not be opened: say why, over the demo case.
      if (const std::string demo_why = open_case(demo_case_path()); !demo_why.empty()) throw std::runtime_error(why + "\n" + demo_why);
      message_ = "Could not open " + case_path.string() + " — showing the bundled demo case instead.\n" + why;
    }
    last_motion_ = glfwGetTime();  // the first frames come quickly without MSAA; the still view then gets it
    if (const char* shot = std::getenv("MARGINVIZ_GUI_SCREENSHOT"); shot && *shot) auto_screenshot_ = shot;
    report_first_frame_ = std::getenv("MARGINVIZ_GUI_FIRST_FRAME") != nullptr;
  }

  ~GuiApp() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }

  // Runs the app. A clean exit removes the autosave; if anything escapes, unsaved edits are
  // autosaved first, and the next start offers them.
  int run_keeping_work() {
    try {
      const int rc = run();
      keeper_.discard();
      return rc;
    } catch (const std::exception& e) {
      if (state_.doc.dirty()) {
        const std::string kept = keeper_.keep_now(state_.doc);
        throw std::runtime_error(std::string(e.what()) + (kept.empty() ? "\nUnsaved edits could not be kept: " + keeper_.problem()
                                                                       : "\nUnsaved edits were kept in " + kept + "; marginviz offers them at its next start."));
      }
      keeper_.discard();  // saved or discarded work must not be offered again at the next start
      throw;
    }
  }

  int run() {
    while (!glfwWindowShouldClose(window_.handle)) {
      // Idle, the app sleeps until an event (or briefly, to finish a smooth redraw or a scan read).
      const bool busy = scan_loading_.valid() || glfwGetTime() - last_motion_ < 0.6 || !auto_screenshot_.empty();
      if (busy) glfwPollEvents();
      else glfwWaitEventsTimeout(0.5);
      try {
        apply_edits();
      } catch (const std::exception& e) {
        state_.geometry_problem = std::string("Could not update the view: ") + e.what() + " — your edits are kept.";
      }
      keeper_.tick(state_.doc, glfwGetTime());
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      // The widget being dragged or typed in: its changes, frame after frame, are one undo step.
      state_.doc.set_gesture(ImGui::GetCurrentContext()->ActiveId);
      state_.view.highlight_stage = state_.view.highlight_block = -1;
      hover_block_in_view();
      draw_ui();
      handle_view_input();
      ImGui::Render();
      draw_frame();
      if (!auto_screenshot_.empty() && ++frames_ == 6) {
        // Test hook: the whole window, panels included, then quit.
        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
        save_png(render::read_framebuffer(0, fb_w, fb_h), auto_screenshot_);
        quit_now_ = true;
      }
      glfwSwapBuffers(window_.handle);
      if (report_first_frame_) {
        // Benchmark hook (scripts/bench.sh): when the first frame reached the screen, then quit.
        glFinish();
        std::cerr << "marginviz: first frame at " << std::chrono::duration_cast<std::chrono::microseconds>(
                                                        std::chrono::system_clock::now().time_since_epoch()).count() << " us\n";
        quit_now_ = true;
      }
      if (quit_now_) break;
    }
    return 0;
  }

 private:
  // Returns why the file could not be opened (the current case then stays), or "" on success.
  std::string open_case(const std::filesystem::path& path) {
    CaseDocument candidate;
    if (const auto problems = candidate.open(path); !problems.empty()) return format_issues(problems);
    try {
      state_.session.set_case(candidate.working());
    } catch (const std::exception& e) {
      return e.what();
    }
    state_.doc = std::move(candidate);
    applied_revision_ = state_.doc.revision();
    state_.time = state_.session.time();
    state_.case_replaced();
    sync_plan(state_);
    refresh_metrics();
    reset_camera();
    path_input_ = path.string();
    update_title();
    return {};
  }

  void refresh_metrics() {
    try {
      state_.metrics = compute_metrics(state_.session.current_case(), state_.session.site_model(), state_.session.frame(), state_.session.quality);
    } catch (const std::exception&) {
      state_.metrics.reset();
    }
  }

  void reset_camera() { state_.camera.reset(default_camera(state_.session, state_.view)); }

  void update_title() {
    const std::string title = "marginviz — " + state_.doc.working().case_id + (state_.doc.dirty() ? " *" : "") + " (" +
                              state_.doc.path().filename().string() + ")";
    glfwSetWindowTitle(window_.handle, title.c_str());
  }

  // Carries edits from the document into the geometry when they are valid.
  void apply_edits() {
    if (state_.doc.revision() != applied_revision_) {
      // A new surface scan is read on a worker thread with a progress bar; the view stays live and
      // edits wait. Once read, the case is shown from the library's cache.
      const Case& doc = state_.doc.working();
      const auto& have = state_.session.has_case() ? state_.session.current_case().anatomy : std::optional<UserAnatomy>{};
      const bool new_scan = doc.anatomy && (!have || have->mesh != doc.anatomy->mesh || have->unit != doc.anatomy->unit);
      if (new_scan) {
        if (!scan_loading_.valid()) {
          scan_progress_ = 0.0f;
          scan_loading_ = std::async(std::launch::async, [this, path = scan_path(doc), unit = doc.anatomy->unit, site = doc.site, t = doc.tissue] {
            library_.get_scan(site, path, unit, t, [this](float f) { scan_progress_ = f; });
          });
        }
        if (scan_loading_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
        try {
          scan_loading_.get();
        } catch (const std::exception& e) {
          state_.geometry_problem = std::string("anatomy.mesh: ") + e.what();
          applied_revision_ = state_.doc.revision();
          return;
        }
      }
      applied_revision_ = state_.doc.revision();
      update_title();
      if (has_errors(state_.doc.issues())) {
        state_.geometry_problem = "Showing the last valid state: fix the errors marked in red.";
        state_.metrics.reset();
      } else {
        const Site before = state_.session.current_case().site;
        try {
          state_.session.set_case(state_.doc.working());
          state_.time = state_.session.time();
          sync_plan(state_);
          state_.geometry_problem.clear();
          refresh_metrics();
          if (before != state_.session.current_case().site) state_.camera_reset_requested = true;
        } catch (const std::exception& e) {
          state_.geometry_problem = e.what();
        }
      }
    }
    if (state_.time_changed) {
      state_.time_changed = false;
      state_.session.set_time(state_.time);
    }
    if (state_.camera_reset_requested) {
      state_.camera_reset_requested = false;
      reset_camera();
    }
  }

  void draw_ui() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    if (ImGui::BeginMainMenuBar()) {
      if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open...", "Ctrl+O")) request_open();
        if (ImGui::MenuItem("Save", "Ctrl+S")) save(state_.doc.path());
        if (ImGui::MenuItem("Save As...")) save_as_popup_ = true;
        if (ImGui::MenuItem("Import surface scan...")) scan_popup_ = true;
        if (ImGui::MenuItem("Screenshot", "F12")) state_.screenshot_requested = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) glfwSetWindowShouldClose(window_.handle, GLFW_TRUE), request_quit();
        ImGui::EndMenu();
      }
      if (ImGui::BeginMenu("Edit")) {
        if (ImGui::MenuItem("Undo", "Ctrl+Z", false, state_.doc.can_undo())) state_.doc.undo();
        if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z / Ctrl+Y", false, state_.doc.can_redo())) state_.doc.redo();
        ImGui::EndMenu();
      }
      if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Left-drag: orbit   Middle-drag or Shift+left-drag: pan", nullptr, false, false);
        ImGui::MenuItem("Wheel: zoom   Double-click: re-centre   R: reset   F12: screenshot", nullptr, false, false);
        ImGui::MenuItem("For illustration and teaching, not for clinical decisions.", nullptr, false, false);
        ImGui::EndMenu();
      }
      ImGui::EndMainMenuBar();
    }
    sidebar_width_ = 430.0f * imgui_scale_;
    const float top = ImGui::GetFrameHeight();
    menu_height_ = top;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + top));
    ImGui::SetNextWindowSize(ImVec2(sidebar_width_, vp->Size.y - top));
    ImGui::Begin("sidebar", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse);
    if (scan_loading_.valid()) {
      ImGui::TextWrapped("Reading the surface scan %s", state_.doc.working().anatomy ? state_.doc.working().anatomy->mesh.c_str() : "");
      ImGui::ProgressBar(scan_progress_.load(), ImVec2(-FLT_MIN, 0.0f));
    }
    for (const auto& note : state_.session.notes()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.8f, 0.35f, 1.0f));
      ImGui::TextWrapped("%s", note.c_str());
      ImGui::PopStyleColor();
    }
    for (const std::string* problem : {static_cast<const std::string*>(&state_.geometry_problem), &keeper_.problem()}) {
      if (problem->empty()) continue;
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.45f, 1.0f));
      ImGui::TextWrapped("%s", problem->c_str());
      ImGui::PopStyleColor();
    }
    draw_sidebar_panels(state_);
    ImGui::End();
    draw_popups();
  }

  void request_open() {
    if (scan_loading_.valid()) {
      message_ = "A surface scan is being read: open another case when it is done.";
      return;
    }
    pending_ = Pending::Open;
    if (state_.doc.dirty()) confirm_discard_ = true;
    else open_popup_ = true;
  }
  void request_quit() {
    if (state_.doc.dirty()) {
      glfwSetWindowShouldClose(window_.handle, GLFW_FALSE);
      pending_ = Pending::Quit;
      confirm_discard_ = true;
    }
  }

  void save(const std::filesystem::path& path) {
    const std::string error = state_.doc.save_as(path);
    message_ = error.empty() ? "Saved " + path.string() + " (previous version kept as .bak)" : error;
    update_title();
  }

  void draw_popups() {
    keeper_.draw_offer(imgui_scale_, [&](RecoverableWork& w) {
      state_.doc.recover(std::move(w.work), w.case_path);
      state_.case_replaced();
      path_input_ = w.case_path.string();
      state_.camera_reset_requested = true;
    });
    if (open_popup_) ImGui::OpenPopup("Open case"), open_popup_ = false;
    if (save_as_popup_) ImGui::OpenPopup("Save case as"), save_as_popup_ = false;
    if (confirm_discard_) ImGui::OpenPopup("Unsaved changes"), confirm_discard_ = false;
    if (scan_popup_) ImGui::OpenPopup("Import surface scan"), scan_popup_ = false;
    if (ImGui::BeginPopupModal("Import surface scan", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::TextWrapped("The patient's skin surface (OBJ, STL, PLY, glTF, GLB). Declare its unit: it is never guessed.");
      ImGui::SetNextItemWidth(560.0f * imgui_scale_);
      ImGui::InputText("file", &scan_path_);
      ImGui::Combo("unit", &scan_unit_, "mm\0cm\0m\0");
      if (ImGui::Button("Import")) {
        Case& c = state_.doc.edit();
        c.anatomy = UserAnatomy{std::filesystem::absolute(scan_path_).string(), scan_unit_ == 0 ? "mm" : scan_unit_ == 1 ? "cm" : "m", {}};
        state_.doc.changed();
        state_.camera_reset_requested = true;
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
    if (!message_.empty()) ImGui::OpenPopup("marginviz");
    auto path_dialog = [&](const char* title, const char* action, auto&& on_accept) {
      if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Case file path (.json):");
        ImGui::SetNextItemWidth(560.0f * imgui_scale_);
        const bool enter = ImGui::InputText("##path", &path_input_, ImGuiInputTextFlags_EnterReturnsTrue);
        if (ImGui::Button(action) || enter) {
          ImGui::CloseCurrentPopup();
          on_accept(std::filesystem::path(path_input_));
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
      }
    };
    path_dialog("Open case", "Open", [&](const std::filesystem::path& p) {
      if (const std::string why = open_case(p); !why.empty()) message_ = "Could not open " + p.string() + " — the current case is unchanged.\n" + why;
    });
    path_dialog("Save case as", "Save", [&](const std::filesystem::path& p) { save(p); });
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::Text("%s has unsaved changes.", state_.doc.working().case_id.c_str());
      if (ImGui::Button("Save")) {
        save(state_.doc.path());
        ImGui::CloseCurrentPopup();
        if (!state_.doc.dirty()) continue_pending();
      }
      ImGui::SameLine();
      if (ImGui::Button("Discard changes")) {
        ImGui::CloseCurrentPopup();
        continue_pending();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) {
        pending_ = Pending::None;
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }
    if (ImGui::BeginPopupModal("marginviz", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::PushTextWrapPos(640.0f * imgui_scale_);
      ImGui::TextUnformatted(message_.c_str());
      ImGui::PopTextWrapPos();
      if (ImGui::Button("OK")) {
        message_.clear();
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }
  }

  void continue_pending() {
    if (pending_ == Pending::Open) open_popup_ = true;
    if (pending_ == Pending::Quit) quit_now_ = true;
    pending_ = Pending::None;
  }

  // The Mohs block under the mouse in the 3D view (outlined there and on the map).
  void hover_block_in_view() {
    ImGuiIO& io = ImGui::GetIO();
    if (!state_.view.mohs || io.WantCaptureMouse || !state_.session.has_case()) return;
    const MohsReconstruction* rec = state_.session.mohs(state_.view.through_stage);
    if (!rec) return;
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
    glfwGetWindowSize(window_.handle, &win_w, &win_h);
    const float px = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    const auto p = renderer_.pick(static_cast<int>((io.MousePos.x - sidebar_width_) * px), static_cast<int>((io.MousePos.y - menu_height_) * px));
    if (!p) return;
    const LesionFrame& f = state_.session.frame();
    const glm::dvec3 v = glm::dvec3(*p) - f.centre;
    const double theta = std::atan2(glm::dot(v, f.twelve), glm::dot(v, f.three));
    const double r = std::hypot(glm::dot(v, f.twelve), glm::dot(v, f.three));
    const double hour = angle_to_clock(theta);
    for (int k = 0; k < rec->stages; ++k) {
      if (r > rec->defects[static_cast<size_t>(k)].radius_at(theta)) continue;  // outside this stage's wound
      const auto& blocks = state_.session.current_case().mohs->stages[static_cast<size_t>(k)].blocks;
      for (size_t b = 0; b < blocks.size(); ++b)
        if (blocks[b].span.contains(hour)) {
          state_.view.highlight_stage = k;
          state_.view.highlight_block = static_cast<int>(b);
          return;
        }
    }
  }

  void handle_view_input() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantCaptureKeyboard) {
      if (ImGui::IsKeyPressed(GLFW_KEY_R, false)) state_.camera.go_home();
      if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) state_.screenshot_requested = true;
      if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_S, false)) save(state_.doc.path());
      if (io.KeyCtrl && !io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) state_.doc.undo();
      if (io.KeyCtrl && ((io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) || ImGui::IsKeyPressed(GLFW_KEY_Y, false))) state_.doc.redo();
      if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) request_open();
      if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) glfwSetWindowShouldClose(window_.handle, GLFW_TRUE), request_quit();
    }
    if (io.WantCaptureMouse) return;
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
    glfwGetWindowSize(window_.handle, &win_w, &win_h);
    const float px = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    const glm::vec2 delta{io.MouseDelta.x * px, io.MouseDelta.y * px};
    if (state_.place_by_click && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      // A ray pick through the depth buffer: the point on the skin under the cursor.
      const int x = static_cast<int>((io.MousePos.x - sidebar_width_) * px), y = static_cast<int>((io.MousePos.y - menu_height_) * px);
      if (auto p = renderer_.pick(x, y)) {
        // The recorded placement must bring the lesion back to the clicked point (not to another
        // part of the skin along the same ray): check before writing it.
        const LesionPlacement placement = placement_for_point(glm::dvec3(*p), state_.doc.working().lesion.twelve_oclock_deg);
        bool lands = false;
        try {
          const double off = glm::length(place_lesion(state_.session.site_model().skin, placement).centre - glm::dvec3(*p));
          lands = off < 30.0;  // the pick reads the depth of the first opaque layer, up to ~30 mm under the skin
        } catch (const PlacementError&) {
        }
        if (lands) {
          state_.doc.edit().lesion = placement;
          state_.doc.changed();
          state_.camera_reset_requested = true;
        } else {
          message_ = "That point cannot be recorded as a lesion position on this anatomy (the ray from the body axis meets the skin elsewhere first). Set the position fields instead.";
        }
      }
      state_.place_by_click = false;
    } else if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
      const int x = static_cast<int>((io.MousePos.x - sidebar_width_) * px), y = static_cast<int>((io.MousePos.y - menu_height_) * px);
      if (auto p = renderer_.pick(x, y)) state_.camera.recentre(*p);
    } else if (ImGui::IsMouseDragging(ImGuiMouseButton_Middle) || (io.KeyShift && ImGui::IsMouseDragging(ImGuiMouseButton_Left))) {
      state_.camera.pan(delta, static_cast<float>(fb_h) - menu_height_ * px);
    } else if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
      state_.camera.orbit(delta);
    }
    if (io.MouseWheel != 0.0f) state_.camera.zoom(io.MouseWheel);
  }

  render::Scene current_scene() { return assembler_.build(state_.session, state_.view, state_.camera.camera()); }

  void draw_frame() {
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
    glfwGetWindowSize(window_.handle, &win_w, &win_h);
    const float px = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    const int view_x = static_cast<int>(sidebar_width_ * px);
    const int view_w = std::max(1, fb_w - view_x);
    const int view_h = std::max(1, fb_h - static_cast<int>(menu_height_ * px));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.08f, 0.09f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (fb_h > 0) {
      const render::Scene scene = current_scene();
      render::RenderOptions options;
      // Software GL (llvmpipe) pays 3× for 4× MSAA (bench/frame_bench.cpp): draw without it while
      // the view is moving or being edited, and with it once the scene has been still for a moment.
      ImGuiIO& io = ImGui::GetIO();
      const bool moving = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Middle) || io.MouseWheel != 0.0f ||
                          io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f;
      if (moving) last_motion_ = glfwGetTime();
      options.samples = glfwGetTime() - last_motion_ > 0.25 ? 4 : 0;
      options.ui_scale = scale_;
      options.dest_x = view_x;
      try {
        renderer_.render(scene, view_w, view_h, 0, options);
      } catch (const std::exception& e) {
        if (render_problem_.empty()) message_ = std::string("The 3D view could not be drawn: ") + e.what();
        render_problem_ = e.what();
      }
      if (state_.screenshot_requested) {
        state_.screenshot_requested = false;
        screenshot(scene, view_w, view_h);
      }
    }
    glViewport(0, 0, fb_w, fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }

  // F12: the 3D view without the panels, at the view's pixel size.
  void screenshot(const render::Scene& scene, int w, int h) {
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    const std::filesystem::path out = std::string("marginviz-") + stamp + ".png";
    try {
      render::OffscreenTarget target(w, h);
      render::RenderOptions options;
      options.samples = 4;
      options.ui_scale = scale_;
      renderer_.render(scene, w, h, target.fbo(), options);
      save_png(target.read(), out);
      message_ = "Screenshot saved: " + std::filesystem::absolute(out).string();
    } catch (const std::exception& e) {
      message_ = std::string("Screenshot failed: ") + e.what();
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
  }

  Window& window_;
  AnatomyLibrary& library_;
  GuiState state_;
  render::Renderer renderer_;
  SceneAssembler assembler_;
  WorkKeeper keeper_{autosave_dir()};
  float scale_ = 1.0f, imgui_scale_ = 1.0f;
  float sidebar_width_ = 430.0f, menu_height_ = 0.0f;
  unsigned applied_revision_ = 0;
  std::string message_, path_input_;
  bool open_popup_ = false, save_as_popup_ = false, confirm_discard_ = false, quit_now_ = false;
  Pending pending_ = Pending::None;
  std::string render_problem_;   // reported once, not every frame
  double last_motion_ = 0.0;
  bool scan_popup_ = false;
  std::future<void> scan_loading_;          // a surface scan being read
  std::atomic<float> scan_progress_{0.0f};
  std::string scan_path_;
  int scan_unit_ = 0;
  std::string auto_screenshot_;  // MARGINVIZ_GUI_SCREENSHOT: save the window after a few frames and quit
  int frames_ = 0;
  bool report_first_frame_ = false;  // MARGINVIZ_GUI_FIRST_FRAME: print when the first frame is shown and quit
};

}  // namespace

int run_gui(const std::filesystem::path& case_path) {
  // The case's anatomy is read on a worker while the window and OpenGL start (each ~0.2 s);
  // opening the case then finds it in the library. Any problem is reported by the real open.
  AnatomyLibrary library(anatomy_dir());
  auto preload = std::async(std::launch::async, [&] {
    try {
      const CaseLoad load = load_case_file(case_path);
      if (load.value && !load.value->anatomy) library.get(load.value->site, load.value->tissue);
    } catch (const std::exception&) {
    }
  });
  Window window;  // if it throws, the preload's future waits for the worker as it is destroyed
  preload.wait();
  GuiApp app(window, library, case_path);
  return app.run_keeping_work();
}

}  // namespace mv::app
