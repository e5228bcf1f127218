#pragma once
// Work off the UI thread: a Job runs one function on its own thread and hands back its result
// (or its exception). The function reports progress and checks for Cancel through JobControl.
// Pure C++; the window polls ready() once a frame and never waits on a job that is running.
#include <atomic>
#include <exception>
#include <future>
#include <memory>
#include <string>
#include <utility>

namespace ll {

// Thrown by JobControl::check() once Cancel was asked for; a job's result is then this error.
class JobCancelled : public std::exception {
 public:
  const char* what() const noexcept override { return "cancelled"; }
};

class JobControl {
 public:
  // Fraction done in [0, 1] (values outside are clamped when read).
  void set_progress(double fraction) { progress_.store(fraction, std::memory_order_relaxed); }
  double progress() const {
    const double p = progress_.load(std::memory_order_relaxed);
    return p < 0.0 ? 0.0 : p > 1.0 ? 1.0 : p;
  }
  void cancel() { cancel_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancel_.load(std::memory_order_relaxed); }
  // Throws JobCancelled when Cancel was asked for: call it between chunks of work.
  void check() const {
    if (cancelled()) throw JobCancelled();
  }

 private:
  std::atomic<double> progress_{0.0};
  std::atomic<bool> cancel_{false};
};

template <class T>
class Job {
 public:
  Job() = default;
  // Starts `work(JobControl&) -> T` on a new thread. `label` names it in the UI ("Saving x").
  template <class F>
  static Job start(std::string label, F work) {
    Job j;
    j.label_ = std::move(label);
    j.control_ = std::make_shared<JobControl>();
    j.future_ = std::async(std::launch::async,
                           [c = j.control_, w = std::move(work)]() mutable { return w(*c); });
    return j;
  }

  bool active() const { return future_.valid(); }  // started and not yet taken
  bool ready() const {
    return future_.valid() &&
           future_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  }
  // The result once ready() (rethrows the job's exception, JobCancelled included). Afterwards
  // the job is no longer active.
  T take() { return future_.get(); }
  // Waits for the job to end (used on exit, after cancel() when the result is not wanted).
  void wait() const {
    if (future_.valid()) future_.wait();
  }
  void cancel() {
    if (control_) control_->cancel();
  }
  double progress() const { return control_ ? control_->progress() : 0.0; }
  bool cancel_requested() const { return control_ && control_->cancelled(); }
  const std::string& label() const { return label_; }

 private:
  std::string label_;
  std::shared_ptr<JobControl> control_;
  std::future<T> future_;  // std::async's future: its destructor waits for the thread
};

}  // namespace ll
