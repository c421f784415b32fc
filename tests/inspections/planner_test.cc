#include "supervision/inspections/planner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>

namespace sunlight::supervision::inspections {
namespace {

PlanInput Input(int members, int targets, int team = 1) {
  PlanInput in;
  for (int m = 0; m < members; ++m) in.members.push_back("成员" + std::to_string(m));
  for (int t = 0; t < targets; ++t) in.targets.push_back("对象" + std::to_string(t));
  in.team_size = team;
  in.ties = NoTies(members, targets);
  return in;
}

// The plan is valid: every target gets team_size distinct untied members, loads add up, caps hold.
void ExpectValid(const PlanInput& in, const PlanResult& r) {
  ASSERT_TRUE(r.feasible) << r.message;
  ASSERT_EQ(r.teams.size(), in.targets.size());
  std::vector<int> load(in.members.size(), 0);
  for (size_t t = 0; t < r.teams.size(); ++t) {
    EXPECT_EQ(static_cast<int>(r.teams[t].size()), in.team_size);
    for (size_t i = 0; i < r.teams[t].size(); ++i) {
      const int m = r.teams[t][i];
      EXPECT_TRUE(in.ties[m][t].empty()) << "member " << m << " is tied to target " << t;
      if (i > 0) EXPECT_LT(r.teams[t][i - 1], m);
      ++load[m];
    }
  }
  EXPECT_EQ(load, r.load);
  if (in.max_load > 0) {
    for (int l : load) EXPECT_LE(l, in.max_load);
  }
}

TEST(PlannerTest, EachTieReasonExcludesThePair) {
  for (std::string reason : {"works_here", "worked_here", "registered_here", "kin_registered_here",
                             "kin_post_here", "own_cooperation_zone"}) {
    PlanInput in = Input(2, 1);
    in.ties[0][0].push_back({reason, "原因"});
    const PlanResult r = Plan(in);
    ExpectValid(in, r);
    EXPECT_EQ(r.teams[0], std::vector<int>{1}) << reason;
  }
}

TEST(PlannerTest, BalancesLoadEvenly) {
  PlanInput in = Input(3, 6);
  const PlanResult r = Plan(in);
  ExpectValid(in, r);
  EXPECT_EQ(r.load, (std::vector<int>{2, 2, 2}));
  EXPECT_EQ(r.max_load, 2);
}

TEST(PlannerTest, BalancesAroundTies) {
  // Member 0 could take everything, but members 1 and 2 are each tied to half the targets:
  // the balanced plan still gives everyone two.
  PlanInput in = Input(3, 6);
  for (int t = 0; t < 3; ++t) in.ties[1][t].push_back({"registered_here", "户籍在此"});
  for (int t = 3; t < 6; ++t) in.ties[2][t].push_back({"works_here", "在此任职"});
  const PlanResult r = Plan(in);
  ExpectValid(in, r);
  EXPECT_EQ(r.max_load, 2);
}

TEST(PlannerTest, ImpossibilityNamesTargetAndEachMembersReason) {
  PlanInput in = Input(2, 2);
  in.members = {"张三", "李四"};
  in.targets = {"大方县某村", "某项目"};
  in.ties[0][0].push_back({"kin_registered_here", "近亲属户籍在该村"});
  in.ties[1][0].push_back({"worked_here", "曾在该村任职"});
  const PlanResult r = Plan(in);
  EXPECT_FALSE(r.feasible);
  EXPECT_EQ(r.reason, "not_enough_untied_members");
  EXPECT_EQ(r.blocked_targets, std::vector<int>{0});
  EXPECT_NE(r.message.find("大方县某村"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("张三：近亲属户籍在该村"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("李四：曾在该村任职"), std::string::npos) << r.message;
  EXPECT_EQ(r.message.find("某项目"), std::string::npos) << "the coverable target is not blamed";
}

TEST(PlannerTest, LoadCapImpossibilityNamesTheCap) {
  PlanInput in = Input(2, 3);
  in.max_load = 1;
  const PlanResult r = Plan(in);
  EXPECT_FALSE(r.feasible);
  EXPECT_EQ(r.reason, "load_cap");
  EXPECT_NE(r.message.find("上限"), std::string::npos) << r.message;
}

TEST(PlannerTest, NoMembers) {
  PlanInput in = Input(0, 2);
  const PlanResult r = Plan(in);
  EXPECT_FALSE(r.feasible);
  EXPECT_EQ(r.reason, "no_members");
}

TEST(PlannerTest, DeterministicAndPrefersEarlierMembersOnEqualCost) {
  PlanInput in = Input(4, 2);
  const PlanResult a = Plan(in);
  const PlanResult b = Plan(in);
  ExpectValid(in, a);
  EXPECT_EQ(a.teams, b.teams);
  EXPECT_EQ(a.load, b.load);
}

// Brute force: every way to pick a team per target; the best max load and sum of squares.
struct Oracle {
  bool feasible = false;
  int best_max = 1 << 30;
  int best_squares = 1 << 30;
};

Oracle BruteForce(const PlanInput& in) {
  const int mc = static_cast<int>(in.members.size());
  const int tc = static_cast<int>(in.targets.size());
  std::vector<int> teams;  // subsets of members of size team_size, as bit masks
  for (int mask = 0; mask < (1 << mc); ++mask) {
    if (__builtin_popcount(mask) == in.team_size) teams.push_back(mask);
  }
  Oracle o;
  std::vector<int> load(mc, 0);
  std::function<void(int)> go = [&](int t) {
    if (t == tc) {
      int mx = 0, sq = 0;
      for (int l : load) {
        mx = std::max(mx, l);
        sq += l * l;
      }
      o.feasible = true;
      o.best_max = std::min(o.best_max, mx);
      o.best_squares = std::min(o.best_squares, sq);
      return;
    }
    for (int mask : teams) {
      bool ok = true;
      for (int m = 0; m < mc && ok; ++m) {
        if (!(mask >> m & 1)) continue;
        if (!in.ties[m][t].empty()) ok = false;
        if (in.max_load > 0 && load[m] + 1 > in.max_load) ok = false;
      }
      if (!ok) continue;
      for (int m = 0; m < mc; ++m) load[m] += mask >> m & 1;
      go(t + 1);
      for (int m = 0; m < mc; ++m) load[m] -= mask >> m & 1;
    }
  };
  go(0);
  return o;
}

TEST(PlannerTest, RandomCasesMatchBruteForceOracle) {
  std::mt19937 rng(20260522);
  int feasible_seen = 0, infeasible_seen = 0;
  for (int round = 0; round < 400; ++round) {
    const int mc = 1 + static_cast<int>(rng() % 5);
    const int tc = 1 + static_cast<int>(rng() % 5);
    PlanInput in = Input(mc, tc, 1 + static_cast<int>(rng() % std::min(2, mc)));
    in.max_load = (rng() % 3 == 0) ? 1 + static_cast<int>(rng() % 3) : 0;
    const int tie_percent = static_cast<int>(rng() % 60);
    for (int m = 0; m < mc; ++m) {
      for (int t = 0; t < tc; ++t) {
        if (static_cast<int>(rng() % 100) < tie_percent)
          in.ties[m][t].push_back({"works_here", "x"});
      }
    }
    const Oracle o = BruteForce(in);
    const PlanResult r = Plan(in);
    ASSERT_EQ(r.feasible, o.feasible) << "round " << round << ": " << r.message;
    if (!o.feasible) {
      ++infeasible_seen;
      EXPECT_FALSE(r.blocked_targets.empty());
      continue;
    }
    ++feasible_seen;
    ExpectValid(in, r);
    int squares = 0;
    for (int l : r.load) squares += l * l;
    EXPECT_EQ(r.max_load, o.best_max) << "round " << round;
    EXPECT_EQ(squares, o.best_squares) << "round " << round;
  }
  EXPECT_GT(feasible_seen, 50);
  EXPECT_GT(infeasible_seen, 20);
}

}  // namespace
}  // namespace sunlight::supervision::inspections
