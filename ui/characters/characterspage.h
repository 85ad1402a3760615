#pragma once

#include "domain/apierror.h"
#include "domain/records.h"

#include <QWidget>

class Banner;
class BusyIndicator;
class CharacterList;
class CharacterThumbnails;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

// The Characters page: the account's characters with thumbnails; create (name and 3–5
// images), rename and delete on the server, then the local cache is refreshed.
class CharactersPage final : public QWidget
{
    Q_OBJECT
public:
    CharactersPage(CharacterList &characters, CharacterThumbnails &thumbnails,
                   QWidget *parent = nullptr);

    QList<Character> characters() const { return m_characters; }
    QListWidget *list() const { return m_list; }
    Banner *banner() const { return m_banner; }

    // Shows the cached list at once (works offline).
    void showCached();
    // Fetches the list from the server into the cache, then shows it.
    void refreshFromServer();
    // The server calls behind the buttons (tests call them directly).
    void createCharacter(const QString &name, const QStringList &imagePaths);
    void renameCharacter(const QString &id, const QString &name);
    void deleteCharacter(const QString &id);

Q_SIGNALS:
    // The list changed (cache or server): composers update their pickers.
    void charactersChanged(const QList<Character> &characters);
    void statusMessage(const QString &message);

private:
    void promptCreate();
    void promptRename();
    void promptDelete();
    void setBusy(bool busy, const QString &what = {});
    void showError(const QString &what, const ApiError &error);
    void showList(const QList<Character> &characters);
    QString currentId() const;
    void refreshButtons();

    CharacterList &m_characterList;
    CharacterThumbnails &m_thumbnails;
    QList<Character> m_characters;
    int m_busyCount = 0;
    Banner *m_banner;
    QStackedWidget *m_stack;
    QListWidget *m_list;
    QLabel *m_empty;
    QLabel *m_status;
    BusyIndicator *m_busy;
    QPushButton *m_create;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QPushButton *m_refresh;
};
