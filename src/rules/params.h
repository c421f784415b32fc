// Rule parameters per deployment and per region (spec/rules.md: "parameters with defaults,
// configurable per deployment and per region, recorded with each warning").
//
// A configuration file is a JSON object keyed by rule code:
//   {"A07": {"tolerance": 0.05, "regions": {"5205": {"tolerance": 0.1}}}}
// A rule's values start from the catalogue's defaults, the rule-level values replace them,
// and a region override applies to warnings whose region_code starts with its prefix. Where
// several prefixes match, they are applied shortest first, so the longest prefix wins for
// every parameter it names (and a shorter one still supplies what it alone names).
//
//   SUNLIGHT_ASSIGN_OR_RETURN(RuleConfig config, RuleConfig::Load("rules.json"));
//   const RuleParams& params = config.For(*FindRule("A07"));
//   const ParamValues& applied = params.For("520521001001");
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "rules/rule.h"

namespace sunlight::rules {

// The parameter sets of one rule: the set for regions without an override, and one complete
// set (every parameter present) per configured region prefix.
class RuleParams {
 public:
  RuleParams() = default;
  explicit RuleParams(ParamValues base) : base_(std::move(base)) {}

  // The values applied to a warning in `region_code` (the base set when no prefix matches).
  const ParamValues& For(std::string_view region_code) const;

  // Every distinct complete set, the base set first. One run of a rule per set is enough to
  // know the warnings of every region (see RunKernel in engine.h).
  std::vector<const ParamValues*> DistinctSets() const;

  const ParamValues& base() const { return base_; }
  bool has_region_overrides() const { return !regions_.empty(); }

  // `values` replace the base set's values of the same names (used while parsing; the names
  // must be the rule's parameters).
  void SetBase(const ParamValues& values);
  // Adds a region prefix with the values it names; complete sets are built by Finish().
  void AddRegion(std::string prefix, ParamValues values);
  // Builds each prefix's complete set: base ← each matching shorter prefix ← its own values.
  void Finish();

 private:
  struct Region {
    std::string prefix;
    ParamValues own;       // as written in the file
    ParamValues complete;  // after Finish()
  };
  ParamValues base_;
  std::vector<Region> regions_;  // after Finish(): longest prefix first
};

class RuleConfig {
 public:
  // Every rule with its catalogue defaults.
  RuleConfig();

  // Parses a configuration's text. `file_name` names the file in error messages. Unknown rule
  // codes, unknown parameter names, non-numeric values, and region keys that are not 2–12
  // digits are InvalidArgument errors naming the file and the key ("A07.regions.5205.tol").
  [[nodiscard]] static StatusOr<RuleConfig> Parse(std::string_view json_text,
                                                  std::string_view file_name);
  // Reads and parses a file; an unreadable file is an InvalidArgument error naming it.
  [[nodiscard]] static StatusOr<RuleConfig> Load(const std::filesystem::path& path);

  // The parameter sets of `rule` (its defaults when the file does not mention it).
  const RuleParams& For(const Rule& rule) const;

 private:
  std::map<std::string, RuleParams, std::less<>> by_rule_;
};

}  // namespace sunlight::rules
