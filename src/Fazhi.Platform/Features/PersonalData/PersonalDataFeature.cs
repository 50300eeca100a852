using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Platform.Features.PersonalData;

/// <summary>Personal data protection: SM4-encrypted <see cref="SensitiveText"/> columns with blind indexes, masked everywhere else.</summary>
internal static class PersonalDataFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        // Every Fazhi DbContext picks the protector up in DatabaseRegistration.
        builder.Services.AddSingleton<SensitiveDataProtector>();
    }
}
