using Car.Assistant.Language;
using Car.Assistant.Language.Model;

var model = await NluModel.LoadAsync(Path.Combine(AppContext.BaseDirectory, "models", "nlu"));
var parser = new RuleParser(model);
Console.OutputEncoding = System.Text.Encoding.UTF8;
string? line;
while ((line = Console.ReadLine()) is not null)
{
    Console.WriteLine(IntentJson.ParseLine(parser.Parse(line)));
}
