// The test oracle (see rule_oracle.h). Clarity over speed: maps of strings.
#include "rule_oracle.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "core/bank_account.h"
#include "core/money.h"
#include "core/period.h"
#include "core/text.h"

namespace sunlight::demo::testing {
namespace {

int64_t Fen(const std::string& text) {
  StatusOr<Money> money = Money::Parse(text);
  return money.ok() ? money->fen() : 0;
}

std::optional<Date> DateOf(const std::string& text) {
  if (text.empty()) return std::nullopt;
  StatusOr<Date> date = Date::Parse(text);
  if (!date.ok()) return std::nullopt;
  return *date;
}

int Days(Date from, Date to) { return to.days_since_epoch() - from.days_since_epoch(); }

bool Registered(const std::string& status) {
  return status == "poor" || status == "exited" || status == "monitored";
}
bool Strict(const std::string& status) { return status == "poor" || status == "monitored"; }

// Rows of a file as column → value maps.
std::vector<std::map<std::string, std::string>> Rows(const Dataset& dataset,
                                                     const std::string& file) {
  std::vector<std::map<std::string, std::string>> rows;
  auto it = dataset.find(file);
  if (it == dataset.end()) return rows;
  for (const auto& fields : it->second.rows) {
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < fields.size() && i < it->second.header.size(); ++i) {
      row[it->second.header[i]] = fields[i];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

std::set<Warning> RunRules(const Dataset& dataset, Date as_of, Variant variant) {
  std::set<Warning> out;
  auto warn = [&out](std::string rule, std::string type, std::string id) {
    out.emplace(std::move(rule), std::move(type), std::move(id));
  };
  const bool alt = variant.alternative;

  const auto orgs = Rows(dataset, "organizations.csv");
  const auto officials = Rows(dataset, "officials.csv");
  const auto cadres = Rows(dataset, "dispatched_cadres.csv");
  const auto archives = Rows(dataset, "integrity_archives.csv");
  const auto households = Rows(dataset, "households.csv");
  const auto members = Rows(dataset, "members.csv");
  const auto accounts = Rows(dataset, "bank_accounts.csv");
  const auto officers = Rows(dataset, "company_officers.csv");
  const auto kinship = Rows(dataset, "kinship.csv");
  const auto programmes = Rows(dataset, "fund_programs.csv");
  const auto items = Rows(dataset, "subsidy_items.csv");
  const auto projects = Rows(dataset, "projects.csv");
  const auto progress = Rows(dataset, "project_progress.csv");
  const auto beneficiaries = Rows(dataset, "project_beneficiaries.csv");
  const auto contracts = Rows(dataset, "contracts.csv");
  const auto allocations = Rows(dataset, "allocations.csv");
  const auto payments = Rows(dataset, "payments.csv");
  const auto loans = Rows(dataset, "loans.csv");
  const auto transfers = Rows(dataset, "account_transfers.csv");
  const auto employment = Rows(dataset, "employment.csv");
  const auto deaths = Rows(dataset, "deaths.csv");
  const auto vehicles = Rows(dataset, "vehicles.csv");
  const auto properties = Rows(dataset, "properties.csv");

  // Indexes.
  std::map<std::string, std::string> org_region;
  for (const auto& o : orgs) org_region[o.at("org_id")] = o.at("region_code");
  std::map<std::string, std::string> official_category;           // officials.csv only
  std::map<std::string, std::vector<std::string>> official_orgs;  // both files
  for (const auto& o : officials) {
    official_category[o.at("id_number")] = o.at("category");
    official_orgs[o.at("id_number")].push_back(o.at("org_id"));
  }
  for (const auto& c : cadres) official_orgs[c.at("id_number")].push_back(c.at("host_org_id"));
  std::map<std::string, const std::map<std::string, std::string>*> household_by_id;
  for (const auto& h : households) household_by_id[h.at("household_id")] = &h;
  std::map<std::string, std::vector<std::string>> members_of;       // household → ids
  std::map<std::string, std::vector<std::string>> households_of;    // person → households
  std::map<std::string, std::vector<std::string>> member_names_of;  // household → names
  for (const auto& m : members) {
    members_of[m.at("household_id")].push_back(m.at("id_number"));
    households_of[m.at("id_number")].push_back(m.at("household_id"));
    member_names_of[m.at("household_id")].push_back(NormalizeName(m.at("name")));
  }
  std::map<std::string, const std::map<std::string, std::string>*> account_by_no;
  for (const auto& a : accounts) account_by_no[a.at("account_no")] = &a;
  std::map<std::string, std::set<std::string>> kin_of;
  for (const auto& k : kinship) {
    kin_of[k.at("id_number_a")].insert(k.at("id_number_b"));
    kin_of[k.at("id_number_b")].insert(k.at("id_number_a"));
  }
  std::map<std::string, bool> restricted;
  std::map<std::string, std::set<std::string>> allowed;
  for (const auto& p : programmes) {
    restricted[p.at("program_id")] = p.at("restricted_to_registered") == "true";
    std::string list = p.at("allowed_categories");
    size_t start = 0;
    while (start <= list.size()) {
      const size_t end = std::min(list.find(';', start), list.size());
      allowed[p.at("program_id")].insert(list.substr(start, end - start));
      start = end + 1;
    }
  }
  std::map<std::string, const std::map<std::string, std::string>*> item_by_id;
  for (const auto& i : items) item_by_id[i.at("item_id")] = &i;
  std::map<std::string, Date> death_of;
  for (const auto& d : deaths) death_of[d.at("id_number")] = *DateOf(d.at("death_date"));
  using Row = std::map<std::string, std::string>;
  std::map<std::string, std::vector<const Row*>> vehicles_of, properties_of, roles_of;
  for (const auto& v : vehicles) vehicles_of[v.at("id_number")].push_back(&v);
  for (const auto& p : properties) properties_of[p.at("id_number")].push_back(&p);
  for (const auto& o : officers) roles_of[o.at("id_number")].push_back(&o);
  std::map<std::string, std::string> project_category;
  for (const auto& p : projects) project_category[p.at("project_id")] = p.at("category");
  auto in_registered_household = [&](const std::string& id) {
    for (const std::string& h : households_of[id]) {
      if (Registered(household_by_id.at(h)->at("status"))) return true;
    }
    return false;
  };

  // --- A ------------------------------------------------------------------------------
  std::map<std::string, std::set<std::string>> households_of_account;
  std::map<std::string, std::set<std::string>> accounts_of_household;
  for (const auto& h : households) {
    households_of_account[h.at("subsidy_account")].insert(h.at("household_id"));
    accounts_of_household[h.at("household_id")].insert(h.at("subsidy_account"));
  }
  std::set<std::string> restricted_paid;
  for (const auto& p : payments) {
    const std::string& household = p.at("household_id");
    if (household.empty()) continue;
    households_of_account[p.at("payee_account")].insert(household);
    accounts_of_household[household].insert(p.at("payee_account"));
    if (restricted[p.at("program_id")]) restricted_paid.insert(household);
  }
  for (const auto& [account, set] : households_of_account) {
    if (set.size() >= 2) warn("A01", "bank_account", account);
  }
  for (const auto& h : households) {
    const std::string& id = h.at("household_id");
    const auto& ids = members_of[id];
    for (const std::string& account : accounts_of_household[id]) {
      auto it = account_by_no.find(account);
      if (it == account_by_no.end()) continue;
      const std::string& holder = it->second->at("holder_id");
      if (official_orgs.count(holder) > 0 &&
          std::find(ids.begin(), ids.end(), holder) == ids.end()) {
        warn("A02", "household", id);
      }
    }
    // A03
    const std::string& account = h.at("subsidy_account");
    StatusOr<BankAccount> parsed = BankAccount::Parse(account);
    bool bad = parsed.ok() && parsed->IsCardLength() && !parsed->LuhnValid();
    auto it = account_by_no.find(account);
    if (!bad && it != account_by_no.end()) {
      const auto& names = member_names_of[id];
      bad = std::find(names.begin(), names.end(), NormalizeName(it->second->at("holder_name"))) ==
            names.end();
    }
    if (bad) warn("A03", "household", id);
    // A05
    if (Strict(h.at("status")) || restricted_paid.count(id) > 0) {
      for (const std::string& member : ids) {
        auto c = official_category.find(member);
        if (c != official_category.end() &&
            (c->second == "civil_servant" || c->second == "public_institution" ||
             c->second == "soe")) {
          warn("A05", "household", id);
        }
      }
    }
    // A10, A11
    if (Strict(h.at("status"))) {
      for (const std::string& member : ids) {
        for (const auto* v : vehicles_of[member]) {
          if ((v->at("vehicle_type") == "car" || v->at("vehicle_type") == "truck") &&
              DateOf(v->at("registered_date")).value_or(as_of) < as_of) {
            warn("A10", "household", id);
          }
        }
        for (const auto* p : properties_of[member]) {
          if (p->at("kind") == "commercial" || p->at("kind") == "industrial") {
            warn("A10", "household", id);
          }
        }
        for (const auto* o : roles_of[member]) {
          if (o->at("role") == "legal_rep" || o->at("role") == "shareholder") {
            warn("A10", "household", id);
          }
        }
        const std::string township = h.at("village_code").substr(0, 9);
        for (const std::string& kin : kin_of[member]) {
          for (const std::string& org : official_orgs[kin]) {
            const std::string& region = org_region[org];
            if (region.size() >= 9 && region.substr(0, 9) == township) warn("A11", "household", id);
          }
        }
      }
    }
  }
  for (const auto& [person, list] : households_of) {
    if (list.size() >= 2) warn("A12", "person", person);
  }
  // A04, A06–A09 over payments.
  std::map<std::tuple<std::string, std::string, std::string>,
           std::vector<std::pair<std::string, std::string>>>
      groups;  // (item, period, beneficiary) → (pay_date, payment_id)
  for (const auto& p : payments) {
    const std::string& id = p.at("payment_id");
    const std::string& payee = p.at("payee_id");
    auto dead = death_of.find(payee);
    if (dead != death_of.end()) {
      Date reference = *DateOf(p.at("pay_date"));
      if (!p.at("period").empty()) reference = Period::Parse(p.at("period"))->start();
      if (dead->second < reference) warn("A04", "payment", id);
    }
    const std::string& item_id = p.at("item_id");
    if (!item_id.empty()) {
      const auto& item = *item_by_id.at(item_id);
      const std::string beneficiary =
          item.at("unit") == "per_household" ? p.at("household_id") : payee;
      groups[{item_id, p.at("period"), beneficiary}].emplace_back(p.at("pay_date"), id);
      if (Fen(p.at("amount")) > Fen(item.at("standard_amount"))) warn("A07", "payment", id);
    }
    if (restricted[p.at("program_id")] && !payee.empty() && !in_registered_household(payee)) {
      warn("A08", "payment", id);
    }
    auto account = account_by_no.find(p.at("payee_account"));
    if (account != account_by_no.end() &&
        NormalizeName(account->second->at("holder_name")) != NormalizeName(p.at("payee_name"))) {
      warn("A09", "payment", id);
    }
    // B01, B07, B08, B09
    const std::string& project_id = p.at("project_id");
    const std::string& purpose = p.at("purpose_category");
    if (!project_id.empty() && purpose != "labor" && purpose != "subsidy" &&
        account != account_by_no.end() && account->second->at("account_type") == "personal") {
      warn("B01", "payment", id);
    }
    const auto expense = DateOf(p.at("expense_date"));
    if (expense.has_value() && Days(*expense, *DateOf(p.at("pay_date"))) > 90) {
      warn("B07", "payment", id);
    }
    if (!project_id.empty()) {
      const auto approved = DateOf(p.at("approved_date"));
      if (p.at("voucher_no").empty() || !approved.has_value() ||
          *approved > *DateOf(p.at("pay_date"))) {
        warn("B08", "payment", id);
      }
    }
    const auto& ok = allowed[p.at("program_id")];
    bool b09 = ok.count(purpose) == 0;
    if (!project_id.empty() && ok.count(project_category[project_id]) == 0) b09 = true;
    if (b09) warn("B09", "payment", id);
  }
  for (auto& [key, list] : groups) {
    std::sort(list.begin(), list.end());
    for (size_t i = 1; i < list.size(); ++i) warn("A06", "payment", list[i].second);
  }

  // --- B (projects) ---------------------------------------------------------------------
  std::map<std::string, std::vector<std::string>> linked;
  for (const auto& b : beneficiaries) linked[b.at("project_id")].push_back(b.at("household_id"));
  std::map<std::string, std::map<std::string, int64_t>> county_supplier;
  std::map<std::string, std::map<std::string, int>> county_supplier_count;
  std::map<std::string, int> county_count;
  for (const auto& project : projects) {
    const std::string& id = project.at("project_id");
    int64_t allocated = 0, paid = 0;
    std::optional<Date> first_allocation, last_payment;
    for (const auto& a : allocations) {
      if (a.at("project_id") != id) continue;
      allocated += Fen(a.at("amount"));
      const Date d = *DateOf(a.at("date"));
      if (!first_allocation || d < *first_allocation) first_allocation = d;
    }
    for (const auto& p : payments) {
      if (p.at("project_id") != id) continue;
      paid += Fen(p.at("amount"));
      const Date d = *DateOf(p.at("pay_date"));
      if (!last_payment || d > *last_payment) last_payment = d;
    }
    if (first_allocation && allocated > 0 && Days(*first_allocation, as_of) >= 180 &&
        paid * 10 < allocated * 6) {
      warn("B02", "project", id);
    }
    if (first_allocation && allocated - paid > 0 &&
        Days(last_payment.value_or(*first_allocation), as_of) >= 365) {
      warn("B03", "project", id);
    }
    const auto planned_acceptance = DateOf(project.at("planned_acceptance"));
    if (planned_acceptance && planned_acceptance->AddDays(30) < as_of &&
        project.at("accepted_date").empty()) {
      warn("B04", "project", id);
    }
    std::optional<std::pair<Date, double>> latest;
    for (const auto& r : progress) {
      if (r.at("project_id") != id) continue;
      const Date d = *DateOf(r.at("report_date"));
      if (!latest || d > latest->first) latest = {{d, std::stod(r.at("percent_complete"))}};
    }
    const auto start = DateOf(project.at("planned_start"));
    const auto completion = DateOf(project.at("planned_completion"));
    if (latest && start && completion) {
      const Date at = alt ? latest->first : as_of;
      double expected = 0;
      if (at >= *completion) {
        expected = 100;
      } else if (at > *start) {
        expected = 100.0 * Days(*start, at) / Days(*start, *completion);
      }
      if (latest->second < expected - 30) warn("B05", "project", id);
    }
    // B06
    const int64_t low = 360000000, threshold = 400000000;
    auto untendered = [](const std::string& method) {
      return method != "open_tender" && method != "invited_tender";
    };
    const int64_t budget = Fen(project.at("budget"));
    bool b06 = budget >= low && budget < threshold && untendered(project.at("procurement_method"));
    std::vector<const std::map<std::string, std::string>*> own;
    for (const auto& c : contracts) {
      if (c.at("project_id") != id) continue;
      own.push_back(&c);
      const int64_t amount = Fen(c.at("amount"));
      if (amount >= low && amount < threshold && untendered(c.at("procurement_method"))) b06 = true;
      const std::string county = project.at("region_code").substr(0, 6);
      county_supplier[county][c.at("supplier_uscc")] += amount;
      ++county_supplier_count[county][c.at("supplier_uscc")];
      ++county_count[county];
    }
    for (const auto* a : own) {
      int64_t sum = 0;
      int count = 0;
      bool all_small = true;
      for (const auto* b : own) {
        if (b->at("supplier_uscc") != a->at("supplier_uscc")) continue;
        const int gap = Days(*DateOf(a->at("signed_date")), *DateOf(b->at("signed_date")));
        if (gap < 0 || (alt ? gap >= 90 : gap > 90)) continue;
        sum += Fen(b->at("amount"));
        ++count;
        all_small = all_small && Fen(b->at("amount")) < threshold;
      }
      if (count >= 2 && all_small && sum >= threshold) b06 = true;
    }
    if (b06) warn("B06", "project", id);
    // B10
    if (project.at("category") == "industry") {
      const auto& list = linked[id];
      int registered = 0;
      for (const std::string& h : list)
        registered += Registered(household_by_id.at(h)->at("status"));
      if (list.empty() || registered * 2 < static_cast<int>(list.size()))
        warn("B10", "project", id);
    }
    // B11
    std::set<std::string> owner_people;
    for (const auto& o : officials) {
      if (o.at("org_id") == project.at("owner_org_id")) owner_people.insert(o.at("id_number"));
    }
    std::set<std::string> tied = owner_people;
    for (const std::string& person : owner_people) {
      for (const std::string& kin : kin_of[person]) tied.insert(kin);
    }
    std::set<std::string> companies = {project.at("contractor_uscc")};
    for (const auto* c : own) companies.insert(c->at("supplier_uscc"));
    for (const auto& o : officers) {
      if (companies.count(o.at("uscc")) > 0 &&
          (o.at("role") == "legal_rep" || o.at("role") == "shareholder") &&
          tied.count(o.at("id_number")) > 0) {
        warn("B11", "project", id);
      }
    }
  }
  for (const auto& [county, by_supplier] : county_supplier) {
    int64_t total = 0;
    for (const auto& [supplier, amount] : by_supplier) total += amount;
    for (const auto& [supplier, amount] : by_supplier) {
      const int count = alt ? county_supplier_count[county][supplier] : county_count[county];
      if (count >= 5 && amount * 2 > total) warn("B12", "company", supplier);
    }
  }

  // --- C, D -----------------------------------------------------------------------------
  for (const auto& loan : loans) {
    const Date issued = *DateOf(loan.at("issue_date"));
    const auto& ids = members_of[loan.at("household_id")];
    int64_t out_of_household = 0;
    for (const auto& t : transfers) {
      if (t.at("from_account") != loan.at("account_no")) continue;
      const int gap = Days(issued, *DateOf(t.at("date")));
      if (gap < 0 || (alt ? gap >= 30 : gap > 30)) continue;
      auto account = account_by_no.find(t.at("to_account"));
      if (account == account_by_no.end() || account->second->at("account_type") != "personal")
        continue;
      const std::string& holder = account->second->at("holder_id");
      if (std::find(ids.begin(), ids.end(), holder) != ids.end()) continue;
      out_of_household += Fen(t.at("amount"));
    }
    if (out_of_household * 2 >= Fen(loan.at("amount"))) warn("C01", "loan", loan.at("loan_id"));
  }
  std::map<std::string, std::vector<const std::map<std::string, std::string>*>> jobs;
  for (const auto& e : employment) jobs[e.at("id_number")].push_back(&e);
  for (const auto& [person, list] : jobs) {
    auto dead = death_of.find(person);
    for (const auto* a : list) {
      const Date a_start = *DateOf(a->at("start_date"));
      if (dead != death_of.end() && a_start > dead->second) warn("C02", "person", person);
      const Date a_end = DateOf(a->at("end_date")).value_or(as_of.AddDays(100000));
      for (const auto* b : list) {
        if (a == b || a->at("region_code").substr(0, 2) == b->at("region_code").substr(0, 2))
          continue;
        const Date b_start = *DateOf(b->at("start_date"));
        const Date b_end = DateOf(b->at("end_date")).value_or(as_of.AddDays(100000));
        const bool overlap =
            alt ? (a_start < b_end && b_start < a_end) : (a_start <= b_end && b_start <= a_end);
        if (overlap) warn("C02", "person", person);
      }
    }
  }
  std::map<std::string, Date> archive_updated;
  for (const auto& a : archives) archive_updated[a.at("id_number")] = *DateOf(a.at("last_updated"));
  for (const auto& c : cadres) {
    const Date start = *DateOf(c.at("start_date"));
    const auto end = DateOf(c.at("end_date"));
    const bool in_post = start <= as_of && (!end || (alt ? *end > as_of : *end >= as_of));
    if (!in_post) continue;
    auto it = archive_updated.find(c.at("id_number"));
    if (it == archive_updated.end() || Days(it->second, as_of) > 180) {
      warn("D01", "person", c.at("id_number"));
    }
  }
  return out;
}

}  // namespace sunlight::demo::testing
