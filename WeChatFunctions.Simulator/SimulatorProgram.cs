using System.Text;

namespace WeChatFunctions.Simulator;

internal static class SimulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        Console.InputEncoding = Encoding.UTF8;
        return await Simulator.RunAsync(args, Console.In, Console.Out);
    }
}
