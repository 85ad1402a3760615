#pragma once

#include "history/historydatabase.h"
#include "history/historystore.h"

#include <QTemporaryDir>

#include <memory>

// The history tests' fixture: a new studio.sqlite in a temporary folder, opened, with a store
// on it. A test class inherits it, calls openFresh() from init() and closeAll() from cleanup().
class HistoryFixture
{
protected:
    // False when the new database does not open.
    bool openFresh()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        return reopen();
    }

    // Closes the database and opens the same file again, as a restarted app would.
    bool reopen()
    {
        m_store.reset();
        m_db.reset();
        m_db = std::make_unique<HistoryDatabase>(m_dir->filePath(QStringLiteral("studio.sqlite")));
        const bool opened = m_db->open().ok();
        m_store = std::make_unique<HistoryStore>(*m_db);
        return opened;
    }

    void closeAll()
    {
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryDatabase> m_db;
    std::unique_ptr<HistoryStore> m_store;
};
