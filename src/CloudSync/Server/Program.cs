using Car.CloudSync.Server;

return await CloudServer.RunAsync(args).ConfigureAwait(false);
