#include "studiosettings.h"

StudioSettings::StudioSettings(const QString &path)
    : m_settings(path, QSettings::IniFormat)
{ }

QUrl StudioSettings::defaultServer()
{
    return QUrl(QStringLiteral("http://localhost:2000"));
}

QUrl StudioSettings::server() const
{
    const QUrl url(m_settings.value(QStringLiteral("server/origin")).toString());
    return url.isValid() && !url.isEmpty() ? url : defaultServer();
}

void StudioSettings::setServer(const QUrl &origin)
{
    m_settings.setValue(QStringLiteral("server/origin"), origin.toString());
}

int StudioSettings::maxJobsInFlight() const
{
    return qBound(1, m_settings.value(QStringLiteral("jobs/maxInFlight"), 2).toInt(), 8);
}

void StudioSettings::setMaxJobsInFlight(int jobs)
{
    m_settings.setValue(QStringLiteral("jobs/maxInFlight"), qBound(1, jobs, 8));
}

int StudioSettings::thumbnailMemoryMiB() const
{
    return qBound(16, m_settings.value(QStringLiteral("cache/thumbnailMemoryMiB"), 96).toInt(),
                  2048);
}

void StudioSettings::setThumbnailMemoryMiB(int mib)
{
    m_settings.setValue(QStringLiteral("cache/thumbnailMemoryMiB"), qBound(16, mib, 2048));
}

bool StudioSettings::addMaskSentence() const
{
    return m_settings.value(QStringLiteral("compose/addMaskSentence"), true).toBool();
}

void StudioSettings::setAddMaskSentence(bool add)
{
    m_settings.setValue(QStringLiteral("compose/addMaskSentence"), add);
}

bool StudioSettings::keychainNoticeShown() const
{
    return m_settings.value(QStringLiteral("session/keychainNoticeShown"), false).toBool();
}

void StudioSettings::setKeychainNoticeShown(bool shown)
{
    m_settings.setValue(QStringLiteral("session/keychainNoticeShown"), shown);
}

QString StudioSettings::colourScheme() const
{
    const QString scheme = m_settings.value(QStringLiteral("appearance/colours")).toString();
    return scheme == u"light" || scheme == u"dark" ? scheme : QStringLiteral("system");
}

void StudioSettings::setColourScheme(const QString &scheme)
{
    m_settings.setValue(QStringLiteral("appearance/colours"), scheme);
}

QByteArray StudioSettings::windowState(const QString &key) const
{
    return m_settings.value(QStringLiteral("window/") + key).toByteArray();
}

void StudioSettings::setWindowState(const QString &key, const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/") + key, state);
}

StudioSettings::KeepImages StudioSettings::keepImages() const
{
    const QString keep = m_settings.value(QStringLiteral("images/keep")).toString();
    if (keep == u"opened")
        return KeepImages::OnlyOpened;
    if (keep == u"newest")
        return KeepImages::Newest;
    return KeepImages::Every;
}

void StudioSettings::setKeepImages(KeepImages keep)
{
    const auto name = keep == KeepImages::OnlyOpened ? QStringLiteral("opened")
                      : keep == KeepImages::Newest   ? QStringLiteral("newest")
                                                     : QStringLiteral("every");
    m_settings.setValue(QStringLiteral("images/keep"), name);
}

int StudioSettings::keepNewestGB() const
{
    return qBound(1, m_settings.value(QStringLiteral("images/keepNewestGB"), 10).toInt(), 4096);
}

void StudioSettings::setKeepNewestGB(int gb)
{
    m_settings.setValue(QStringLiteral("images/keepNewestGB"), qBound(1, gb, 4096));
}
