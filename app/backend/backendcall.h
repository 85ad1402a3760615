#pragma once

#include "backend/apicall.h"
#include "backend/httpexchange.h"
#include "backend/requestbudget.h"

#include <QPointer>

#include <functional>

// What every call tells its client: whether the server answered, and any error (for the
// unauthorized() and reachabilityChanged() signals).
class CallObserver
{
public:
    virtual void callAnswered(bool api, bool reached, const ApiError *error) = 0;

protected:
    ~CallObserver() = default;
};

// One backend call: waits for the budget (api calls), runs an HttpExchange, lets the budget
// read the rate headers, sends the call again after a 429 (a bounded number of times), then
// decodes the answer.
template<class T>
class BackendCall final : public ApiCall<T>
{
public:
    using Decoder = std::function<Result<T>(const HttpAnswer &)>;
    using Adjust = std::function<void(Result<T> &)>;

    BackendCall(QNetworkAccessManager &network, RequestBudget *budget, CallPriority priority,
                HttpRequestSpec spec, Decoder decoder, CallObserver &observer, QObject *parent)
        : ApiCall<T>(parent)
        , m_network(network)
        , m_budget(budget)
        , m_priority(priority)
        , m_spec(std::move(spec))
        , m_decoder(std::move(decoder))
        , m_observer(observer)
    { }

    void setAdjust(Adjust adjust) { m_adjust = std::move(adjust); }

    // Queues the call; finished() always comes later, never from inside start().
    void start()
    {
        if (m_budget) {
            m_ticket = m_budget->enqueue(m_priority, this, [this] {
                m_ticket = 0;
                launch();
            });
        } else {
            QTimer::singleShot(0, this, [this] { launch(); });
        }
    }

    // Finishes with Result<T> error without any request (e.g. a local validation).
    void failLater(ApiError error)
    {
        QTimer::singleShot(0, this, [this, error] { this->finish(error); });
    }

    // finished() with Cancelled follows from the event loop, never from inside abort().
    void abort() override
    {
        if (m_ticket && m_budget)
            m_budget->cancel(m_ticket);
        m_ticket = 0;
        if (m_exchange) {
            m_exchange->disconnect(this);
            delete m_exchange.data(); // aborts its reply
        }
        failLater(ApiError::cancelled());
    }

    void holdBackRequest() override
    {
        if (m_exchange)
            m_exchange->holdBackBody();
    }

private:
    void launch()
    {
        m_exchange = new HttpExchange(m_network, m_spec, this);
        QObject::connect(m_exchange, &HttpExchange::progress, this, &ApiCallBase::progress);
        QObject::connect(m_exchange, &HttpExchange::bodyHandedOver, this,
                         &ApiCallBase::requestHandedOver, Qt::DirectConnection);
        QObject::connect(m_exchange, &HttpExchange::finished, this,
                         [this] { onExchangeFinished(); });
        m_exchange->start();
    }

    void onExchangeFinished()
    {
        auto *exchange = m_exchange.data();
        m_exchange.clear();
        exchange->deleteLater();
        const auto &outcome = exchange->outcome();
        const bool api = m_budget != nullptr;
        if (!outcome.ok()) {
            const auto &error = outcome.error();
            // Held back here: the server was not asked, so it says nothing about reaching it.
            if (error.kind != ApiError::Kind::Cancelled && !exchange->heldBack())
                m_observer.callAnswered(api, error.kind != ApiError::Kind::Network, &error);
            this->finish(error);
            return;
        }
        const auto &answer = outcome.value();
        if (api) {
            m_budget->observe(answer);
            if (answer.status == 429 && m_attempts < m_budget->maxRetries()) {
                ++m_attempts; // the limiter refused it before any work: safe to send again
                start();
                return;
            }
        }
        Result<T> result = m_decoder(answer);
        if (m_adjust)
            m_adjust(result);
        m_observer.callAnswered(api, true, result.ok() ? nullptr : &result.error());
        this->finish(std::move(result));
    }

    QNetworkAccessManager &m_network;
    RequestBudget *m_budget; // null: not an /api call (image downloads)
    CallPriority m_priority;
    HttpRequestSpec m_spec;
    Decoder m_decoder;
    Adjust m_adjust;
    CallObserver &m_observer;
    QPointer<HttpExchange> m_exchange;
    quint64 m_ticket = 0;
    int m_attempts = 0;
};
