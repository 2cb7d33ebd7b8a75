using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace SiteGen.Engine;

/// <summary>
/// A digest of everything a document holds, for the build cache's keys: every property of the
/// record, found by reflection, so a property added to <see cref="Document"/> (or to a record it
/// holds) is part of every key without anyone listing it. The values are written one after the
/// other, each with its length, and hashed once. Large texts and long lists are digested once per
/// object: documents reused from the cache bring the same objects back, and every page shares one
/// navigation tree.
/// The generator's assembly is kept whole when it is compiled natively (TrimmerRootAssembly in
/// SiteGen.csproj), so every record's properties are there to be read by reflection.
/// </summary>
public static class DocumentDigest
{
    private const int Large = 256;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();
    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Getters = new();
    private static readonly ConditionalWeakTable<object, string> Remembered = new();

    public static string Of(Document document)
    {
        var text = new StringBuilder(1024);
        AppendRecord(text, document);
        return BuildCache.Digest(text.ToString());
    }

    /// <summary>
    /// The digest of any value the build treats as immutable (the site's settings, the model every
    /// page's layout shares): what <see cref="Of(Document)"/> reads of a document, for any value.
    /// </summary>
    public static string OfValue(object? value)
    {
        if (value is null) return "\0";
        var text = new StringBuilder();
        Append(text, value);
        return BuildCache.Digest(text.ToString());
    }

    /// <summary>The properties a record is made of: those it can be given (init or set), by name.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The generator's own records are kept whole (TrimmerRootAssembly), and those of the framework it holds (lists, tuples, dictionaries) are read through their interfaces, not their properties.")]
    public static PropertyInfo[] PropertiesOf(Type type) => Properties.GetOrAdd(type, t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal)]);

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("\0;");
                break;
            case string s:
                if (s.Length < Large) text.Append(s.Length).Append(':').Append(s).Append(';');
                else text.Append('#').Append(BuildCache.Of(s)).Append(';');
                break;
            case int number:
                text.Append(number).Append(';');
                break;
            case Enum choice:
                text.Append(Convert.ToInt64(choice, CultureInfo.InvariantCulture)).Append(';');
                break;
            case IFormattable formattable when value.GetType().IsValueType:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture)).Append(';');
                break;
            case bool flag:
                text.Append(flag ? "1;" : "0;");
                break;
            case ReadOnlyMemory<byte> bytes:
                text.Append(bytes.Length).Append('#').Append(bytes.IsEmpty ? "" : Convert.ToHexString(System.IO.Hashing.XxHash128.Hash(bytes.Span))).Append(';');
                break;
            case IDictionary map:
                text.Append('{');
                foreach (DictionaryEntry entry in map)
                {
                    Append(text, entry.Key);
                    Append(text, entry.Value);
                }
                text.Append('}');
                break;
            case ITuple tuple:
                text.Append('(');
                for (var i = 0; i < tuple.Length; i++) Append(text, tuple[i]);
                text.Append(')');
                break;
            case ICollection { Count: > 16 } list:
                text.Append('#').Append(Remembered.GetValue(list, Whole)).Append(';');
                break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items) Append(text, item);
                text.Append(']');
                break;
            default:
                // A record inside the document: immutable, and often the same object build after build (front matter from the cache).
                text.Append('#').Append(Remembered.GetValue(value, Record)).Append(';');
                break;
        }
    }

    private static void AppendRecord(StringBuilder text, object value)
    {
        text.Append('{');
        foreach (var (name, get) in GettersOf(value.GetType()))
        {
            text.Append(name).Append('=');
            Append(text, get(value));
        }
        text.Append('}');
    }

    private static string Record(object value)
    {
        var text = new StringBuilder();
        AppendRecord(text, value);
        return BuildCache.Digest(text.ToString());
    }

    /// <summary>
    /// Each property's getter as a delegate, made once per type: reflection's GetValue costs more
    /// than the rest of a key when code is compiled as it runs. Compiled ahead of time, there is no
    /// compiler to make a delegate with, and GetValue is what remains.
    /// </summary>
    private static (string Name, Func<object, object?> Get)[] GettersOf(Type type) => Getters.GetOrAdd(type, t =>
        [.. PropertiesOf(t).Select(p =>
        {
            if (!RuntimeFeature.IsDynamicCodeCompiled) return (p.Name, (Func<object, object?>)p.GetValue);
            var instance = System.Linq.Expressions.Expression.Parameter(typeof(object));
            var read = System.Linq.Expressions.Expression.Convert(
                System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(instance, t), p), typeof(object));
            return (p.Name, System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(read, instance).Compile());
        })]);

    private static string Whole(object items)
    {
        var text = new StringBuilder();
        text.Append('[');
        foreach (var item in (IEnumerable)items) Append(text, item);
        return BuildCache.Digest(text.Append(']').ToString());
    }
}
