using Monitor.Cli.Commands;
using Monitor.Core.Decoding;

CodePages.Register();

return await MonitorCli.InvokeAsync(args);
