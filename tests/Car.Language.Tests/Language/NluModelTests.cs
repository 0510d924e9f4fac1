using Car.Language.Model;
using Car.Testing;

namespace Car.Language.Tests.Language;

public sealed class NluModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-nlu-").FullName;

    public NluModelTests()
    {
        foreach (var file in new[] { NluModel.SchemaFile, NluModel.LexiconFile, NluModel.RulesFile })
        {
            File.Copy(Path.Combine(TestModel.Directory, file), Path.Combine(_directory, file));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task LoadAsync_BundledData_HasEveryContractIntentAndRules()
    {
        var model = await NluModel.LoadAsync(_directory);

        Assert.Equal(47, model.Schema.Intents.Count);
        Assert.All(model.Schema.Intents, i => Assert.Contains(model.Rules, r => r.Intent.Name == i.Name));
    }

    [Fact]
    public async Task LoadAsync_MissingFile_NamesIt()
    {
        File.Delete(Path.Combine(_directory, NluModel.LexiconFile));

        var error = await Assert.ThrowsAsync<NluModelException>(() => NluModel.LoadAsync(_directory));

        Assert.Contains("lexicon.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_TruncatedJson_SaysItIsNotJson()
    {
        var path = Path.Combine(_directory, NluModel.RulesFile);
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text[..(text.Length / 2)]);

        var error = await Assert.ThrowsAsync<NluModelException>(() => NluModel.LoadAsync(_directory));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_RuleForUnknownIntent_Rejected()
    {
        var path = Path.Combine(_directory, NluModel.RulesFile);
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("\"intent\": \"door.lock\"", "\"intent\": \"door.teleport\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<NluModelException>(() => NluModel.LoadAsync(_directory));

        Assert.Contains("door.teleport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_RuleWithUnknownExtractor_Rejected()
    {
        var path = Path.Combine(_directory, NluModel.RulesFile);
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("\"percent\": \"percent\"", "\"percent\": \"guess\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<NluModelException>(() => NluModel.LoadAsync(_directory));

        Assert.Contains("guess", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_TemplateWithoutHole_Rejected()
    {
        var path = Path.Combine(_directory, NluModel.LexiconFile);
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("\"给{}打个电话\"", "\"给打个电话\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<NluModelException>(() => NluModel.LoadAsync(_directory));

        Assert.Contains("给打个电话", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_WordListGivenTwice_NamesItInsteadOfKeepingOnlyTheSecond()
    {
        var path = Path.Combine(_directory, NluModel.LexiconFile);
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("\"slotWords\": {", "\"slotWords\": {\n  \"doers\": [\"某人\"],", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<NluModelException>(() => NluModel.LoadAsync(_directory));

        Assert.Contains("'doers' is given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_WordSplitWithOnePart_Rejected()
    {
        var path = Path.Combine(_directory, NluModel.LexiconFile);
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("\"去|石\"", "\"去石\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<NluModelException>(() => NluModel.LoadAsync(_directory));

        Assert.Contains("the word split '去石' must name two or more parts", error.Message, StringComparison.Ordinal);
    }
}
