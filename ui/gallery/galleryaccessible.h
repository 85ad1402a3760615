#pragma once

// Screen-reader access to the gallery grid. Qt describes only its own list, table and tree
// views as lists of items; GalleryGrid is a QAbstractItemView of its own, so without this a
// screen reader would see one unnamed area. Registers (once per process) the accessibility
// factory that presents the grid as a list and each card as a list item named by its prompt
// and state.
void installGalleryAccessibility();
