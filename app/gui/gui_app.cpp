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
#include "double_click.hpp"
#include "file_browser.hpp"
#include "help_overlay.hpp"
#include "settings_store.hpp"
#include "reconstruction/skin_ruler.hpp"
#include "text_format.hpp"
#include <glm/gtc/matrix_transform.hpp>
#include "gui_state.hpp"
#include "gui_colours.hpp"
#include "sidebar.hpp"
#include "case/case_io.hpp"
#include "image.hpp"
#include "png_file.hpp"
#include "reconstruction/lesion_frame.hpp"
#include "reconstruction/placement.hpp"
#include "paths.hpp"
#include "renderer.hpp"
#include "scan_loader.hpp"
#include "view_frame.hpp"
#include "work_keeper.hpp"

namespace mv::app {
namespace {

enum class Pending { None, Open, Quit };

// "a,b,,c" split at `sep`: {"a", "b", "", "c"}.
std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out(1);
  for (char ch : text) {
    if (ch == sep) out.emplace_back();
    else
      out.back() += ch;
  }
  return out;
}

struct Window : GlfwWindow {
  // Sized to the remembered size, or to the monitor's work area (a 1366×768 laptop included),
  // never larger than the work area, so the whole window and its status bar stay on screen.
  explicit Window(const Settings& settings)
      : GlfwWindow(1280, 720, true, "no display for the desktop app (is DISPLAY set?). Headless use: marginviz render CASE -o out.png") {
    glfwSwapInterval(1);
    int x = 0, y = 0, w = 0, h = 0;
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(m, &x, &y, &w, &h);
    if (w <= 0 || h <= 0) return;
    int want_w = settings.window_w > 0 ? settings.window_w : w, want_h = settings.window_h > 0 ? settings.window_h : h;
    want_w = std::clamp(want_w, std::min(640, w), w);
    want_h = std::clamp(want_h, std::min(480, h), h);
    glfwSetWindowSize(handle, want_w, want_h);
    glfwSetWindowPos(handle, x + (w - want_w) / 2, y + (h - want_h) / 2);
  }
};

class GuiApp {
 public:
  GuiApp(Window& w, AnatomyLibrary& library, const std::filesystem::path& case_path, Settings settings)
      : window_(w), library_(library), state_(library_), view_frame_(font_file()), settings_(std::move(settings)) {
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
    glfwSetWindowUserPointer(window_.handle, this);
    install_wake_callbacks();
    // Installed before ImGui's, which chains to it: the press's own time decides a double click.
    glfwSetMouseButtonCallback(window_.handle, [](GLFWwindow* h, int button, int action, int) {
      auto* self = static_cast<GuiApp*>(glfwGetWindowUserPointer(h));
      self->wake();
      if (button != GLFW_MOUSE_BUTTON_LEFT || action != GLFW_PRESS) return;
      double x = 0.0, y = 0.0;
      glfwGetCursorPos(h, &x, &y);
      if (self->double_click_.press(glfwGetTime(), x, y)) self->pending_recentre_ = glm::vec2(static_cast<float>(x), static_cast<float>(y));
    });
    ImGui_ImplGlfw_InitForOpenGL(window_.handle, true);
    // The widget active when an edit is recorded, held since the last frame (a click that just
    // moved focus is not the same gesture as the typing before it).
    state_.doc.set_active_widget([] {
      const ImGuiContext& g = *ImGui::GetCurrentContext();
      return g.ActiveId != 0 && g.ActiveId == g.ActiveIdPreviousFrame ? static_cast<unsigned>(g.ActiveId) : 0u;
    });
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
    state_.delete_texture = [](unsigned texture) { glDeleteTextures(1, &texture); };
    glfwSetWindowCloseCallback(window_.handle, [](GLFWwindow* h) {
      auto* self = static_cast<GuiApp*>(glfwGetWindowUserPointer(h));
      self->wake();  // the question is asked on the next frame: draw it
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
    wake();
    if (const char* shot = std::getenv("MARGINVIZ_GUI_SCREENSHOT"); shot && *shot) auto_screenshot_ = shot;
    if (const char* acts = std::getenv("MARGINVIZ_GUI_ACTIONS"); acts && *acts)
      for (auto& a : split(acts, ','))
        if (!a.empty()) test_actions_.push_back(std::move(a));
    report_first_frame_ = std::getenv("MARGINVIZ_GUI_FIRST_FRAME") != nullptr;
    if (const char* idle = std::getenv("MARGINVIZ_GUI_IDLE_CHECK")) idle_check_s_ = std::atof(idle);
    if (const char* orbit = std::getenv("MARGINVIZ_GUI_ORBIT_FRAMES")) orbit_frames_left_ = std::atoi(orbit);
  }

  ~GuiApp() {
    int w = 0, h = 0;
    glfwGetWindowSize(window_.handle, &w, &h);
    settings_.window_w = w, settings_.window_h = h;
    save_settings(settings_, settings_file());
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
        throw std::runtime_error(std::string(e.what()) +
                                 (kept.empty() ? "\nUnsaved edits could not be kept: " + keeper_.problem()
                                               : "\nUnsaved edits were kept in " + kept + "; marginviz offers them at its next start."));
      }
      keeper_.discard();  // saved or discarded work must not be offered again at the next start
      throw;
    }
  }

