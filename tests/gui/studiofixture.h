#pragma once

#include "appservices.h"
#include "appstatus.h"
#include "jobs/jobqueue.h"
#include "mainwindow.h"
#include "session/session.h"

#include <QColor>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The whole desktop app on a temporary (or given) profile, for GUI tests: AppServices with
// file-only tokens against a server, the MainWindow, and a restored session. Header-only
// because only tst_*.cpp files are compiled.
struct StudioFixture
{
    std::unique_ptr<AppServices> services;
    std::unique_ptr<MainWindow> window;

    // False (with *error) when the services cannot be opened.
    bool start(const QString &profile, const QUrl &server, QString *error)
    {
        AppServices::Options options;
        options.profilePath = profile;
        options.server = server;
        options.fileOnlyTokens = true;
        options.desktop = true;
        services = std::make_unique<AppServices>(options);
        const auto opened = services->open();
        if (!opened) {
            *error = opened.error().userMessage;
            return false;
        }
        JobQueue::Timing timing;
        timing.pollDelaysMs = {100, 200, 300, 500};
        timing.retryDelaysMs = {300, 600, 1000};
        services->jobs().setTiming(timing);
        window = std::make_unique<MainWindow>(*services);
        window->status().setProbeDelays({200, 400, 800});
        window->show();
        QSignalSpy restored(&services->session(), &Session::restored);
        services->session().restore();
        return restored.count() > 0 || restored.wait(10000);
    }

    void stop()
    {
        window.reset();
        services.reset();
    }

    ~StudioFixture() { stop(); }
};

// A small real image on disk, a gradient in `colour`.
inline QString makeTestImage(const QString &dir, const QString &name, QSize size, QColor colour)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, size.width(), size.height());
    gradient.setColorAt(0, colour);
    gradient.setColorAt(1, colour.darker(180));
    painter.fillRect(image.rect(), gradient);
    painter.end();
    const QString path = dir + u'/' + name;
    return image.save(path) ? path : QString();
}
