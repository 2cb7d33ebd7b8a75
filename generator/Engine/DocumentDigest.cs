using System.Collections;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Hashing;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiteGen.Engine;

/// <summary>
/// A digest of everything a document holds, for the build cache's keys: every property of the
/// record, found by reflection, so a property added to <see cref="Document"/> (or to a record it
/// holds) is part of every key without anyone listing it. The values are fed to one hash, each
/// with a tag for its kind and its length, so two different documents cannot give the same
/// stream. Large texts, long lists and records holding lists or records are digested once per
/// object: documents reused from the cache bring the same objects back, and every page shares
/// one navigation tree. Hashing the values as they are read, with no text in between, matters
/// in `serve`, where a rebuild takes the key of every page three times.
/// The generator's assembly is kept whole when it is compiled natively (TrimmerRootAssembly in
/// SiteGen.csproj), so every record's properties are there to be read by reflection.
/// </summary>
public static class DocumentDigest
{
    private const int Large = 256;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();
    private static readonly ConcurrentDictionary<Type, RecordShape> Shapes = new();
    private static readonly ConditionalWeakTable<object, Remembered> Digests = new();

    /// <summary>A digest held for as long as the object it was taken of lives.</summary>
    private sealed class Remembered(UInt128 value)
    {
        public readonly UInt128 Value = value;
    }

    /// <summary>
    /// Remembered for as long as the document lives: a result `serve` reuses from its cache is the
    /// same object the last build made, so the next step's key for it costs one lookup.
    /// </summary>
    public static UInt128 Of(Document document) => Digests.GetValue(document, static d => new Remembered(OfRecord(d))).Value;

    /// <summary>
    /// The digest of any value the build treats as immutable (the site's settings, the model every
    /// page's layout shares): what <see cref="Of(Document)"/> reads of a document, for any value.
    /// </summary>
    public static string OfValue(object? value)
    {
        var hash = Writer.Rent();
        Append(hash, value);
        return Hex(hash.Finish());
    }

