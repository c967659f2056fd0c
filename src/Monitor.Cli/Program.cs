using MinistryMonitor.Cli.Commands;
using MinistryMonitor.Core.Decoding;

CodePages.Register();

return await MonitorCli.InvokeAsync(args);
