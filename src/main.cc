// The `sunlight` binary: every subcommand lives in src/cli/.
#include "cli/app.h"

int main(int argc, char** argv) { return sunlight::cli::Main(argc, argv); }
