using BenchmarkDotNet.Attributes;
using WeChatFunctions.Admin;
using WeChatFunctions.Dialog;
using WeChatFunctions.Redaction;

namespace WeChatFunctions.Benchmarks;

/// <summary>
/// What every question now costs before it is answered: the admin-command check after NFKC, and the token search over
/// the text's skeleton, on a typical 80-character Chinese question and on the longest one allowed; and what fencing a
/// knowledge passage costs.
/// </summary>
[MemoryDiagnoser]
public class FollowerTextBenchmark
{
    private static readonly string[] Skeletons = [SecretRedactor.SkeletonOf("admin-secret-token-0123456789"), SecretRedactor.SkeletonOf("override-token-abcdefghij")];

    private readonly string _question = string.Concat(Enumerable.Repeat("请问你们门店周末几点开门，可以带宠物吗？", 4));
    private readonly string _longQuestion = string.Concat(Enumerable.Repeat("请问你们门店周末几点开门，可以带宠物吗？Do you open on Sundays? ", 120))[..AssistantDialog.MaxQuestionCharacters];
    private readonly string _passage = string.Concat(Enumerable.Repeat("本店营业时间为每天早上九点到晚上十点，节假日照常营业。门店地址在人民路一百号。", 12));

    [Benchmark(Baseline = true)]
    public bool AdminCommandCheck() => AdminCommand.TryParse(_question, out _);

    [Benchmark]
    public string RedactQuestion() => SecretRedactor.Redact(_question, Skeletons);

    [Benchmark]
    public string RedactLongestQuestion() => SecretRedactor.Redact(_longQuestion, Skeletons);

    [Benchmark]
    public string FencePassage() => QuotedMaterial.Fence("knowledge", "[1]《门店营业须知》", _passage);
}
