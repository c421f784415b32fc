// GenerateDemoDataset: runs the generator's stages in order (see world.h for the list).
#include "demo_data/demo_data.h"

#include <fstream>
#include <mutex>
#include <sstream>

#include "core/division_table.h"
#include "demo_data/anomalies.h"
#include "demo_data/companies.h"
#include "demo_data/households.h"
#include "demo_data/organizations.h"
#include "demo_data/programmes.h"
#include "demo_data/projects.h"
#include "demo_data/world.h"

namespace sunlight::demo {

Date DefaultAsOf() { return Ymd(2021, 12, 31); }

namespace {

Status CheckOptions(const DemoOptions& options) {
  if (options.households < kMinHouseholds) {
    return InvalidArgumentError("农户数至少为 " + std::to_string(kMinHouseholds) + "（收到 " +
                                    std::to_string(options.households) + "）",
                                "demo_too_few_households");
  }
  if (options.households > 50'000'000) {
    return InvalidArgumentError("农户数过大（上限 5000 万）", "demo_too_many_households");
  }
  // From 2019 the pairings, programmes and exit years the data speaks of exist; after
  // today, ID numbers would carry birth dates in the future.
  if (options.as_of < Ymd(2019, 1, 1) || options.as_of > Date::Today()) {
    return InvalidArgumentError(
        "数据基准日须在 2019-01-01 与今天之间（收到 " + options.as_of.ToString() + "）",
        "demo_bad_as_of");
  }
  if (options.out_dir.empty()) {
    return InvalidArgumentError("未指定输出目录", "demo_no_out_dir");
  }
  return Status::Ok();
}

// The recipient counties' part of the division table, read once per process and directory:
// reading the 620 000 villages takes most of a small dataset's time. Safe for concurrent
// use (the cache is guarded by its mutex).
StatusOr<Geography> CachedGeography(const std::filesystem::path& dir) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, Geography> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(dir);
  if (it == cache.end()) {
    SUNLIGHT_ASSIGN_OR_RETURN(Geography geo, LoadGeography(dir));
    it = cache.emplace(dir, std::move(geo)).first;
  }
  return it->second;
}

Status WriteDatasetInfo(const DemoOptions& options, const Manifest& manifest) {
  std::ofstream out(options.out_dir / "dataset.json", std::ios::binary | std::ios::trunc);
  out << "{\n"
      << "  \"generator\": \"sunlight-gen-demo\",\n"
      << "  \"format\": \"interchange v1\",\n"
      << "  \"households\": " << options.households << ",\n"
      << "  \"seed\": " << options.seed << ",\n"
      << "  \"as_of\": " << JsonString(options.as_of.ToString()) << ",\n"
      << "  \"anomalies\": " << (options.anomalies ? "true" : "false") << ",\n"
      << "  \"expected_warnings\": " << manifest.expected_count() << ",\n"
      << "  \"near_misses\": " << manifest.near_miss_count() << ",\n"
      << "  \"rules_not_planted\": {\"D02\": \"整改任务不在交换格式中\", \"D03\": "
         "\"移送记录不在交换格式中\"}\n"
      << "}\n";
  if (!out) return UnavailableError("写入 dataset.json 失败", "io_error");
  return Status::Ok();
}

}  // namespace

StatusOr<DemoSummary> GenerateDemoDataset(const DemoOptions& options, const ProgressFn& progress) {
  SUNLIGHT_RETURN_IF_ERROR(CheckOptions(options));
  std::filesystem::path division_dir = options.division_dir;
  if (division_dir.empty()) {
    SUNLIGHT_ASSIGN_OR_RETURN(division_dir, FindDivisionDataDir());
  }
  if (progress) progress("读取区划代码", 0, 1);
  SUNLIGHT_ASSIGN_OR_RETURN(Geography geo, CachedGeography(division_dir));
  if (progress) progress("读取区划代码", 1, 1);
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<DatasetWriter> writer,
                            DatasetWriter::Open(options.out_dir));
  World world(options, std::move(geo), std::move(writer));

  if (progress) progress("单位与人员", 0, 1);
  SUNLIGHT_RETURN_IF_ERROR(BuildOrganizations(world));
  SUNLIGHT_RETURN_IF_ERROR(BuildProgrammes(world));
  SUNLIGHT_RETURN_IF_ERROR(BuildCompanies(world));
  BuildDispatchedCadres(world);
  if (progress) progress("单位与人员", 1, 1);

  if (progress) progress("项目", 0, 1);
  ProjectBook book(world);
  const PlantedProjects planted = AddSeedProjects(world, book, options.anomalies);
  book.BuildBackground(planted.concentrated_counties);
  book.BalanceSuppliers(planted.concentrated_counties);
  book.Write();
  if (progress) progress("项目", 1, 1);

  SUNLIGHT_RETURN_IF_ERROR(StreamHouseholds(world, book, progress));
  if (options.anomalies) {
    if (progress) progress("植入异常", 0, 1);
    PlantPeopleAnomalies(world, planted);
    if (progress) progress("植入异常", 1, 1);
  }
  SUNLIGHT_RETURN_IF_ERROR(world.dataset().Close());
  SUNLIGHT_RETURN_IF_ERROR(world.manifest().Write(options.out_dir));
  SUNLIGHT_RETURN_IF_ERROR(WriteDatasetInfo(options, world.manifest()));

  DemoSummary summary;
  summary.out_dir = options.out_dir;
  summary.as_of = options.as_of;
  summary.seed = options.seed;
  for (const TableSchema& schema : kSchemas) {
    const int64_t rows = world.dataset().Rows(schema.table);
    summary.rows.emplace_back(std::string(schema.file_name), rows);
    summary.total_rows += rows;
  }
  summary.expected_per_rule = world.manifest().ExpectedPerRule();
  summary.near_misses_per_rule = world.manifest().NearMissesPerRule();
  return summary;
}

std::string FormatSummary(const DemoSummary& summary) {
  std::ostringstream out;
  out << "演示数据已写入 " << summary.out_dir.string() << "（基准日 " << summary.as_of.ToString()
      << "，随机种子 " << summary.seed << "）\n";
  for (const auto& [file, rows] : summary.rows) {
    out << "  " << file;
    for (size_t pad = file.size(); pad < 28; ++pad) out << ' ';
    out << rows << " 行\n";
  }
  out << "  合计 " << summary.total_rows << " 行\n";
  if (summary.expected_per_rule.empty()) {
    out << "未植入异常：按规则扫描应无预警。\n";
    return out.str();
  }
  int expected = 0;
  int near = 0;
  out << "植入异常（应触发预警 / 临界不触发）：\n";
  for (std::string_view rule : kDataRules) {
    const std::string key(rule);
    const auto e = summary.expected_per_rule.find(key);
    const auto n = summary.near_misses_per_rule.find(key);
    const int e_count = e == summary.expected_per_rule.end() ? 0 : e->second;
    const int n_count = n == summary.near_misses_per_rule.end() ? 0 : n->second;
    expected += e_count;
    near += n_count;
    out << "  " << rule << "  " << e_count << " / " << n_count << "\n";
  }
  out << "  合计 " << expected << " 条预警，" << near << " 个临界样本"
      << "（D02、D03 涉及整改与移送记录，不在交换格式中，未植入）\n"
      << "  清单：expected_warnings.jsonl、near_misses.jsonl\n";
  return out.str();
}

}  // namespace sunlight::demo
