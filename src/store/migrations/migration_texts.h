// The SQL of migrations 6 and later, one file per migration so that the people working on
// different parts of the schema never edit the same file. migrations.cc lists them in order.
// Each text follows migrations.h: portable SQL with {{TOKENS}}; never edit one that shipped.
#pragma once

#include <string_view>

namespace sunlight::store {

extern const std::string_view kMigration006Supervision;
extern const std::string_view kMigration007WarningFlow;
extern const std::string_view kMigration008CluesTransfers;
extern const std::string_view kMigration009Letters;
extern const std::string_view kMigration010Inspections;
extern const std::string_view kMigration011PublicSide;
extern const std::string_view kMigration012PaymentsProjectPartial;

}  // namespace sunlight::store
