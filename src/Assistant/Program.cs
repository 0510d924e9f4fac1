using System.Text;
using Car.Assistant.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
return await CarCommandLine.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
