// Rule parameter configuration (see params.h).
#include "rules/params.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace sunlight::rules {
namespace {

constexpr std::string_view kRegionsKey = "regions";

bool IsRegionPrefix(std::string_view text) {
  return text.size() >= 2 && text.size() <= 12 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string ParamNames(const Rule& rule) {
  std::string names;
  for (const RuleParam& param : rule.params) {
    if (!names.empty()) names += "、";
    names += std::string(param.name);
  }
  return names.empty() ? "（该规则没有参数）" : names;
}

class ConfigParser {
 public:
  explicit ConfigParser(std::string_view file_name) : file_(file_name) {}

  Status Error(const std::string& key, const std::string& what) const {
    return InvalidArgumentError("规则参数配置 " + file_ + "：键 \"" + key + "\" " + what,
                                "bad_rule_config");
  }

  // Parameter values of `rule` from one JSON object, skipping the "regions" key when allowed.
  StatusOr<ParamValues> Values(const Rule& rule, const nlohmann::json& object,
                               const std::string& path, bool allow_regions) const {
    ParamValues values;
    for (const auto& [name, value] : object.items()) {
      const std::string key = path + "." + name;
      if (allow_regions && name == kRegionsKey) continue;
      const bool known = std::any_of(rule.params.begin(), rule.params.end(),
                                     [&name](const RuleParam& p) { return p.name == name; });
      if (!known) {
        return Error(key, "不是规则 " + std::string(rule.code) + " 的参数（可用参数：" +
                              ParamNames(rule) + "）");
      }
      if (!value.is_number()) return Error(key, "的值必须是数字，而不是 " + value.dump());
      const double number = value.get<double>();
      if (!std::isfinite(number)) return Error(key, "的值必须是有限的数字");
      values[name] = number;
    }
    return values;
  }

  StatusOr<RuleParams> ParseRule(const Rule& rule, const nlohmann::json& entry) const {
    const std::string code(rule.code);
    if (!entry.is_object()) return Error(code, "的值必须是对象，如 {\"参数名\": 数值}");
    RuleParams params(rule.DefaultParams());
    SUNLIGHT_ASSIGN_OR_RETURN(ParamValues base, Values(rule, entry, code, true));
    params.SetBase(base);
    if (auto regions = entry.find(kRegionsKey); regions != entry.end()) {
      const std::string regions_path = code + "." + std::string(kRegionsKey);
      if (!regions->is_object()) {
        return Error(regions_path, "的值必须是对象，键为区划代码前缀（2 至 12 位数字）");
      }
      for (const auto& [prefix, overrides] : regions->items()) {
        const std::string path = regions_path + "." + prefix;
        if (!IsRegionPrefix(prefix)) return Error(path, "不是区划代码前缀（应为 2 至 12 位数字）");
        if (!overrides.is_object()) return Error(path, "的值必须是对象，如 {\"参数名\": 数值}");
        SUNLIGHT_ASSIGN_OR_RETURN(ParamValues values, Values(rule, overrides, path, false));
        params.AddRegion(prefix, std::move(values));
      }
    }
    params.Finish();
    return params;
  }

 private:
  std::string file_;
};

}  // namespace

const ParamValues& RuleParams::For(std::string_view region_code) const {
  for (const Region& region : regions_) {  // longest prefix first
    if (region_code.substr(0, region.prefix.size()) == region.prefix) return region.complete;
  }
  return base_;
}

std::vector<const ParamValues*> RuleParams::DistinctSets() const {
  std::vector<const ParamValues*> sets = {&base_};
  for (const Region& region : regions_) {
    const bool seen = std::any_of(sets.begin(), sets.end(), [&region](const ParamValues* set) {
      return *set == region.complete;
    });
    if (!seen) sets.push_back(&region.complete);
  }
  return sets;
}

void RuleParams::SetBase(const ParamValues& values) {
  for (const auto& [name, value] : values) base_[name] = value;
}

void RuleParams::AddRegion(std::string prefix, ParamValues values) {
  regions_.push_back(Region{std::move(prefix), std::move(values), {}});
}

void RuleParams::Finish() {
  std::sort(regions_.begin(), regions_.end(), [](const Region& a, const Region& b) {
    return a.prefix.size() != b.prefix.size() ? a.prefix.size() > b.prefix.size()
                                              : a.prefix < b.prefix;
  });
  for (Region& region : regions_) {
    region.complete = base_;
    // Matching prefixes (including itself), shortest first: the longest names win.
    for (auto other = regions_.rbegin(); other != regions_.rend(); ++other) {
      if (region.prefix.compare(0, other->prefix.size(), other->prefix) != 0) continue;
      for (const auto& [name, value] : other->own) region.complete[name] = value;
    }
  }
}

RuleConfig::RuleConfig() {
  for (const Rule& rule : RuleCatalogue()) {
    by_rule_.emplace(std::string(rule.code), RuleParams(rule.DefaultParams()));
  }
}

StatusOr<RuleConfig> RuleConfig::Parse(std::string_view json_text, std::string_view file_name) {
  const ConfigParser parser(file_name);
  nlohmann::json root = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    // Parse again with exceptions only to say where: the message names the byte offset.
    std::string where;
    try {
      nlohmann::json ignored = nlohmann::json::parse(json_text);
      (void)ignored;
    } catch (const nlohmann::json::parse_error& e) {
      where = "（第 " + std::to_string(e.byte) + " 字节附近）";
    }
    return InvalidArgumentError(
        "规则参数配置 " + std::string(file_name) + " 不是有效的 JSON" + where, "bad_rule_config");
  }
  if (!root.is_object()) {
    return InvalidArgumentError("规则参数配置 " + std::string(file_name) +
                                    " 的顶层必须是对象，键为规则代码，如 {\"A07\": {...}}",
                                "bad_rule_config");
  }
  RuleConfig config;
  for (const auto& [code, entry] : root.items()) {
    const Rule* rule = FindRule(code);
    if (rule == nullptr) return parser.Error(code, "不是已知的规则代码");
    SUNLIGHT_ASSIGN_OR_RETURN(RuleParams params, parser.ParseRule(*rule, entry));
    config.by_rule_[code] = std::move(params);
  }
  return config;
}

StatusOr<RuleConfig> RuleConfig::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return InvalidArgumentError("无法读取规则参数配置 " + path.string(), "bad_rule_config");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path.string());
}

const RuleParams& RuleConfig::For(const Rule& rule) const {
  return by_rule_.find(rule.code)->second;
}

}  // namespace sunlight::rules
