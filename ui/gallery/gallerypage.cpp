#include "gallerypage.h"

GalleryPage::GalleryPage(AppServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{ }

GalleryPage::~GalleryPage() = default;

void GalleryPage::refresh() { }

void GalleryPage::showRecord(qint64) { }

void GalleryPage::focusSearch() { }
