#include "supervision/inspections/ties.h"

#include <optional>
#include <set>

#include "store/result_set.h"

namespace sunlight::supervision::inspections {
namespace {

struct Post {
  std::string org_id;
  std::string org_name;
  std::string region;
};

struct Village {
  std::string code;
  std::string name;
};

struct Kin {
  std::string id_number;
  std::string relation;
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool PostTies(const Post& post, const TieTarget& target) {
  if (!target.org_id.empty() && target.org_id == post.org_id) return true;
  return post.region.size() >= 6 && StartsWith(target.region_code, post.region);
}

StatusOr<std::vector<Post>> PostsOf(store::Connection& conn, const std::string& id_number) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT o.org_id, g.name, g.region_code FROM officials o "
                 "JOIN organizations g ON g.org_id = o.org_id WHERE o.id_number = ? "
                 "ORDER BY o.org_id",
                 {id_number}));
  std::vector<Post> posts;
  for (store::Row row : rs) {
    posts.push_back({row[0].AsText(), row[1].AsText(), row[2].AsText()});
  }
  return posts;
}

StatusOr<std::vector<Village>> VillagesOf(store::Connection& conn, const std::string& id_number) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT DISTINCT h.village_code, COALESCE(r.name, h.village_code) FROM members m "
                 "JOIN households h ON h.household_id = m.household_id "
                 "LEFT JOIN regions r ON r.code = h.village_code WHERE m.id_number = ? "
                 "ORDER BY h.village_code",
                 {id_number}));
  std::vector<Village> villages;
  for (store::Row row : rs) villages.push_back({row[0].AsText(), row[1].AsText()});
  return villages;
}

StatusOr<std::vector<Kin>> KinOf(store::Connection& conn, const std::string& id_number) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id_number_b, relation FROM kinship WHERE id_number_a = ? "
                 "UNION SELECT id_number_a, relation FROM kinship WHERE id_number_b = ? "
                 "ORDER BY 1",
                 {id_number, id_number}));
  std::vector<Kin> kin;
  for (store::Row row : rs) kin.push_back({row[0].AsText(), row[1].AsText()});
  return kin;
}

}  // namespace

bool RegionsOverlap(std::string_view a, std::string_view b, size_t min_len) {
  if (a.empty() || b.empty()) return false;
  const std::string_view shorter = a.size() <= b.size() ? a : b;
  const std::string_view longer = a.size() <= b.size() ? b : a;
  return shorter.size() >= min_len && StartsWith(longer, shorter);
}

StatusOr<std::vector<std::vector<std::vector<Tie>>>> FindTies(store::Connection& conn,
                                                              const std::vector<TieMember>& members,
                                                              const std::vector<TieTarget>& targets,
                                                              bool cross) {
  std::vector<std::vector<std::vector<Tie>>> ties = NoTies(members.size(), targets.size());
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet pairings,
      conn.Query("SELECT helper_region_code, recipient_region_code FROM pairings "
                 "ORDER BY pairing_id"));

  for (size_t m = 0; m < members.size(); ++m) {
    const TieMember& member = members[m];
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet own,
        conn.Query("SELECT org_id, name, region_code FROM organizations WHERE org_id = ?",
                   {member.org_id}));
    std::optional<Post> current;
    if (!own.empty())
      current = Post{own.at(0, 0).AsText(), own.at(0, 1).AsText(), own.at(0, 2).AsText()};
    SUNLIGHT_ASSIGN_OR_RETURN(std::vector<Post> posts, PostsOf(conn, member.id_number));
    SUNLIGHT_ASSIGN_OR_RETURN(std::vector<Village> villages, VillagesOf(conn, member.id_number));
    SUNLIGHT_ASSIGN_OR_RETURN(std::vector<Kin> kin, KinOf(conn, member.id_number));
    std::vector<std::pair<Kin, std::vector<Village>>> kin_villages;
    std::vector<std::pair<Kin, std::vector<Post>>> kin_posts;
    for (const Kin& k : kin) {
      SUNLIGHT_ASSIGN_OR_RETURN(std::vector<Village> v, VillagesOf(conn, k.id_number));
      SUNLIGHT_ASSIGN_OR_RETURN(std::vector<Post> p, PostsOf(conn, k.id_number));
      kin_villages.emplace_back(k, std::move(v));
      kin_posts.emplace_back(k, std::move(p));
    }
    // The cooperation zone: the member's region and every region paired with it.
    std::set<std::string> zone;
    const std::string home = current ? current->region : "";
    if (cross && !home.empty()) {
      zone.insert(home);
      for (store::Row row : pairings) {
        const std::string helper = row[0].AsText();
        const std::string recipient = row[1].AsText();
        if (RegionsOverlap(home, helper, 2) || RegionsOverlap(home, recipient, 2)) {
          zone.insert(helper);
          zone.insert(recipient);
        }
      }
    }

    for (size_t t = 0; t < targets.size(); ++t) {
      const TieTarget& target = targets[t];
      std::vector<Tie>& out = ties[m][t];
      if (current && PostTies(*current, target)) {
        out.push_back({"works_here", "现任职于" + current->org_name});
      }
      for (const Post& post : posts) {
        if (current && post.org_id == current->org_id) continue;
        if (PostTies(post, target)) out.push_back({"worked_here", "曾任职于" + post.org_name});
      }
      for (const Village& v : villages) {
        if (RegionsOverlap(v.code, target.region_code, 6)) {
          out.push_back({"registered_here", "本人户籍在" + v.name});
        }
      }
      for (const auto& [k, vs] : kin_villages) {
        for (const Village& v : vs) {
          if (RegionsOverlap(v.code, target.region_code, 6)) {
            out.push_back({"kin_registered_here", "近亲属（" + k.relation + "）户籍在" + v.name});
          }
        }
      }
      for (const auto& [k, ps] : kin_posts) {
        for (const Post& p : ps) {
          if (PostTies(p, target)) {
            out.push_back({"kin_post_here", "近亲属（" + k.relation + "）任职于" + p.org_name});
          }
        }
      }
      for (const std::string& region : zone) {
        if (RegionsOverlap(region, target.region_code, 2)) {
          out.push_back({"own_cooperation_zone", "属本人所在协作区（" + region + "）"});
          break;
        }
      }
    }
  }
  return ties;
}

}  // namespace sunlight::supervision::inspections
