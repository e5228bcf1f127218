#include "app/classifier/model/script.h"

#include <sstream>

#include "app/classifier/model/actions.h"

namespace ll::gui {

std::vector<ScriptCommand> parse_script(std::string_view text, const std::string& source) {
  std::vector<ScriptCommand> out;
  std::istringstream in{std::string(text)};
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    std::istringstream ls(line);
    std::string word;
    if (!(ls >> word) || word[0] == '#') continue;
    auto fail = [&](const std::string& why) {
      throw ScriptError(source + ":" + std::to_string(lineno) + ": " + why);
    };
    ScriptCommand c;
    if (word == "mouse" || word == "mouse_px") {
      c.kind = word == "mouse" ? ScriptCommand::Kind::Mouse : ScriptCommand::Kind::MousePx;
      if (!(ls >> c.x >> c.y)) fail(word + " needs two numbers");
    } else if (word == "down" || word == "up") {
      c.kind = word == "down" ? ScriptCommand::Kind::Down : ScriptCommand::Kind::Up;
      if (!(ls >> c.n)) c.n = 0;
      if (c.n < 0 || c.n > 2) fail("mouse button must be 0, 1 or 2");
    } else if (word == "shift") {
      c.kind = ScriptCommand::Kind::Shift;
      std::string v;
      ls >> v;
      if (v != "on" && v != "off") fail("shift needs on or off");
      c.n = v == "on" ? 1 : 0;
    } else if (word == "key") {
      c.kind = ScriptCommand::Kind::Key;
      ls >> c.text;
      if (!parse_chord(c.text)) fail("unknown key '" + c.text + "'");
    } else if (word == "step" || word == "wait") {
      c.kind = word == "step" ? ScriptCommand::Kind::Step : ScriptCommand::Kind::Wait;
      if (!(ls >> c.n) || c.n < 0 || c.n > 1000000) fail(word + " needs a count in [0, 1e6]");
    } else if (word == "sleep") {
      c.kind = ScriptCommand::Kind::Sleep;
      if (!(ls >> c.x) || !(c.x >= 0.0 && c.x <= 3600.0)) fail("sleep needs seconds in [0, 3600]");
    } else if (word == "seed") {
      c.kind = ScriptCommand::Kind::Seed;
      if (!(ls >> c.n) || c.n < 0) fail("seed needs a number in [0, 2^31)");
    } else if (word == "close") {
      c.kind = ScriptCommand::Kind::Close;
    } else if (word == "save" || word == "open" || word == "save_in_background") {
      c.kind = word == "save"   ? ScriptCommand::Kind::Save
               : word == "open" ? ScriptCommand::Kind::Open
                                : ScriptCommand::Kind::SaveInBackground;
      if (!(ls >> c.text)) fail(word + " needs a file name");
    } else {
      fail("unknown command '" + word + "'");
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace ll::gui
