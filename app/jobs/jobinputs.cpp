#include "jobs/jobinputs.h"

#include "jobs/maskedit.h"
#include "media/referencecopy.h"

Result<JobRequest> keepJobInputs(JobRequest request, const QString &referencesDir)
{
    auto copies = copyReferencesIntoProfile(request.referencePaths, referencesDir);
    if (!copies)
        return copies.error();
    auto mask = MaskEdit::copyMaskIntoProfile(request.maskPath, referencesDir);
    if (!mask)
        return mask.error();
    request.referencePaths = copies.value();
    request.maskPath = mask.value();
    return request;
}
