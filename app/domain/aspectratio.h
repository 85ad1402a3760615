#pragma once

#include <QSize>
#include <QString>

// The supported aspect ratio (acceptedAspectRatios) nearest to an image's shape, so an edit
// comes back in the shape of the image it starts from.
// Shapes are compared in log space: 2:1 and 1:2 are equally far from 1:1. An empty or
// invalid size gives "1:1".
QString nearestAspectRatio(QSize size);
QString nearestAspectRatio(int width, int height);
