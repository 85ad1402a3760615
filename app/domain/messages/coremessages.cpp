// The core messages a person can see; see UserMessage.
#include "domain/usermessage.h"

#include <QtGlobal>

namespace {
constexpr MessageSource kMessages[] = {
    {"placeholder.core", QT_TRANSLATE_NOOP("Messages", "%1")},
};
} // namespace

std::span<const MessageSource> Messages::core()
{
    return kMessages;
}
