using BenchmarkDotNet.Running;
using WeChatFunctions.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(KeywordMatcherBenchmark).Assembly).Run(args);
