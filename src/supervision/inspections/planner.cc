#include "supervision/inspections/planner.h"

#include <algorithm>
#include <limits>
#include <string>

namespace sunlight::supervision::inspections {
namespace {

struct Edge {
  int to;
  int cap;
  long long cost;
};

// A small min-cost flow network (successive shortest paths with Bellman-Ford: residual costs
// may be negative, and plans have tens of nodes, so simplicity beats speed here).
class Network {
 public:
  explicit Network(int nodes) : out_(nodes) {}

  void Add(int from, int to, int cap, long long cost) {
    out_[from].push_back(static_cast<int>(edges_.size()));
    edges_.push_back({to, cap, cost});
    out_[to].push_back(static_cast<int>(edges_.size()));
    edges_.push_back({from, 0, -cost});
  }

  // Pushes as much flow as possible from s to t, always along a cheapest path; returns the flow.
  int MinCostMaxFlow(int s, int t) {
    const long long kInf = std::numeric_limits<long long>::max() / 4;
    const int n = static_cast<int>(out_.size());
    int flow = 0;
    for (;;) {
      std::vector<long long> dist(n, kInf);
      std::vector<int> via(n, -1);
      dist[s] = 0;
      // Bellman-Ford in node and edge order: deterministic ties (first found wins).
      for (int round = 0; round < n; ++round) {
        bool changed = false;
        for (int u = 0; u < n; ++u) {
          if (dist[u] == kInf) continue;
          for (int e : out_[u]) {
            if (edges_[e].cap > 0 && dist[u] + edges_[e].cost < dist[edges_[e].to]) {
              dist[edges_[e].to] = dist[u] + edges_[e].cost;
              via[edges_[e].to] = e;
              changed = true;
            }
          }
        }
        if (!changed) break;
      }
      if (dist[t] == kInf) return flow;
      for (int v = t; v != s; v = edges_[via[v] ^ 1].to) {
        edges_[via[v]].cap -= 1;
        edges_[via[v] ^ 1].cap += 1;
      }
      ++flow;
    }
  }

  // Nodes reachable from s through edges with capacity left (the source side of a min cut).
  std::vector<bool> Reachable(int s) const {
    std::vector<bool> seen(out_.size(), false);
    std::vector<int> stack = {s};
    seen[s] = true;
    while (!stack.empty()) {
      const int u = stack.back();
      stack.pop_back();
      for (int e : out_[u]) {
        if (edges_[e].cap > 0 && !seen[edges_[e].to]) {
          seen[edges_[e].to] = true;
          stack.push_back(edges_[e].to);
        }
      }
    }
    return seen;
  }

  const std::vector<int>& Out(int u) const { return out_[u]; }
  const Edge& edge(int e) const { return edges_[e]; }

 private:
  std::vector<std::vector<int>> out_;
  std::vector<Edge> edges_;  // edge e and its reverse e^1
};

std::string JoinDetails(const std::vector<Tie>& ties) {
  std::string text;
  for (const Tie& tie : ties) {
    if (!text.empty()) text += "，";
    text += tie.detail;
  }
  return text;
}

}  // namespace

std::vector<std::vector<std::vector<Tie>>> NoTies(size_t members, size_t targets) {
  return std::vector<std::vector<std::vector<Tie>>>(members,
                                                    std::vector<std::vector<Tie>>(targets));
}

PlanResult Plan(const PlanInput& input) {
  const int m_count = static_cast<int>(input.members.size());
  const int t_count = static_cast<int>(input.targets.size());
  const int team = std::max(1, input.team_size);
  auto tied = [&](int m, int t) {
    return m < static_cast<int>(input.ties.size()) && t < static_cast<int>(input.ties[m].size()) &&
           !input.ties[m][t].empty();
  };

  PlanResult result;
  if (t_count == 0) {
    result.feasible = true;
    result.load.assign(m_count, 0);
    return result;
  }
  if (m_count == 0) {
    result.reason = "no_members";
    result.message = "检查组没有成员，无法分配检查对象";
    for (int t = 0; t < t_count; ++t) result.blocked_targets.push_back(t);
    return result;
  }

  // Nodes: 0 source, 1..T targets, T+1..T+M members, T+M+1 sink.
  const int source = 0;
  const int sink = t_count + m_count + 1;
  auto target_node = [](int t) { return 1 + t; };
  auto member_node = [&](int m) { return 1 + t_count + m; };
  Network net(sink + 1);
  for (int t = 0; t < t_count; ++t) net.Add(source, target_node(t), team, 0);
  for (int t = 0; t < t_count; ++t) {
    for (int m = 0; m < m_count; ++m) {
      if (!tied(m, t)) net.Add(target_node(t), member_node(m), 1, 0);
    }
  }
  const int cap = input.max_load > 0 ? std::min(input.max_load, t_count) : t_count;
  for (int m = 0; m < m_count; ++m) {
    for (int k = 0; k < cap; ++k) net.Add(member_node(m), sink, 1, 2LL * k + 1);
  }

  const int flow = net.MinCostMaxFlow(source, sink);
  if (flow == t_count * team) {
    result.feasible = true;
    result.teams.assign(t_count, {});
    result.load.assign(m_count, 0);
    for (int t = 0; t < t_count; ++t) {
      for (int e : net.Out(target_node(t))) {
        const Edge& edge = net.edge(e);
        // A used forward edge target → member has its capacity spent (its reverse has 1).
        if (edge.to >= member_node(0) && edge.to < sink && (e % 2 == 0) && edge.cap == 0) {
          const int m = edge.to - member_node(0);
          result.teams[t].push_back(m);
          ++result.load[m];
        }
      }
      std::sort(result.teams[t].begin(), result.teams[t].end());
    }
    result.max_load = *std::max_element(result.load.begin(), result.load.end());
    return result;
  }

  // Not feasible: the targets still reachable from the source are the ones that cannot all be
  // staffed together (a min cut); every eligible member they reach is already used up.
  const std::vector<bool> reach = net.Reachable(source);
  bool any_short_of_untied = false;
  std::string text = "无法生成无利害关系的分配方案：";
  for (int t = 0; t < t_count; ++t) {
    if (!reach[target_node(t)]) continue;
    result.blocked_targets.push_back(t);
    int untied = 0;
    for (int m = 0; m < m_count; ++m) untied += tied(m, t) ? 0 : 1;
    if (untied < team) any_short_of_untied = true;
    text += "检查对象“" + input.targets[t] + "”需要 " + std::to_string(team) +
            " 名成员，无回避情形的仅 " + std::to_string(untied) + " 名（";
    bool first = true;
    for (int m = 0; m < m_count; ++m) {
      if (!first) text += "；";
      first = false;
      if (tied(m, t)) {
        text += input.members[m] + "：" + JoinDetails(input.ties[m][t]);
      } else {
        text += input.members[m] + "：可派出";
        if (input.max_load > 0 && reach[member_node(m)]) {
          text += "，但已达每人最多 " + std::to_string(input.max_load) + " 个检查对象的上限";
        }
      }
    }
    text += "）。";
  }
  result.reason = any_short_of_untied ? "not_enough_untied_members" : "load_cap";
  result.message = std::move(text);
  return result;
}

}  // namespace sunlight::supervision::inspections
