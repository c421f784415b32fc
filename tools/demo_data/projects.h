// Projects and their money trail: contracts, allocations (下达), payments (支付, with
// vouchers and approvals), progress reports. Projects are few (hundreds even for a
// province-sized dataset), so they are planned in memory, checked, then written.
//
// The background projects keep every project rule quiet at as-of (spec/rules.md):
//   B02  a project allocated 180+ days ago has paid at least 60 % of its allocation;
//   B03  money still unpaid has moved within the last 60 days;
//   B04  a project whose planned acceptance is more than 30 days past has been accepted;
//   B05  reported progress is at or ahead of the linear schedule;
//   B06  no budget or contract lies in [3.4, 4.1) million without a tender, and no project
//        has two contracts with one supplier;
//   B01, B07, B08, B09  contractors are paid into corporate accounts, within 45 days of the
//        expense, with a voucher and an approval on or before the pay date, for categories
//        their programme allows;
//   B11  contractors' officers are nobody's officials or kin;
//   B12  in a county with five or more contracts no supplier holds more than 45 % of the
//        contract value (suppliers are assigned greedily, and balanced afterwards).
// Planted projects (anomalies_projects.cc) are built with the same helpers and bend one
// rule each.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "demo_data/world.h"

namespace sunlight::demo {

struct ContractPlan {
  std::string id;
  const Company* supplier = nullptr;
  Fen amount = 0;
  Date signed_date;
  std::string method;
};

struct ProjectPaymentPlan {
  std::string id;
  std::string program_id;  // empty: the project's
  std::string payee_name, payee_id, account;
  Fen amount = 0;
  Date pay_date;
  std::optional<Date> expense_date;
  std::string voucher;
  std::optional<Date> approved_date;
  std::string purpose;  // empty: the project's category
};

struct ProjectPlan {
  std::string id, name, category, region_code, helper_region_code, owner_org_id, program_id;
  int county = 0;
  Fen budget = 0;
  std::string procurement;
  const Company* contractor = nullptr;
  Date approved, planned_start, planned_completion, planned_acceptance;
  std::optional<Date> actual_start, actual_completion, accepted;
  std::vector<ContractPlan> contracts;
  std::vector<std::pair<Date, Fen>> allocations;  // date, amount
  std::vector<ProjectPaymentPlan> payments;
  std::vector<std::pair<Date, int>> progress;  // report date, percent complete
  // May the household stream link beneficiaries to it (industry projects that rule B10
  // should see as well linked)?
  bool links_households = false;
  // Planted: fixed by the planter, left alone by the balancing.
  bool planted = false;
};

// The life-cycle stage a background project is in at as-of.
enum class ProjectStage { kAccepted, kInProgress, kAwaitingAcceptance, kNew };

class ProjectBook {
 public:
  explicit ProjectBook(World& world) : world_(world) {}

  // A project with its identity filled in (id, name, category, owner, programme, region),
  // not yet added. `east_west`: funded by the helper's cooperation fund.
  ProjectPlan NewProject(int county, std::string name, std::string_view category,
                         std::string_view owner_org_id, bool east_west,
                         std::string_view region_code = {});

  // The money and schedule of a clean project in `stage`: contract with `supplier` for
  // `contract_amount` (method chosen from the amount unless set), allocations, payments,
  // progress. REQUIRES: plan.budget >= contract_amount.
  void FillClean(ProjectPlan& plan, Rng& rng, ProjectStage stage, const Company& supplier,
                 Fen contract_amount);

  // Building blocks, for planted projects.
  void AddContract(ProjectPlan& plan, const Company& supplier, Fen amount, Date signed_date,
                   std::string_view method);
  // A payment to the project's contractor (corporate account), with a voucher, an approval
  // `approval_lag` days before, and the expense `expense_lag` days before.
  ProjectPaymentPlan& PayContractor(ProjectPlan& plan, const Company& supplier, Fen amount,
                                    Date pay_date, int approval_lag = 2, int expense_lag = 20);
  // Monthly progress reports from the actual start, on or ahead of the linear schedule,
  // up to `until` (the last report); 100 at the actual completion if there is one.
  void AddProgressOnSchedule(ProjectPlan& plan, Date until);

  ProjectPlan& Add(ProjectPlan plan);
  std::vector<ProjectPlan>& projects() { return projects_; }

  // Adds the background projects of every county but `skip`, balancing suppliers (see
  // above).
  void BuildBackground(const std::vector<int>& skip);
  // Checks the B12 invariant on the background counties; adds balancing projects where
  // needed. `concentrated`: counties where the planter controls concentration.
  void BalanceSuppliers(const std::vector<int>& concentrated);

  // Writes projects, contracts, allocations, payments and progress.
  void Write();

  // Linear-schedule percent at `date` (0 before the start, 100 after the completion).
  static double ExpectedPercent(const ProjectPlan& plan, Date date);

 private:
  World& world_;
  std::vector<ProjectPlan> projects_;
};

}  // namespace sunlight::demo
