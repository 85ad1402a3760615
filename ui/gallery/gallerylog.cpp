#include "gallery/gallerylog.h"

Q_LOGGING_CATEGORY(lcGallery, "studio.gallery")
