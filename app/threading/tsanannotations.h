#pragma once

// Happens-before edges that ThreadSanitizer cannot see by itself, marked by hand. Qt is not
// built with TSan and its mutexes wait on futexes, so a handoff through Qt's event queue, a
// thread pool or a future looks like a race to TSan although Qt orders it. These mark the same
// order on a key both sides share; in a build without TSan they are empty.

#if defined(__SANITIZE_THREAD__)
#define STUDIO_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define STUDIO_TSAN 1
#endif
#endif

#ifdef STUDIO_TSAN
extern "C" void __tsan_acquire(void *addr); // NOLINT(bugprone-reserved-identifier)
extern "C" void __tsan_release(void *addr); // NOLINT(bugprone-reserved-identifier)
extern "C" void __tsan_ignore_thread_begin(); // NOLINT(bugprone-reserved-identifier)
extern "C" void __tsan_ignore_thread_end(); // NOLINT(bugprone-reserved-identifier)
#endif

namespace tsan {

// Everything this thread did before release(key) happens before what another thread does
// after its acquire(key).
inline void release([[maybe_unused]] const void *key)
{
#ifdef STUDIO_TSAN
    __tsan_release(const_cast<void *>(key));
#endif
}

inline void acquire([[maybe_unused]] const void *key)
{
#ifdef STUDIO_TSAN
    __tsan_acquire(const_cast<void *>(key));
#endif
}

// Stops checking the memory accesses this thread makes until uncheckEnd(); what it locks and
// waits for still counts. Only for stretches where a thread runs nothing but Qt's own code
// (qtthreadsunchecked.cpp, pool.cpp). A thread must end it before it ends: TSan stops the
// program if a thread finishes unchecked.
inline void uncheckBegin()
{
#ifdef STUDIO_TSAN
    __tsan_ignore_thread_begin();
#endif
}

inline void uncheckEnd()
{
#ifdef STUDIO_TSAN
    __tsan_ignore_thread_end();
#endif
}

} // namespace tsan
