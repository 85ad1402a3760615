#pragma once

#include "domain/job.h"
#include "domain/result.h"

#include <QStringList>

struct StoredImage;

// A brush edit as the backend takes it (images and a prompt only) and back: the untouched
// original first, a copy with the marked area highlighted second, one fixed sentence added to
// the prompt; when the result comes, the original's unmarked pixels are put back into it.
namespace MaskEdit {

// The sentence added to a brush edit's prompt, in Persian when the prompt is mostly
// Arabic-script letters, else in English. It is part of what the model reads, so it follows the
// prompt's language, not the program's.
QString sentenceFor(const QString &prompt);
bool isMostlyArabicScript(const QString &text);
// The prompt with the sentence after it (once: a prompt that ends with it is left alone).
QString withSentence(const QString &prompt);
// The prompt as the user wrote it (a regenerated brush edit's prompt has the sentence).
QString withoutSentence(const QString &prompt);

// The files uploaded for `request`: for a brush edit the original, its highlighted copy
// (written beside the mask once, named by both inputs) and the other references; otherwise
// the references as they are. Runs on a worker thread.
Result<QStringList> uploadPaths(const JobRequest &request);
// Where uploadPaths writes the highlighted copy.
QString highlightPathFor(const JobRequest &request);

// A brush edit's mask copied into the profile's references folder (content-addressed); an
// empty path (no mask) stays empty.
Result<QString> copyMaskIntoProfile(const QString &maskPath, const QString &referencesDir);

// A completed job's stored result, to show and keep as the record's file. For a brush edit kept
// exact: combines it with the original (MaskImage::keepUnmasked), stores the combined image beside
// it, notes the server's own file in `job.serverImagePath` and returns the combined one; otherwise
// (or when combining fails) returns `serverResult` as it is.
StoredImage finishResult(Job &job, const StoredImage &serverResult);
// The server's own result kept beside a combined brush-edit file (the combined PNG names it),
// or empty when `localFile` is not one or the file is gone.
QString serverResultBeside(const QString &localFile);

} // namespace MaskEdit
