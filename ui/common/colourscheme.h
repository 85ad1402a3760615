#pragma once

#include <QString>

// The app's colours: as the system's theme gives them, or light or dark whatever it says
// (Qt 6.4 cannot ask the desktop for its light/dark preference; the platform theme's palette
// is "the system"). Applied at once to every window.
namespace ColourScheme {

enum class Scheme { System, Light, Dark };

Scheme fromSetting(const QString &value); // "system", "light", "dark"
QString toSetting(Scheme scheme);
void apply(Scheme scheme);

} // namespace ColourScheme
