// Transaction: an RAII scope of work that either commits as a whole or leaves
// nothing behind.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(Transaction tx, conn.Begin());
//   SUNLIGHT_RETURN_IF_ERROR(conn.Execute(…));   // an early return rolls back
//   SUNLIGHT_RETURN_IF_ERROR(conn.Execute(…));
//   return tx.Commit();
//
// Destroying a transaction that was not committed rolls it back. Not
// thread-safe (it belongs to its Connection's thread). REQUIRES: the Connection
// outlives the Transaction.
#pragma once

#include "core/status.h"
#include "store/connection.h"

namespace sunlight::store {

class Transaction {
 public:
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&& other) noexcept;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Makes the work permanent. If COMMIT fails (say, the database is busy), the
  // transaction is still open and the destructor will roll it back.
  // Calling Commit or Rollback a second time is FailedPrecondition.
  Status Commit();
  // Discards the work now rather than at destruction.
  Status Rollback();

  bool active() const { return conn_ != nullptr; }

 private:
  friend class Connection;
  explicit Transaction(Connection& conn) : conn_(&conn) {}
  void Finish();

  Connection* conn_;  // not owned; null once committed or rolled back
};

}  // namespace sunlight::store
