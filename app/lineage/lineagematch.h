#pragma once

#include "lineage/lineagelink.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One image that went into making another: the address the server gave it, or the content
// hash of the local copy a job sent (references are copied into the profile by hash).
struct LineageInput
{
    QString url; // relative or absolute; empty for a local copy
    QString sha256; // hex; empty when unknown
    LineageKind kind = LineageKind::Reference; // what it was to the image made
};

// The image whose sources are sought.
struct LineageTarget
{
    qint64 rowId = 0;
    qint64 createdAtMs = 0;
    QList<LineageInput> inputs;
};

// A history record that may be one of them: its address and the content hashes of its files
// (the record's file, and a brush edit's server result beside it).
struct LineageCandidate
{
    qint64 rowId = 0;
    qint64 createdAtMs = 0;
    QString imageUrl;
    QStringList sha256;
};

// A record as a possible earlier run of the same request: its prompt, kind and sources.
struct RequestShape
{
    qint64 rowId = 0;
    qint64 createdAtMs = 0;
    QString prompt;
    QString kind; // "generate", "edit"
    QList<qint64> sources; // the rows its edit and reference links come from
};

// How far a source's creation may lie after the image made from it: the server's clock and
// this computer's differ a little, and a source must come first.
inline constexpr qint64 kLineageClockSlackMs = qint64{10} * 60 * 1000;

// The links from the records the target was made from. Each input names at most one record:
// an address match before a content-hash match, never the target itself nor a record made
// after it (beyond the clock slack); of several, the newest. A record named by two inputs gets
// one link of the stronger kind. Pure: the caller reads the candidates.
QList<LineageLink> matchLineageSources(const LineageTarget &target,
                                       const QList<LineageCandidate> &candidates);

// The record the target runs again: the newest earlier one with the same prompt, kind and
// sources; none when the target has no prompt.
std::optional<qint64> matchRegenerationSource(const RequestShape &target,
                                              const QList<RequestShape> &candidates);

// What each of an image's inputs was to it, in order: the first image of an edit is the one
// edited (a brush edit when a mask marked it), every other one a reference.
QList<LineageKind> inputKinds(bool edit, bool brush, qsizetype count);

// The path of an image address ("/uploads/x.png" from "http://host/uploads/x.png"), the form
// addresses are compared in.
QString imageUrlPath(const QString &url);
// The SHA-256 a content-addressed file's name carries (images/ab/<hex>.png, refs/<hex>.jpg);
// empty for any other name.
QString sha256OfFileName(const QString &path);
