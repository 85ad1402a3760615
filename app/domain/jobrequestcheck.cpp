#include "domain/jobrequestcheck.h"

std::optional<ApiError> checkJobRequest(const JobRequest &request)
{
    const auto invalid = [](const char *code, QStringList args = {}) {
        return ApiError::make(ApiError::Kind::Validation, UserMessage::of(code, std::move(args)));
    };
    if (request.prompt.trimmed().isEmpty())
        return invalid("jobs.promptMissing");
    if (request.kind == JobKind::Edit && request.referencePaths.isEmpty())
        return invalid("jobs.editNeedsImage");
    // A brush edit sends a highlighted copy of its first image as well.
    if (request.isBrushEdit()
        && (request.kind != JobKind::Edit || request.referencePaths.isEmpty()))
        return invalid("jobs.maskNeedsImage");
    if (request.isBrushEdit() && request.referencePaths.size() + 1 > kMaxJobImages)
        return invalid("jobs.maskTooManyImages",
                       {QString::number(request.referencePaths.size() + 1 - kMaxJobImages)});
    if (request.referencePaths.size() > kMaxJobImages)
        return invalid("jobs.tooManyImages",
                       {QString::number(request.referencePaths.size() - kMaxJobImages)});
    if (!acceptedAspectRatios().contains(request.aspectRatio))
        return invalid("jobs.aspectRatioRefused",
                       {request.aspectRatio, acceptedAspectRatios().join(QStringLiteral(", "))});
    if (!acceptedResolutions().contains(request.resolution))
        return invalid("jobs.resolutionRefused");
    return std::nullopt;
}
