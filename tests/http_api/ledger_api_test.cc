// The ledger API on the demo generator's dataset, served on loopback: list totals equal the
// scope-restricted COUNT(*) of the table, records outside the scope are 403, no body carries
// a full ID or card number, bad list parameters are 400 naming the parameter.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api_support/ledger_test_env.h"

namespace sunlight::http::ledger_testing {
namespace {

// 大方县 (Bijie): a county of the paired western region with households, payments, projects.
const std::string kCounty = "520521";
const std::string kCity = "5205";

class LedgerApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world_ = LedgerWorld::Get();
    ASSERT_NE(world_, nullptr);
  }
  LedgerWorld* world_ = nullptr;
};

// Expected totals, written independently of the API's SQL (substr instead of LIKE).
struct CountCase {
  std::string path;
  std::string count_sql;  // one `?`: the prefix; `?` twice for `n`: the prefix length
};

TEST_F(LedgerApiTest, ListTotalsEqualScopedCounts) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"households", "SELECT COUNT(*) FROM households WHERE substr(village_code, 1, {n}) = ?"},
      {"payments",
       "SELECT COUNT(*) FROM payments p LEFT JOIN households h ON h.household_id = "
       "p.household_id LEFT JOIN organizations o ON o.org_id = p.payer_org_id WHERE "
       "substr(COALESCE(h.village_code, o.region_code), 1, {n}) = ?"},
      {"projects", "SELECT COUNT(*) FROM projects WHERE substr(region_code, 1, {n}) = ?"},
      {"organizations", "SELECT COUNT(*) FROM organizations WHERE substr(region_code, 1, {n}) = ?"},
      {"companies", "SELECT COUNT(*) FROM companies WHERE substr(region_code, 1, {n}) = ?"},
      {"officials",
       "SELECT COUNT(*) FROM officials f JOIN organizations o ON o.org_id = f.org_id "
       "WHERE substr(o.region_code, 1, {n}) = ?"},
      {"dispatched_cadres",
       "SELECT COUNT(*) FROM dispatched_cadres d WHERE EXISTS (SELECT 1 FROM organizations o "
       "WHERE o.org_id IN (d.home_org_id, d.host_org_id) AND substr(o.region_code, 1, {n}) = ?)"},
      {"warnings", "SELECT COUNT(*) FROM warnings WHERE substr(region_code, 1, {n}) = ?"},
  };
  for (const std::string& prefix : {kCounty, kCity, std::string("4401")}) {
    for (const auto& [path, sql_template] : cases) {
      std::string sql = sql_template;
      sql.replace(sql.find("{n}"), 3, std::to_string(prefix.size()));
      const int64_t expected = world_->Count(sql, {prefix});
      HttpResult got = world_->Fetch("/api/v1/" + path, prefix);
      ASSERT_EQ(got.status, 200) << path << " " << got.body;
      EXPECT_EQ(got.json["total"].get<int64_t>(), expected) << path << " in " << prefix;
      EXPECT_EQ(got.json["page"], 1);
      EXPECT_EQ(got.json["page_size"], 20);
      EXPECT_EQ(got.json["items"].size(), std::min<int64_t>(expected, 20)) << path;
    }
  }
  // The dataset has rows in both regions of the pairing, or the totals above prove little.
  EXPECT_GT(world_->Count("SELECT COUNT(*) FROM households WHERE village_code LIKE '520521%'"), 20);
  EXPECT_GT(world_->Count("SELECT COUNT(*) FROM organizations WHERE region_code LIKE '4401%'"), 0);
}

TEST_F(LedgerApiTest, RegionFilterIsIntersectedWithTheScope) {
  // Inside the scope: narrows it.
  HttpResult narrowed = world_->Fetch("/api/v1/households?region=" + kCounty, kCity);
  ASSERT_EQ(narrowed.status, 200) << narrowed.body;
  EXPECT_EQ(narrowed.json["total"],
            world_->Count("SELECT COUNT(*) FROM households WHERE village_code LIKE '520521%'"));
  // Outside the scope: nothing, not the other region's rows.
  HttpResult outside = world_->Fetch("/api/v1/households?region=4401", kCity);
  ASSERT_EQ(outside.status, 200);
  EXPECT_EQ(outside.json["total"], 0);
  // Wider than the scope: still only the scope.
  HttpResult wider = world_->Fetch("/api/v1/households?region=52", kCounty);
  EXPECT_EQ(wider.json["total"], narrowed.json["total"]);
  // An empty scope sees nothing (deny by default).
  HttpResult none = world_->Fetch("/api/v1/households", "");
  ASSERT_EQ(none.status, 200);
  EXPECT_EQ(none.json["total"], 0);
}

