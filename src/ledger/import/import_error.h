// ImportError and ErrorList: every bad cell of a batch, as `file:row:column: reason`.
//
// The importer does not stop at the first error: people fix a file once, not once per error.
// ErrorList keeps the first kMaxErrors and counts the rest, so a wholly wrong file (say, the
// wrong table under the right name) cannot exhaust memory.
//
//   errors.Add({"payments.csv", 17, "project_id", "dangling_reference", "引用的项目 …"});
//   errors[0].ToString();  // "payments.csv:17:project_id: 引用的项目 … (dangling_reference)"
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sunlight::ledger {

struct ImportError {
  std::string file;     // "payments.csv" or "book.xlsx:payments"; the dataset for whole-set errors
  int64_t row = 0;      // the source line (CSV) or sheet row (XLSX); 0 when not about a row
  std::string column;   // canonical column name; empty when not about one cell
  std::string code;     // English reason slug, e.g. "bad_check_digit"
  std::string message;  // Chinese, for people

  // "file:row:column: message (code)"; an empty row or column keeps its place ("file:0::").
  std::string ToString() const;
};

class ErrorList {
 public:
  static constexpr size_t kMaxErrors = 10000;

  void Add(ImportError error);

  bool empty() const { return total_ == 0; }
  // Every error found, including those not kept.
  size_t total() const { return total_; }
  // The first kMaxErrors errors, in the order found.
  const std::vector<ImportError>& kept() const { return kept_; }
  bool truncated() const { return total_ > kept_.size(); }
  // Puts the kept errors in the order of `files` (ImportError::file), keeping the order found
  // within a file; errors of a file not listed (the dataset as a whole) come first.
  void SortByFile(const std::vector<std::string>& files);

 private:
  std::vector<ImportError> kept_;
  size_t total_ = 0;
};

}  // namespace sunlight::ledger
