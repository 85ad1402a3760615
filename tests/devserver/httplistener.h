#pragma once

#include "devserver/httpconnection.h"

#include <QTcpServer>

namespace devserver {

// Accepts loopback connections and hands each request to one handler.
class HttpListener final : public QObject
{
    Q_OBJECT
public:
    HttpListener(bool imageOrigin, RequestHandler handler, std::shared_ptr<ProxyLimits> proxy = {},
                 QObject *parent = nullptr);

    bool listen(quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    QTcpServer m_server;
    bool m_imageOrigin;
    RequestHandler m_handler;
    std::shared_ptr<ProxyLimits> m_proxy;
};

} // namespace devserver
