Console.WriteLine("monitor");
