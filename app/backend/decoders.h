#pragma once

#include "backend/httpanswer.h"
#include "domain/records.h"
#include "domain/result.h"

#include <QDateTime>

// Pure decoders: HttpAnswer in, typed value or ApiError out. No I/O, no state.
//
// Tolerance policy (decided here, relied on by the sync and the tests):
// - A non-2xx answer always becomes the ApiError of errorFromAnswer().
// - HTML, empty, truncated or non-object bodies, and a missing or wrongly typed envelope
//   (`data`, or the list a call is about) are BadResponse.
// - Optional fields that are absent or of the wrong type are left empty; numbers sent as
//   strings ("25") are read as numbers; unknown enum values map to a fallback and the raw
//   text is kept (typeRaw).
// - In a list, a record that is not an object or has no string id is skipped and counted
//   (ImagesPage::skipped; logged for the other lists), so one bad record never hides the rest.

// Maps any non-success answer (and 2xx HTML) to the one ApiError the user sees.
// Message: `message`, else `error`, else a short plain-text body, else the reason phrase.
ApiError errorFromAnswer(const HttpAnswer &answer);

// ISO-8601 UTC with or without milliseconds; invalid QDateTime when unreadable.
QDateTime parseServerDate(const QString &text);

Result<Done> decodeDone(const HttpAnswer &answer);
Result<AuthResult> decodeAuthResult(const HttpAnswer &answer);
Result<User> decodeMe(const HttpAnswer &answer);
Result<SubmitReceipt> decodeSubmitReceipt(const HttpAnswer &answer);
Result<Task> decodeTask(const HttpAnswer &answer);
Result<ImagesPage> decodeImagesPage(const HttpAnswer &answer);
Result<QList<Character>> decodeCharacters(const HttpAnswer &answer);
Result<Character> decodeCharacter(const HttpAnswer &answer);
Result<QList<StyleTemplate>> decodeTemplates(const HttpAnswer &answer);
Result<QList<StyleCategory>> decodeCategories(const HttpAnswer &answer);
