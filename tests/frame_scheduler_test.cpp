// When the desktop app draws (app/gui/frame_scheduler.hpp): never while nothing changes.
#include <gtest/gtest.h>
#include "gui/frame_scheduler.hpp"

namespace mv::app {
namespace {

int frames_in(FrameScheduler& s, double from, double to, bool busy = false) {
  int n = 0;
  for (double t = from; t < to; t += 0.01) n += s.take_frame(t, busy);
  return n;
}

TEST(FrameScheduler, SleepsWhileNothingHappens) {
  FrameScheduler s;
  EXPECT_EQ(frames_in(s, 0.0, 10.0), 0);
  EXPECT_DOUBLE_EQ(s.wait_s(10.0, false), FrameScheduler::kIdleWakeS);
  EXPECT_TRUE(s.settled(false));
}

TEST(FrameScheduler, AnEventBuysAFewFramesThenItSleeps) {
  FrameScheduler s;
  s.wake();
  EXPECT_DOUBLE_EQ(s.wait_s(0.0, false), 0.0);
  EXPECT_EQ(frames_in(s, 0.0, 5.0), FrameScheduler::kFramesPerEvent);
  EXPECT_TRUE(s.settled(false));
  EXPECT_EQ(s.frames_drawn(), FrameScheduler::kFramesPerEvent);
}

TEST(FrameScheduler, BusyKeepsDrawing) {
  FrameScheduler s;
  EXPECT_EQ(frames_in(s, 0.0, 1.0, true), 100);
  EXPECT_FALSE(s.settled(true));
  EXPECT_DOUBLE_EQ(s.wait_s(1.0, true), 0.0);
}

TEST(FrameScheduler, AViewThatStopsMovingIsRefinedOnceWhenStill) {
  FrameScheduler s;
  s.moved(1.0);
  ASSERT_TRUE(s.moving_quality(1.0, true));
  EXPECT_FALSE(s.settled(false));
  EXPECT_NEAR(s.wait_s(1.1, false), FrameScheduler::kRefineAfterS - 0.1, 1e-9);  // sleeps until the refinement is due
  EXPECT_FALSE(s.take_frame(1.1, false));                                        // not yet
  ASSERT_TRUE(s.take_frame(1.0 + FrameScheduler::kRefineAfterS, false));
  EXPECT_FALSE(s.moving_quality(1.0 + FrameScheduler::kRefineAfterS, true));  // the refinement is at full quality
  EXPECT_TRUE(s.settled(false));
  EXPECT_EQ(frames_in(s, 1.5, 5.0), 0);
}

TEST(FrameScheduler, AMinimisedWindowHasNothingToRefine) {
  FrameScheduler s;
  s.moved(1.0);
  EXPECT_FALSE(s.moving_quality(1.0, false));
  EXPECT_TRUE(s.settled(false));
}

}  // namespace
}  // namespace mv::app
