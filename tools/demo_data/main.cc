// sunlight-gen-demo: writes the demo/benchmark dataset in the interchange format.
//
//   sunlight-gen-demo --households 400000 --seed 7 --out /tmp/demo [--no-anomalies]
//                     [--as-of 2021-12-31]
//
// Progress goes to stderr on a terminal only; the summary goes to stdout.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "core/date.h"
#include "demo_data/demo_data.h"

int main(int argc, char** argv) {
  using sunlight::demo::DemoOptions;
  CLI::App app{"生成演示数据集（交换格式 CSV），含植入的异常与预期预警清单"};
  DemoOptions options;
  options.as_of = sunlight::demo::DefaultAsOf();
  std::string out_dir;
  std::string as_of = options.as_of.ToString();
  bool no_anomalies = false;
  app.add_option("--households", options.households, "农户数")
      ->required()
      ->check(CLI::Range(sunlight::demo::kMinHouseholds, int64_t{50'000'000}));
  app.add_option("--seed", options.seed, "随机种子（相同种子生成相同文件）")->required();
  app.add_option("--out", out_dir, "输出目录")->required();
  app.add_flag("--no-anomalies", no_anomalies, "不植入异常（干净数据，规则应无预警）");
  app.add_option("--as-of", as_of, "数据基准日 YYYY-MM-DD（默认 2021-12-31）");
  CLI11_PARSE(app, argc, argv);

  sunlight::StatusOr<sunlight::Date> date = sunlight::Date::Parse(as_of);
  if (!date.ok()) {
    std::cerr << "--as-of：" << date.status().message() << "\n";
    return 2;
  }
  options.as_of = *date;
  options.out_dir = out_dir;
  options.anomalies = !no_anomalies;

  const bool terminal = isatty(STDERR_FILENO) == 1;
  std::string last_stage;
  sunlight::demo::ProgressFn progress;
  if (terminal) {
    progress = [&last_stage](std::string_view stage, int64_t done, int64_t total) {
      if (stage != last_stage && !last_stage.empty()) std::fputs("\n", stderr);
      last_stage = std::string(stage);
      std::fprintf(stderr, "\r%.*s %lld/%lld", static_cast<int>(stage.size()), stage.data(),
                   static_cast<long long>(done), static_cast<long long>(total));
      std::fflush(stderr);
    };
  }
  const auto started = std::chrono::steady_clock::now();
  auto summary = sunlight::demo::GenerateDemoDataset(options, progress);
  if (terminal) std::fputs("\n", stderr);
  if (!summary.ok()) {
    std::cerr << "生成失败：" << summary.status().message() << "\n";
    return summary.status().code() == sunlight::StatusCode::kInvalidArgument ? 2 : 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << sunlight::demo::FormatSummary(*summary);
  std::printf("用时 %.1f 秒\n", seconds);
  return 0;
}
