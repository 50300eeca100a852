using System.Text;

namespace Fazhi.Platform.Features.Identifiers;

/// <summary>What is wrong with an identifier, if anything.</summary>
public enum IdentifierProblem
{
    None = 0,
    Empty,
    WrongLength,
    IllegalCharacter,
    InvalidBirthDate,

    /// <summary>
    /// Well formed, but the check character differs from the computed one. For a unified social credit code this alone may be
    /// accepted, after a person has checked the code against the licence, through an explicit override with a reason.
    /// </summary>
    CheckDigitMismatch,
}

/// <summary>The outcome of checking an identifier: a Chinese message a clerk can act on and the normalised value.</summary>
/// <param name="Problem">What is wrong (<see cref="IdentifierProblem.None"/> when nothing is).</param>
/// <param name="Message">In Chinese: "有效", or what is wrong (length, which character, expected and actual check character, the date).</param>
/// <param name="Normalized">Trimmed, full-width folded to half-width, upper-case: the form to store.</param>
/// <param name="AcceptedByOverride">True only when a check-digit mismatch was accepted through a reviewed override.</param>
public sealed record IdentifierCheck(IdentifierProblem Problem, string Message, string Normalized, bool AcceptedByOverride = false)
{
    public bool IsValid => Problem == IdentifierProblem.None || AcceptedByOverride;

    internal static string Normalise(string? value)
    {
        var sb = new StringBuilder();
        foreach (var c in (value ?? "").Trim())
        {
            sb.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }
        return sb.ToString().Trim().ToUpperInvariant();
    }
}
