using Monitor.Cli.Commands;

return await MonitorCli.InvokeAsync(args);
