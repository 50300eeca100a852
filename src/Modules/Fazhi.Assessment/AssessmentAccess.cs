using Fazhi.Platform.Security;

namespace Fazhi.Assessment;

/// <summary>Who may open task pages: anyone holding one of the module's permissions (the data scope does the rest).</summary>
internal static class AssessmentAccess
{
    public static bool MayRead(ICurrentUser user) => user.Has(AssessmentPermissions.Submit) || user.Has(AssessmentPermissions.Read)
        || user.Has(AssessmentPermissions.Review) || user.Has(AssessmentPermissions.Approve) || user.Has(AssessmentPermissions.Lead);
}
