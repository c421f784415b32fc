// How values cross the wire to and from PostgreSQL in text format: type OIDs,
// the store's value kinds for each column type, and the few text forms that
// need translating (timestamps, bytea, COPY rows).
#pragma once

#include <string>
#include <string_view>

#include <libpq-fe.h>

#include "store/value.h"

namespace sunlight::store::postgres {

// Built-in type OIDs (pg_type.dat; stable across versions).
inline constexpr Oid kBoolOid = 16;
inline constexpr Oid kByteaOid = 17;
inline constexpr Oid kInt8Oid = 20;
inline constexpr Oid kInt2Oid = 21;
inline constexpr Oid kInt4Oid = 23;
inline constexpr Oid kOidOid = 26;
inline constexpr Oid kFloat4Oid = 700;
inline constexpr Oid kFloat8Oid = 701;
inline constexpr Oid kTimestampTzOid = 1184;
inline constexpr Oid kNumericOid = 1700;

// The kind a non-NULL value of column type `type` reads as. NUMERIC (what
// SUM over BIGINT returns) reads as an integer when it has no fraction, as in
// SQLite; other unknown types read as text.
ValueType KindOf(Oid type, std::string_view text);

// A TIMESTAMPTZ as the server prints it in UTC with DateStyle ISO
// ("2024-03-05 08:30:00+00", maybe with a fraction) → the store's form
// ("2024-03-05T08:30:00Z", timestamp.h), so both engines read back alike.
std::string TimestampToIso(std::string_view text);

// bytea's hex output ("\x00ff") → bytes. Anything else gives its raw bytes.
Blob DecodeBytea(std::string_view text);

// The text input form of a number: shortest round-trip for doubles.
std::string FormatReal(double value);

// Appends one value to a row of COPY … FROM STDIN text format (no separator).
void AppendCopyField(std::string& out, const Value& value);

}  // namespace sunlight::store::postgres
