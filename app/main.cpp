#include "app/cli/commands.h"
#include "app/shell/gui.h"

int main(int argc, char** argv) {
  return ll::cli::main(argc, argv, LOSSLAB_VERSION, &ll::gui::run);
}
