#pragma once

#include "domain/apierror.h"

#include <optional>
#include <utility>
#include <variant>

// A value or the ApiError that prevented it (C++20 has no std::expected yet).
template<class T>
class Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(ApiError error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_data); }
    T &value() { return std::get<T>(m_data); }
    const ApiError &error() const { return std::get<ApiError>(m_data); }

private:
    std::variant<T, ApiError> m_data;
};

// For calls whose success carries nothing but the server's message.
struct Done
{
    QString message;
};
