using System.Globalization;
using System.Runtime.CompilerServices;

namespace SiteGen.Engine;

/// <summary>
/// Every thread of the generator formats, compares and changes case in the invariant culture,
/// whatever the machine's language: the same input gives the same bytes on an editor's laptop set
/// to German and on CI. Set when the assembly loads, so the program and the tests that drive the
/// library in-process behave alike.
/// </summary>
internal static class InvariantCulture
{
#pragma warning disable CA2255 // the generator is an application: pinning its culture once, first, is the point
    [ModuleInitializer]
    internal static void Pin()
#pragma warning restore CA2255
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
