// Renders the app's SVG icon as the PNG sizes of the hicolor theme at build time, with Qt's
// own SVG renderer, so the PNGs are never committed and never drift from the SVG.
//   iconpng SVG OUT_DIR NAME SIZE... -> OUT_DIR/<SIZE>x<SIZE>/apps/NAME.png
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() < 5) {
        err << "usage: iconpng SVG OUT_DIR NAME SIZE...\n";
        return 1;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        err << "iconpng: cannot read " << args.at(1) << '\n';
        return 1;
    }
    for (const QString &sizeText : args.mid(4)) {
        const int size = sizeText.toInt();
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        const QString path = dir + QLatin1Char('/') + args.at(3) + QStringLiteral(".png");
        if (!QDir().mkpath(dir) || !image.save(path)) {
            err << "iconpng: cannot write " << path << '\n';
            return 1;
        }
    }
    return 0;
}
