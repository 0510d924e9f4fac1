var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpc();
var app = builder.Build();
await app.RunAsync().ConfigureAwait(false);
