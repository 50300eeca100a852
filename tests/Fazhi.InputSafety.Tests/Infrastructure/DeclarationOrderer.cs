using Xunit.Abstractions;
using Xunit.Sdk;

namespace Fazhi.InputSafety.Tests.Infrastructure;

/// <summary>Runs a class's tests in the order they are declared (the sweep's later tests change data the earlier ones read).</summary>
public sealed class DeclarationOrderer : ITestCaseOrderer
{
    public const string Name = "Fazhi.InputSafety.Tests.Infrastructure.DeclarationOrderer";

    public const string Assembly = "Fazhi.InputSafety.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.ToRuntimeMethod().MetadataToken);
}
