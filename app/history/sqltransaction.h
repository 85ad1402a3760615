#pragma once

#include <QSqlDatabase>
#include <QString>

// A write transaction that rolls back unless commit() succeeded, so every early return and
// every failure leaves the database as it was.
class SqlTransaction final
{
public:
    // BEGIN IMMEDIATE: takes the write lock up front. A deferred BEGIN that later upgrades
    // from reading to writing fails at once with SQLITE_BUSY when another connection writes,
    // without waiting for busy_timeout.
    explicit SqlTransaction(const QSqlDatabase &db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();
    void rollback();
    // Why BEGIN or COMMIT failed (the driver's text).
    QString errorText() const { return m_error; }

private:
    bool run(const QString &statement);

    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};
