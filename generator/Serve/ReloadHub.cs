using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SiteGen.Serve;

/// <summary>Open pages listening for Server-Sent Events; a rebuild sends them "reload" or "errors".</summary>
public sealed class ReloadHub
{
    private readonly ConcurrentDictionary<Guid, Channel<string>> _listeners = new();

    public (Guid Id, ChannelReader<string> Events) Subscribe()
    {
        var channel = Channel.CreateUnbounded<string>();
        var id = Guid.NewGuid();
        _listeners[id] = channel;
        return (id, channel.Reader);
    }

    public void Unsubscribe(Guid id)
    {
        if (_listeners.TryRemove(id, out var channel)) channel.Writer.TryComplete();
    }

    /// <summary>Sends one event, already in text/event-stream form, to every open page.</summary>
    public void Broadcast(string eventName, string data)
    {
        var message = $"event: {eventName}\n" + string.Concat(data.Split('\n').Select(line => $"data: {line}\n")) + "\n";
        foreach (var channel in _listeners.Values) channel.Writer.TryWrite(message);
    }

    public int Count => _listeners.Count;

    /// <summary>Ends every open event stream, so the server can stop without waiting for the pages to leave.</summary>
    public void CloseAll()
    {
        foreach (var id in _listeners.Keys) Unsubscribe(id);
    }
}
