#include "history/sqltransaction.h"

#include "history/historylog.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

SqlTransaction::SqlTransaction(const QSqlDatabase &db)
    : m_db(db)
{
    m_active = run(u"BEGIN IMMEDIATE"_s);
}

SqlTransaction::~SqlTransaction()
{
    rollback();
}

bool SqlTransaction::commit()
{
    if (!m_active)
        return false;
    if (!run(u"COMMIT"_s)) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void SqlTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_db);
    if (!query.exec(u"ROLLBACK"_s))
        qCWarning(lcHistory) << "rollback failed:" << query.lastError().text();
}

bool SqlTransaction::run(const QString &statement)
{
    QSqlQuery query(m_db);
    if (query.exec(statement))
        return true;
    m_error = query.lastError().text();
    qCWarning(lcHistory) << statement << "failed:" << m_error;
    return false;
}
