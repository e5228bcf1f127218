#pragma once
// Failures the user must not miss (a save, autosave or export that did not happen): a list of
// banners drawn at the top of the window until dismissed. GL-free; Session draws them.
//   st.banners.report("Cannot save scene.json", "No space left on device");
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace ll::gui {

struct Banner {
  std::string title;    // what failed, naming the file: "Autosave to /x/autosave.json failed"
  std::string message;  // the cause: "No space left on device"
  int count = 1;        // how many times it was reported while shown
};

class Banners {
 public:
  // The same title and message again while shown: counted, not repeated.
  void report(std::string title, std::string message) {
    for (Banner& b : items_)
      if (b.title == title && b.message == message) {
        ++b.count;
        return;
      }
    items_.push_back({std::move(title), std::move(message)});
  }
  void dismiss(std::size_t i) {
    if (i < items_.size()) items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
  }
  const std::vector<Banner>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Banner> items_;
};

}  // namespace ll::gui
