// sql_text: small, engine-neutral readings and rewrites of SQL text.
//
// Neither function parses SQL; both scan it lexically, skipping string
// literals, quoted identifiers and comments, which is all they need.
#pragma once

#include <string>
#include <string_view>

namespace sunlight::store {

// The table a statement is about, for error messages: the name after
// INSERT INTO, UPDATE, DELETE FROM, CREATE TABLE/INDEX … ON, or the first FROM.
// Empty when there is none. Never returns anything from a literal, so it is
// safe to show even when values were spliced in by mistake.
std::string StatementTable(std::string_view sql);

// Rewrites `?` placeholders to `$1`, `$2`, … (for PostgreSQL), leaving `?`
// inside literals, quoted identifiers and comments alone.
std::string NumberPlaceholders(std::string_view sql);

}  // namespace sunlight::store
