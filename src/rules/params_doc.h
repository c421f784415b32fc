// The rule catalogue as a Markdown reference (docs/rules.md): every rule of RuleCatalogue()
// with its names, subject, logic, parameters and defaults, evidence, source and whether it is
// implemented, and how parameters are configured (params.h). Generated, never hand-written,
// so that the docs, the UI and the engine read one table; a test fails when docs/rules.md
// differs from this text. Regenerate with `build/sunlight rules --markdown > docs/rules.md`.
#pragma once

#include <string>

namespace sunlight::rules {

std::string CatalogueMarkdown();

// A parameter value as written in configuration and docs: integers without a decimal point.
std::string FormatParamValue(double value);

}  // namespace sunlight::rules
