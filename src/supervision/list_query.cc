#include "supervision/list_query.h"

namespace sunlight::supervision {

StatusOr<RowPage> QueryPage(store::Connection& conn, const ListQuery& query) {
  std::string from = " FROM " + query.from;
  if (!query.where.empty()) from += " WHERE " + query.where;
  RowPage page;
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet count,
                            conn.Query("SELECT COUNT(*)" + from, query.params));
  page.total = count.at(0, 0).AsInteger();
  std::vector<store::Value> params = query.params;
  params.push_back(query.limit);
  params.push_back(query.offset);
  SUNLIGHT_ASSIGN_OR_RETURN(page.rows, conn.Query("SELECT " + query.columns + from + " ORDER BY " +
                                                      query.order_by + " LIMIT ? OFFSET ?",
                                                  params));
  return page;
}

StatusOr<RowPage> QueryPage(store::Connection& conn, std::string_view columns,
                            std::string_view from, std::string where,
                            std::vector<store::Value> params, std::int64_t page,
                            std::int64_t page_size) {
  return QueryPage(conn, {.columns = std::string(columns),
                          .from = std::string(from),
                          .where = std::move(where),
                          .params = std::move(params),
                          .offset = PageOffset(page, page_size),
                          .limit = page_size});
}

std::int64_t PageOffset(std::int64_t page, std::int64_t page_size) {
  return (page - 1) * page_size;
}

std::string RegionPrefixClause(std::string_view column, const std::vector<std::string>& prefixes,
                               std::vector<store::Value>& params) {
  std::string clause = "(";
  for (size_t i = 0; i < prefixes.size(); ++i) {
    if (i > 0) clause += " OR ";
    clause += std::string(column) + " LIKE ?";
    params.push_back(prefixes[i] + "%");
  }
  return clause + ")";
}

}  // namespace sunlight::supervision
