// Helpers shared by the rule kernels (rules_*.cc) and SQL fragments shared by their reference
// queries, so that every rule resolves regions, households and officials the same way.
//
// Conventions, held by kernel and SQL alike:
//  - a payment's region is its household's village, else its payer organisation's region;
//  - a subject linked to several households takes the smallest village code among them;
//  - a project's region is projects.region_code.
// Internal to rules/.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rules/rule.h"

// Day number of a 'YYYY-MM-DD' text column or expression, in integer SQL that SQLite and
// PostgreSQL both run (no julianday, no date types): the days-from-civil formula on a year
// that starts in March. Only differences of two day numbers are meaningful. A macro, not a
// function, so that each rule's SQL stays one compile-time string literal.
//   y = year - (month <= 2), m = (month + 9) % 12 (March = 0)
//   days = 365y + y/4 - y/100 + y/400 + (306m + 5)/10 + day - 1
// clang-format off
#define SUNLIGHT_SQL_MONTH_(d) "CAST(SUBSTR(" d ", 6, 2) AS INTEGER)"
#define SUNLIGHT_SQL_YEAR_(d) \
  "(CAST(SUBSTR(" d ", 1, 4) AS INTEGER) - (" SUNLIGHT_SQL_MONTH_(d) " + 9) % 12 / 10)"
#define SUNLIGHT_SQL_DAY(d)                                   \
  "(365 * " SUNLIGHT_SQL_YEAR_(d)                             \
  " + " SUNLIGHT_SQL_YEAR_(d) " / 4"                          \
  " - " SUNLIGHT_SQL_YEAR_(d) " / 100"                        \
  " + " SUNLIGHT_SQL_YEAR_(d) " / 400"                        \
  " + (306 * ((" SUNLIGHT_SQL_MONTH_(d) " + 9) % 12) + 5) / 10" \
  " + CAST(SUBSTR(" d ", 9, 2) AS INTEGER) - 1)"
// clang-format on

// A payment's region (see above), for a query that joins `payments p`, `LEFT JOIN households h`
// on p.household_id and `LEFT JOIN organizations o` on p.payer_org_id.
#define SUNLIGHT_SQL_PAYMENT_REGION "COALESCE(h.village_code, o.region_code)"
#define SUNLIGHT_SQL_PAYMENT_REGION_JOINS                       \
  "LEFT JOIN households h ON h.household_id = p.household_id\n" \
  "LEFT JOIN organizations o ON o.org_id = p.payer_org_id\n"

namespace sunlight::rules::internal {

std::string Text(const Snapshot& snap, Code code);

// The value of a parameter the rule declares (RuleInput carries every one).
double Param(const RuleInput& input, std::string_view name);

// Codes of the given texts that occur in the snapshot (absent texts cannot match anything).
std::unordered_set<Code> CodesOf(const Snapshot& snap,
                                 std::initializer_list<std::string_view> texts);

// Index from a code to the row holding it (first row wins).
std::unordered_map<Code, size_t> RowIndex(const std::vector<Code>& keys);

// Rows of a table per key (e.g. vehicles per id_number).
std::unordered_map<Code, std::vector<size_t>> RowsBy(const std::vector<Code>& keys);

// Resolves regions the way the SQL does.
class Regions {
 public:
  explicit Regions(const Snapshot& snap);
  Code Village(Code household) const;
  Code OfOrg(Code org) const;
  Code OfPayment(size_t payment_row) const;
  // The smallest village code (as text) of the given households; "" when none is known.
  std::string MinVillage(const std::vector<Code>& households) const;

 private:
  // Codes of one table's ids are interned together, so they fill a narrow range: a vector
  // over that range answers a look-up with one index. Kernels build a Regions each, and at
  // 2 000 000 households a hash map of them took seconds to fill.
  class CodeMap {
   public:
    void Build(const std::vector<Code>& keys, const std::vector<Code>& values);
    Code Find(Code key) const {
      if (key < first_ || key >= first_ + static_cast<Code>(values_.size())) return kNullCode;
      return values_[key - first_];
    }

   private:
    Code first_ = 0;
    std::vector<Code> values_;  // kNullCode where no key
  };

  const Snapshot& snap_;
  CodeMap village_of_;
  CodeMap org_region_;
};

// Programmes with restricted_to_registered set.
std::unordered_set<Code> RestrictedPrograms(const Snapshot& snap);

// Sum of the payments made for each household.
std::unordered_map<Code, std::int64_t> PaidPerHousehold(const Snapshot& snap);

// Member id numbers per household.
std::unordered_map<Code, std::vector<Code>> MembersOf(const Snapshot& snap);

// Households (ids) of each person.
std::unordered_map<Code, std::vector<Code>> HouseholdsOf(const Snapshot& snap);

// People holding a post: officials.csv (org_id) and dispatched_cadres.csv (host organisation).
std::unordered_map<Code, std::vector<Code>> PostsOf(const Snapshot& snap);

// Both directions of kinship.csv: person → relatives.
std::unordered_map<Code, std::vector<Code>> KinOf(const Snapshot& snap);

// A household-subject warning: region the village, amount the total paid to the household.
Warning HouseholdWarning(const Snapshot& snap, size_t household_row, std::string severity,
                         const std::unordered_map<Code, std::int64_t>& paid);

// A payment-subject warning: region as above, amount the payment's, evidence names it.
Warning PaymentWarning(const Snapshot& snap, size_t payment_row, const Regions& regions,
                       std::string severity);

// A project-subject warning: region the project's, amount its budget, evidence names it.
Warning ProjectWarning(const Snapshot& snap, size_t project_row, std::string severity);

}  // namespace sunlight::rules::internal
