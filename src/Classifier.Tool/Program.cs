using Classifier.Tool;

return await ClassifierCommands.RunAsync(args, Console.In, Console.Out, Console.Error);
