using System.Runtime.CompilerServices;

// The benchmark times the diff on its own, without matching.
[assembly: InternalsVisibleTo("Monitor.Detection.Benchmarks")]
