// The style catalogue against the dev server's /templates and /categories: fetched, cached in
// the profile with its pictures, then browsed from that copy with the server stopped.
#include "studiofixture.h"
#include "styles/stylecatalogue.h"
#include "styles/stylethumbnails.h"

#include <QSet>

using namespace studiotest;

namespace {

// Waits for every style's picture; the ids that came.
QSet<QString> thumbnailsOf(AppServices &services, const QList<StyleTemplate> &styles)
{
    QSet<QString> ready;
    QObject context;
    QObject::connect(&services.styleThumbnails(), &StyleThumbnails::thumbnailReady, &context,
                     [&ready](const QString &id, const QImage &image) {
                         if (!image.isNull())
                             ready.insert(id);
                     });
    for (const StyleTemplate &style : styles)
        services.styleThumbnails().request(style.id, style.imageUrl);
    if (!QTest::qWaitFor([&] { return ready.size() == styles.size(); }, 20000))
        qWarning() << "pictures came for" << ready.size() << "of" << styles.size() << "styles";
    return ready;
}

} // namespace

class TestStylesDevServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogueOnlineThenOffline()
    {
        QTemporaryDir profile;
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QList<StyleTemplate> online;
        {
            auto services = openServices(profile.path(), server.origin());
            QVERIFY(services);
            StyleCatalogue &catalogue = services->styles();
            QVERIFY(catalogue.styles().isEmpty());
            QSignalSpy changed(&catalogue, &StyleCatalogue::changed);
            catalogue.refreshIfStale();
            QVERIFY(changed.wait(10000));
            online = catalogue.styles();
            QCOMPARE(online.size(), 6);
            const StyleTemplate watercolor = catalogue.find(u"watercolor"_s);
            QCOMPARE(watercolor.category, u"art"_s);
            QVERIFY(watercolor.prompt.contains(u"watercolor"_s));
            QVERIFY(watercolor.tags.contains(u"paint"_s));
            QCOMPARE(StyleCatalogue::displayName(catalogue.find(u"pixel-art"_s)), u"Pixel art"_s);
            QCOMPARE(catalogue.categories().size(), 4);
            QCOMPARE(catalogue.categoryName(u"3d"_s), u"3d"_s);
            // Fresh: no second request within the day.
            catalogue.refreshIfStale();
            QVERIFY(!catalogue.isRefreshing());
            QCOMPARE(thumbnailsOf(*services, online).size(), online.size());
            // Search and category filter.
            const auto art = StyleCatalogue::filter(online, u"art"_s, {});
            QCOMPARE(art.size(), 3);
            const auto film = StyleCatalogue::filter(online, {}, u"FIL"_s);
            QCOMPARE(film.size(), 1);
            QCOMPARE(film.first().id, u"cinematic"_s);
            QVERIFY(StyleCatalogue::filter(online, u"photo"_s, u"anime"_s).isEmpty());
        }
        const QUrl origin = server.origin();
        server.stop();

        // Offline: the same list and pictures from the profile; a refresh fails and keeps them.
        auto services = openServices(profile.path(), origin);
        QVERIFY(services);
        StyleCatalogue &catalogue = services->styles();
        QCOMPARE(catalogue.styles().size(), online.size());
        QCOMPARE(catalogue.find(u"isometric"_s).prompt, online.at(5).prompt);
        QCOMPARE(catalogue.categories().size(), 4);
        QSignalSpy failed(&catalogue, &StyleCatalogue::refreshFailed);
        catalogue.refresh();
        QVERIFY(failed.wait(20000));
        QVERIFY(!failed.first().first().toString().isEmpty());
        QCOMPARE(catalogue.styles().size(), online.size());
        QCOMPARE(thumbnailsOf(*services, catalogue.styles()).size(), online.size());
    }
};

QTEST_MAIN(TestStylesDevServer)
#include "tst_styles_devserver.moc"
