#include "appservices.h"
#include "cli/clicontext.h"
#include "media/imagedownloader.h"
#include "media/imagemirror.h"

#include <QCoreApplication>
#include <QEventLoop>

ImageMirrorOutcome mirrorImages(CliContext &ctx, AppServices &services)
{
    ImageMirror &mirror = services.imageMirror();
    // Asked for on the command line: "only images I open" does not apply here.
    mirror.setEnabled(true);
    mirror.start();
    ImageMirrorOutcome outcome;
    outcome.alreadyHere = mirror.done();
    QEventLoop loop;
    // Waiting (429 / 5xx) runs on: the mirror tries again after its pause.
    const auto ended = [&mirror] {
        const auto state = mirror.state();
        return state == ImageMirror::State::Done || state == ImageMirror::State::Offline
               || state == ImageMirror::State::LowSpace || state == ImageMirror::State::Idle
               || state == ImageMirror::State::Metered;
    };
    qint64 shown = -1;
    QObject::connect(&mirror, &ImageMirror::progressChanged, &loop, [&](qint64 done, qint64 total) {
        // A log file gets a line per 50 images, a terminal every image.
        if (!ctx.interactive() && done != total && done - shown < 50)
            return;
        shown = done;
        ctx.progress(
            QCoreApplication::translate("Cli", "images: %1 of %2 here").arg(done).arg(total));
    });
    QObject::connect(&mirror, &ImageMirror::stateChanged, &loop, [&] {
        if (ended())
            loop.quit();
    });
    if (!ended())
        loop.exec();
    outcome.offline = mirror.state() == ImageMirror::State::Offline;
    // Downloads still running when it went offline are let go.
    services.downloader().cancelBackfill();
    outcome.downloaded = mirror.downloadedThisPass();
    outcome.gone = mirror.counts().gone;
    outcome.failed = mirror.counts().missing();
    return outcome;
}
