using BenchmarkDotNet.Running;
using Moderation.Benchmarks;

if (args is ["--model-memory"])
{
    ModelMemory.Measure();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
