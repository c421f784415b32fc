// The text form of an instant in the store: ISO 8601 in UTC with a 'Z',
// "2024-03-05T08:30:00Z". It is what {{TIMESTAMP}} columns hold in SQLite
// (sorting as text sorts in time) and what PostgreSQL's TIMESTAMPTZ accepts
// as a bound text parameter.
#pragma once

#include <ctime>
#include <string>

namespace sunlight::store {

std::string FormatTimestamp(std::time_t seconds_since_epoch);
std::string TimestampNow();

}  // namespace sunlight::store
