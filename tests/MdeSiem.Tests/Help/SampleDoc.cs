namespace MdeSiem.Tests.Help;

/// <summary>A hand-written doc in the platyPS schema, with two parameter sets, a switch and a pipeline parameter.</summary>
internal static class SampleDoc
{
    public const string Text = """
        ---
        external help file: Sample.dll-Help.xml
        Module Name: Sample
        online version: https://example.test/Get-Widget
        schema: 2.0.0
        ---

        # Get-Widget

        ## SYNOPSIS
        Gets widgets.

        ## SYNTAX

        ### ById (Default)
        ```
        Get-Widget [-Id] <String> [-Force] [<CommonParameters>]
        ```

        ### ByName
        ```
        Get-Widget -Name <String> [-Force] [<CommonParameters>]
        ```

        ## DESCRIPTION
        Gets widgets from the store.

        Second paragraph
        on two lines.

        ## EXAMPLES

        ### Example 1: One widget
        ```powershell
        Get-Widget -Id 7
        # ## not a heading
        ```

        Gets widget 7.

        ### Example 2: By name
        ```powershell
        Get-Widget -Name w
        ```

        Gets widget w.

        ## PARAMETERS

        ### -Id
        The widget's id.

        ```yaml
        Type: String
        Parameter Sets: ById
        Aliases: WidgetId

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName)
        Accept wildcard characters: False
        ```

        ### -Name
        The widget's name.

        ```yaml
        Type: String
        Parameter Sets: ByName
        Aliases:

        Required: True
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: True
        ```

        ### -Force
        Skips the cache.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: (All)
        Aliases:

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String
        An id.

        ## OUTPUTS

        ### Sample.Widget
        A widget.

        ## NOTES
        Widgets are cached.

        ## RELATED LINKS

        [Set-Widget](Set-Widget.md)

        [Widgets online](https://example.test/widgets)
        """;
}
