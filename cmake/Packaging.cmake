# CPack's Debian package: `./dev package` configures with CMAKE_INSTALL_PREFIX=/usr and runs
# cpack in build/package. The dependencies on shared libraries are computed from the
# binaries (dpkg-shlibdeps); the ones below are what a linker cannot see: plugins Qt loads at
# run time, Qt's own catalogues and a font that draws Persian.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nanobanana-studio)
set(CPACK_PACKAGE_VENDOR NanoBanana)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop client for the NanoBanana image backend")
set(CPACK_PACKAGE_CONTACT "NanoBanana Studio developers <studio@nanobanana.invalid>")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # nanobanana-studio_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://nanobanana.invalid/studio")
# The extended description only: CPack puts the summary above it and indents each line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Write a prompt, attach reference images and characters, generate and edit
images, follow every job to its saved result and browse the whole history in
a fast local gallery that also works offline. The package also holds
nanobanana-cli, a command-line client sharing the app's profile.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libqt6sql6-sqlite: the QSQLITE driver the history opens by name; qt6-qpa-plugins: the xcb
# and wayland platform plugins; libqt6svg6: the SVG icon engine and image plugins that draw
# the app's icons (the linker drops libQt6Svg itself: no symbol of it is called directly);
# qt6-translations-l10n: qtbase_fa.qm for Qt's own dialogs.
# fonts-dejavu-core: Debian 12 has no Vazirmatn; DejaVu Sans draws Persian whole in Qt's
# labels (Noto Sans Arabic UI loses the dots below the line there). Same list as ./dev's
# runtime_packages.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6, qt6-translations-l10n, fonts-dejavu-core")
# WebP and TIFF results and references; a keychain service keeps the sign-in token out of a
# file.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-image-formats-plugins, qt6-wayland, gnome-keyring | kwalletmanager")
# Owner-writable, world-readable directories, as dpkg expects of /usr (not the umask's).
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
