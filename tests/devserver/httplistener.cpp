#include "devserver/httplistener.h"

namespace devserver {

HttpListener::HttpListener(bool imageOrigin, RequestHandler handler,
                           std::shared_ptr<ProxyLimits> proxy, QObject *parent)
    : QObject(parent)
    , m_imageOrigin(imageOrigin)
    , m_handler(std::move(handler))
    , m_proxy(std::move(proxy))
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (auto *socket = m_server.nextPendingConnection())
            new HttpConnection(socket, m_imageOrigin, m_handler, m_proxy, this);
    });
}

bool HttpListener::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

} // namespace devserver