    /// <summary>The properties a record is made of: those it can be given (init or set), by name.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The generator's own records are kept whole (TrimmerRootAssembly), and those of the framework it holds (lists, tuples, dictionaries) are read through their interfaces, not their properties.")]
    public static PropertyInfo[] PropertiesOf(Type type) => Properties.GetOrAdd(type, t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal)]);

    // One tag byte before each value says what follows, so a list cannot pass for a string.
    private enum Tag : byte { Null, Text, LargeText, Number, Other, Bytes, Map, Tuple, List, ListDigest, Record }

    private static void Append(Writer hash, object? value)
    {
        switch (value)
        {
            case null:
                hash.Tag(Tag.Null);
                break;
            case string s when s.Length < Large:
                hash.Tag(Tag.Text);
                hash.Text(s);
                break;
            case string s:
                hash.Tag(Tag.LargeText);
                hash.Digest(Digests.GetValue(s, static t => new Remembered(XxHash128.HashToUInt128(MemoryMarshal.AsBytes(((string)t).AsSpan())))).Value);
                break;
            case int number:
                hash.Tag(Tag.Number);
                hash.Number(number);
                break;
            case bool flag:
                hash.Tag(Tag.Number);
                hash.Number(flag ? 1 : 0);
                break;
            case Enum choice:
                hash.Tag(Tag.Number);
                hash.Number(Convert.ToInt64(choice, CultureInfo.InvariantCulture));
                break;
            case ReadOnlyMemory<byte> bytes:
                hash.Tag(Tag.Bytes);
                hash.Number(bytes.Length);
                hash.Bytes(bytes.Span);
                break;
            case IFormattable formattable when value.GetType().IsValueType:
                hash.Tag(Tag.Other);
                hash.Text(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IDictionary map:
                hash.Tag(Tag.Map);
                hash.Number(map.Count);
                foreach (DictionaryEntry entry in map)
                {
                    Append(hash, entry.Key);
                    Append(hash, entry.Value);
                }
                break;
            case ITuple tuple:
                hash.Tag(Tag.Tuple);
                hash.Number(tuple.Length);
                for (var i = 0; i < tuple.Length; i++) Append(hash, tuple[i]);
                break;
            case ICollection { Count: > 16 } list:
                hash.Tag(Tag.ListDigest);
                hash.Digest(Digests.GetValue(list, static items => new Remembered(Whole((IEnumerable)items))).Value);
                break;
            case IEnumerable items:
                hash.Tag(Tag.List);
                AppendItems(hash, items);
                break;
            default:
                var shape = ShapeOf(value.GetType());
                hash.Tag(Tag.Record);
                // A record of plain values (a heading, a link) costs less to hash than to look up;
                // a record holding lists or records (the front matter, a sidebar entry) is digested
                // once: it is often the same object build after build, or shared by every page.
                if (shape.Plain) AppendRecord(hash, value, shape);
                else hash.Digest(Digests.GetValue(value, static record => new Remembered(OfRecord(record))).Value);
                break;
        }
    }

    private static UInt128 OfRecord(object value)
    {
        var hash = Writer.Rent();
        AppendRecord(hash, value, ShapeOf(value.GetType()));
        return hash.Finish();
    }

    private static void AppendRecord(Writer hash, object value, RecordShape shape)
    {
        hash.Digest(shape.Names);
        foreach (var get in shape.Getters) Append(hash, get(value));
    }

    private static UInt128 Whole(IEnumerable items)
    {
        var hash = Writer.Rent();
        AppendItems(hash, items);
        return hash.Finish();
    }

    /// <summary>The items, then their count: the end of a list is marked, so the next value cannot join it.</summary>
    private static void AppendItems(Writer hash, IEnumerable items)
    {
        var count = 0;
        foreach (var item in items)
        {
            Append(hash, item);
            count++;
        }
        hash.Tag(Tag.List);
        hash.Number(count);
    }

    private static string Hex(UInt128 digest)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, digest);
        return Convert.ToHexString(bytes);
    }

    /// <summary>
    /// The hash, fed through a buffer: a document is read as about a hundred small values, and
    /// the hash costs far less given them a kilobyte at a time than one by one. One writer per
    /// thread is reused; a record digested while another is being written gets its own.
    /// </summary>
    private sealed class Writer
    {
        private readonly XxHash128 _hash = new();
        private readonly byte[] _buffer = new byte[1024];
        private int _used;

        [ThreadStatic] private static Writer? _spare;

        public static Writer Rent()
        {
            var writer = _spare ?? new Writer();
            _spare = null;
            return writer;
        }

        /// <summary>The digest of all that was written; the writer is then ready for the next use.</summary>
        public UInt128 Finish()
        {
            _hash.Append(_buffer.AsSpan(0, _used));
            var digest = _hash.GetCurrentHashAsUInt128();
            _hash.Reset();
            _used = 0;
            _spare = this;
            return digest;
        }

        public void Tag(Tag tag)
        {
            if (_used == _buffer.Length) Flush();
            _buffer[_used++] = (byte)tag;
        }

        /// <summary>A text, after its length.</summary>
        public void Text(string text)
        {
            Number(text.Length);
            Bytes(MemoryMarshal.AsBytes(text.AsSpan()));
        }

        public void Digest(UInt128 digest)
        {
            Span<byte> bytes = stackalloc byte[16];
            BinaryPrimitives.WriteUInt128LittleEndian(bytes, digest);
            Bytes(bytes);
        }

        public void Number(long value)
        {
            if (_used > _buffer.Length - 8) Flush();
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
            _used += 8;
        }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > _buffer.Length - _used)
            {
                Flush();
                if (bytes.Length > _buffer.Length)
                {
                    _hash.Append(bytes);
                    return;
                }
            }
            bytes.CopyTo(_buffer.AsSpan(_used));
            _used += bytes.Length;
        }

        private void Flush()
        {
            _hash.Append(_buffer.AsSpan(0, _used));
            _used = 0;
        }
    }

    /// <summary>A record type's properties, each with its getter, and whether every one holds a plain value (text, a number, a date, a choice).</summary>
    /// <param name="Names">The digest of the type's property names, written once for each record instead of each name.</param>
    private sealed record RecordShape(Func<object, object?>[] Getters, bool Plain, UInt128 Names);

    private static RecordShape ShapeOf(Type type) => Shapes.GetOrAdd(type, t =>
    {
        var properties = PropertiesOf(t);
        var names = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(string.Join("\n", properties.Select(p => p.Name)).AsSpan()));
        return new(GettersOf(t, properties), properties.All(p => IsPlain(p.PropertyType)), names);
    });

    private static bool IsPlain(Type type) =>
        type == typeof(string) || (type.IsValueType && type != typeof(ReadOnlyMemory<byte>) && !typeof(ITuple).IsAssignableFrom(type));

    /// <summary>
    /// Each property's getter as a delegate, made once per type: reflection's GetValue costs more
    /// than the rest of a key when code is compiled as it runs. Compiled ahead of time, there is no
    /// compiler to make a delegate with, and GetValue is what remains.
    /// </summary>
    private static Func<object, object?>[] GettersOf(Type type, PropertyInfo[] properties) =>
        [.. properties.Select(p =>
        {
            if (!RuntimeFeature.IsDynamicCodeCompiled) return (Func<object, object?>)p.GetValue;
            var instance = System.Linq.Expressions.Expression.Parameter(typeof(object));
            var read = System.Linq.Expressions.Expression.Convert(
                System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(instance, type), p), typeof(object));
            return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(read, instance).Compile();
        })];
}
