using HealthFunctions.LocalHost;

await LocalHostApp.Build(args).RunAsync();
