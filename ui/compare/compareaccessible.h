#pragma once

class CompareCanvas;

// How a screen reader reads the compare canvas: a graphic side by side; in the wipe a slider
// whose value is how much of A shows (Left/Right move it, as they do the divider), which a
// reader can also set.
void installCompareAccessible();
// Tells a listening reader that the divider moved (the canvas calls it on every change).
void compareAccessibleChanged(CompareCanvas *canvas);
