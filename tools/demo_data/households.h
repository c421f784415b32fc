// The household stream: households of the recipient counties with their members, 一卡通
// accounts, subsidy payments, loans and loan transfers, jobs, deaths, vehicles, properties,
// kinship with village cadres, and links to industry projects. This is where the rows are
// (a 400 000-household dataset has 1.2 M members and 1.5 M payments), so each household is
// made and written in one go from its own random stream, and nothing is kept but a few
// counters per project.
//
// Background invariants (rules that must stay quiet, spec/rules.md):
//   A01–A03  each household has its own Luhn-valid card held by its head; payments for a
//            household go to its card or, for a person's item, to that person's own card;
//   A04      only the elderly die, and they are never payees;
//   A05      officials are never household members;
//   A06–A09  one payment per item, period and beneficiary, at the standard amount or less,
//            restricted programmes pay registered households only, payee = holder;
//   A10      cars, trucks and commercial property belong to exited or ordinary households;
//   A11      village cadres' kin live in exited or ordinary households;
//   A12      ID numbers are unique (Mint);
//   B10      every linked industry project has at least as many registered households as
//            others among its beneficiaries, and at least one;
//   C01      at most 40 % of a loan goes to persons outside the household;
//   C02      a person's jobs follow one another without overlap; the dead have none.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "demo_data/demo_data.h"
#include "demo_data/projects.h"
#include "demo_data/world.h"

namespace sunlight::demo {

// Who is in a household, for the planter to describe one.
struct MemberSpec {
  std::string_view relation;  // 户主, 配偶, 之子 …
  bool male = true;
  int age = 40;
  std::string name;  // empty: drawn (with the head's surname for kin by blood)
};

struct HouseholdRecord {
  std::string id;
  int county = 0;
  int village = 0;
  std::string status;
  std::vector<Person> members;  // members[0] is the head
  std::vector<std::string> relations;
  std::string subsidy_account;
};

// Writes households.csv and members.csv rows. `subsidy_account`: the account to record;
// empty: a new card for the head (written to bank_accounts.csv). `people`: members made
// elsewhere (same order as `specs`; an empty id means "make one").
HouseholdRecord WriteHousehold(World& world, Rng& rng, int village, std::string_view status,
                               const std::vector<MemberSpec>& specs,
                               std::string_view subsidy_account = {},
                               const std::vector<Person>& people = {});

// One subsidy payment row (no project). Returns its payment id.
struct SubsidyPayment {
  std::string_view program_id, item_id, period;
  std::string_view payee_name, payee_id, account;
  Fen amount = 0;
  Date pay_date;
  std::string_view purpose = "subsidy";
  std::string_view household_id;
  int county = 0;  // the payer is the county's 财政局
};
std::string WriteSubsidyPayment(World& world, const SubsidyPayment& payment);

// Subsidy calendars at as-of: the months, quarters and years whose pay day has come.
struct PayCalendar {
  std::vector<std::pair<std::string, Date>> months;    // period, pay date (the 15th)
  std::vector<std::pair<std::string, Date>> quarters;  // period, pay date (20th of last month)
  std::pair<std::string, Date> award_year;             // 产业奖补: paid late in June
  std::pair<std::string, Date> yulu_year;              // 雨露计划: paid in October
};
PayCalendar MakePayCalendar(Date as_of);

// Writes the background households (options.households of them) county by county.
[[nodiscard]] Status StreamHouseholds(World& world, ProjectBook& projects,
                                      const ProgressFn& progress);

}  // namespace sunlight::demo
