#pragma once

#include "domain/result.h"

#include <QObject>

#include <optional>

// One backend call in flight. It emits finished() exactly once (also on abort), then
// deletes itself later; read result() inside the slot. Connect with a context object:
//   connect(call, &ApiCallBase::finished, this, [call] { ... call->result() ... });
class ApiCallBase : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // Stops the call; finished() follows with ApiError::Kind::Cancelled.
    virtual void abort() = 0;
    // From a requestHandedOver() slot: the request's last bytes are not sent (nothing could
    // record that they were), and finished() follows with a Network error.
    virtual void holdBackRequest() { }

Q_SIGNALS:
    void finished();
    // Bytes sent / to send (uploads) or received / total (downloads); total -1 when unknown.
    void progress(qint64 done, qint64 total);
    // A POST's last body bytes are being handed to the network (before they leave): until
    // then the server cannot have the whole request. Delivered directly, so a slot can record
    // it before anything more is sent.
    void requestHandedOver();
};

template<class T>
class ApiCall : public ApiCallBase
{
public:
    using ApiCallBase::ApiCallBase;
    const Result<T> &result() const { return *m_result; }

protected:
    // Sets the result, emits finished() and schedules deletion; later calls are ignored.
    void finish(Result<T> result)
    {
        if (m_result)
            return;
        m_result.emplace(std::move(result));
        Q_EMIT finished();
        deleteLater();
    }

private:
    std::optional<Result<T>> m_result;
};