TEST_F(LedgerApiTest, PagesCoverEveryRowOnceInIdOrder) {
  const int64_t total = world_->Count(
      "SELECT COUNT(*) FROM payments p JOIN households h ON h.household_id = "
      "p.household_id WHERE h.village_code LIKE '5205%'");
  ASSERT_GT(total, 0);
  std::vector<std::string> ids;
  int64_t reported = -1;
  for (int page = 1; page < 1000; ++page) {
    HttpResult got =
        world_->Fetch("/api/v1/payments?page_size=37&page=" + std::to_string(page), kCity);
    ASSERT_EQ(got.status, 200) << got.body;
    reported = got.json["total"].get<int64_t>();
    if (got.json["items"].empty()) break;
    for (const auto& item : got.json["items"]) ids.push_back(item["payment_id"]);
  }
  EXPECT_EQ(static_cast<int64_t>(ids.size()), reported);
  EXPECT_GE(reported, total);  // plus payments without a household paid by an org in 5205
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
}

TEST_F(LedgerApiTest, SortOnAWhitelistedField) {
  HttpResult got = world_->Fetch("/api/v1/payments?sort=amount&order=desc&page_size=200", kCity);
  ASSERT_EQ(got.status, 200) << got.body;
  int64_t last = INT64_MAX;
  for (const auto& item : got.json["items"]) {
    const int64_t amount = item["amount_fen"].get<int64_t>();
    EXPECT_LE(amount, last);
    last = amount;
  }
  HttpResult by_id_desc = world_->Fetch("/api/v1/projects?order=desc&page_size=200", kCity);
  ASSERT_EQ(by_id_desc.status, 200);
  std::vector<std::string> ids;
  for (const auto& item : by_id_desc.json["items"]) ids.push_back(item["project_id"]);
  EXPECT_TRUE(std::is_sorted(ids.rbegin(), ids.rend()));
}

TEST_F(LedgerApiTest, FiltersNarrowTheList) {
  const std::string household = world_->Column(
      "SELECT household_id FROM payments WHERE household_id IS NOT NULL ORDER BY payment_id")[0];
  const std::string region =
      world_->Column("SELECT village_code FROM households WHERE household_id = ?", {household})[0];
  HttpResult got = world_->Fetch("/api/v1/payments?household=" + household, region.substr(0, 4));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json["total"],
            world_->Count("SELECT COUNT(*) FROM payments WHERE household_id = ?", {household}));
  for (const auto& item : got.json["items"]) EXPECT_EQ(item["household_id"], household);

  HttpResult in_2021 = world_->Fetch("/api/v1/payments?period=2021-Q2", kCity);
  ASSERT_EQ(in_2021.status, 200);
  for (const auto& item : in_2021.json["items"]) {
    const std::string date = item["pay_date"];
    EXPECT_TRUE(date >= "2021-04-01" && date <= "2021-06-30") << date;
  }
  HttpResult industry = world_->Fetch("/api/v1/projects?category=industry&page_size=200", "52");
  ASSERT_EQ(industry.status, 200);
  EXPECT_EQ(industry.json["total"],
            world_->Count("SELECT COUNT(*) FROM projects WHERE category = 'industry' AND "
                          "region_code LIKE '52%'"));
  HttpResult poor = world_->Fetch("/api/v1/households?status=poor", kCity);
  ASSERT_EQ(poor.status, 200);
  EXPECT_EQ(poor.json["total"],
            world_->Count("SELECT COUNT(*) FROM households WHERE status = 'poor' AND "
                          "village_code LIKE '5205%'"));
}

