using System.Text;
using Spectre.Console;

namespace WeChatFunctions.Importer;

internal static class ImporterProgram
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return await KnowledgeImportCommand.RunAsync(args, AnsiConsole.Console, CancellationToken.None);
    }
}