  int run() {
    while (!glfwWindowShouldClose(window_.handle)) {
      // Nothing to do, the app sleeps until an event: no frame is drawn while nothing changes.
      // It wakes each second for the autosave, and keeps drawing only while something moves on
      // its own (a scan being read, the refinement of a view that stopped moving, a text cursor).
      if (frames_wanted_ > 0 || busy()) glfwPollEvents();
      else
        glfwWaitEventsTimeout(still_frame_due() ? std::max(0.0, last_motion_ + kRefineAfterS - glfwGetTime()) : 1.0);
      const std::string problem_before = keeper_.problem();
      keeper_.tick(state_.doc, glfwGetTime());
      if (keeper_.problem() != problem_before) wake();
      const bool refine = still_frame_due() && glfwGetTime() - last_motion_ >= kRefineAfterS;
      if (idle_check_due()) break;
      if (frames_wanted_ == 0 && !busy() && !refine) continue;
      if (frames_wanted_ > 0) --frames_wanted_;
      ++frames_drawn_;
      try {
        apply_edits();
      } catch (const std::exception& e) {
        state_.geometry_problem = std::string("Could not update the view: ") + e.what() + " — your edits are kept.";
      }
      if (auto file = std::exchange(state_.open_request, std::nullopt)) request_open(*file);
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      state_.begin_frame(ImGui::GetCurrentContext()->ActiveId);
      state_.view.highlight_stage = state_.view.highlight_block = -1;
      hover_block_in_view();
      draw_ui();
      handle_view_input();
      orbit_step();
      ImGui::Render();
      draw_frame();
      if (!auto_screenshot_.empty() && frames_ == 1)
        for (const auto& a : test_actions_) apply_test_action(a);
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
        std::cerr << "marginviz: first frame at "
                  << std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count() << " us\n";
        quit_now_ = true;
      }
      if (message_ != shown_message_) shown_message_ = message_, wake();  // a message raised in a frame of its own is shown
      if (quit_now_) break;
    }
    return 0;
  }

 private:
  static constexpr int kFramesPerEvent = 3;      // ImGui settles hover and focus over a frame or two
  static constexpr double kRefineAfterS = 0.25;  // still this long, the view is drawn at full quality

  void wake() { frames_wanted_ = kFramesPerEvent; }
  // Frames needed whatever the events: a scan being read (its progress), an edit waiting for it,
  // a blinking text cursor, the test and benchmark hooks.
  bool busy() const {
    return scan_loader_.running() || state_.doc.revision() != applied_revision_ || ImGui::GetIO().WantTextInput || !auto_screenshot_.empty() ||
           report_first_frame_ || orbit_frames_left_ > 0;
  }
  bool still_frame_due() const { return last_frame_moving_; }

  // Test hook (MARGINVIZ_GUI_IDLE_CHECK=S): once the start's frames are drawn, counts the frames
  // drawn in the next S seconds with nobody touching the app, prints them and quits. Expected: none.
  bool idle_check_due() {
    if (idle_check_s_ <= 0.0) return false;
    const double now = glfwGetTime();
    const bool settled = frames_wanted_ == 0 && !busy() && !still_frame_due();  // the start's frames are done
    if (!idle_from_ && settled && now > 1.0) idle_from_ = std::pair{now, frames_drawn_};
    if (!idle_from_ || now - idle_from_->first < idle_check_s_) return false;
    std::cerr << "marginviz: " << frames_drawn_ - idle_from_->second << " frames drawn in " << now - idle_from_->first << " s while idle\n";
    return true;
  }

  // Benchmark hook (MARGINVIZ_GUI_ORBIT_FRAMES=N): orbits the camera a step every frame, as a
  // left-drag does, for N frames; prints the frame rate and quits.
  void orbit_step() {
    if (orbit_frames_left_ <= 0) return;
    if (!orbit_started_) orbit_started_ = glfwGetTime(), orbit_frames_ = orbit_frames_left_;
    state_.camera.orbit({6.0f, 0.0f});
    last_motion_ = glfwGetTime();
    if (--orbit_frames_left_ == 0) {
      const double s = glfwGetTime() - *orbit_started_;
      std::cerr << "marginviz: orbit of " << orbit_frames_ << " frames in " << s << " s = " << orbit_frames_ / s << " fps (moving resolution scale "
                << view_frame_.moving_scale() << ")\n";
      quit_now_ = true;
    }
  }