TEST_F(LedgerApiTest, RecordsOutsideTheScopeAre403AndAbsentOnes404) {
  const std::string inside = world_->Column(
      "SELECT household_id FROM households WHERE village_code LIKE '520521%' ORDER BY 1")[0];
  const std::string outside = world_->Column(
      "SELECT household_id FROM households WHERE village_code NOT LIKE '520521%' ORDER BY 1")[0];
  EXPECT_EQ(world_->Fetch("/api/v1/households/" + inside, kCounty).status, 200);
  HttpResult denied = world_->Fetch("/api/v1/households/" + outside, kCounty);
  EXPECT_EQ(denied.status, 403) << denied.body;
  EXPECT_EQ(denied.json["error"]["code"], "outside_jurisdiction");
  HttpResult absent = world_->Fetch("/api/v1/households/NO-SUCH-HOUSEHOLD", kCounty);
  EXPECT_EQ(absent.status, 404);
  EXPECT_EQ(absent.json["error"]["code"], "not_found");

  const std::string project_outside = world_->Column(
      "SELECT project_id FROM projects WHERE region_code NOT LIKE '5205%' ORDER BY 1")[0];
  EXPECT_EQ(world_->Fetch("/api/v1/projects/" + project_outside, kCity).status, 403);
  const std::string payment_outside = world_->Column(
      "SELECT p.payment_id FROM payments p JOIN households h ON h.household_id = p.household_id "
      "WHERE h.village_code NOT LIKE '520521%' ORDER BY 1")[0];
  EXPECT_EQ(world_->Fetch("/api/v1/payments/" + payment_outside, kCounty).status, 403);
  EXPECT_EQ(world_->Fetch("/api/v1/organizations/NO-SUCH-ORG", kCounty).status, 404);
  EXPECT_EQ(world_->Fetch("/api/v1/imports/999999", kCounty).status, 404);
  EXPECT_EQ(world_->Fetch("/api/v1/imports/1", "").status, 403);
}

TEST_F(LedgerApiTest, DetailViewsCarryTheirRelatedRows) {
  const std::string household = world_->Column(
      "SELECT household_id FROM payments WHERE household_id IS NOT NULL ORDER BY payment_id")[0];
  HttpResult got = world_->Fetch("/api/v1/households/" + household, "5");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json["members"].size(),
            world_->Count("SELECT COUNT(*) FROM members WHERE household_id = ?", {household}));
  EXPECT_EQ(got.json["payments"].size(),
            world_->Count("SELECT COUNT(*) FROM payments WHERE household_id = ?", {household}));
  EXPECT_TRUE(got.json.contains("warnings"));

  const std::string project = world_->Column(
      "SELECT project_id FROM allocations WHERE project_id IS NOT NULL "
      "AND project_id IN (SELECT project_id FROM project_progress) ORDER BY 1")[0];
  HttpResult p = world_->Fetch("/api/v1/projects/" + project, "1,2,3,4,5,6,7,8,9");
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.json["allocations"].size(),
            world_->Count("SELECT COUNT(*) FROM allocations WHERE project_id = ?", {project}));
  EXPECT_EQ(p.json["progress"].size(),
            world_->Count("SELECT COUNT(*) FROM project_progress WHERE project_id = ?", {project}));
  EXPECT_TRUE(p.json["payments"].is_array());

  const std::string company = world_->Column(
      "SELECT uscc FROM company_officers WHERE uscc IN (SELECT uscc FROM companies WHERE "
      "region_code IS NOT NULL) ORDER BY 1")[0];
  HttpResult c = world_->Fetch("/api/v1/companies/" + company, "1,2,3,4,5,6,7,8,9");
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json["officers"].size(),
            world_->Count("SELECT COUNT(*) FROM company_officers WHERE uscc = ?", {company}));

  HttpResult batches = world_->Fetch("/api/v1/imports", kCounty);
  ASSERT_EQ(batches.status, 200) << batches.body;
  ASSERT_EQ(batches.json["total"], 1);
  HttpResult batch =
      world_->Fetch("/api/v1/imports/" + batches.json["items"][0]["id"].dump(), kCounty);
  ASSERT_EQ(batch.status, 200) << batch.body;
  EXPECT_EQ(batch.json["files"].size(), world_->Count("SELECT COUNT(*) FROM import_files"));
  EXPECT_GT(batch.json["row_count"].get<int64_t>(), 0);

  const std::string cadre = world_->Column("SELECT id_number FROM dispatched_cadres ORDER BY 1")[0];
  HttpResult d = world_->Fetch("/api/v1/dispatched_cadres/" + cadre, "1,2,3,4,5,6,7,8,9");
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_TRUE(d.json.contains("archive_last_updated"));
  EXPECT_EQ(d.json["id_number"].get<std::string>().find(cadre), std::string::npos);
}

