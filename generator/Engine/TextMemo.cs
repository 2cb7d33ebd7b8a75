using System.Runtime.CompilerServices;

namespace SiteGen.Engine;

/// <summary>
/// A value worked out from a page's rendered text, remembered for as long as that text lives, but
/// only when builds follow one another (`serve`, which has a <see cref="BuildCache"/>): unchanged
/// pages come back from the cache with the same text, so a rebuild works out only what changed.
/// A one-off build does not remember: each entry is a handle every garbage collection visits, and
/// at 100,000 pages going over them took most of the build's collection time, 30 s and more.
/// </summary>
public sealed class TextMemo<T>
{
    private readonly ConditionalWeakTable<string, StrongBox<T>> _values = new();

    public T Get(BuildContext context, string text, Func<string, T> make) =>
        context.Cache is null ? make(text) : _values.GetValue(text, t => new(make(t))).Value!;
}
