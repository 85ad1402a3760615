// ThreadSanitizer builds only (app/CMakeLists.txt compiles this file into every program that
// links studio_core): ThreadSanitizer stops checking the memory accesses of the threads that
// Qt starts for its own code, QNetworkAccessManager's HTTP thread and QtDBus's connection thread.
//
// The same for Qt's global thread pool between tasks of ours: Qt splits large image
// conversions and scalings over it, and its threads keep their queue and idle lists under a
// futex-based mutex. Each of its threads is started here, before the program's own work, and
// marked unchecked until a task of ours starts on it (threading/pool.cpp); none expires, so no
// later thread goes unmarked.
//
// Why: Qt is not built with TSan, and it orders its threads with futexes TSan cannot see. These
// two threads hand buffers, replies and queued signals to ours through that unseen order, so
// each handoff reads as a race whose two ends are both inside Qt (QByteArray's allocation and
// copy, QMetaCallEvent's destruction). Qt's stacks have no symbols to suppress them by. No code
// of ours runs on these threads, so leaving them unchecked leaves nothing of ours unchecked; and
// what they lock and wait for still counts for the threads that are checked.

#include "threading/pool.h"
#include "threading/tsanannotations.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>

#include <memory>

// Qt's table of debugging hooks (QtCore/private/qhooks_p.h, the table GammaRay uses; exported
// by libQt6Core).
extern quintptr qtHookData[]; // NOLINT(modernize-avoid-c-arrays)

namespace {

// The threads Qt starts for its own use (Qt 6.4): QNetworkAccessManager names its thread;
// QtDBus's thread is a QDBusConnectionManager with no name (the system sees it by its class
// name, cut to 15 characters: "QDBusConnection").
bool runsOnlyQt(const QThread &thread)
{
    return thread.objectName() == QLatin1String("QNetworkAccessManager thread")
           || qstrcmp(thread.metaObject()->className(), "QDBusConnectionManager") == 0;
}

// One per thread, made when the thread makes its first QObject (a new QThread's event
// dispatcher, made on the thread as it starts) or delivers its first event, whichever comes
// first; so before any of a Qt thread's own work. It ends the pause when the thread ends (C++
// thread-locals end before TSan's own end-of-thread check).
class ThreadCheck final
{
public:
    explicit ThreadCheck(const QThread *thread)
        : m_unchecked(thread && runsOnlyQt(*thread))
    {
        if (m_unchecked)
            tsan::uncheckBegin();
    }
    ~ThreadCheck()
    {
        if (m_unchecked)
            tsan::uncheckEnd();
    }
    ThreadCheck(const ThreadCheck &) = delete;
    ThreadCheck &operator=(const ThreadCheck &) = delete;

private:
    bool m_unchecked;
};

// `thread` is the calling thread's QThread.
void decideOnce(const QThread *thread)
{
    [[maybe_unused]] thread_local const ThreadCheck check(thread);
}

// Qt calls this on the receiving thread before it delivers any event (QCoreApplication's
// notifyInternal2). Returning false lets the event through.
bool beforeEachEvent(void ** /*receiverEventResult*/)
{
    decideOnce(QThread::currentThread());
    return false;
}

// Entry 3 is called at the end of every QObject's constructor, on the thread that makes it,
// which is the object's thread. QNetworkAccessManager's thread frees memory before its first
// event, so the event hook alone came too late for it.
constexpr int kAddQObjectHook = 3;
using AddQObjectHook = void (*)(QObject *);
AddQObjectHook previousAddQObjectHook = nullptr;

void afterEachQObjectMade(QObject *object)
{
    decideOnce(object->thread());
    if (previousAddQObjectHook)
        previousAddQObjectHook(object);
}

struct Registration
{
    Registration()
    {
        QInternal::registerCallback(QInternal::EventNotifyCallback, beforeEachEvent);
        // NOLINTNEXTLINE(performance-no-int-to-ptr)
        previousAddQObjectHook = reinterpret_cast<AddQObjectHook>(qtHookData[kAddQObjectHook]);
        qtHookData[kAddQObjectHook] = reinterpret_cast<quintptr>(&afterEachQObjectMade);
    }
};

const Registration registration;

// Run when a QCoreApplication is made (Q_COREAPP_STARTUP_FUNCTION): one task per thread the
// global pool may have, each holding its thread until all have started, so each is a thread
// of its own. Not QThreadPool::waitForDone(), which ends every thread of the pool.
void uncheckGlobalPoolThreads()
{
    QThreadPool *pool = QThreadPool::globalInstance();
    pool->setExpiryTimeout(-1);
    const int threads = pool->maxThreadCount();
    struct Gates
    {
        QSemaphore started;
        QSemaphore go;
        QSemaphore done;
    };
    // Shared: a task may still be inside done.release() when this function returns.
    const auto gates = std::make_shared<Gates>();
    tsan::release(gates.get());
    for (int i = 0; i < threads; ++i) {
        pool->start([gates] {
            tsan::acquire(gates.get());
            gates->started.release();
            gates->go.acquire();
            uncheckPoolThreadUntilNextTask();
            gates->done.release();
        });
    }
    gates->started.acquire(threads);
    gates->go.release(threads);
    gates->done.acquire(threads);
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(uncheckGlobalPoolThreads)
