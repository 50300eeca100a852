using BenchmarkDotNet.Running;
using Fazhi.Bench;

// dotnet run -c Release --project bench/Fazhi.Bench -- [BenchmarkDotNet args]   (e.g. --filter '*Audit*')
// dotnet run -c Release --project bench/Fazhi.Bench -- disputes [sqlite NAME|postgres CONNECTION] [cases]
// dotnet run -c Release --project bench/Fazhi.Bench -- assessment [sqlite NAME|postgres CONNECTION]
// dotnet run -c Release --project bench/Fazhi.Bench -- enforcement [sqlite NAME|postgres CONNECTION] [cases] [decisions]
// dotnet run -c Release --project bench/Fazhi.Bench -- exam URL [takers] [questions] [answers/s] [answer seconds] [start seconds] [submit seconds]   (bench/exam.sh)
// dotnet run -c Release --project bench/Fazhi.Bench -- exam URL max [questions] [from] [step] [to]   (bench/exam.sh ENGINE max: the largest sustained number of takers)
// dotnet run -c Release --project bench/Fazhi.Bench -- lists [sqlite NAME|postgres CONNECTION] [items]
// dotnet run -c Release --project bench/Fazhi.Bench -- lists-powers [sqlite NAME|postgres CONNECTION] [items] [checks]
// dotnet run -c Release --project bench/Fazhi.Bench -- rulemaking [NAME] [rounds] [documents]
// dotnet run -c Release --project bench/Fazhi.Bench -- rulemaking-comments [NAME] [comments] [perSecond]
// dotnet run -c Release --project bench/Fazhi.Bench -- oversight [sqlite NAME|postgres CONNECTION] [scale]
// dotnet run -c Release --project bench/Fazhi.Bench -- library [sqlite NAME|postgres CONNECTION] [scale] [rounds]
// dotnet run -c Release --project bench/Fazhi.Bench -- discretion [threads] [seconds]
// dotnet run -c Release --project bench/Fazhi.Bench -- concurrent [sqlite|postgres CONNECTION] [writers] [writesPerWriter]
if (args.Length > 0 && args[0] == "disputes")
{
    return await Fazhi.Bench.Disputes.DisputesLoad.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "assessment")
{
    return await Fazhi.Bench.Assessment.AssessmentLoad.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "enforcement")
{
    return await Fazhi.Bench.Enforcement.EnforcementLoad.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "library")
{
    return await Fazhi.Bench.Library.LibraryLoad.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "rulemaking-comments")
{
    return await Fazhi.Bench.Rulemaking.CommentBurst.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "rulemaking")
{
    return await Fazhi.Bench.Rulemaking.RulemakingLoad.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "oversight")
{
    return await Fazhi.Bench.Oversight.OversightLoad.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "exam")
{
    return await Fazhi.Bench.Learning.ExamLoad.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "lists-powers")
{
    return await Fazhi.Bench.Lists.PowersLoad.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "lists")
{
    return await Fazhi.Bench.Lists.ListsLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "library-profile")
{
    return Fazhi.Bench.Library.LibraryProfile.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "concurrent")
{
    return await ConcurrentAppend.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "discretion")
{
    return DiscretionThroughput.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(AuditAppendBenchmarks).Assembly).Run(args);
return 0;