// Every list, every page size up to the maximum, and the personal detail views: no full ID
// number or card number, by pattern and by the actual numbers of the database.
TEST_F(LedgerApiTest, NoBodyCarriesAFullIdOrCardNumber) {
  std::vector<std::string> numbers = world_->Column(
      "SELECT id_number FROM members UNION SELECT head_id_number FROM households "
      "UNION SELECT account_no FROM bank_accounts UNION SELECT payee_account FROM payments "
      "UNION SELECT id_number FROM officials UNION SELECT id_number FROM dispatched_cadres "
      "UNION SELECT payee_id FROM payments WHERE payee_id IS NOT NULL");
  ASSERT_GT(numbers.size(), 100u);
  std::vector<std::string> bodies;
  const std::string everything = "1,2,3,4,5,6,7,8,9";
  for (const std::string path : {"households", "payments", "projects", "organizations", "companies",
                                 "officials", "dispatched_cadres", "warnings", "imports"}) {
    for (int page = 1; page <= 3; ++page) {
      HttpResult got = world_->Fetch(
          "/api/v1/" + path + "?page_size=200&page=" + std::to_string(page), everything, true);
      ASSERT_EQ(got.status, 200) << path << got.body;
      bodies.push_back(got.body);
    }
  }
  for (const std::string& household :
       world_->Column("SELECT household_id FROM households ORDER BY 1 LIMIT 20")) {
    bodies.push_back(world_->Fetch("/api/v1/households/" + household, everything, true).body);
  }
  for (const std::string& payment :
       world_->Column("SELECT payment_id FROM payments ORDER BY 1 LIMIT 20")) {
    bodies.push_back(world_->Fetch("/api/v1/payments/" + payment, everything, true).body);
  }
  for (const std::string& body : bodies) {
    EXPECT_EQ(world_->UnmaskedNumbers(body), std::vector<std::string>()) << body.substr(0, 300);
    for (const std::string& number : numbers) {
      // Short passbook numbers may coincide with other text; a payee_id may be a company's
      // USCC (letters), which is public and shown as a contractor's.
      if (number.size() < 12 || LongDigitRuns(number).empty()) continue;
      ASSERT_EQ(body.find(number), std::string::npos) << "a full number in " << body.substr(0, 200);
    }
  }
}

// Lists show masked ID numbers only, so a person's record can be opened with that form.
TEST_F(LedgerApiTest, OfficialsOpenByTheMaskedNumberTheListShows) {
  HttpResult list = world_->Fetch("/api/v1/officials?page_size=5", "1,2,3,4,5,6,7,8,9");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_FALSE(list.json["items"].empty());
  for (const auto& item : list.json["items"]) {
    const std::string masked = item["id_number"];
    ASSERT_NE(masked.find("********"), std::string::npos) << masked;
    HttpResult one = world_->Fetch("/api/v1/officials/" + masked, "1,2,3,4,5,6,7,8,9");
    ASSERT_TRUE(one.status == 200 || one.status == 409) << one.body;
    if (one.status == 200) {
      EXPECT_EQ(one.json["id_number"], masked);
      EXPECT_FALSE(one.json["posts"].empty());
    }
  }
  const std::string full = world_->Column("SELECT id_number FROM officials ORDER BY 1")[0];
  ASSERT_EQ(world_->Fetch("/api/v1/officials/" + full, "1,2,3,4,5,6,7,8,9").status, 200);
  for (const AuditRecord& r : world_->Audits()) {
    EXPECT_EQ(r.target.find(full), std::string::npos) << "a full ID number in the audit log";
  }
}

