using System.Text;

namespace PlanState.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Findings quote glyphs such as █ and update prints →; a legacy console code page would mangle them.
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return CliApp.Run(args, Console.Out, Console.Error, new CliOptions { StdoutIsTerminal = !Console.IsOutputRedirected });
    }
}
