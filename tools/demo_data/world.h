// World: the state the generator's stages share — the options, the region tables, the
// organisations, officials and companies made so far, the identifier mint, the output files
// and the anomaly manifest. Stages run one after another (see demo_data.cc):
//
//   organizations.cc  organisations, officials, dispatched cadres and their archives
//   programmes.cc     fund programmes and subsidy items
//   companies.cc      contractors, cooperatives, employers and their officers
//   projects.cc       projects with contracts, allocations, payments and progress
//   households.cc     the household stream: members, accounts, subsidies, loans, jobs…
//   anomalies_*.cc    planted cases and near misses, with the manifest
//
// Only what later stages need is kept: ids, a few names. Rows go to the files as they are
// made. Not safe for concurrent use.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "demo_data/csv_writer.h"
#include "demo_data/demo_data.h"
#include "demo_data/geography.h"
#include "demo_data/identity.h"
#include "demo_data/manifest.h"
#include "demo_data/random.h"

namespace sunlight::demo {

struct Person {
  std::string id;
  std::string name;
  bool male = true;
  Date birth;
};

// The departments of one recipient county (ids into organizations.csv).
struct CountyOrgs {
  std::string government, commission, rural_revitalization, finance, audit, inspection, agriculture,
      education, transport, water, human_resources, forestry, health, civil_affairs;
};

// The departments of one helper region.
struct HelperOrgs {
  std::string commission, cooperation_office, finance, audit, inspection, agriculture,
      human_resources, education;
  std::vector<std::string> front_commands;  // one per pairing, located in the recipient region
};

// A village that has households in the dataset: its committee and cadres.
struct UsedVillage {
  int village = 0;  // index into Geography::villages
  std::string committee_org_id;
  std::vector<Person> cadres;  // 村党支部书记, 村委会主任, 村会计…
  int next_household_serial = 1;
  bool cadre_has_kin = false;  // one background kinship row per village at most
};

// A company that can contract, employ or receive loan money.
struct Company {
  std::string uscc;
  std::string name;
  std::string region6;
  std::string account_no;  // corporate account, in bank_accounts.csv
  Person legal_rep;
};

// Money in fen (integer: sums are exact).
using Fen = int64_t;
inline constexpr Fen Yuan(int64_t yuan) { return yuan * 100; }

// Fund programme and subsidy item ids (see programmes.cc).
struct Programmes {
  std::string central;  // 中央财政专项扶贫资金 (restricted to registered households)
  std::string ranger;   // 生态护林员补助资金 (restricted)
  std::string dibao;    // 农村最低生活保障资金
  std::map<std::string, std::string, std::less<>> provincial;  // province code → id
  std::vector<std::string> east_west;                          // per helper
  // Items.
  std::string industry_award;  // 产业发展奖补, per household, yearly
  std::string yulu;            // 雨露计划, per person, yearly
  std::string ranger_pay;      // 生态护林员补助, per person, quarterly
  std::string dibao_pay;       // 农村低保金, per household, monthly
  std::map<std::string, std::string, std::less<>> travel_subsidy;  // province → item id
  Fen industry_award_standard = Yuan(2000);
  Fen yulu_standard = Yuan(3000);
  Fen ranger_standard = Yuan(2500);
  Fen dibao_standard = Yuan(1200);
  Fen travel_standard = Yuan(500);
};

class World {
 public:
  World(const DemoOptions& options, Geography geo, std::unique_ptr<DatasetWriter> out);

  const DemoOptions& options() const { return options_; }
  Date as_of() const { return options_.as_of; }
  const Geography& geo() const { return geo_; }
  Mint& mint() { return mint_; }
  Manifest& manifest() { return manifest_; }
  CsvWriter& Out(Table table) { return out_->Get(table); }
  DatasetWriter& dataset() { return *out_; }

  // A generator for stage `stage` (and sub-stream `sub`): stages draw independently.
  Rng StageRng(uint64_t stage, uint64_t sub = 0) const;

