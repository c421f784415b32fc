// A test oracle for the warning rules (spec/rules.md, default parameters): a plain,
// unoptimised reading of each rule's logic over a dataset held in memory, to check the
// generator's promises — that the clean background raises nothing and that the planted
// cases raise exactly the manifest's warnings.
//
// It is not the rule engine (rules/ is), and must not become one: it exists so that the
// manifest is checked by something written from the rule text rather than from the
// planter's intentions. Where the rule text leaves a choice open (is a 90-day window
// inclusive? is "expected progress" taken at as-of or at the report's date?), Variant
// selects the other reading, and the tests require the same answer under both.
#pragma once

#include <set>
#include <string>
#include <tuple>

#include "core/date.h"
#include "dataset_reader.h"

namespace sunlight::demo::testing {

// (rule, subject_type, subject_id), ordered as the manifest is.
using Warning = std::tuple<std::string, std::string, std::string>;

struct Variant {
  bool alternative = false;  // the other reading of every open choice
};

std::set<Warning> RunRules(const Dataset& dataset, Date as_of, Variant variant = {});

}  // namespace sunlight::demo::testing
