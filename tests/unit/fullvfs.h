#pragma once
// A SQLite VFS over the default one whose writes fail with SQLITE_FULL while `full` is set: the
// database's "database or disk is full", exactly as a full disk gives it, without a full disk.
// Registered as the default VFS, so every connection opened after install() goes through it.
#include <atomic>
#include <cstring>
#include <sqlite3.h>

namespace fullvfs {

inline std::atomic<bool> full{false};

struct File
{
    sqlite3_file base;
    sqlite3_file *real;
};

inline sqlite3_vfs *&realVfs()
{
    static sqlite3_vfs *vfs = nullptr;
    return vfs;
}

inline sqlite3_file *real(sqlite3_file *f)
{
    return reinterpret_cast<File *>(f)->real;
}

inline const sqlite3_io_methods *methods()
{
    static const sqlite3_io_methods m = {
        3,
        [](sqlite3_file *f) {
            const int rc = real(f)->pMethods->xClose(real(f));
            return rc;
        },
        [](sqlite3_file *f, void *b, int n, sqlite3_int64 o) {
            return real(f)->pMethods->xRead(real(f), b, n, o);
        },
        [](sqlite3_file *f, const void *b, int n, sqlite3_int64 o) {
            if (full.load())
                return SQLITE_FULL;
            return real(f)->pMethods->xWrite(real(f), b, n, o);
        },
        [](sqlite3_file *f, sqlite3_int64 size) {
            return real(f)->pMethods->xTruncate(real(f), size);
        },
        [](sqlite3_file *f, int flags) { return real(f)->pMethods->xSync(real(f), flags); },
        [](sqlite3_file *f, sqlite3_int64 *size) {
            return real(f)->pMethods->xFileSize(real(f), size);
        },
        [](sqlite3_file *f, int l) { return real(f)->pMethods->xLock(real(f), l); },
        [](sqlite3_file *f, int l) { return real(f)->pMethods->xUnlock(real(f), l); },
        [](sqlite3_file *f, int *out) {
            return real(f)->pMethods->xCheckReservedLock(real(f), out);
        },
        [](sqlite3_file *f, int op, void *arg) {
            return real(f)->pMethods->xFileControl(real(f), op, arg);
        },
        [](sqlite3_file *f) { return real(f)->pMethods->xSectorSize(real(f)); },
        [](sqlite3_file *f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); },
        [](sqlite3_file *f, int page, int size, int extend, void volatile **out) {
            return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
        },
        [](sqlite3_file *f, int offset, int n, int flags) {
            return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
        },
        [](sqlite3_file *f) { real(f)->pMethods->xShmBarrier(real(f)); },
        [](sqlite3_file *f, int deleteFlag) {
            return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
        },
        [](sqlite3_file *f, sqlite3_int64 o, int n, void **out) {
            return real(f)->pMethods->xFetch(real(f), o, n, out);
        },
        [](sqlite3_file *f, sqlite3_int64 o, void *p) {
            return real(f)->pMethods->xUnfetch(real(f), o, p);
        },
    };
    return &m;
}

inline int open(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *f = reinterpret_cast<File *>(file);
    f->real = reinterpret_cast<sqlite3_file *>(f + 1);
    std::memset(f->real, 0, size_t(realVfs()->szOsFile));
    const int rc = realVfs()->xOpen(realVfs(), name, f->real, flags, outFlags);
    f->base.pMethods = f->real->pMethods ? methods() : nullptr;
    return rc;
}

// Makes the full VFS the default (once per process).
inline void install()
{
    static sqlite3_vfs vfs;
    if (realVfs())
        return;
    realVfs() = sqlite3_vfs_find(nullptr);
    vfs = *realVfs();
    vfs.zName = "fullvfs";
    vfs.szOsFile = int(sizeof(File)) + realVfs()->szOsFile;
    vfs.xOpen = &open;
    sqlite3_vfs_register(&vfs, 1);
}

} // namespace fullvfs
