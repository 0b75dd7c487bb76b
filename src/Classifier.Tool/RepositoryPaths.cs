namespace Classifier.Tool;

public static class RepositoryPaths
{
    /// <summary>The models shipped beside this tool (copied from src/Comments.Moderation/Models at build).</summary>
    public static string ShippedModels => Path.Combine(AppContext.BaseDirectory, "Models");

    public static string ModelsSource => Path.Combine(Root, "src", "Comments.Moderation", "Models");

    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Comments.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
