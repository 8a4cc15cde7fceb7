namespace IntakePipeline.Host.Tests.Cli;

/// <summary>A fact that needs LibreOffice (<c>soffice</c> on PATH); skipped, visibly, where it is not installed. CI installs it.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, "soffice")));
        if (!onPath)
        {
            Skip = "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui.";
        }
    }
}