  // --- People -------------------------------------------------------------------------
  // A new person with an ID number issued at `prefix6`. `surname` empty: drawn.
  Person NewPerson(Rng& rng, std::string_view prefix6, NameStyle style, bool male, Date birth,
                   std::string_view surname = {});
  // Someone of `county`, aged between min_age and max_age at as-of.
  Person NewCountyPerson(Rng& rng, int county, int min_age, int max_age);
  // A date `years` years and up to a year more before as-of (for birth dates).
  Date BirthForAge(Rng& rng, int age) const;

  // --- Organisations and officials ------------------------------------------------------
  // Writes an organizations.csv row and returns its id.
  const std::string& AddOrg(std::string id, std::string_view name, std::string_view kind,
                            std::string_view region_code, std::string_view parent_id);
  // Writes an officials.csv row.
  void AddOfficial(const Person& person, std::string_view org_id, std::string_view position,
                   std::string_view category);
  // The used-village record of village `village`, creating its committee and cadres on
  // first use.
  UsedVillage& UseVillage(int village);
  // The org id of a township's government, created on first use.
  const std::string& TownshipOrg(int township);

  // --- Accounts -----------------------------------------------------------------------
  // A personal card for `holder` at a bank of `county`; writes the bank_accounts.csv row.
  std::string OpenPersonalCard(Rng& rng, const Person& holder, int county);
  // Writes a bank_accounts.csv row for an account number made elsewhere.
  void AddAccount(std::string_view account_no, std::string_view holder_name,
                  std::string_view holder_id, std::string_view bank, std::string_view type);
  std::string BankName(Rng& rng, int county, std::string* bin6) const;

  // --- Sequences ----------------------------------------------------------------------
  std::string NextPaymentId();
  std::string NextAllocationId();
  std::string NextContractId();
  std::string NextLoanId();
  std::string NextTransferId();
  std::string NextVoucher(Date date);
  std::string NextProjectId(int county);
  // A new household id in `used`: village code + 4-digit serial.
  std::string NextHouseholdId(UsedVillage& used);

  // --- Shared tables ------------------------------------------------------------------
  std::vector<CountyOrgs> county_orgs;
  std::vector<HelperOrgs> helper_orgs;
  std::map<std::string, std::string, std::less<>> province_commissions;  // code → org id
  std::map<std::string, std::string, std::less<>> city_commissions;      // code → org id
  std::map<int, UsedVillage> used_villages;                              // by village index
  std::map<int, std::string> township_orgs;                              // by township index
  std::vector<std::vector<Company>> county_contractors;                  // per county
  std::vector<std::vector<Company>> county_cooperatives;                 // per county
  std::vector<std::vector<Company>> helper_companies;                    // per helper (employers)
  std::deque<Company> extra_companies;  // made by the planter (addresses stay valid)
  // County officials by department id, for kinship and conflict-of-interest checks.
  std::map<std::string, std::vector<Person>, std::less<>> officials_by_org;
  Programmes programmes;

 private:
  DemoOptions options_;
  Geography geo_;
  std::unique_ptr<DatasetWriter> out_;
  Mint mint_;
  Manifest manifest_;
  Rng root_;
  int64_t payment_seq_ = 0, allocation_seq_ = 0, contract_seq_ = 0, loan_seq_ = 0,
          transfer_seq_ = 0, voucher_seq_ = 0;
  std::map<int, int> project_seq_;
};

// Formatting helpers for the interchange cells.
std::string MoneyText(Fen fen);   // "1234.50"
std::string DateText(Date date);  // "2021-12-31"
// The period a payment is for: "2021-03", "2021-Q1", "2021".
std::string MonthText(int year, int month);
std::string QuarterText(int year, int quarter);
Date Ymd(int year, int month, int day);  // REQUIRES: a real day
// First day of the month `months` months after (or before) the month of `date`.
Date AddMonths(Date date, int months);
// A Chinese ordinal for dispatch batches: 11 → "十一".
std::string ChineseNumber(int n);

}  // namespace sunlight::demo
