using System;
using System.IO;
using MdeSiem.HelpCompiler;
using MdeSiem.HelpCompiler.Model;

// Usage: MdeSiem.HelpCompiler <docs folder> <output folder (the module's en-US)>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: MdeSiem.HelpCompiler <docs folder> <output folder>");
    return 2;
}

try
{
    foreach (var file in HelpBuild.Run(args[0], args[1], Console.Out))
    {
        Console.WriteLine("help: " + Path.GetFileName(file));
    }

    return 0;
}
catch (HelpFormatException exception)
{
    // MSBuild's canonical error format, so the build log shows which doc is wrong.
    Console.Error.WriteLine("error HELP001: " + exception.Message);
    return 1;
}