  // Every input, resize or expose wakes the loop for a few frames (ImGui chains the callbacks it
  // installs after these).
  static void wake_window(GLFWwindow* h) { static_cast<GuiApp*>(glfwGetWindowUserPointer(h))->wake(); }
  void install_wake_callbacks() {
    glfwSetCursorPosCallback(window_.handle, [](GLFWwindow* h, double, double) { wake_window(h); });
    glfwSetScrollCallback(window_.handle, [](GLFWwindow* h, double, double) { wake_window(h); });
    glfwSetKeyCallback(window_.handle, [](GLFWwindow* h, int, int, int, int) { wake_window(h); });
    glfwSetCharCallback(window_.handle, [](GLFWwindow* h, unsigned) { wake_window(h); });
    glfwSetWindowFocusCallback(window_.handle, [](GLFWwindow* h, int) { wake_window(h); });
    glfwSetCursorEnterCallback(window_.handle, [](GLFWwindow* h, int) { wake_window(h); });
    glfwSetFramebufferSizeCallback(window_.handle, [](GLFWwindow* h, int, int) { wake_window(h); });
    glfwSetWindowRefreshCallback(window_.handle, wake_window);
  }

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
    stop_ruler();
    refresh_metrics();
    reset_camera();
    remember(path);
    update_title();
    return {};
  }

  void refresh_metrics() {
    try {
      state_.metrics = metrics_of(state_.session.current_case(), state_.session.measurement_solids());
    } catch (const std::exception&) {
      state_.metrics.reset();
    }
  }

  // The current view's home: the section faces its cut; in 3D the orbit stays outside the skin.
  void reset_camera() {
    state_.camera.reset(default_camera(state_.session, state_.view));
    state_.camera.keep_outside(state_.view.mode == ViewMode::ThreeD ? glm::vec3(state_.session.frame().normal) : glm::vec3(0.0f));
  }

  void update_title() {
    const std::string title =
        "marginviz — " + state_.doc.working().case_id + (state_.doc.dirty() ? " *" : "") + " (" + state_.doc.path().filename().string() + ")";
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
        if (!scan_loader_.running()) {
          scan_loader_.start([this, path = scan_path(doc), unit = doc.anatomy->unit, site = doc.site, t = doc.tissue](const auto& progress) {
            library_.get_scan(site, path, unit, t, progress);
          });
        }
        if (!scan_loader_.finished()) return;
        try {
          scan_loader_.take();
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
        if (ImGui::BeginMenu("Open recent", !settings_.recent.empty())) {
          for (size_t i = 0; i < settings_.recent.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::MenuItem(settings_.recent[i].filename().string().c_str())) request_open(settings_.recent[i]);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", settings_.recent[i].string().c_str());
            ImGui::PopID();
          }
          ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Open a bundled case")) {
          for (const auto& e : FileBrowser::list(asset_dir() / "cases"))
            if (!e.folder && ImGui::MenuItem(e.name.c_str())) request_open(asset_dir() / "cases" / e.name);
          ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Save", "Ctrl+S")) save(state_.doc.path());
        if (ImGui::MenuItem("Save As...", "Ctrl+Shift+S")) show_save_as();
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
      if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Sidebar", "Tab", settings_.sidebar_shown)) settings_.sidebar_shown = !settings_.sidebar_shown;
        if (ImGui::MenuItem("Reset this view", "R")) state_.camera_reset_requested = true;
        ImGui::Separator();
        for (int k = 0; k < 6; ++k)
          if (ImGui::MenuItem(preset_name(static_cast<ViewPreset>(k)), kPresetKeys[k])) state_.camera.view_from(static_cast<ViewPreset>(k));
        ImGui::Separator();
        if (ImGui::MenuItem("Ruler", "M", ruler_mode_)) toggle_ruler();
        ImGui::EndMenu();
      }
      if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keys and mouse", "H, F1")) help_ = true;
        if (ImGui::MenuItem("About marginviz")) about_ = true;
        ImGui::EndMenu();
      }
      ImGui::EndMainMenuBar();
    }
    const float top = ImGui::GetFrameHeight();
    menu_height_ = top;
    status_height_ = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
    draw_status_bar(vp);
    if (settings_.sidebar_shown) {
      // Resizable by its right edge; its width is remembered.
      ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + top));
      ImGui::SetNextWindowSize(ImVec2(settings_.sidebar_width * imgui_scale_, vp->Size.y - top - status_height_), ImGuiCond_Always);
      ImGui::SetNextWindowSizeConstraints(ImVec2(280.0f * imgui_scale_, 0.0f), ImVec2(std::max(300.0f, vp->Size.x * 0.6f), FLT_MAX));
      ImGui::Begin("sidebar", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse);
      const float w = ImGui::GetWindowWidth();
      if (std::abs(w - settings_.sidebar_width * imgui_scale_) > 0.5f) settings_.sidebar_width = w / imgui_scale_;
      sidebar_width_ = w;
      if (scan_loader_.running()) {
        ImGui::TextWrapped("Reading the surface scan %s", state_.doc.working().anatomy ? state_.doc.working().anatomy->mesh.c_str() : "");
        ImGui::ProgressBar(scan_loader_.progress(), ImVec2(-FLT_MIN, 0.0f));
      }
      for (const auto& note : state_.session.notes()) {
        ImGui::PushStyleColor(ImGuiCol_Text, im_colour(palette::kNote));
        ImGui::TextWrapped("%s", note.c_str());
        ImGui::PopStyleColor();
      }
      for (const std::string* problem : {static_cast<const std::string*>(&state_.geometry_problem), &keeper_.problem()}) {
        if (problem->empty()) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, im_colour(palette::kProblem));
        ImGui::TextWrapped("%s", problem->c_str());
        ImGui::PopStyleColor();
      }
      draw_sidebar_panels(state_);
      ImGui::End();
    } else {
      sidebar_width_ = 0.0f;
    }
    draw_view_decorations(vp);
    draw_help_overlay(help_, imgui_scale_);
    draw_about(about_, imgui_scale_);
    draw_popups();
  }

  // The disclaimer, always on screen, and the last status note.
  void draw_status_bar(const ImGuiViewport* vp) {
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - status_height_));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, status_height_));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 3.0f));
    ImGui::Begin("status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::TextDisabled("For illustration, counselling and teaching — not for clinical decisions.%s",
                        state_.doc.working().illustrative ? " Illustrative case, not patient data." : "");
    if (!state_.status.empty()) {
      ImGui::SameLine();
      ImGui::TextUnformatted(("   " + state_.status).c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state_.status.c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar();
  }

  // Over the 3D view: the orientation marker (patient directions as the camera sees them) and the ruler.
  void draw_view_decorations(const ImGuiViewport* vp) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const render::Camera& cam = state_.camera.camera();
    const glm::vec3 forward = glm::normalize(cam.target - cam.eye);
    const glm::vec3 right = glm::normalize(glm::cross(forward, cam.up));
    const glm::vec3 up = glm::cross(right, forward);
    const float r = 34.0f * imgui_scale_;
    // Bottom right, above the corner where the view's disclaimer is drawn (the legend is bottom left).
    const ImVec2 c(vp->Pos.x + vp->Size.x - r - 30.0f * imgui_scale_, vp->Pos.y + vp->Size.y - status_height_ - r - 84.0f * imgui_scale_);
    struct Axis {
      glm::vec3 dir;
      const char *plus, *minus;
      ImU32 colour;
    };
    // Patient directions: +X left, +Y superior, +Z anterior (mesh/reconstruction/lesion_frame.cpp).
    const Axis axes[] = {{{0, 1, 0}, "S", "I", im_colour32(palette::kAxisSuperior)},
                         {{0, 0, 1}, "A", "P", im_colour32(palette::kAxisAnterior)},
                         {{1, 0, 0}, "L", "R", im_colour32(palette::kAxisLeft)}};
    dl->AddCircleFilled(c, r + 14.0f * imgui_scale_, im_colour32(palette::kMarkerDisc));
    for (const Axis& a : axes) {
      const ImVec2 d(glm::dot(a.dir, right) * r, -glm::dot(a.dir, up) * r);
      dl->AddLine(ImVec2(c.x - d.x, c.y - d.y), ImVec2(c.x + d.x, c.y + d.y), (a.colour & 0x00FFFFFFu) | 0x60000000u, 1.5f);
      dl->AddLine(c, ImVec2(c.x + d.x, c.y + d.y), a.colour, 2.5f);
      // An axis seen nearly end-on would put its letters on the centre, over the others: it shows
      // only the letter of the side facing the viewer, at the centre.
      if (std::hypot(d.x, d.y) > 0.35f * r) {
        dl->AddText(ImVec2(c.x + d.x * 1.25f - 4.0f, c.y + d.y * 1.25f - 7.0f), a.colour, a.plus);
        dl->AddText(ImVec2(c.x - d.x * 1.25f - 4.0f, c.y - d.y * 1.25f - 7.0f), (a.colour & 0x00FFFFFFu) | 0x90000000u, a.minus);
      } else {
        dl->AddText(ImVec2(c.x + 6.0f, c.y + 4.0f), a.colour, glm::dot(a.dir, forward) < 0.0f ? a.plus : a.minus);
      }
    }
    if (ruler_) {
      std::vector<ImVec2> pts;
      for (const auto& p : ruler_->path)
        if (auto q = to_screen(glm::vec3(p))) pts.push_back(*q);
      if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), im_colour32(palette::kRuler), 0, 2.5f);
      const auto a = to_screen(glm::vec3(ruler_->a)), b = to_screen(glm::vec3(ruler_->b));
      if (a && b) {
        dl->AddLine(*a, *b, im_colour32(palette::kRuler, 0.43f), 1.0f);
        const std::string text =
            "along the skin " + fixed(ruler_->along_skin_mm / 10.0, 1) + " cm · straight " + fixed(ruler_->straight_mm / 10.0, 1) + " cm";
        const ImVec2 m((a->x + b->x) / 2.0f + 8.0f, (a->y + b->y) / 2.0f + 8.0f);
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        dl->AddRectFilled(ImVec2(m.x - 4, m.y - 2), ImVec2(m.x + size.x + 4, m.y + size.y + 2), im_colour32(palette::kRulerBacking), 3.0f);
        dl->AddText(m, im_colour32(palette::kText), text.c_str());
      }
    } else if (ruler_mode_) {
      dl->AddText(ImVec2(vp->Pos.x + sidebar_width_ + 16.0f * imgui_scale_, vp->Pos.y + menu_height_ + 90.0f * imgui_scale_),
                  im_colour32(palette::kRuler),
                  ruler_points_.empty() ? "Ruler: click the first point on the skin (M or Esc to stop)" : "Ruler: click the second point");
    }
  }

  // A world point in window coordinates (ImGui units), or nullopt behind the camera.
  std::optional<ImVec2> to_screen(const glm::vec3& p) const {
    int win_w = 0, win_h = 0;
    glfwGetWindowSize(window_.handle, &win_w, &win_h);
    const float vw = static_cast<float>(win_w) - sidebar_width_, vh = static_cast<float>(win_h) - menu_height_ - status_height_;
    if (vw <= 1.0f || vh <= 1.0f) return std::nullopt;
    const render::Camera& cam = state_.camera.camera();
    const glm::mat4 proj = glm::perspective(glm::radians(cam.fov_y_deg), vw / vh, 1.0f, 10000.0f);
    const glm::vec4 q = proj * glm::lookAt(cam.eye, cam.target, cam.up) * glm::vec4(p, 1.0f);
    if (q.w <= 0.0f) return std::nullopt;
    return ImVec2(sidebar_width_ + (q.x / q.w * 0.5f + 0.5f) * vw, menu_height_ + (0.5f - q.y / q.w * 0.5f) * vh);
  }

  // Test hook (MARGINVIZ_GUI_ACTIONS, comma-separated, with MARGINVIZ_GUI_SCREENSHOT): what a user would do, applied
  // after the first frame; each says on stderr what the app then shows.
  void apply_test_action(const std::string& a) {
    if (a == "help") help_ = true;
    else if (a == "about")
      about_ = true;
    else if (a == "hide-sidebar")
      settings_.sidebar_shown = false;
    else if (a.rfind("panel:", 0) == 0)
      state_.focus_panel = a.substr(6);
    else if (a == "teach")
      state_.teaching = state_.view.plan = true, state_.camera_reset_requested = true;
    else if (a.rfind("block:", 0) == 0 && state_.doc.working().mohs) {
      // block:STAGE:LABEL:peripheral|deep:RESULT, as a click on the map would set it
      const std::vector<std::string> f = split(a.substr(6), ':');
      auto& st = state_.doc.edit().mohs->stages.at(static_cast<size_t>(std::stoi(f.at(0)) - 1));
      for (auto& b : st.blocks)
        if (b.label == f.at(1)) (f.at(2) == "deep" ? b.deep : b.peripheral) = result_from_key(f.at(3)).value_or(MarginResult::Pending);
      state_.doc.changed();
    } else if (a == "next-stage" && state_.doc.working().mohs) {
      if (add_next_stage(state_)) {  // as the Mohs panel's button does
        state_.view.mohs = true;
        state_.doc.changed();
        const MohsStage& next = state_.doc.working().mohs->stages.back();
        for (const auto& b : next.blocks)
          std::cerr << "marginviz: next stage block " << b.label << " " << b.span.from << "-" << b.span.to << " o'clock, "
                    << layer_key(next.layer_of(b)) << "\n";
      } else {
        std::cerr << "marginviz: no margin open, no next stage\n";
      }
    } else if (a.rfind("section:", 0) == 0) {
      state_.view.mode = ViewMode::Section;
      state_.view.section_clock = std::stod(a.substr(8));
      apply_edits();
      reset_camera();
      const LesionFrame& f = state_.session.frame();
      const glm::dvec3 normal = glm::normalize(glm::cross(f.direction(clock_to_angle(state_.view.section_clock)), f.normal));
      const render::Camera& cam = state_.camera.camera();
      const double facing = std::abs(glm::dot(glm::normalize(glm::dvec3(cam.target - cam.eye)), normal));
      std::cerr << "marginviz: section at " << state_.view.section_clock << " o'clock, view direction · cut normal = " << fixed(facing, 3)
                << (facing > 0.85 ? ": the view faces the cut" : ": the cut is seen edge-on") << "\n";
    } else if (a.rfind("preset:", 0) == 0) {
      state_.camera.view_from(static_cast<ViewPreset>(std::stoi(a.substr(7))));
    } else {
      std::cerr << "marginviz: unknown test action " << a << "\n";
    }
  }

  void toggle_ruler() {
    const bool on = !ruler_mode_;
    stop_ruler();
    ruler_mode_ = on;
  }
  void stop_ruler() {
    ruler_mode_ = false;
    ruler_points_.clear();
    ruler_.reset();
  }

  // A case opened or saved goes to the top of the recent files (written with the other settings
  // when the app closes: no disk writes on the way to the first frame).
  void remember(const std::filesystem::path& case_file) { settings_.add_recent(case_file); }

  void open_or_say_why(const std::filesystem::path& file) {
    if (const std::string why = open_case(file); !why.empty())
      message_ = "Could not open " + file.string() + " — the current case is unchanged.\n" + why;
  }

  // The surface under a window position (ImGui units), through the last frame's depth buffer.
  std::optional<glm::vec3> pick_at(const ImVec2& at) const {
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
    glfwGetWindowSize(window_.handle, &win_w, &win_h);
    const float px = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    return view_frame_.renderer().pick(static_cast<int>((at.x - sidebar_width_) * px), static_cast<int>((at.y - menu_height_) * px));
  }

  // Open with the browser, or a given file (recent, bundled); unsaved work is asked about first.
  void request_open(std::optional<std::filesystem::path> file = std::nullopt) {
    if (scan_loader_.running()) {
      message_ = "A surface scan is being read: open another case when it is done.";
      return;
    }
    pending_ = Pending::Open;
    pending_file_ = std::move(file);
    if (state_.doc.dirty()) confirm_discard_ = true;
    else
      continue_pending();
  }
  void show_save_as() {
    browser_purpose_ = BrowserPurpose::SaveAs;
    browser_request_ = true;
  }
  std::filesystem::path browse_folder() const {
    if (!state_.doc.path().empty()) return state_.doc.path().parent_path();
    return settings_.last_folder.empty() ? std::filesystem::current_path() : settings_.last_folder;
  }
  void request_quit() {
    if (state_.doc.dirty()) {
      glfwSetWindowShouldClose(window_.handle, GLFW_FALSE);
      pending_ = Pending::Quit;
      confirm_discard_ = true;
    }
  }

  // Says what happened: a .bak is mentioned only when there was a previous version to keep.
  void save(const std::filesystem::path& path) {
    std::error_code ec;
    const bool replaced = std::filesystem::exists(path, ec);
    const std::string error = state_.doc.save_as(path);
    if (error.empty()) {
      state_.status = "Saved " + path.string() + (replaced ? " (the previous version is kept as " + path.filename().string() + ".bak)" : "");
      remember(path);
    } else {
      message_ = "Could not save " + path.string() + " — the file on disk is unchanged.\n" + error;
    }
    update_title();
  }

  void draw_popups() {
    keeper_.draw_offer(imgui_scale_, [&](RecoverableWork& w) {
      state_.doc.recover(std::move(w.work), w.case_path);
      state_.case_replaced();
      state_.camera_reset_requested = true;
    });
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
    if (browser_request_) {
      browser_request_ = false;
      if (browser_purpose_ == BrowserPurpose::Open) browser_.show(FileBrowser::Mode::Open, browse_folder(), asset_dir() / "cases");
      else
        browser_.show(FileBrowser::Mode::Save, browse_folder(), asset_dir() / "cases", state_.doc.path().filename().string());
    }
    if (auto chosen = browser_.draw(settings_, imgui_scale_)) {
      if (browser_purpose_ == BrowserPurpose::SaveAs) save(*chosen);
      else
        open_or_say_why(*chosen);
    }
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
    if (pending_ == Pending::Open && pending_file_) {
      open_or_say_why(*std::exchange(pending_file_, std::nullopt));
    } else if (pending_ == Pending::Open) {
      browser_purpose_ = BrowserPurpose::Open;
      browser_request_ = true;
    }
    if (pending_ == Pending::Quit) quit_now_ = true;
    pending_ = Pending::None;
  }

  // The Mohs block under the mouse in the 3D view (outlined there and on the map).
  void hover_block_in_view() {
    ImGuiIO& io = ImGui::GetIO();
    if (!state_.view.mohs || io.WantCaptureMouse || !state_.session.has_case()) return;
    const MohsReconstruction* rec = state_.session.mohs(state_.view.through_stage);
    if (!rec) return;
    const auto p = pick_at(io.MousePos);
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
      if (ImGui::IsKeyPressed(GLFW_KEY_R, false)) state_.camera_reset_requested = true;
      if (ImGui::IsKeyPressed(GLFW_KEY_H, false) || ImGui::IsKeyPressed(GLFW_KEY_F1, false)) help_ = !help_;
      if (ImGui::IsKeyPressed(GLFW_KEY_TAB, false)) settings_.sidebar_shown = !settings_.sidebar_shown;
      if (ImGui::IsKeyPressed(GLFW_KEY_M, false)) toggle_ruler();
      if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && ruler_mode_) toggle_ruler();
      for (int k = 0; k < 6; ++k)
        if (!io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_1 + k, false)) state_.camera.view_from(static_cast<ViewPreset>(k));
      if (io.KeyCtrl && io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_S, false)) show_save_as();
      if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) state_.screenshot_requested = true;
      if (io.KeyCtrl && !io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_S, false)) save(state_.doc.path());
      if (io.KeyCtrl && !io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) state_.doc.undo();
      if (io.KeyCtrl && ((io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) || ImGui::IsKeyPressed(GLFW_KEY_Y, false))) state_.doc.redo();
      if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) request_open();
      if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) glfwSetWindowShouldClose(window_.handle, GLFW_TRUE), request_quit();
    }
    // A double click over a panel or a dialog is theirs: it never re-centres the view later.
    const std::optional<glm::vec2> recentre_at = std::exchange(pending_recentre_, std::nullopt);
    if (io.WantCaptureMouse) return;
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
    glfwGetWindowSize(window_.handle, &win_w, &win_h);
    const float px = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    const glm::vec2 delta{io.MouseDelta.x * px, io.MouseDelta.y * px};
    if (ruler_mode_ && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      if (auto p = pick_at(io.MousePos)) {
        if (ruler_points_.size() >= 2) ruler_points_.clear(), ruler_.reset();
        ruler_points_.push_back(*p);
        if (ruler_points_.size() == 2) {
          const render::Camera& cam = state_.camera.camera();
          ruler_ = measure_on_skin(state_.session.site_model().skin, glm::dvec3(ruler_points_[0]), glm::dvec3(ruler_points_[1]),
                                   glm::dvec3(cam.target - cam.eye));
          if (!ruler_) state_.status = "Ruler: the skin between these points cannot be seen from here; turn the view and measure again.";
        }
      }
      return;
    }
    if (state_.place_by_click && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      // A ray pick through the depth buffer: the point on the skin under the cursor.
      if (auto p = pick_at(io.MousePos)) {
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
          state_.doc.new_step();  // a text cell may still be active: this is an edit of its own
          state_.doc.edit().lesion = placement;
          state_.doc.changed();
          state_.camera_reset_requested = true;
        } else {
          message_ =
              "That point cannot be recorded as a lesion position on this anatomy (the ray from the body axis meets the skin elsewhere first). Set "
              "the position fields instead.";
        }
      }
      state_.place_by_click = false;
    } else if (recentre_at) {
      if (auto p = pick_at(ImVec2(recentre_at->x, recentre_at->y))) state_.camera.recentre(*p);
      else
        state_.status = "Double-click on the body to re-centre the view there.";
    } else if (ImGui::IsMouseDragging(ImGuiMouseButton_Middle) || (io.KeyShift && ImGui::IsMouseDragging(ImGuiMouseButton_Left))) {
      state_.camera.pan(delta, static_cast<float>(fb_h) - (menu_height_ + status_height_) * px);
    } else if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
      state_.camera.orbit(delta);
    }
    if (io.MouseWheel != 0.0f) state_.camera.zoom(io.MouseWheel);
  }

  void draw_frame() {
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
    glfwGetWindowSize(window_.handle, &win_w, &win_h);
    const float px = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    const int view_x = static_cast<int>(sidebar_width_ * px);
    const int view_w = std::max(1, fb_w - view_x);
    const int status_px = static_cast<int>(status_height_ * px);
    const int view_h = std::max(1, fb_h - static_cast<int>(menu_height_ * px) - status_px);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(palette::kWindow[0], palette::kWindow[1], palette::kWindow[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (fb_h <= 0) last_frame_moving_ = false;  // minimised: nothing to refine
    if (fb_h > 0) {
      // Dragging, wheeling or editing: the view draws fast (lower resolution, no anti-aliasing)
      // and refines once it has been still for a moment.
      // Moving means the camera changed or a control is being dragged or typed in; a mouse passing
      // over the panels is not (the view is then shown again as it was).
      // A jump of the camera (reset, a preset, a re-centre) is drawn at full quality at once.
      ImGuiIO& io = ImGui::GetIO();
      const bool camera_moved = !(state_.camera.camera() == last_camera_);
      const bool dragging = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Middle) || io.MouseWheel != 0.0f ||
                            orbit_started_.has_value();
      const bool moving = (camera_moved && dragging) || (ImGui::IsAnyItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left));
      last_camera_ = state_.camera.camera();
      if (moving) last_motion_ = glfwGetTime();
      last_frame_moving_ = glfwGetTime() - last_motion_ < kRefineAfterS;
      try {
        view_frame_.draw(state_.session, state_.view, state_.camera.camera(), view_w, view_h, 0, {last_frame_moving_, scale_, view_x, status_px});
      } catch (const std::exception& e) {
        if (render_problem_.empty()) message_ = std::string("The 3D view could not be drawn: ") + e.what();
        render_problem_ = e.what();
      }
      if (state_.screenshot_requested) {
        state_.screenshot_requested = false;
        screenshot(view_w, view_h);
      }
    }
    glViewport(0, 0, fb_w, fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }

  // F12: the 3D view without the panels, at the view's pixel size.
  void screenshot(int w, int h) {
    if (!view_frame_.has_scene()) return;  // the view could not be drawn (said already)
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    // Next to the case file (the folder the case came from), named by the case id and the time.
    const std::filesystem::path folder = state_.doc.path().empty() ? browse_folder() : state_.doc.path().parent_path();
    const std::filesystem::path out = folder / (state_.doc.working().case_id + "-" + stamp + ".png");
    try {
      render::OffscreenTarget target(w, h);
      render::RenderOptions options;
      options.samples = 4;
      options.ui_scale = scale_;
      view_frame_.renderer().render(view_frame_.scene(), w, h, target.fbo(), options);
      view_frame_.redraw_next();  // the renderer's last frame is now the screenshot
      save_png(target.read(), out);
      state_.status = "Screenshot saved: " + std::filesystem::absolute(out).string();
    } catch (const std::exception& e) {
      message_ = std::string("Screenshot failed: ") + e.what();
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
  }

  Window& window_;
  AnatomyLibrary& library_;
  GuiState state_;
  ViewFrame view_frame_;
  WorkKeeper keeper_{autosave_dir()};
  float scale_ = 1.0f, imgui_scale_ = 1.0f;
  float sidebar_width_ = 430.0f, menu_height_ = 0.0f, status_height_ = 0.0f;
  Settings settings_;
  FileBrowser browser_;
  enum class BrowserPurpose { Open, SaveAs } browser_purpose_ = BrowserPurpose::Open;
  bool browser_request_ = false;
  std::optional<std::filesystem::path> pending_file_;  // a file to open once unsaved work is dealt with
  bool help_ = false, about_ = false;
  DoubleClick double_click_;
  std::optional<glm::vec2> pending_recentre_;  // window position of a double click, from the GLFW callback
  bool ruler_mode_ = false;
  std::vector<glm::vec3> ruler_points_;
  std::optional<SkinDistance> ruler_;
  static constexpr const char* kPresetKeys[6] = {"1", "2", "3", "4", "5", "6"};
  unsigned applied_revision_ = 0;
  std::string message_;
  std::string shown_message_;  // message_ as of the last frame
  bool confirm_discard_ = false, quit_now_ = false;
  Pending pending_ = Pending::None;
  std::string render_problem_;  // reported once, not every frame
  double last_motion_ = -1.0;
  bool last_frame_moving_ = false;  // the last 3D frame was drawn at moving quality
  render::Camera last_camera_;      // the camera of the last frame
  int frames_wanted_ = 0;           // frames to draw before sleeping again
  bool scan_popup_ = false;
  ScanLoader scan_loader_;  // a surface scan being read
  std::string scan_path_;
  int scan_unit_ = 0;
  std::string auto_screenshot_;  // MARGINVIZ_GUI_SCREENSHOT: save the window after a few frames and quit
  int frames_ = 0;
  std::vector<std::string> test_actions_;  // MARGINVIZ_GUI_ACTIONS
  bool report_first_frame_ = false;        // MARGINVIZ_GUI_FIRST_FRAME: print when the first frame is shown and quit
  double idle_check_s_ = 0.0;              // MARGINVIZ_GUI_IDLE_CHECK
  std::optional<std::pair<double, long>> idle_from_;
  long frames_drawn_ = 0;
  int orbit_frames_left_ = 0, orbit_frames_ = 0;  // MARGINVIZ_GUI_ORBIT_FRAMES
  std::optional<double> orbit_started_;
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
  Settings settings = load_settings(settings_file());
  Window window(settings);  // if it throws, the preload's future waits for the worker as it is destroyed
  preload.wait();
  GuiApp app(window, library, case_path, std::move(settings));
  return app.run_keeping_work();
}

}  // namespace mv::app