TEST_F(LedgerApiTest, NamesAreMaskedUnlessTheScopeMaySeeThem) {
  const std::string household = world_->Column(
      "SELECT household_id FROM members GROUP BY household_id HAVING COUNT(*) >= 2 ORDER BY 1")[0];
  const std::string region =
      world_->Column("SELECT village_code FROM households WHERE household_id = ?", {household})[0];
  std::set<std::string> full_names;
  for (const std::string& name :
       world_->Column("SELECT name FROM members WHERE household_id = ?", {household})) {
    full_names.insert(name);
  }
  HttpResult masked = world_->Fetch("/api/v1/households/" + household, region);
  ASSERT_EQ(masked.status, 200) << masked.body;
  for (const auto& member : masked.json["members"]) {
    const std::string name = member["member_name"];
    EXPECT_NE(name.find('*'), std::string::npos) << name;
    EXPECT_EQ(full_names.count(name), 0u);
  }
  HttpResult shown = world_->Fetch("/api/v1/households/" + household, region, true);
  for (const auto& member : shown.json["members"]) {
    EXPECT_EQ(full_names.count(member["member_name"].get<std::string>()), 1u);
    EXPECT_NE(member["id_number"].get<std::string>().find("********"), std::string::npos);
  }
}

TEST_F(LedgerApiTest, ReadsOfPersonalDataAreAudited) {
  const std::string household = world_->Column("SELECT household_id FROM households ORDER BY 1")[0];
  ASSERT_EQ(world_->Fetch("/api/v1/households/" + household, "1,2,3,4,5,6,7,8,9").status, 200);
  ASSERT_EQ(world_->Fetch("/api/v1/households/" + household, "0").status, 403);
  ASSERT_EQ(world_->Fetch("/api/v1/payments?page=2", "5").status, 200);
  bool read = false, refused = false, listed = false;
  for (const AuditRecord& r : world_->Audits()) {
    read |= r.action == "read.household" && r.target == household && r.outcome == "ok";
    refused |= r.action == "read.household" && r.target == household &&
               r.outcome == "outside_jurisdiction";
    listed |= r.action == "list.payments" && r.target == "?page=2";
  }
  EXPECT_TRUE(read);
  EXPECT_TRUE(refused);
  EXPECT_TRUE(listed);
}

TEST_F(LedgerApiTest, BadListParametersAre400NamingTheParameter) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"page=0", "page"},           {"page=abc", "page"},           {"page=-1", "page"},
      {"page_size=0", "page_size"}, {"page_size=201", "page_size"}, {"page_size=2x", "page_size"},
      {"sort=payee_id", "sort"},    {"order=up", "order"},          {"region=52ab", "region"},
      {"region=5", "region"},       {"period=2021-13", "period"},   {"from=yesterday", "from"},
      {"to=2021-02-30", "to"},      {"colour=red", "colour"},       {"page=1&page=2", "page"},
  };
  for (const auto& [query, parameter] : cases) {
    HttpResult got = world_->Fetch("/api/v1/payments?" + query, kCity);
    EXPECT_EQ(got.status, 400) << query;
    EXPECT_EQ(got.json["error"]["details"]["parameter"], parameter) << query << got.body;
    const std::string message = got.json["error"]["message"];
    EXPECT_NE(message.find(parameter), std::string::npos) << message;
  }
  EXPECT_EQ(world_->Fetch("/api/v1/households?status=rich", kCity).status, 400);
  EXPECT_EQ(world_->Fetch("/api/v1/households?registered_year=abc", kCity).status, 400);
  EXPECT_EQ(world_->Fetch("/api/v1/organizations?period=2021", kCity).status, 400);
}

TEST_F(LedgerApiTest, WithoutASessionEveryRouteIs401) {
  for (const std::string path : {"/api/v1/households", "/api/v1/payments/P1", "/api/v1/warnings",
                                 "/api/v1/warnings/1", "/api/v1/imports"}) {
    HttpResult got = world_->Fetch(path, std::nullopt);
    EXPECT_EQ(got.status, 401) << path;
    EXPECT_EQ(got.json["error"]["code"], "unauthenticated");
  }
}

}  // namespace
}  // namespace sunlight::http::ledger_testing
