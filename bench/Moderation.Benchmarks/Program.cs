using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Moderation.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
