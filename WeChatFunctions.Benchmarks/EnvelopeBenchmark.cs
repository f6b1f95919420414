using System.Text;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Benchmarks;

/// <summary>
/// What an unauthenticated encrypted push can cost before its <c>msg_signature</c> is checked: a real envelope, and a
/// hostile one nested 7,000 deep that just fits under the 64 KiB cap. Loading the hostile one into a tree, as the
/// envelope reader did before, is the baseline.
/// </summary>
[MemoryDiagnoser]
public class EnvelopeBenchmark
{
    private const int HostileDepth = 7_000;

    private readonly byte[] _realEnvelope = Encoding.UTF8.GetBytes(
        "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><Encrypt><![CDATA[" + new string('A', 1_024) + "]]></Encrypt></xml>");

    private readonly byte[] _hostileEnvelope = Encoding.UTF8.GetBytes(
        "<xml>" + string.Concat(Enumerable.Repeat("<a>", HostileDepth)) + string.Concat(Enumerable.Repeat("</a>", HostileDepth)) + "</xml>");

    [Benchmark]
    public bool RealEnvelope() => EncryptedPush.TryReadEncrypt(_realEnvelope, out _, out _);

    [Benchmark]
    public bool HostileEnvelope() => EncryptedPush.TryReadEncrypt(_hostileEnvelope, out _, out _);

    [Benchmark(Baseline = true)]
    public XElement HostileEnvelopeLoadedAsATree()
    {
        using var reader = XmlReader.Create(new MemoryStream(_hostileEnvelope), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XElement.Load(reader);
    }
}
